"""Maps drawn at build time as inline SVG: no script, no tiles, no request; they print and work from file://.

Three maps, from the same parts:

- ``overview_map``: the home page's map: the story's countries, the region, the places of the key events, the
  road (a line feature);
- ``place_map``: a place among its neighbours (a country: its outline and the places in it);
- ``event_map``: the places of an event.

Outlines come from ``data/boundaries.geojson`` (``Dataset.boundaries``); places from their sourced coordinates. A
region with no outline (the data holds none openly licensed) is drawn as the area around the places located in
it, dashed and said to be no boundary. The projection is equirectangular, longitudes scaled by the cosine of the
map's middle latitude: north is up and, at this scale, distances are true to a few percent, so a scale bar holds.

Every map is ``role="img"`` with a title and a description, and beside it the same content as text: each place
shown, linked. The marks in the picture link to the same pages for a pointer or a finger (a hit area of at least
24 CSS pixels on a phone); they are out of the tab order, since the list beside gives the keyboard those links once.
Labels follow the naming policy. Every value from data is escaped by ``html``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from macros.model import Dataset, Place, naming
from macros.model.boundaries import Boundary, Point
from macros.site.safe_html import html

WIDTH = 440.0  # viewBox units; the SVG is as wide as its column (about 360 px on a phone, 460 on a laptop)
FONT = 14.0  # label size in viewBox units: 11.5 px on a phone
HIT = 32.0  # smallest side of a place's hit area, in viewBox units: 26 px on a phone
KM_PER_DEGREE = 111.32
MIN_SPAN = 0.9  # degrees of latitude a map shows at least, so a lone place still has its surroundings
LOCATOR_SPAN = 1.1  # degrees of latitude around a place on its own page
MAX_MARKS = 24  # places a map draws at most (a locator in a dense dataset keeps the nearest)
REGION_PAD_KM = 6.0  # how far the area around a region's places reaches beyond them
STORY_KINDS = {"country"}

XY = tuple[float, float]


@dataclass(frozen=True)
class Frame:
    """The part of the earth a map shows and how it projects: (lon, lat) to viewBox (x, y), north up."""

    west: float
    south: float
    east: float
    north: float
    height: float

    @property
    def cos(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:  # viewBox units per degree of latitude
        return WIDTH / ((self.east - self.west) * self.cos)

    def xy(self, point: Point) -> XY:
        return ((point[0] - self.west) * self.cos * self.scale, (self.north - point[1]) * self.scale)


def frame_around(points: Sequence[Point], min_span: float = MIN_SPAN, pad: float = 0.12) -> Frame:
    """A frame holding ``points`` with a margin, at least ``min_span`` degrees of latitude tall, between 3:5 and
    4:5 in shape (a locator map, not a strip)."""
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    cos = math.cos(math.radians((south + north) / 2))
    width, tall = (east - west) * cos, north - south
    width, tall = width + 2 * pad * max(width, tall, min_span), tall + 2 * pad * max(width, tall, min_span)
    tall = max(tall, min_span, width * 0.6)
    width = max(width, tall / 0.8)
    middle_lon, middle_lat = (west + east) / 2, (south + north) / 2
    half_lon = width / cos / 2
    frame = Frame(middle_lon - half_lon, middle_lat - tall / 2, middle_lon + half_lon, middle_lat + tall / 2, 0.0)
    return Frame(frame.west, frame.south, frame.east, frame.north, round(tall * frame.scale, 1))


@dataclass(frozen=True)
class Mark:
    place: Place
    xy: XY
    focus: bool = False
    road: bool = False  # the place a road feature draws: the line is its mark, the name labels it


@dataclass(frozen=True)
class Content:
    """What one map shows: its title, its places, regions (with the places they are drawn around), roads."""

    key: str  # makes the title's and description's ids unique on the page
    title: str
    places: tuple[Place, ...]
    regions: tuple[tuple[Place, tuple[Place, ...]], ...] = ()
    roads: tuple[Boundary, ...] = ()
    focus: str | None = None
    extent: tuple[Point, ...] = ()  # more points the frame must hold (a country's outline)
    min_span: float = MIN_SPAN


# Placement --------------------------------------------------------------------------------------------------------


def _label_width(text: str) -> float:
    wide = sum(1 for char in text if not char.isascii())  # Armenian, Cyrillic letters run wider than Latin ones
    return (len(text) * 0.55 + wide * 0.08) * FONT


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


# Where a label may stand beside its mark: (dx, dy of the baseline start, text-anchor).
_SPOTS = ((8.0, 4.5, "start"), (-8.0, 4.5, "end"), (0.0, -9.0, "middle"), (0.0, 17.0, "middle"),
          (7.0, -6.0, "start"), (-7.0, -6.0, "end"), (7.0, 15.0, "start"), (-7.0, 15.0, "end"))


def place_labels(marks: Sequence[Mark], texts: Sequence[str], frame: Frame,
                 taken: Iterable[tuple[float, float, float, float]] = ()) -> list[tuple[float, float, str]]:
    """For each mark, where its label goes: the spot that overlaps the labels and marks already placed the
    least, inside the frame (the focus and the first marks choose first). Every label is drawn."""
    boxes = list(taken) + [(m.xy[0] - 5, m.xy[1] - 5, m.xy[0] + 5, m.xy[1] + 5) for m in marks]
    found: list[tuple[float, float, str]] = []
    for mark, text in zip(marks, texts, strict=True):
        width = _label_width(text)
        best: tuple[float, tuple[float, float, str], tuple[float, float, float, float]] | None = None
        for dx, dy, anchor in _SPOTS:
            x, y = mark.xy[0] + dx, mark.xy[1] + dy
            left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
            box = (left, y - FONT * 0.8, left + width, y + FONT * 0.25)
            outside = (max(0.0, -box[0]) + max(0.0, box[2] - WIDTH) + max(0.0, -box[1])
                       + max(0.0, box[3] - frame.height)) * FONT * 4
            score = outside + sum(_overlap(box, other) for other in boxes)
            if best is None or score < best[0] - 0.01:
                best = (score, (x, y, anchor), box)
            if score == 0:
                break  # a free spot: the first free one in the order of preference
        assert best is not None
        found.append(best[1])
        boxes.append(best[2])
    return found


# Geometry ---------------------------------------------------------------------------------------------------------


def _clip(ring: list[XY], box: tuple[float, float, float, float]) -> list[XY]:
    """A closed ring cut to a box (Sutherland-Hodgman): the part off the map is not written into the page."""
    for axis, limit, low in ((0, box[0], True), (0, box[2], False), (1, box[1], True), (1, box[3], False)):
        if not ring:
            return ring
        out: list[XY] = []
        for index, current in enumerate(ring):
            previous = ring[index - 1]
            current_in = current[axis] >= limit if low else current[axis] <= limit
            previous_in = previous[axis] >= limit if low else previous[axis] <= limit
            if current_in != previous_in:
                share = (limit - previous[axis]) / (current[axis] - previous[axis])
                other = 1 - axis
                crossing = [0.0, 0.0]
                crossing[axis] = limit
                crossing[other] = previous[other] + share * (current[other] - previous[other])
                out.append((crossing[0], crossing[1]))
            if current_in:
                out.append(current)
        ring = out
    return ring


def _path(points: Iterable[XY], close: bool) -> str:
    """SVG path data, to a tenth of a unit (a fraction of a pixel), repeated points dropped."""
    parts: list[str] = []
    last = ""
    for x, y in points:
        here = f"{x:.1f} {y:.1f}"
        if here != last:
            parts.append(here)
            last = here
    if len(parts) < 2:
        return ""
    return "M" + "L".join(parts) + ("Z" if close else "")


def _area_path(boundary: Boundary, frame: Frame) -> tuple[str, list[XY]]:
    """The outline's path within the frame, and its largest visible ring (where its label goes)."""
    margin = 8.0
    box = (-margin, -margin, WIDTH + margin, frame.height + margin)
    paths, largest, largest_area = [], [], 0.0
    for ring in boundary.parts:
        clipped = _clip([frame.xy(point) for point in ring], box)
        path = _path(clipped, close=True)
        if path:
            paths.append(path)
            area = abs(_signed_area(clipped))
            if area > largest_area:
                largest, largest_area = clipped, area
    return "".join(paths), largest


