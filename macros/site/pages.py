"""Which pages the data makes, where each entity lives, and what a generated page's source holds.

A generated page's source is a single macro call with an id, never data text: the text is rendered (and
escaped) by the macro, so nothing from YAML is ever read by Jinja or Markdown as source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from macros.model import Actor, Dataset, Entity, Event, Place, display_name, heading, periods

FOLDERS = {"actor": "actors", "place": "places", "event": "events"}
INDEX_TITLES = {"actor": "Actors", "place": "Places", "event": "Events"}
TERMS_PAGE = "glossary.md"
SOURCES_PAGE = "sources.md"
SEED_PAGE = "article.md"
TIMELINE_PAGE = "timeline.md"
NAMES_PAGE = "names.md"
NAMES_TITLE = "About the names"
TIMELINE_FOLDER = "timeline"
SOURCES_FOLDER = "sources"
TERMS_FOLDER = "glossary"
KIND_FOLDER = "by-kind"


def page_of(entity: Entity, dataset: Dataset | None = None) -> str:
    """The docs path of the page that shows ``entity``, with an anchor for entries listed on a shared page.

    Sources are listed on one page, or on one page per period when there are many: pass ``dataset`` to know which.
    """
    if entity.kind in FOLDERS:
        return f"{FOLDERS[entity.kind]}/{entity.id}.md"
    if entity.kind == "term" and dataset is not None:
        return term_page(dataset, entity.id)
    if entity.kind == "term":
        return f"{TERMS_PAGE}#{entity.id}"
    if dataset is not None:
        return source_page(dataset, entity.id)
    return f"{SOURCES_PAGE}#{entity.id}"


def timeline_page(dataset: Dataset, event_id: str) -> str:
    """Where an event stands on the timeline: the one timeline page, or the page of its period."""
    slug = dataset.period_of[event_id]
    return f"{TIMELINE_PAGE}#{event_id}" if slug == periods.WHOLE else f"{TIMELINE_FOLDER}/{slug}.md#{event_id}"


def timeline_period_page(slug: str) -> str:
    return f"{TIMELINE_FOLDER}/{slug}.md"


def source_page(dataset: Dataset, source_id: str) -> str:
    slug = dataset.period_of[source_id]
    return f"{SOURCES_PAGE}#{source_id}" if slug == periods.WHOLE else f"{SOURCES_FOLDER}/{slug}.md#{source_id}"


def term_page(dataset: Dataset, term_id: str) -> str:
    slug = dataset.period_of[term_id]
    return f"{TERMS_PAGE}#{term_id}" if slug == periods.WHOLE else f"{TERMS_FOLDER}/{slug}.md#{term_id}"


def term_period_page(slug: str) -> str:
    return f"{TERMS_FOLDER}/{slug}.md"


def source_period_page(slug: str) -> str:
    return f"{SOURCES_FOLDER}/{slug}.md"


def entity_events_page(entity: Entity, slug: str) -> str:
    """The page of one period of an actor's or a place's events, when they are too many for its own page."""
    return f"{FOLDERS[entity.kind]}/{entity.id}/{slug}.md"


def kind_periods(dataset: Dataset, kind: str) -> tuple[periods.Period[Actor | Place], ...]:
    """The index of actors or places: one page, or one page per category (in parts if need be)."""
    entities: list[Actor | Place] = sorted((dataset.actors if kind == "actor" else dataset.places).values(),
                                           key=lambda item: item.name.casefold())
    if len(entities) <= periods.LIST_LIMIT:
        return (periods.Period(periods.WHOLE, "", tuple(entities)),)
    groups: dict[str, list[Actor | Place]] = {}
    for entity in entities:
        groups.setdefault(entity.category, []).append(entity)
    return tuple(part for category, members in sorted(groups.items())
                 for part in periods.split_in_parts(category, kind_label(category), members, periods.LIST_LIMIT))


def kind_page(kind: str, slug: str) -> str:
    return f"{FOLDERS[kind]}/{KIND_FOLDER}/{slug}.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str
    entity_id: str | None  # None for index pages
    edit_path: str  # the data file the page comes from, for the edit action
    in_nav: bool = False  # the indexes and the article are in the navigation; entity and period pages are not
    title: str | None = None  # the title of a period page (others are named from the data)


def generated_pages(dataset: Dataset) -> list[GeneratedPage]:
    """Every page the data makes: one per actor, place and event, an index per kind, and the seed article;
    and, when the data is large, the pages of long lists split by period (see ``split_pages``)."""
    pages: list[GeneratedPage] = []
    for kind, table in (("actor", dataset.actors), ("place", dataset.places), ("event", dataset.events)):
        folder = FOLDERS[kind]
        pages.append(GeneratedPage(f"{folder}/index.md", f'{{{{ entity_index("{kind}") }}}}\n', None,
                                   f"data/{folder}.yml", in_nav=True))
        for entity in table.values():
            pages.append(GeneratedPage(f"{folder}/{entity.id}.md", f'{{{{ entity_page("{entity.id}") }}}}\n',
                                       entity.id, entity.origin.path))
    pages.append(GeneratedPage(NAMES_PAGE, "{{ names_page() }}\n", None, "data/places.yml"))
    if dataset.seed:
        pages.append(GeneratedPage(SEED_PAGE, "{{ seed_article() }}\n", None, "data/seed.yml", in_nav=True))
    return pages + split_pages(dataset)


def split_pages(dataset: Dataset) -> list[GeneratedPage]:
    """The pages of lists too long for one page: timeline and sources by period, the events of a hub actor or
    place by period, actors and places by category. None for a small dataset."""
    pages: list[GeneratedPage] = []
    for period in dataset.timeline_periods:
        if period.slug != periods.WHOLE:
            pages.append(GeneratedPage(timeline_period_page(period.slug),
                                       f'{{{{ timeline_period("{period.slug}") }}}}\n', None, "data/events.yml",
                                       title=f"Timeline: {period.label}"))
    for sources in dataset.source_periods:
        if sources.slug != periods.WHOLE:
            pages.append(GeneratedPage(source_period_page(sources.slug), f'{{{{ source_period("{sources.slug}") }}}}\n',
                                       None, "data/sources.yml", title=f"Sources: {sources.label}"))
    for terms in dataset.term_periods:
        if terms.slug != periods.WHOLE:
            pages.append(GeneratedPage(term_period_page(terms.slug), f'{{{{ glossary_part("{terms.slug}") }}}}\n',
                                       None, "data/glossary.yml", title=f"Glossary: {terms.label}"))
    for table in (dataset.actors, dataset.places):
        for entity in table.values():
            for period in dataset.event_periods[entity.id]:
                if period.slug != periods.WHOLE:
                    pages.append(GeneratedPage(
                        entity_events_page(entity, period.slug),
                        f'{{{{ entity_events("{entity.id}", "{period.slug}") }}}}\n', None, entity.origin.path,
                        title=f"{display_name(entity)}: events, {period.label}"))
    for kind in ("actor", "place"):
        for group in kind_periods(dataset, kind):
            if group.slug != periods.WHOLE:
                pages.append(GeneratedPage(kind_page(kind, group.slug),
                                           f'{{{{ kind_index("{kind}", "{group.slug}") }}}}\n',
                                           None, f"data/{FOLDERS[kind]}.yml",
                                           title=f"{INDEX_TITLES[kind]}: {group.label}"))
    return pages


KIND_LABELS = {"de-facto-authority": "de facto authority", "international-body": "international body",
               "armed-force": "armed force", "peacekeeping-force": "peacekeeping force"}


def kind_label(category: str) -> str:
    """A category as words: "armed-force" is shown "armed force"."""
    return KIND_LABELS.get(category, category)


def page_title(dataset: Dataset, page: GeneratedPage) -> str:
    """The plain-text title of a generated page (the theme escapes it)."""
    if page.title is not None:
        return page.title
    if page.entity_id is None:
        if page.src_uri == SEED_PAGE and dataset.seed:
            return f"The article: {dataset.sources[dataset.seed.source].title}"
        if page.src_uri == NAMES_PAGE:
            return NAMES_TITLE
        return INDEX_TITLES[next(kind for kind, folder in FOLDERS.items() if page.src_uri.startswith(folder))]
    entity = dataset.entity(page.entity_id)
    assert entity is not None
    return heading(entity)


SEARCH_SEPARATOR = re.compile(r"[\s\-]+")  # Material's search splits words here (plugins.search.separator)
SEARCH_BOOST = {"place": 10.0, "actor": 8.0, "event": 2.0}


def page_description(dataset: Dataset, page: GeneratedPage) -> str | None:
    """What a generated page is about, in a sentence from the data (a link's preview, the meta description): an
    event's summary, an actor's or place's description; None for other pages (the site's description serves)."""
    entity = dataset.entity(page.entity_id) if page.entity_id else None
    if isinstance(entity, Event):
        return entity.summary
    if isinstance(entity, Actor | Place):
        return entity.description
    return None


def search_names(dataset: Dataset, page: GeneratedPage) -> list[str]:
    """Every name of an actor's or place's page, given to search as the page's tags: Material's search weighs a
    tag a thousand times a title, so any of a place's names, in any script, finds its own page before a page that
    merely holds the word (a source's title). Each word once, as search splits them (its default separator), so a
    word several names share ("Lachin", "Lachin corridor") does not outweigh a name that is only that word; a
    shorter list then ranks higher. Escaped: search results put tags in the page as HTML."""
    entity = dataset.entity(page.entity_id) if page.entity_id else None
    if not isinstance(entity, Actor | Place):
        return []
    own = {name.casefold() for name in entity.all_names}
    others = _single_word_names(dataset)
    words: dict[str, str] = {}
    for name in entity.all_names:
        for word in SEARCH_SEPARATOR.split(name):
            folded = word.casefold()
            # Search also matches a word's prefix: a word that is, or extends, another entity's whole name
            # ("Lachin" in "Lachin corridor", "Лачинский") would rank this page above that one for its name.
            if word and (folded in own or not any(folded[:end] in others and others[folded[:end]] != entity.id
                                                  for end in range(4, len(folded) + 1))):
                words.setdefault(folded, word)
    return [str(escape(word)) for word in words.values()]


_NAMES_CACHE: dict[str, tuple[Dataset, dict[str, str]]] = {}


def _single_word_names(dataset: Dataset) -> dict[str, str]:
    """Every one-word name of an actor or place (case-folded), with the id it names; computed once per build."""
    cached = _NAMES_CACHE.get("names")
    if cached is None or cached[0] is not dataset:
        entities: list[Actor | Place] = [*dataset.actors.values(), *dataset.places.values()]
        names = {name.casefold(): entity.id for entity in entities
                 for name in entity.all_names if not SEARCH_SEPARATOR.search(name)}
        cached = _NAMES_CACHE["names"] = (dataset, names)
    return cached[1]


def search_boost(dataset: Dataset, page: GeneratedPage) -> float:
    """How much search favours a generated page: entities by their names over events that mention them."""
    entity = dataset.entity(page.entity_id) if page.entity_id else None
    return SEARCH_BOOST.get(entity.kind, 1.0) if entity else 1.0


