"""Read and check ``data/boundaries.geojson``: the outlines the maps are drawn from (optional; without it the maps
show the places alone).

A GeoJSON FeatureCollection whose features each carry, in ``properties``: ``id``, ``name``, ``kind`` (country,
region, road), ``source`` (an id in sources.yml), ``licence``, and optionally ``place`` (the place it draws) and
``places`` (a line drawn through these places, with ``"geometry": null``). Geometry is a Polygon, MultiPolygon,
LineString or MultiLineString in longitude, latitude. Every problem is ``path:line: feature N ('id'): what is
wrong (where, as a JSON path); how to fix``, all in one run; the line is the feature's.

The file is bounded (bytes, features, points) so a pull request cannot make every build slow.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from macros.load.problems import Problem, did_you_mean, shown
from macros.load.regular_files import not_regular, refusal
from macros.model.boundaries import BOUNDARY_KINDS, Boundary, Point

FILE_NAME = "boundaries.geojson"
MAX_BYTES = 2_000_000
MAX_FEATURES = 500
MAX_POINTS = 20_000  # all features together; the seed's countries have under 1,000
PROPERTIES = {"id", "name", "kind", "source", "licence", "place", "places"}
REQUIRED = ("id", "name", "kind", "source", "licence")
SHAPES = {"Polygon": "area", "MultiPolygon": "area", "LineString": "line", "MultiLineString": "line"}
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_WS = re.compile(r"[ \t\n\r]*")

# What a reference resolves against: place id -> whether it has coordinates; the ids of sources.
Places = dict[str, bool]


def feature_lines(text: str) -> list[int]:
    """The line each feature of ``features`` starts on, read with the same decoder (so any layout works): the
    check's messages point at the feature."""
    decoder = json.JSONDecoder(parse_constant=lambda name: 0.0)
    lines: list[int] = []
    index = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if text[index:index + 1] != "{":
        return lines
    index += 1
    while True:
        index = _WS.match(text, index).end()  # type: ignore[union-attr]
        if text[index:index + 1] != '"':
            return lines
        key, index = decoder.raw_decode(text, index)
        index = _WS.match(text, index).end() + 1  # type: ignore[union-attr]  # past ':'
        index = _WS.match(text, index).end()  # type: ignore[union-attr]
        if key == "features" and text[index:index + 1] == "[":
            index += 1
            while True:
                index = _WS.match(text, index).end()  # type: ignore[union-attr]
                if text[index:index + 1] in ("]", ""):
                    return lines
                lines.append(text.count("\n", 0, index) + 1)
                _value, index = decoder.raw_decode(text, index)
                index = _WS.match(text, index).end()  # type: ignore[union-attr]
                if text[index:index + 1] == ",":
                    index += 1
        _value, index = decoder.raw_decode(text, index)
        index = _WS.match(text, index).end()  # type: ignore[union-attr]
        if text[index:index + 1] == ",":
            index += 1


def load_boundaries(file: Path, shown_path: str, places: Places, sources: set[str],
                    unreadable: set[str]) -> tuple[list[Problem], tuple[Boundary, ...]]:
    """The checked features of ``file`` and every problem found. A missing file is no problem: no outlines."""
    what = not_regular(file)
    if what is not None:  # a link, a FIFO, a device: refused before anything reads it (see regular_files)
        return [Problem(shown_path, 1, refusal(what))], ()
    if not file.exists():
        return [], ()
    size = file.stat().st_size
    if size > MAX_BYTES:
        return [Problem(shown_path, 1, f"the file is {size:,} bytes, more than the {MAX_BYTES:,} a build reads; "
                                       "simplify the outlines or cut them to the story's region "
                                       "(scripts/boundaries.py does both)")], ()
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        return [Problem(shown_path, raw[: error.start].count(b"\n") + 1,
                        f"the file is not UTF-8 text (byte 0x{raw[error.start]:02X}); save it as UTF-8")], ()
    try:
        document = json.loads(text)  # NaN and Infinity are read, and refused where they stand
    except json.JSONDecodeError as error:
        return [Problem(shown_path, error.lineno, f"not valid JSON: {error.msg} (column {error.colno}); "
                                                  "correct the syntax (a GeoJSON file is JSON)")], ()
    if (not isinstance(document, dict) or document.get("type") != "FeatureCollection"
            or not isinstance(document.get("features"), list)):
        return [Problem(shown_path, 1, 'the file is not a GeoJSON FeatureCollection; write '
                                       '{"type": "FeatureCollection", "features": [...]}')], ()
    features = document["features"]
    if len(features) > MAX_FEATURES:
        return [Problem(shown_path, 1, f"{len(features)} features, more than the {MAX_FEATURES} a build draws; "
                                       "keep the countries and places around the story")], ()
    lines = feature_lines(text)
    checker = _Checker(shown_path, places, sources, unreadable)
    boundaries = []
    seen: dict[str, int] = {}
    for index, feature in enumerate(features):
        line = lines[index] if index < len(lines) else 1
        properties = feature.get("properties") if isinstance(feature, dict) else None
        fid = properties.get("id") if isinstance(properties, dict) else None
        if isinstance(fid, str) and fid in seen:
            checker.problem(line, index, fid, f"the id {fid!r} is already used by feature {seen[fid]}; give each "
                                              "feature its own id")
        elif isinstance(fid, str):
            seen[fid] = index
        boundary = checker.feature(index, line, feature)
        if boundary is not None:
            boundaries.append(boundary)
    if checker.points > MAX_POINTS:
        checker.problems.append(Problem(shown_path, 1, f"{checker.points:,} points in all, more than the "
                                                       f"{MAX_POINTS:,} a build draws; simplify the outlines "
                                                       "(scripts/boundaries.py, TOLERANCE) or cut them to the "
                                                       "story's region"))
    return checker.problems, tuple(boundaries)