def _signed_area(ring: Sequence[XY]) -> float:
    return sum(ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1] for i in range(len(ring))) / 2


def _centroid(ring: Sequence[XY]) -> XY | None:
    area = _signed_area(ring)
    if abs(area) < 1e-6:
        return None
    x = sum((ring[i - 1][0] + ring[i][0]) * (ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1])
            for i in range(len(ring))) / (6 * area)
    y = sum((ring[i - 1][1] + ring[i][1]) * (ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1])
            for i in range(len(ring))) / (6 * area)
    return x, y


def hull(points: Sequence[XY]) -> list[XY]:
    """The convex hull (monotone chain), counter-clockwise."""
    unique = sorted(set(points))
    if len(unique) < 3:
        return unique

    def cross(o: XY, a: XY, b: XY) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[XY] = []
    upper: list[XY] = []
    for point in unique:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(unique):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


def region_area(places: Sequence[Place], frame: Frame) -> list[XY]:
    """The area around a region's places: the hull of a small circle about each (so one or two places still make
    an area), in viewBox units. It says where the places are, not where the region ends."""
    radius = REGION_PAD_KM / KM_PER_DEGREE * frame.scale
    corners = hull([frame.xy((place.coordinates.lon, place.coordinates.lat)) for place in places
                    if place.coordinates])  # only the outermost places shape the area
    return hull([(x + radius * _CIRCLE[step][0], y + radius * _CIRCLE[step][1]) for x, y in corners
                 for step in range(12)])


