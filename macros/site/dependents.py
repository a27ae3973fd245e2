"""Which generated pages an edit of the data changes: what ``mkdocs serve --dirty`` rebuilds after a save.

Pure functions of two checked datasets (before and after the edit) and of what the pages last built link to and
say. ``pages_to_rebuild`` answers ``None`` ("rebuild everything") for any edit it does not follow: anything but
events added, removed or changed and actors' aliases (a source, a term, a figure, a place, the seed, the naming or
the outlines are read by pages this module does not trace). For an event edit, the pages that showed the event
are known from the last build (every link to an entity carries ``data-entity``, every timeline entry its ``id``:
``references``), and the pages that show it now from the data: its own page, its period of the timeline, the pages
of the actors, places and sources it names (with their events by period), its neighbours in the chronology. What
else moves with a date is compared structurally, page by page: each event's neighbours and period, each timeline
page's events and labels, each entity's periods.

An actor's aliases are listed on its own page, and change which words are linked as mentions: the pages that may
hold an alias added or removed are asked of the caller (``pages_naming``: the last build's pages, by their words).

Pages every build renders anyway (hand-written pages, the indexes in the navigation, the names page) are the
adapter's business: it rebuilds them whatever this module says, and the pages of entities that hand-written
pages mention differently (an alias moves a mention).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping

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
    """True when every table but the events is the same, the lines entries stand on included: stricter than the
    hand-written pages this decides about need (they hold no entry's line), so an actor moved to another line
    renders them again."""
    return old.actors == new.actors and _same_but_events_and_actors(old, new)


def _same_but_events_and_actors(old: Dataset, new: Dataset) -> bool:
    return (old.places == new.places and old.sources == new.sources and old.terms == new.terms
            and old.seed == new.seed and old.figures == new.figures and old.boundaries == new.boundaries)


def realiased_actors(old: Dataset, new: Dataset) -> dict[str, set[str]] | None:
    """Each actor whose aliases changed, with the aliases added or removed; None when an actor changed in
    anything else but the line it is written on (or was added or removed)."""
    if old.actors.keys() != new.actors.keys():
        return None
    changed: dict[str, set[str]] = {}
    for actor_id, after in new.actors.items():
        before = old.actors[actor_id]
        if before == after:
            continue
        if dataclasses.replace(before, aliases=after.aliases, origin=after.origin) != after:
            return None
        if before.aliases != after.aliases:
            changed[actor_id] = set(before.aliases) ^ set(after.aliases)
    return changed


def _named(event: Event) -> set[str]:
    """Every id whose list of events holds ``event`` (``Dataset.events_by_entity``)."""
    ids = {*event.actors, *event.places, *event.sources}
    for claim in event.claims:
        ids.update((claim.by, claim.source, *claim.disputed_by))
    return ids


def _entity_pages(data: Dataset, entity_id: str, holding: set[str] | None = None,
                  differing: frozenset[str] = frozenset()) -> set[str]:
    """An actor's or place's own page and its pages of events by period (with ``holding``, only those that list
    one of these events or whose slug is ``differing``); a source's page."""
    entity = data.entity(entity_id)
    if isinstance(entity, Actor | Place):
        return {pages.page_of(entity)} | {pages.entity_events_page(entity, period.slug)
                                          for period in data.event_periods[entity.id]
                                          if period.slug != periods.WHOLE and (
                                              holding is None or period.slug in differing
                                              or any(item.id in holding for item in period.items))}
    if entity is not None and entity.kind == "source":
        return {pages.source_page(data, entity_id).partition("#")[0]}
    return set()


def _periods_shape(data: Dataset, entity_id: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """An actor's or place's pages of events by period, as each names the others (slug, label) and its events."""
    return tuple((period.slug, period.label, tuple(event.id for event in period.items))
                 for period in data.event_periods.get(entity_id, ()))


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


def pages_to_rebuild(old: Dataset, new: Dataset, referrers: Mapping[str, Iterable[str]],
                     pages_naming: Callable[[str], Iterable[str]] | None = None) -> frozenset[str] | None:
    """The docs paths of the generated pages whose HTML differs between ``old`` and ``new``, or ``None`` when the
    edit is not one this module follows (then every page is rebuilt). ``referrers`` maps an entity id to the
    pages of the last build that link or list it (see ``references``); ``pages_naming`` gives the pages of the last
    build that may mention a name (without it, an alias edit rebuilds everything).

    An entry that only moved to another line (an edit above it added or removed lines) is not rebuilt: its page
    differs in the edit link alone, which the caller rewrites in place (``edit_links.moved_links``)."""
    if not _same_but_events_and_actors(old, new):
        return None
    realiased = realiased_actors(old, new)
    if realiased is None or (realiased and pages_naming is None):
        return None
    rebuild: set[str] = set()
    for actor_id, aliases in realiased.items():
        rebuild.add(pages.page_of(new.actors[actor_id]))  # its list of aliases (its pages of events show none)
        for alias in aliases:
            assert pages_naming is not None
            rebuild.update(pages_naming(alias))
    if old.events != new.events:
        rebuild |= _event_pages(old, new, referrers)
    return frozenset(rebuild)


def _event_pages(old: Dataset, new: Dataset, referrers: Mapping[str, Iterable[str]]) -> set[str]:
    """The pages an edit of events changes (see the module's docstring)."""
    changed = changed_events(old, new)
    rebuild: set[str] = set()
    named: set[str] = set()
    for data in (old, new):
        for event_id in changed:
            event = data.events.get(event_id)
            if event is None:
                continue
            rebuild.add(pages.page_of(event))
            rebuild.add(_period_page(data.period_of[event_id]))
            named |= _named(event)
    for entity_id in named:
        # A page of an entity's events by period lists its events and names the pages before and after it: while
        # the pages keep their names, only those that list a changed event or other events differ (a hub actor
        # has dozens).
        old_periods, new_periods = _periods_shape(old, entity_id), _periods_shape(new, entity_id)
        same_pages = [shape[:2] for shape in old_periods] == [shape[:2] for shape in new_periods]
        differing = frozenset(before[0] for before, after in zip(old_periods, new_periods, strict=False)
                              if before != after)
        for data in (old, new):
            rebuild |= _entity_pages(data, entity_id, changed if same_pages else None, differing)
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
    if old.event_kinds != new.event_kinds:
        rebuild.update(_period_page(slug) for slug in new_shape)  # every timeline page's filter offers the kinds
    return rebuild
