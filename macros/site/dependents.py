"""Which generated pages an edit of the data changes: what ``mkdocs serve --dirty`` rebuilds after a save.

Pure functions of two checked datasets (before and after the edit) and of what the pages last built link to.
``pages_to_rebuild`` answers ``None`` ("rebuild everything") for any edit it does not follow: anything but events
added, removed or changed (an actor's alias changes which words are linked as mentions on every page; a source, a
term, a figure, the seed, the naming or the outlines are read by pages this module does not trace). For an event
edit, the pages that showed the event are known from the last build (every link to an entity carries
``data-entity``, every timeline entry its ``id``: ``references``), and the pages that show it now from the data:
its own page, its period of the timeline, the pages of the actors, places and sources it names (with their events
by period), its neighbours in the chronology. What else moves with a date is compared structurally, page by page:
each event's neighbours and period, each timeline page's events and labels, each entity's periods.

Pages every build renders anyway (hand-written pages, the indexes in the navigation, the names page) are the
adapter's business: it rebuilds them whatever this module says.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping

from macros.model import Actor, Dataset, Event, Origin, Place, periods
from macros.site import pages

_REFERENCE = re.compile(r'\sdata-entity="([^"]+)"|<article class="ex-event" id="([^"]+)"')


def references(html: str) -> frozenset[str]:
    """The ids of the entities a page's HTML links to (``data-entity``) or lists (a timeline entry's ``id``)."""
    return frozenset(linked or listed for linked, listed in _REFERENCE.findall(html))


def _without_origin(event: Event) -> Event:
    return dataclasses.replace(event, origin=Origin("", 0))


def changed_events(old: Dataset, new: Dataset) -> set[str]:
    """Ids of events added, removed, or changed in anything but the line they are written on."""
    changed = set(old.events.keys() ^ new.events.keys())
    for event_id in old.events.keys() & new.events.keys():
        before, after = old.events[event_id], new.events[event_id]
        if before != after and _without_origin(before) != _without_origin(after):
            changed.add(event_id)
    return changed


def only_events_differ(old: Dataset, new: Dataset) -> bool:
    """True when every table but the events is the same (lines included: an edit link points at a line)."""
    return (old.actors == new.actors and old.places == new.places and old.sources == new.sources
            and old.terms == new.terms and old.seed == new.seed and old.figures == new.figures
            and old.boundaries == new.boundaries)


def _named(event: Event) -> set[str]:
    """Every id whose list of events holds ``event`` (``Dataset.events_by_entity``)."""
    ids = {*event.actors, *event.places, *event.sources}
    for claim in event.claims:
        ids.update((claim.by, claim.source, *claim.disputed_by))
    return ids


def _entity_pages(data: Dataset, entity_id: str) -> set[str]:
    """An actor's or place's own page and its pages of events by period; a source's page."""
    entity = data.entity(entity_id)
    if isinstance(entity, Actor | Place):
        return {pages.page_of(entity)} | {pages.entity_events_page(entity, period.slug)
                                          for period in data.event_periods[entity.id]
                                          if period.slug != periods.WHOLE}
    if entity is not None and entity.kind == "source":
        return {pages.source_page(data, entity_id).partition("#")[0]}
    return set()


def _period_page(slug: str) -> str:
    return pages.TIMELINE_PAGE if slug == periods.WHOLE else pages.timeline_period_page(slug)


def _timeline_shape(data: Dataset) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {period.slug: (period.label, tuple(event.id for event in period.items))
            for period in data.timeline_periods}


def _around(data: Dataset) -> dict[str, tuple[str | None, str | None, str]]:
    """Each event's neighbours in the chronology and its period: what its page says around it."""
    chronology = data.chronology
    return {event.id: (chronology[index - 1].id if index > 0 else None,
                       chronology[index + 1].id if index + 1 < len(chronology) else None,
                       data.period_of[event.id]) for index, event in enumerate(chronology)}


def pages_to_rebuild(old: Dataset, new: Dataset, referrers: Mapping[str, Iterable[str]]) -> frozenset[str] | None:
    """The docs paths of the generated pages whose HTML differs between ``old`` and ``new``, or ``None`` when the
    edit is not one this module follows (then every page is rebuilt). ``referrers`` maps an entity id to the
    pages of the last build that link or list it (see ``references``)."""
    if not only_events_differ(old, new):
        return None
    changed = changed_events(old, new)
    rebuild: set[str] = set()
    for data in (old, new):
        for event_id in changed:
            event = data.events.get(event_id)
            if event is None:
                continue
            rebuild.add(pages.page_of(event))
            rebuild.add(_period_page(data.period_of[event_id]))
            for entity_id in _named(event):
                rebuild |= _entity_pages(data, entity_id)
    for event_id in changed:
        rebuild.update(referrers.get(event_id, ()))
    # A date moves an event, and its neighbours' "before / after"; weight moves the timeline's page breaks.
    old_around, new_around = _around(old), _around(new)
    rebuild.update(pages.page_of(new.events[event_id]) for event_id, around in new_around.items()
                   if old_around.get(event_id) != around)
    old_shape, new_shape = _timeline_shape(old), _timeline_shape(new)
    if old_shape.keys() != new_shape.keys() or any(old_shape[slug][0] != new_shape[slug][0] for slug in old_shape):
        # Labels and page breaks are on every timeline page (the links to the next and previous pages).
        rebuild.update(_period_page(slug) for slug in (*old_shape, *new_shape))
    else:
        rebuild.update(_period_page(slug) for slug in new_shape if old_shape[slug] != new_shape[slug])
    if {event.category for event in old.events.values()} != {event.category for event in new.events.values()}:
        rebuild.update(_period_page(slug) for slug in new_shape)  # every timeline page's filter offers the kinds
    # An edit that moves the lines below it: those entries' edit links point at their new lines.
    rebuild.update(pages.page_of(event) for event_id, event in new.events.items()
                   if event_id in old.events and old.events[event_id].origin != event.origin)
    return frozenset(rebuild)
