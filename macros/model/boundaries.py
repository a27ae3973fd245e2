"""Map outlines: the features of ``data/boundaries.geojson``, checked (countries, a region, a road).

A feature is drawn from its own coordinates (an outline from Natural Earth, a newsroom's line), or through the
places it names (``places``: a road drawn as a line through their coordinates, which have their own sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Point = tuple[float, float]  # (longitude, latitude), as GeoJSON writes them
BOUNDARY_KINDS = ("country", "region", "road")


@dataclass(frozen=True)
class Boundary:
    id: str
    name: str
    kind: Literal["country", "region", "road"]
    source: str  # an id in sources.yml
    licence: str
    shape: Literal["area", "line"]
    # An area's rings (outer rings and holes alike: drawn even-odd), or a line's parts; empty when drawn through
    # ``places``.
    parts: tuple[tuple[Point, ...], ...] = ()
    place: str | None = None  # the place this feature draws: its label follows the naming policy and links there
    places: tuple[str, ...] = ()  # a line through these places, in order

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) of its own coordinates, or None when drawn through places."""
        points = [point for part in self.parts for point in part]
        if not points:
            return None
        return (min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points),
                max(p[1] for p in points))
