"""Write data/boundaries.geojson: the country outlines around the story, from Natural Earth (public domain), as
the npm package world-atlas carries it (TopoJSON). Re-run it with `make boundaries`; never edit the outlines by hand.

What it does: fetch the pinned package with `npm pack` (or read a TopoJSON file given with --topojson), decode the
TopoJSON (quantized, delta-encoded arcs shared between neighbours), simplify each shared arc once (so neighbours
keep one common border), assemble the countries that touch the story's box, clip them to that box, round to
0.001° (about 100 m, finer than the 1:50m source) and write one feature per line. Features of the file that come
from another source (a newsroom's own: the corridor drawn through its places, the region's extent) are kept as
they are, after the countries.

    python scripts/boundaries.py [--topojson countries-50m.json] [--out data/boundaries.geojson]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "world-atlas@2.0.2"  # Natural Earth 4.1.0, 1:50m admin-0 countries
MEMBER = "package/countries-50m.json"
SOURCE = "natural-earth-world-atlas"  # the id of the package's entry in data/sources.yml
LICENCE = "public domain; world-atlas packaging: ISC"
# The box the story's maps can show (west, south, east, north), with room beyond the widest map.
BOX = (38.0, 36.0, 53.0, 44.5)
TOLERANCE = 0.01  # degrees: Douglas-Peucker tolerance, a pixel at the overview map's scale
DIGITS = 3
# Countries that are places of the story: their outline links to the place's page and is highlighted.
PLACE_OF = {"051": "armenia-country", "031": "azerbaijan-country"}
ROOT = Path(__file__).resolve().parent.parent

Point = tuple[float, float]


def fetch_topojson(folder: Path) -> dict[str, Any]:
    """The pinned world-atlas package from the npm registry, unpacked in ``folder``: its 1:50m countries."""
    subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", str(folder), "--silent"], check=True,
                   stdout=subprocess.DEVNULL)
    archive = next(folder.glob("world-atlas-*.tgz"))
    with tarfile.open(archive) as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"{archive.name} holds no {MEMBER}")
        return dict(json.load(member))


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Each arc as (lon, lat) points: positions are quantized integers, each a delta from the one before."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, keeping both ends (an arc's ends are where it meets its neighbours)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        far, index = 0.0, -1
        for middle in range(first + 1, last):
            x0, y0 = points[middle]
            distance = (abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length if length
                        else ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5)
            if distance > far:
                far, index = distance, middle
        if far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    """A ring from its arcs; ``~i`` (a negative index) is arc i reversed. Each arc starts where the last ended."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc if not points else arc[1:]
    return points


def clip(points: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """A closed ring cut to the box (Sutherland-Hodgman): what lies outside follows the box's edge."""
    west, south, east, north = box
    edges = ((0, west, True), (0, east, False), (1, south, True), (1, north, False))
    for axis, limit, keep_above in edges:
        if not points:
            break
        result: list[Point] = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if _inside(current, axis, limit, keep_above):
                if not _inside(previous, axis, limit, keep_above):
                    result.append(_crossing(previous, current, axis, limit))
                result.append(current)
            elif _inside(previous, axis, limit, keep_above):
                result.append(_crossing(previous, current, axis, limit))
        points = result
    return points


def _inside(point: Point, axis: int, limit: float, keep_above: bool) -> bool:
    return point[axis] >= limit if keep_above else point[axis] <= limit


def _crossing(a: Point, b: Point, axis: int, limit: float) -> Point:
    share = (limit - a[axis]) / (b[axis] - a[axis])
    return (limit, a[1] + share * (b[1] - a[1])) if axis == 0 else (a[0] + share * (b[0] - a[0]), limit)


def _rounded(points: list[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def countries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    """Every country that reaches into BOX, cut to it, as GeoJSON features."""
    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology)]
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        kept = []
        for polygon in polygons:
            rings = [_rounded(clip(ring(arcs, indexes)[:-1], BOX)) for indexes in polygon]
            if len(rings[0]) >= 4:  # the outer ring reaches into the box (a hole that does not is dropped)
                kept.append([part for part in rings if len(part) >= 4])
        if not kept:
            continue
        name = geometry["properties"]["name"]
        properties: dict[str, Any] = {"id": _slug(name), "name": name, "kind": "country", "source": SOURCE,
                                      "licence": LICENCE}
        if geometry.get("id") in PLACE_OF:
            properties["place"] = PLACE_OF[geometry["id"]]
        shape = {"type": "Polygon", "coordinates": kept[0]} if len(kept) == 1 else {
            "type": "MultiPolygon", "coordinates": kept}
        features.append({"type": "Feature", "properties": properties, "geometry": shape})
    return sorted(features, key=lambda feature: feature["properties"]["id"])


def _slug(name: str) -> str:
    return "-".join("".join(char.lower() if char.isalnum() else " " for char in name).split())


def write(features: list[dict[str, Any]], out: Path) -> None:
    """One feature per line, so a diff shows which outline changed and the check's line numbers point at it."""
    lines = [json.dumps({"type": "Feature", "properties": dict(sorted(feature["properties"].items())),
                         "geometry": feature["geometry"]}, ensure_ascii=False, separators=(",", ":"))
             for feature in features]
    out.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topojson", type=Path, help="a world-atlas countries-*.json (default: npm pack " +
                        PACKAGE + ")")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "boundaries.geojson")
    args = parser.parse_args(argv)
    if args.topojson:
        topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as folder:
            topology = fetch_topojson(Path(folder))
    kept = []
    if args.out.exists():  # the newsroom's own features stay
        kept = [feature for feature in json.loads(args.out.read_text(encoding="utf-8"))["features"]
                if (feature.get("properties") or {}).get("source") != SOURCE]
    made = countries(topology)
    write([*made, *kept], args.out)
    vertices = sum(len(ring) for feature in made for polygon in (
        feature["geometry"]["coordinates"] if feature["geometry"]["type"] == "MultiPolygon"
        else [feature["geometry"]["coordinates"]]) for ring in polygon)
    print(f"{args.out}: {len(made)} countries ({vertices} points) from {PACKAGE}, {len(kept)} other features kept",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
