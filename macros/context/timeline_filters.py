"""The timeline's filter form: by actor, place and kind of event. docs/assets/timeline-filters.js makes it work
(hidden until the script runs, so a reader without JavaScript sees the whole timeline and no dead controls).

An actor option also matches the actors that are part of it, and a place option the places within it, so
"Azerbaijan" finds what its defence ministry did and "Nagorno-Karabakh" what happened in Stepanakert.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from markupsafe import Markup

from macros.model import Dataset
from macros.site import html, pages, render


def _descendants(root: str, children: dict[str, list[str]]) -> list[str]:
    """``root`` and every id whose chain of parents reaches it (``children``: each id's direct children), in
    the order of the data. A walk from the root: an id is visited once, so a cycle in the data cannot loop."""
    found: list[str] = []
    seen, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                found.append(child)
                stack.append(child)
    if len(found) > 1:
        order = {child: index for index, child in enumerate(children.get("", ()))}
        found.sort(key=order.__getitem__)
    return [root, *found]


def _children(parent_of: dict[str, str | None]) -> dict[str, list[str]]:
    """Each id's direct children; under "" every id, in order (to give the descendants in the data's order)."""
    children: dict[str, list[str]] = {"": list(parent_of)}
    for child, parent in parent_of.items():
        if parent is not None and parent != child:
            children.setdefault(parent, []).append(child)
    return children


FACETS_PATH = "assets/timeline-facets.js"  # every event's facets, for a timeline split into pages
FACETS_GLOBAL = "explainerTimelineFacets"


def _options(ctx: render.PageContext) -> tuple[list[tuple[str, str, list[str]]], list[tuple[str, str, list[str]]],
                                               list[str]]:
    """The actors, places (value, label, the ids it matches) and kinds that some event has."""
    data: Dataset = ctx.dataset
    events = data.chronology
    in_events = {entity_id for event in events for entity_id in (*event.actors, *event.places)}
    actor_children = _children({actor.id: actor.part_of for actor in data.actors.values()})
    place_children = _children({place.id: place.located_in for place in data.places.values()})
    actors = []
    for actor in sorted(data.actors.values(), key=lambda item: item.name.casefold()):
        ids = [entity_id for entity_id in _descendants(actor.id, actor_children) if entity_id in in_events]
        if ids:
            actors.append((actor.id, actor.name, ids))
    places = []
    for place in sorted(data.places.values(), key=lambda item: str(ctx.name_of(item).striptags()).casefold()):
        ids = [entity_id for entity_id in _descendants(place.id, place_children) if entity_id in in_events]
        if ids:
            places.append((place.id, str(ctx.name_of(place).striptags()), ids))
    return actors, places, list(data.event_kinds)


def _select(name: str, label: str, any_label: str, options: Iterable[tuple[str, str, list[str]]]) -> Markup:
    items = Markup("").join(html('<option value="{}" data-ids="{}">{}</option>', value, " ".join(ids), text)
                            for value, text, ids in options)
    return html('<p class="ex-filter"><label for="ex-filter-{name}">{label}</label> <select id="ex-filter-{name}" '
                'name="{name}"><option value="">{any}</option>{items}</select></p>',
        name=name, label=label, any=any_label, items=items)


def filter_form(ctx: render.PageContext) -> Markup:
    """The form above the timeline: only actors, places and kinds that some event has are offered.

    A timeline on one page carries its options in the form. A timeline split into pages carries them, with every
    event's facets, in ``FACETS_PATH`` (a script, so it loads from file:// too): each page's form then filters the
    page's own events and says how many match on every other page, linked with the same filter. At 5,000 events
    the options alone would weigh ~150 KB on every page; the facets weigh ~20 bytes an event."""
    split = len(ctx.dataset.timeline_periods) > 1
    # A split timeline's form has its options in FACETS_PATH: each of its (hundreds of) pages needs only the kinds.
    actors, places, kinds = ([], [], list(ctx.dataset.event_kinds)) if split else _options(ctx)
    boxes = Markup("").join(html('<label class="ex-filter-kind"><input type="checkbox" name="kind" value="{kind}" '
                                 'checked> {kind}</label>', kind=kind) for kind in kinds)
    facets = html(' data-facets="{}"', ctx.link(FACETS_PATH)) if split else Markup("")
    across = (Markup('<div class="ex-filter-pages" hidden></div>') if split else Markup(""))
    return html('<form class="ex-filters" id="ex-filters" role="search" aria-label="Filter the timeline"{facets} '
        'hidden>{actor}{place}<fieldset class="ex-filter"><legend>Kind of event</legend>{boxes}</fieldset>'
        '<p class="ex-filter"><button type="reset" class="md-button">Show all events</button></p>'
        '<p class="ex-filter-count" role="status" aria-live="polite"></p>{across}</form>',
        facets=facets, actor=_select("actor", "Actor", "Any actor", actors),
        place=_select("place", "Place", "Any place", places), boxes=boxes, across=across)


def facets_script(ctx: render.PageContext, url_of: Callable[[str], str]) -> str:
    """``FACETS_PATH``'s text: the filter's options and, for every event, its page, kind, actors and places, as
    indexes into short lists. ``url_of`` turns a docs path into its URL from the site's root."""
    data = ctx.dataset
    actors, places, kinds = _options(ctx)
    entities: dict[str, int] = {}

    def numbers(ids: Iterable[str]) -> list[int]:
        return [entities.setdefault(entity_id, len(entities)) for entity_id in ids]

    split = data.timeline_periods
    page_numbers = {period.slug: number for number, period in enumerate(split)}
    kind_numbers = {kind: number for number, kind in enumerate(kinds)}
    events = [[page_numbers[data.period_of[event.id]], kind_numbers[event.category],
               numbers((*event.actors, *event.places))] for event in data.chronology]
    facets = {
        "pages": [[url_of(pages.timeline_period_page(period.slug)), period.label] for period in split],
        "kinds": kinds,
        "actors": [[value, label, numbers(ids)] for value, label, ids in actors],
        "places": [[value, label, numbers(ids)] for value, label, ids in places],
        "events": events,
    }
    facets["entities"] = list(entities)  # filled by numbers() above
    text = json.dumps(facets, ensure_ascii=False, separators=(",", ":"))
    # A JSON string may hold U+2028 and U+2029, which older JavaScript parsers read as line ends.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{FACETS_GLOBAL} = {text};\n"