_CIRCLE = tuple((math.cos(step * math.pi / 6), math.sin(step * math.pi / 6)) for step in range(12))


def _scale_bar(frame: Frame) -> Markup:
    """A bar of a round number of kilometres, about a fifth of the map's width, bottom left."""
    km_per_unit = KM_PER_DEGREE / frame.scale
    target = WIDTH / 5 * km_per_unit
    length = max((n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000) if n <= target), default=1)
    units = length / km_per_unit
    x, y = 12.0, frame.height - 12.0
    return html('<g class="ex-map-scale" aria-hidden="true"><path d="M{:.1f} {:.1f}v4h{:.1f}v-4"/>'
                '<text x="{:.1f}" y="{:.1f}">{} km</text></g>', x, y - 4, units, x + units + 5, y + 1, length)


# Drawing ----------------------------------------------------------------------------------------------------------


def _coordinates(place: Place) -> Point | None:
    return (place.coordinates.lon, place.coordinates.lat) if place.coordinates else None


def _label(place: Place, policy: naming.NamingPolicy) -> tuple[str, str]:
    """The name the policy shows, and its language tag (empty for the data's own ``name``)."""
    name = naming.primary_name(place, policy)
    if name is None:
        return place.name, ""
    lang = f"{name.lang}-{name.script}" if name.script and "-" not in name.lang else name.lang
    return name.text, lang


def feature_name(dataset: Dataset, policy: naming.NamingPolicy, feature: Boundary) -> str:
    """What a feature is called: its place's name under the naming policy, else its own ``name``."""
    place = dataset.places.get(feature.place) if feature.place else None
    return naming.shown_text(place, policy) if place else feature.name


def _road_points(dataset: Dataset, road: Boundary) -> list[Point]:
    if road.places:
        return [point for place_id in road.places if (point := _coordinates(dataset.places[place_id]))]
    return [point for part in road.parts for point in part]


@dataclass
class Drawing:
    """A map drawn: its SVG, and what the text beside it says of it (the legend's keys, the features drawn)."""

    layers: list[Markup]
    taken: list[tuple[float, float, float, float]]  # where names already stand
    drawn: list[Boundary]  # outlines and roads, in order
    legend: list[str]  # "story", "land", "region", "road"
    countries: list[str]  # the names of the story's countries shown
    country_labels: list[tuple[XY, str, str, bool]] = field(default_factory=list)  # (middle, name, lang, story)
    svg: Markup = field(default_factory=Markup)


