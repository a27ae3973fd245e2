"""The maps on the pages: the SVG of ``maps`` in a figure with, beside it, the same content as text (each place
shown, linked), a legend, where the outlines come from (cited), and in words the places that have no coordinates.

``overview_map`` is the home page's (``{{ overview_map() }}``); place and event pages call ``place_map`` and
``event_map``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup

from macros.model import Dataset, Event, Place, naming
from macros.model.boundaries import Boundary
from macros.site import maps
from macros.site.render import PageContext, cite, entity_link, links
from macros.site.safe_html import html

LOCATOR_NEIGHBOURS = 11  # the nearest places a locator map shows around its place: more would crowd it
LEGEND = {
    "story": ('<span class="ex-map-key ex-map-key--story" aria-hidden="true"></span>', "the story’s countries"),
    "land": ('<span class="ex-map-key ex-map-key--land" aria-hidden="true"></span>', "other countries"),
    "region": ('<span class="ex-map-key ex-map-key--region" aria-hidden="true"></span>',
               "dashed: the area around the places located in a region, not its boundary"),
    "road": ('<span class="ex-map-key ex-map-key--road" aria-hidden="true"></span>', "{}"),
}


def _regions(ctx: PageContext, places: Sequence[Place]) -> tuple[tuple[Place, tuple[Place, ...]], ...]:
    """The places among ``places`` drawn as an area: no coordinates of their own, places with some inside."""
    found = []
    for place in places:
        if place.coordinates is None:
            within = tuple(other for other in ctx.dataset.places_within.get(place.id, ()) if other.coordinates)
            if within:
                found.append((place, within))
    return tuple(found)


def _figure(ctx: PageContext, content: maps.Content, missing: Sequence[Place]) -> Markup:
    data = ctx.dataset
    drawing = maps.draw(data, ctx.policy, content, ctx.href)
    roads = {road.place for road in content.roads}
    located = [place for place in content.places if place.coordinates][:maps.MAX_MARKS]
    items = [html("<li>{} <span class=\"ex-map-kind\">({})</span></li>",
                  html("<strong>{}</strong>", ctx.name_of(place)) if place.id == content.focus
                  else entity_link(ctx, place.id), place.category)  # (a page never links itself)
             for place in located if place.id not in roads]  # a road's place is listed with its line
    for region, within in content.regions:
        items.append(html('<li>{} <span class="ex-map-kind">(region, drawn as the area around {})</span></li>',
                          entity_link(ctx, region.id), links(ctx, [place.id for place in within])))
    for road in content.roads:
        through = links(ctx, road.places) if road.places else Markup("")
        name = entity_link(ctx, road.place) if road.place else html("{}", road.name)
        items.append(html('<li>{} <span class="ex-map-kind">(road, drawn as a line{})</span></li>', name,
                          html(" through {}", through) if through else Markup("")))
    legend = _legend(ctx, drawing)
    sources = list(dict.fromkeys(boundary.source for boundary in drawing.drawn))
    credit = Markup("")
    if sources:
        credit = html('<p class="ex-map-credit">Drawn from {}. Places stand where their sources put them.</p>',
                      Markup("; ").join(html("{} ({}){}", data.sources[source].publisher, licence, cite(ctx, [source]))
                                        for source, licence in dict.fromkeys(
                                            (boundary.source, boundary.licence) for boundary in drawing.drawn)))
    missing_text = _missing(ctx, missing)
    return html('<figure class="ex-map" id="map-{}" data-search-exclude><div class="ex-map-picture">{}</div>'
                '<figcaption class="ex-map-text"><p class="ex-map-heading">{}</p><ul class="ex-map-places">{}</ul>'
                '{}{}{}</figcaption></figure>',
                content.key, drawing.svg, content.title, Markup("").join(items), legend, credit, missing_text)


def _legend(ctx: PageContext, drawing: maps.Drawing) -> Markup:
    shown = []
    for key in ("story", "land", "region", "road"):
        if key in drawing.legend:
            swatch, text = LEGEND[key]
            road = next((maps.feature_name(ctx.dataset, ctx.policy, b) for b in drawing.drawn if b.shape == "line"),
                        "")
            shown.append((swatch, text.format(road) if key == "road" else text))
    if not shown:
        return Markup("")
    return html('<ul class="ex-map-legend">{}</ul>', Markup("").join(
        html("<li>{}{}</li>", Markup(swatch), text) for swatch, text in shown))  # noqa: S704 (a constant)


def _missing(ctx: PageContext, places: Sequence[Place]) -> Markup:
    if not places:
        return Markup("")
    return html('<p class="ex-map-missing">No sourced coordinates yet for {}: not on the map.</p>',
                links(ctx, [place.id for place in places]))


def overview_map(ctx: PageContext) -> Markup:
    """The home page's map: the story's countries, its region, the places of the key events, its roads."""
    data = ctx.dataset
    seed = data.seed
    places: list[Place] = []
    for event_id in seed.key_events if seed else ():
        for place_id in data.events[event_id].places:
            if data.places[place_id] not in places:
                places.append(data.places[place_id])
    roads = tuple(boundary for boundary in data.boundaries if boundary.shape == "line")
    extent = [point for boundary in data.boundaries if boundary.place and boundary.kind in maps.STORY_KINDS
              for part in boundary.parts for point in part]
    regions = _regions(ctx, places)
    missing = [place for place in places if place.coordinates is None and place.id not in {r.id for r, _ in regions}
               and not data.places_within.get(place.id)]
    shown = [place for place in places if place.coordinates and place.category not in maps.STORY_KINDS]
    if not shown and not regions and not extent:
        return _missing(ctx, missing)
    content = maps.Content("overview", "Where it happened", tuple(shown), regions, roads,
                           extent=tuple(extent), min_span=2.0)
    return _figure(ctx, content, missing)


def place_map(ctx: PageContext, place: Place) -> Markup:
    """A place among its neighbours; a country with its outline and the places in it; a place without
    coordinates says so, and shows the places located in it if they have some."""
    data = ctx.dataset
    title = html("{} and its surroundings", naming.shown_text(place, ctx.policy))
    outline = [point for boundary in data.boundaries if boundary.place == place.id and boundary.shape == "area"
               for part in boundary.parts for point in part]
    if outline:
        inside = [other for other in data.places_within.get(place.id, ()) if other.coordinates]
        content = maps.Content(place.id, str(title), tuple(inside), focus=place.id, extent=tuple(outline))
        return _figure(ctx, content, [])
    if place.coordinates is None:
        regions = _regions(ctx, [place])
        missing = _missing(ctx, [place])
        if not regions:
            return missing
        content = maps.Content(place.id, f"Places in {naming.shown_text(place, ctx.policy)}", (), regions,
                               _roads_near(ctx, [p for _r, within in regions for p in within]))
        return missing + _figure(ctx, content, [])
    here = place.coordinates
    span = maps.LOCATOR_SPAN / 2
    cos = max(0.2, math.cos(math.radians(here.lat)))
    # Only the grid's cells within reach are looked at; ties in distance keep the data's order, as before.
    row, column = _cell(here.lat, here.lon)
    reach = math.ceil(1 / cos)
    near = [other for _index, other in sorted(
        ((index, other) for cell in ((row + dy, column + dx) for dy in (-1, 0, 1) for dx in range(-reach, reach + 1))
         for index, other in _located(data).get(cell, ())
         if other.id != place.id and other.coordinates
         and abs(other.coordinates.lat - here.lat) < span * 0.8
         and abs(other.coordinates.lon - here.lon) * cos < span * 1.0),
        key=lambda found: (_distance(place, found[1]), found[0]))][:LOCATOR_NEIGHBOURS]
    content = maps.Content(place.id, str(title), (place, *near), focus=place.id,
                           roads=_roads_near(ctx, [place, *near]), min_span=maps.LOCATOR_SPAN)
    return _figure(ctx, content, [])


# The places a locator map may show around another, by cell of half its span: a neighbour stands within one cell
# of latitude and ceil(1 / cos(latitude)) cells of longitude, so each place page looks at a few cells instead of
# every place (which made the place pages quadratic: 1 s at 5,000 events, 16 at 20,000).
_GRIDS: dict[str, tuple[Dataset, dict[tuple[int, int], list[tuple[int, Place]]]]] = {}


def _cell(lat: float, lon: float) -> tuple[int, int]:
    size = maps.LOCATOR_SPAN / 2
    return math.floor(lat / size), math.floor(lon / size)


def _located(data: Dataset) -> dict[tuple[int, int], list[tuple[int, Place]]]:
    """Places with coordinates (countries aside) by grid cell, each with its position in the data: once a build."""
    cached = _GRIDS.get("grid")
    if cached is None or cached[0] is not data:
        grid: dict[tuple[int, int], list[tuple[int, Place]]] = {}
        for index, other in enumerate(data.places.values()):
            if other.coordinates and other.category not in maps.STORY_KINDS:
                grid.setdefault(_cell(other.coordinates.lat, other.coordinates.lon), []).append((index, other))
        cached = _GRIDS["grid"] = (data, grid)
    return cached[1]


def _distance(place: Place, other: Place) -> float:
    assert place.coordinates and other.coordinates
    return (place.coordinates.lat - other.coordinates.lat) ** 2 + (place.coordinates.lon - other.coordinates.lon) ** 2


def _roads_near(ctx: PageContext, places: Sequence[Place]) -> tuple[Boundary, ...]:
    """The line features that go through one of ``places`` or are drawn for one of them."""
    ids = {place.id for place in places}
    return tuple(boundary for boundary in ctx.dataset.boundaries if boundary.shape == "line"
                 and (ids.intersection(boundary.places) or boundary.place in ids))


def event_map(ctx: PageContext, event: Event) -> Markup:
    """The places of an event: those with coordinates as marks, a region as the area around its places, and in
    words the places without coordinates."""
    data = ctx.dataset
    places = [data.places[place_id] for place_id in event.places]
    regions = _regions(ctx, places)
    region_ids = {region.id for region, _within in regions}
    missing = [place for place in places if place.coordinates is None and place.id not in region_ids]
    shown = [place for place in places if place.coordinates and place.category not in maps.STORY_KINDS]
    if not shown and not regions:
        return _missing(ctx, missing)
    if not shown:  # a region alone: its places are the marks
        shown = [place for _region, within in regions for place in within]
    roads = _roads_near(ctx, [*shown, *places])
    content = maps.Content(event.id[:40], "Where it happened", tuple(shown), regions, roads,
                           min_span=maps.MIN_SPAN)
    return _figure(ctx, content, missing)

