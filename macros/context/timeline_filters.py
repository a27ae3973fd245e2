"""The timeline's filter form: by actor, place and kind of event. docs/assets/timeline-filters.js makes it work
(hidden until the script runs, so a reader without JavaScript sees the whole timeline and no dead controls).

An actor option also matches the actors that are part of it, and a place option the places within it, so
"Azerbaijan" finds what its defence ministry did and "Nagorno-Karabakh" what happened in Stepanakert.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from macros.model import Dataset
from macros.site import html, render


def _descendants(root: str, parent_of: dict[str, str | None]) -> list[str]:
    """``root`` and every id whose chain of parents reaches it."""
    found = [root]
    for child in parent_of:
        seen = {child}
        parent = parent_of.get(child)
        while parent is not None and parent not in seen:
            if parent == root:
                found.append(child)
                break
            seen.add(parent)
            parent = parent_of.get(parent)
    return found


def _select(name: str, label: str, any_label: str, options: Iterable[tuple[str, str, list[str]]]) -> Markup:
    items = Markup("").join(html('<option value="{}" data-ids="{}">{}</option>', value, " ".join(ids), text)
                            for value, text, ids in options)
    return html('<p class="ex-filter"><label for="ex-filter-{name}">{label}</label> <select id="ex-filter-{name}" '
                'name="{name}"><option value="">{any}</option>{items}</select></p>',
        name=name, label=label, any=any_label, items=items)


def filter_form(ctx: render.PageContext) -> Markup:
    """The form above the timeline: only actors, places and kinds that some event has are offered."""
    data: Dataset = ctx.dataset
    events = data.chronology
    in_events = {entity_id for event in events for entity_id in (*event.actors, *event.places)}
    actor_parent = {actor.id: actor.part_of for actor in data.actors.values()}
    place_parent = {place.id: place.located_in for place in data.places.values()}
    actors = []
    for actor in sorted(data.actors.values(), key=lambda item: item.name.casefold()):
        ids = [entity_id for entity_id in _descendants(actor.id, actor_parent) if entity_id in in_events]
        if ids:
            actors.append((actor.id, actor.name, ids))
    places = []
    for place in sorted(data.places.values(), key=lambda item: str(ctx.name_of(item).striptags()).casefold()):
        ids = [entity_id for entity_id in _descendants(place.id, place_parent) if entity_id in in_events]
        if ids:
            places.append((place.id, str(ctx.name_of(place).striptags()), ids))
    kinds = sorted({event.category for event in events})
    boxes = Markup("").join(html('<label class="ex-filter-kind"><input type="checkbox" name="kind" value="{kind}" '
                                 'checked> {kind}</label>', kind=kind) for kind in kinds)
    return html('<form class="ex-filters" id="ex-filters" role="search" aria-label="Filter the timeline" hidden>'
        '{actor}{place}<fieldset class="ex-filter"><legend>Kind of event</legend>{boxes}</fieldset>'
        '<p class="ex-filter"><button type="reset" class="md-button">Show all events</button></p>'
        '<p class="ex-filter-count" role="status" aria-live="polite"></p></form>',
        actor=_select("actor", "Actor", "Any actor", actors), place=_select("place", "Place", "Any place", places),
        boxes=boxes)