def draw(dataset: Dataset, policy: naming.NamingPolicy, content: Content, href: Callable[[Place], str]) -> Drawing:
    """One map (``href``: the URL of a place's page, relative to the page drawn on)."""
    located = [place for place in content.places if place.coordinates][:MAX_MARKS]
    points: list[Point] = [p for place in located if (p := _coordinates(place))]
    points += list(content.extent)
    for road in content.roads:
        points += _road_points(dataset, road)
    for _region, within in content.regions:
        points += [p for place in within if (p := _coordinates(place))]
    frame = frame_around(points, content.min_span)
    drawing = Drawing([], [], [], [], [])
    _draw_areas(dataset, policy, content, frame, drawing)
    areas = [(region, region_area(within, frame)) for region, within in content.regions]
    for _region, area in areas:
        if len(area) >= 3:
            drawing.layers.append(html('<path class="ex-map-region" d="{}"/>', _path(area, close=True)))
            _key(drawing, "region")
    for road in content.roads:
        path = _path((frame.xy(point) for point in _road_points(dataset, road)), close=False)
        if path:
            drawing.layers.append(html('<path class="ex-map-road" d="{}"/>', path))
            _key(drawing, "road")
            drawing.drawn.append(road)
    _draw_region_labels(policy, areas, drawing)
    roads = {road.place for road in content.roads if road.place}
    marks = [Mark(place, frame.xy(_coordinates(place) or (0, 0)), place.id == content.focus, place.id in roads)
             for place in located]
    marks.sort(key=lambda mark: not mark.focus)  # the focus chooses its label's spot first
    texts = [_label(mark.place, policy)[0] for mark in marks]
    spots = place_labels(marks, texts, frame, drawing.taken)
    for mark, (x, y, _anchor) in zip(marks, spots, strict=True):
        width = _label_width(_label(mark.place, policy)[0])
        left = x if _anchor == "start" else x - width if _anchor == "end" else x - width / 2
        drawing.taken.append((left, y - FONT * 0.8, left + width, y + FONT * 0.25))
    drawing.layers += _country_names(frame, drawing)
    drawing.layers.append(_scale_bar(frame))
    links = [_mark(mark, _label(mark.place, policy), spot, href(mark.place))
             for mark, spot in zip(marks, spots, strict=True)]
    title_id, desc_id = f"ex-map-{content.key}-title", f"ex-map-{content.key}-desc"
    # The picture is role="img" (its title and description speak for it); the places' links lie over it, outside
    # it, since an image holds no control. They are hidden from screen readers and the tab order: the list beside
    # the map gives them the same links once.
    drawing.svg = html('<svg class="ex-map-svg" viewBox="0 0 {w:.0f} {h:.1f}" width="100%" '
                       'xmlns="http://www.w3.org/2000/svg"><svg role="img" aria-labelledby="{t} {d}" viewBox="0 0 '
                       '{w:.0f} {h:.1f}"><title id="{t}">{title}</title><desc id="{d}">{desc}</desc>'
                       '<rect class="ex-map-water" width="100%" height="100%"/>{picture}</svg>'
                       '<g class="ex-map-links" aria-hidden="true">{links}</g></svg>',
                       w=WIDTH, h=frame.height, t=title_id, d=desc_id, title=content.title,
                       desc=describe(dataset, policy, content, located, drawing.countries),
                       picture=Markup("").join(drawing.layers), links=Markup("").join(links))
    return drawing


def _key(drawing: Drawing, key: str) -> None:
    if key not in drawing.legend:
        drawing.legend.append(key)


def _draw_areas(dataset: Dataset, policy: naming.NamingPolicy, content: Content, frame: Frame,
                drawing: Drawing) -> None:
    """Country outlines (the story's highlighted) and their names, where they show."""
    view = (frame.west - 1, frame.south - 1, frame.east + 1, frame.north + 1)
    labels = []
    for boundary in dataset.boundaries:
        box = boundary.bbox
        if boundary.shape != "area" or box is None or box[2] < view[0] or box[0] > view[2] or box[3] < view[1] \
                or box[1] > view[3]:
            continue
        path, largest = _area_path(boundary, frame)
        if not path:
            continue
        story = boundary.place is not None and boundary.kind in STORY_KINDS
        focus = boundary.place is not None and boundary.place == content.focus
        css = "ex-map-land" + (" ex-map-land--story" if story else "") + (" ex-map-land--focus" if focus else "")
        drawing.layers.append(html('<path class="{}" d="{}"/>', css, path))
        _key(drawing, "story" if story else "land")
        drawing.drawn.append(boundary)
        place = dataset.places.get(boundary.place) if boundary.place else None
        if story and place:
            drawing.countries.append(naming.shown_text(place, policy))
        centre = _centroid(largest)
        if centre is None or _area_span(largest) < 60:
            continue  # too little of it shows to hold a name
        text, lang = _label(place, policy) if place else (boundary.name, "")
        labels.append((centre, text, lang, story))
    drawing.country_labels = labels


# Where a country's name may move from the middle of its outline, in viewBox units, nearest first.
_NUDGES = ((0, 0), (0, 22), (0, -22), (40, 0), (-40, 0), (40, 22), (-40, 22), (40, -22), (-40, -22), (0, 44),
           (0, -44), (80, 0), (-80, 0))