class _Checker:
    def __init__(self, path: str, places: Places, sources: set[str], unreadable: set[str]) -> None:
        self.path, self.places, self.sources, self.unreadable = path, places, sources, unreadable
        self.problems: list[Problem] = []
        self.points = 0

    def problem(self, line: int, index: int, feature_id: object, message: str) -> None:
        label = f"feature {index}" + (f" ({shown(feature_id)})" if isinstance(feature_id, str) else "")
        self.problems.append(Problem(self.path, line, f"{label}: {message}"))

    def feature(self, index: int, line: int, feature: Any) -> Boundary | None:
        at = f"features[{index}]"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            self.problem(line, index, None, f'{at} is not a GeoJSON Feature; write {{"type": "Feature", '
                                            '"properties": {...}, "geometry": {...}}')
            return None
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            self.problem(line, index, None, f"{at}.properties is missing; give it id, name, kind, source, licence")
            return None
        fid = properties.get("id")
        say: Callable[[str], None] = lambda message: self.problem(line, index, fid, message)  # noqa: E731
        before = len(self.problems)
        self._properties(at, properties, say)
        geometry = feature.get("geometry", "missing")
        shape: str | None = None
        parts: list[tuple[Point, ...]] = []
        if geometry is None:
            if not properties.get("places"):
                say(f"{at}.geometry is null and no `places` are named; give a geometry, or the places a line "
                    "goes through")
            shape = "line"
        elif not isinstance(geometry, dict) or geometry.get("type") not in SHAPES:
            kind = geometry.get("type") if isinstance(geometry, dict) else geometry
            say(f"{at}.geometry is {shown(kind)}, not a geometry the maps draw; use Polygon, MultiPolygon, "
                "LineString or MultiLineString (or null with `places`)")
        else:
            if properties.get("places"):
                say(f"{at} has both a geometry and `places`; keep one (a line through places has "
                    '"geometry": null)')
            shape = SHAPES[geometry["type"]]
            parts = self._geometry(f"{at}.geometry.coordinates", geometry["type"], geometry.get("coordinates"), say)
        if len(self.problems) > before or shape is None:
            return None
        return Boundary(id=properties["id"], name=properties["name"], kind=properties["kind"],
                        source=properties["source"], licence=properties["licence"],
                        shape=shape, parts=tuple(parts),  # type: ignore[arg-type]
                        place=properties.get("place"), places=tuple(properties.get("places", ())))

    def _properties(self, at: str, properties: dict[str, Any], say: Callable[[str], None]) -> None:
        for key in properties:
            if key not in PROPERTIES:
                say(f"{at}.properties has the unknown key {shown(key)}{did_you_mean(str(key), PROPERTIES)}; the "
                    f"maps read only {', '.join(sorted(PROPERTIES))}: remove it")
        for key in REQUIRED:
            value = properties.get(key)
            if not isinstance(value, str) or not value.strip():
                say(f"{at}.properties.{key} is missing; write it as text"
                    + (" (an id in data/sources.yml)" if key == "source" else "")
                    + (" (public domain, CC BY 4.0, ODbL…)" if key == "licence" else ""))
        if isinstance(properties.get("id"), str) and not _ID.match(properties["id"]):
            say(f"{at}.properties.id {shown(properties['id'])} is not an id; use lower-case letters, digits and "
                "hyphens")
        kind = properties.get("kind")
        if isinstance(kind, str) and kind not in BOUNDARY_KINDS:
            say(f"{at}.properties.kind is {shown(kind)}; write one of {', '.join(BOUNDARY_KINDS)}")
        source = properties.get("source")
        if isinstance(source, str) and source and "source" not in self.unreadable and source not in self.sources:
            hint = did_you_mean(source, self.sources) or "; add it to data/sources.yml or correct the id"
            say(f"{at}.properties.source cites unknown source {shown(source)}{hint}")
        if "place" in properties:
            self._place(f"{at}.properties.place", properties["place"], say, need_coordinates=False)
        if "places" in properties:
            places = properties["places"]
            if not isinstance(places, list) or len(places) < 2:
                say(f"{at}.properties.places must list at least two place ids, in the order the line goes through")
            else:
                for number, place in enumerate(places):
                    self._place(f"{at}.properties.places[{number}]", place, say, need_coordinates=True)

    def _place(self, at: str, ref: Any, say: Callable[[str], None], need_coordinates: bool) -> None:
        if "place" in self.unreadable:
            return
        if not isinstance(ref, str) or ref not in self.places:
            hint = did_you_mean(str(ref), self.places) or "; add it to data/places.yml or correct the id"
            say(f"{at} names unknown place {shown(ref)}{hint}")
        elif need_coordinates and not self.places[ref]:
            say(f"{at}: place {ref!r} has no coordinates, so no line can go through it; give it coordinates in "
                "data/places.yml or leave it out")

    def _geometry(self, at: str, kind: str, coordinates: Any,
                  say: Callable[[str], None]) -> list[tuple[Point, ...]]:
        """The geometry's rings or lines, each checked; a depth-first walk that names where a problem is."""
        depth = {"LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}[kind]
        found: list[tuple[Point, ...]] = []

        def walk(value: Any, where: str, level: int) -> None:
            if not isinstance(value, list) or not value:
                say(f"{where} is {'empty' if value == [] else shown(value)}; a {kind} holds "
                    f"{'lists of ' * (level - 1)}positions [longitude, latitude]")
                return
            if level > 1:
                for number, item in enumerate(value):
                    walk(item, f"{where}[{number}]", level - 1)
                return
            points = self._positions(value, where, say)
            if points is None:
                return
            if kind in {"Polygon", "MultiPolygon"}:
                if len(points) < 4:
                    say(f"{where} is a ring of {len(points)} positions; a ring needs at least 4, the last "
                        "the same as the first")
                    return
                if points[0] != points[-1]:
                    say(f"{where} is not closed: it ends at {list(points[-1])}, not at its first position "
                        f"{list(points[0])}; repeat the first position at the end")
                    return
            elif len(points) < 2:
                say(f"{where} is a line of {len(points)} position; a line needs at least 2")
                return
            found.append(points)

        walk(coordinates, at, depth)
        return found

    def _positions(self, value: list[Any], where: str, say: Callable[[str], None]) -> tuple[Point, ...] | None:
        points: list[Point] = []
        for number, position in enumerate(value):
            here = f"{where}[{number}]"
            if (not isinstance(position, list) or len(position) not in (2, 3)
                    or not all(isinstance(item, int | float) and not isinstance(item, bool) for item in position)):
                say(f"{here} is {shown(position)}, not a position; write [longitude, latitude] in decimal degrees")
                return None
            lon, lat = float(position[0]), float(position[1])
            if not (math.isfinite(lon) and math.isfinite(lat)):
                say(f"{here} is {[position[0], position[1]]}, not finite numbers (NaN or Infinity is not JSON); "
                    "write decimal degrees")
                return None
            if not -180 <= lon <= 180 or not -90 <= lat <= 90:
                swapped = " (longitude and latitude swapped?)" if -90 <= lon <= 90 and -180 <= lat <= 180 else ""
                say(f"{here} is {[position[0], position[1]]}, outside longitude -180 to 180 and latitude -90 to "
                    f"90{swapped}; GeoJSON writes [longitude, latitude] in decimal degrees")
                return None
            points.append((lon, lat))
        self.points += len(points)
        return tuple(points)
