"""The checked data as typed, immutable objects, and the cross-references computed once per build."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from macros.model import periods
from macros.model.boundaries import Boundary
from macros.model.dates import PartialDate


@dataclass(frozen=True)
class Name:
    text: str
    lang: str
    script: str | None = None
    romanized: str | None = None
    used_by: tuple[str, ...] = ()
    period_from: PartialDate | None = None
    period_to: PartialDate | None = None
    note: str | None = None


@dataclass(frozen=True)
class Origin:
    """Where an entry is written: shown in messages and used by the edit action."""

    path: str
    line: int


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    date: PartialDate
    language: str
    url: str | None = None
    archive_url: str | None = None
    author: str | None = None
    # The headline was not seen: the title is read from the page's address, and the page says so.
    title_from_address: bool = False
    source_type: str | None = None  # `type` in sources.yml (schema.SOURCE_TYPES)
    party: str | None = None  # the actor whose voice an official or state-run source is
    origin: Origin = Origin("", 0)
    kind: str = field(default="source", init=False)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    category: str
    description: str
    aliases: tuple[str, ...] = ()
    names: tuple[Name, ...] = ()
    part_of: str | None = None
    sources: tuple[str, ...] = ()
    origin: Origin = Origin("", 0)
    kind: str = field(default="actor", init=False)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *(name.text for name in self.names))


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float
    source: str


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    category: str
    description: str
    names: tuple[Name, ...]
    aliases: tuple[str, ...] = ()
    located_in: str | None = None
    coordinates: Coordinates | None = None
    sources: tuple[str, ...] = ()
    origin: Origin = Origin("", 0)
    kind: str = field(default="place", init=False)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *(name.text for name in self.names),
                *(name.romanized for name in self.names if name.romanized))


@dataclass(frozen=True)
class Claim:
    by: str
    says: str
    source: str
    quote: bool = False
    disputed_by: tuple[str, ...] = ()
    translation: str | None = None  # an English rendering of a quote in another language
    translated_by: str | None = None  # "source" or "explainer"


@dataclass(frozen=True)
class Media:
    url: str
    credit: str | None = None
    caption: str | None = None
    thumbnail: str | None = None
    alt: str | None = None  # what it shows, in words (TimelineJS's Alt Text)


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    category: str
    title: str
    summary: str
    sources: tuple[str, ...]
    end: PartialDate | None = None
    approximate: bool = False
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    group: str | None = None
    media: Media | None = None
    outcome: str | None = None
    origin: Origin = Origin("", 0)
    kind: str = field(default="event", init=False)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.title,)


@dataclass(frozen=True)
class Alternative:
    term: str
    used_by: tuple[str, ...]
    source: str | None = None


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    used_by: tuple[str, ...] = ()
    instead: tuple[Alternative, ...] = ()
    related: tuple[str, ...] = ()
    origin: Origin = Origin("", 0)
    kind: str = field(default="term", init=False)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Point:
    """One dated value of a figure's series."""

    date: PartialDate
    value: int


@dataclass(frozen=True)
class Figure:
    """One count by one counter (``data/figures.yml``). Figures with the same ``counts`` are shown side by side,
    never merged: a figure is a claim of its counter, not a fact."""

    id: str
    counts: str
    measure: str
    date: PartialDate
    according_to: str
    sources: tuple[str, ...]
    value: int | None = None  # or low and high
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None  # at-least, about, up-to
    end: PartialDate | None = None
    events: tuple[str, ...] = ()
    note: str | None = None
    series: tuple[Point, ...] = ()
    origin: Origin = Origin("", 0)
    kind: str = field(default="figure", init=False)


@dataclass(frozen=True)
class Note:
    id: str
    passage: str
    verdict: str
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Chapter:
    """A part of "What happened next": the events from ``start`` to ``end`` (ISO prefixes; no end: to the last)."""

    title: str
    start: str
    end: str | None = None