def _country_names(frame: Frame, drawing: Drawing) -> list[Markup]:
    """The countries' names, each moved off the places' names and marks if it would cover them."""
    out = []
    for (cx, cy), text, lang, story in drawing.country_labels:
        shown_text = text if lang else text.upper()
        width = _label_width(shown_text) * 1.15
        best: tuple[float, float, float] | None = None
        for dx, dy in _NUDGES:
            x = min(max(cx + dx, width / 2 + 6), WIDTH - width / 2 - 6)
            y = min(max(cy + dy, FONT + 4), frame.height - 18)
            box = (x - width / 2, y - FONT, x + width / 2, y + 3)
            score = sum(_overlap(box, other) for other in drawing.taken) + abs(dx) * 0.01 + abs(dy) * 0.01
            if best is None or score < best[0]:
                best = (score, x, y)
        assert best is not None
        _score, x, y = best
        drawing.taken.append((x - width / 2, y - FONT, x + width / 2, y + 3))
        lang_attribute = html(' lang="{}"', lang) if lang else Markup("")
        out.append(html('<text class="ex-map-country{}" x="{:.1f}" y="{:.1f}"{} aria-hidden="true">{}</text>',
                        " ex-map-country--story" if story else "", x, y, lang_attribute, shown_text))
    return out


def _area_span(ring: Sequence[XY]) -> float:
    if not ring:
        return 0.0
    return min(max(p[0] for p in ring) - min(p[0] for p in ring), max(p[1] for p in ring) - min(p[1] for p in ring))


def _draw_region_labels(policy: naming.NamingPolicy, areas: Sequence[tuple[Place, list[XY]]],
                        drawing: Drawing) -> None:
    for region, area in areas:
        if len(area) < 3:
            continue
        text, lang = _label(region, policy)
        x = sum(p[0] for p in area) / len(area)
        y = min(p[1] for p in area) - 6
        width = _label_width(text)
        lang_attribute = html(' lang="{}"', lang) if lang else Markup("")
        drawing.taken.append((x - width / 2, y - FONT, x + width / 2, y + 2))
        drawing.layers.append(html('<text class="ex-map-region-name" x="{:.1f}" y="{:.1f}"{} aria-hidden="true">'
                                   '{}</text>', x, y, lang_attribute, text))


def _mark(mark: Mark, label: tuple[str, str], spot: tuple[float, float, str], href: str) -> Markup:
    """A place: a dot and its name, one link, with a hit area a finger can find."""
    (x0, y0), (x, y, anchor) = mark.xy, spot
    text, lang = label
    width = _label_width(text)
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    box = [min(left, x0 - 6), min(y - FONT, y0 - 6), max(left + width, x0 + 6), max(y + 4, y0 + 6)]
    if box[3] - box[1] < HIT:
        grow = (HIT - (box[3] - box[1])) / 2
        box[1], box[3] = box[1] - grow, box[3] + grow
    if box[2] - box[0] < HIT:
        grow = (HIT - (box[2] - box[0])) / 2
        box[0], box[2] = box[0] - grow, box[2] + grow
    lang_attribute = html(' lang="{}"', lang) if lang else Markup("")
    dot = html('<circle cx="{:.1f}" cy="{:.1f}" r="{}"/>', x0, y0, 6 if mark.focus else 4.5)
    if mark.focus:  # the place of the page itself: marked, not linked
        return html('<g class="ex-map-place ex-map-place--focus" data-place="{}">{}<text x="{:.1f}" y="{:.1f}" '
                    'text-anchor="{}"{}>{}</text></g>', mark.place.id, dot, x, y, anchor, lang_attribute, text)
    return html('<a class="ex-map-place{}" href="{}" tabindex="-1" data-place="{}">'
                '<rect class="ex-map-hit" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"/>'
                '{}<text x="{:.1f}" y="{:.1f}" text-anchor="{}"{}>{}</text></a>',
                " ex-map-place--focus" if mark.focus else " ex-map-place--road" if mark.road else "", href,
                mark.place.id, box[0], box[1], box[2] - box[0], box[3] - box[1],
                dot if not mark.road else Markup(""), x, y, anchor, lang_attribute, text)


def describe(dataset: Dataset, policy: naming.NamingPolicy, content: Content, located: Sequence[Place],
             countries: Sequence[str]) -> str:
    """The map in one sentence, for its ``<desc>``."""
    parts = []
    if countries:
        parts.append("the outlines of " + _and(countries))
    if located:
        parts.append("marks for " + _and([naming.shown_text(place, policy) for place in located]))
    for region, within in content.regions:
        parts.append(f"{naming.shown_text(region, policy)} as the area around the places located in it "
                     f"({_and([naming.shown_text(place, policy) for place in within])}), not a boundary")
    for road in content.roads:
        through = [naming.shown_text(dataset.places[place_id], policy) for place_id in road.places]
        parts.append(f"{feature_name(dataset, policy, road)} as a line" + (f" through {_and(through)}" if through
                                                                              else ""))
    return "North-up map showing " + "; ".join(parts) + "." if parts else "North-up map."


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