@dataclass(frozen=True)
class Seed:
    source: str
    file: str
    text: str
    notes: tuple[Note, ...] = ()
    key_events: tuple[str, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    site_name: str | None = None
    site_description: str | None = None
    lede: str | None = None
    lede_sources: tuple[str, ...] = ()
    key_figures: tuple[str, ...] = ()


Entity = Actor | Place | Event | Term | Source


@dataclass(frozen=True)
class Dataset:
    """Everything in ``data/``, checked. Dicts keep the order of the files."""

    sources: dict[str, Source]
    actors: dict[str, Actor]
    places: dict[str, Place]
    events: dict[str, Event]
    terms: dict[str, Term]
    seed: Seed | None = None
    boundaries: tuple[Boundary, ...] = ()  # data/boundaries.geojson, for the maps
    figures: dict[str, Figure] = field(default_factory=dict)

    def entity(self, entity_id: str) -> Entity | None:
        tables: tuple[dict[str, Entity], ...] = (self.actors, self.places, self.events,  # type: ignore[assignment]
                                                 self.terms, self.sources)
        for table in tables:
            if entity_id in table:
                return table[entity_id]
        return None

    @cached_property
    def chronology(self) -> tuple[Event, ...]:
        """Events in date order; a less precise date sorts before the days it contains."""
        return tuple(sorted(self.events.values(), key=lambda event: (event.date.sort_key(), event.id)))

    @cached_property
    def members(self) -> dict[str, tuple[str, ...]]:
        """Each actor's members (actors ``part_of`` it), in the data's order: its page lists them."""
        found: dict[str, list[str]] = {}
        for actor in self.actors.values():
            if actor.part_of:
                found.setdefault(actor.part_of, []).append(actor.id)
        return {parent: tuple(ids) for parent, ids in found.items()}

    @cached_property
    def event_kinds(self) -> tuple[str, ...]:
        """Every kind (``category``) some event has, sorted: the timeline filter's choices."""
        return tuple(sorted({event.category for event in self.events.values()}))

    def events_between(self, start: str, end: str | None = None) -> list[Event]:
        """The events dated from ``start`` to ``end`` (ISO dates of any precision, inclusive: "2024" ends with
        31 December 2024), in date order; without ``end``, to the last."""
        last = (end or "9999") + "~"
        return [event for event in self.chronology if start <= event.date.iso <= last]

    @cached_property
    def positions(self) -> dict[str, int]:
        """Each event's index in the chronology: looked up per page, so computed once, not searched."""
        return {event.id: index for index, event in enumerate(self.chronology)}

    @cached_property
    def timeline_periods(self) -> tuple[periods.Period[Event], ...]:
        """The timeline's pages: one if the events fit, else by year, month and part."""
        from macros.model.weight import event_weight  # weight reads Event from this module

        return periods.split_by_date(self.chronology, lambda event: event.date, periods.TIMELINE_LIMIT,
                                     periods.TIMELINE_WHOLE, event_weight, periods.TIMELINE_BUDGET)

    @cached_property
    def source_periods(self) -> tuple[periods.Period[Source], ...]:
        """The sources page's pages, by date of publication."""
        by_date = sorted(self.sources.values(), key=lambda source: (source.date.sort_key(), source.id))
        return periods.split_by_date(by_date, lambda source: source.date, periods.SOURCES_LIMIT,
                                     periods.SOURCES_WHOLE)

    @cached_property
    def term_periods(self) -> tuple[periods.Period[Term], ...]:
        """The glossary's pages: one, or alphabetical parts labelled by their first and last initials."""
        terms = sorted(self.terms.values(), key=lambda term: term.term.casefold())
        if len(terms) <= periods.TERMS_LIMIT:
            return (periods.Period(periods.WHOLE, "", tuple(terms)),)
        return tuple(periods.Period(part.slug, f"{part.items[0].term[:1].upper()}–{part.items[-1].term[:1].upper()}",
                                    part.items)
                     for part in periods.split_in_parts("terms", "", terms, periods.TERMS_LIMIT))

    @cached_property
    def period_of(self) -> dict[str, str]:
        """The slug of the listing part that holds each event (timeline), source and term: ids are unique across
        the data files, so one map serves the three listings."""
        return {**periods.period_of(self.timeline_periods, lambda event: event.id),
                **periods.period_of(self.source_periods, lambda source: source.id),
                **periods.period_of(self.term_periods, lambda term: term.id)}

    @cached_property
    def event_periods(self) -> dict[str, tuple[periods.Period[Event], ...]]:
        """For every actor and place: its events, as pages when there are too many for its own page."""
        return {entity_id: periods.split_by_date(self.events_by_entity.get(entity_id, ()), lambda event: event.date,
                                                 periods.LIST_LIMIT)
                for entity_id in [*self.actors, *self.places]}

    @cached_property
    def events_by_entity(self) -> dict[str, tuple[Event, ...]]:
        """For every actor, place and source id: the events it takes part in or that cite it, in date order."""
        found: dict[str, list[Event]] = defaultdict(list)
        for event in self.chronology:
            ids = {*event.actors, *event.places, *event.sources}
            for claim in event.claims:
                ids.update((claim.by, claim.source, *claim.disputed_by))
            for entity_id in sorted(ids):
                found[entity_id].append(event)
        return {key: tuple(value) for key, value in found.items()}

    @cached_property
    def citations(self) -> dict[str, tuple[str, ...]]:
        """For every source id: the ids of entries (other than events) that cite it."""
        found: dict[str, list[str]] = defaultdict(list)
        entries: list[Actor | Place | Term] = [*self.actors.values(), *self.places.values(), *self.terms.values()]
        for entry in entries:
            for source_id in entry.sources:
                found[source_id].append(entry.id)
        for place in self.places.values():
            if place.coordinates and place.id not in found[place.coordinates.source]:
                found[place.coordinates.source].append(place.id)
        for boundary in self.boundaries:  # the maps cite the sources of their outlines
            if "maps" not in found[boundary.source]:
                found[boundary.source].append("maps")
        if self.seed:
            for note in self.seed.notes:
                for source_id in note.sources:
                    if "seed" not in found[source_id]:
                        found[source_id].append("seed")
        return {key: tuple(value) for key, value in found.items()}

    @cached_property
    def figures_by_event(self) -> dict[str, tuple[Figure, ...]]:
        """For every event id: the figures that belong to it, in the order of the file."""
        found: dict[str, list[Figure]] = defaultdict(list)
        for figure in self.figures.values():
            for event_id in figure.events:
                found[event_id].append(figure)
        return {key: tuple(value) for key, value in found.items()}

    @cached_property
    def places_within(self) -> dict[str, tuple[Place, ...]]:
        found: dict[str, list[Place]] = defaultdict(list)
        for place in self.places.values():
            if place.located_in:
                found[place.located_in].append(place)
        return {key: tuple(value) for key, value in found.items()}
