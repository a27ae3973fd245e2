"""Which pages the data makes, where each entity lives, and what a generated page's source holds.

A generated page's source is a single macro call with an id, never data text: the text is rendered (and
escaped) by the macro, so nothing from YAML is ever read by Jinja or Markdown as source.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.check_links import fold
from macros.model import Dataset, Entity, Place

FOLDERS = {"actor": "actors", "place": "places", "event": "events"}
INDEX_TITLES = {"actor": "Actors", "place": "Places", "event": "Events"}
TERMS_PAGE = "glossary.md"
SOURCES_PAGE = "sources.md"
SEED_PAGE = "article.md"
TIMELINE_PAGE = "timeline.md"
NAMES_PAGE = "names.md"
NAMES_TITLE = "About the names"


def page_of(entity: Entity) -> str:
    """The docs path of the page that shows ``entity``, with an anchor for entries listed on a shared page."""
    if entity.kind in FOLDERS:
        return f"{FOLDERS[entity.kind]}/{entity.id}.md"
    if entity.kind == "term":
        return f"{TERMS_PAGE}#{entity.id}"
    return f"{SOURCES_PAGE}#{entity.id}"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str
    entity_id: str | None  # None for index pages
    edit_path: str  # the data file the page comes from, for the edit action


def generated_pages(dataset: Dataset) -> list[GeneratedPage]:
    """Every page the data makes: one per actor, place and event, an index per kind, and the seed article."""
    pages: list[GeneratedPage] = []
    for kind, table in (("actor", dataset.actors), ("place", dataset.places), ("event", dataset.events)):
        folder = FOLDERS[kind]
        pages.append(GeneratedPage(f"{folder}/index.md", f'{{{{ entity_index("{kind}") }}}}\n', None,
                                   f"data/{folder}.yml"))
        for entity in table.values():
            pages.append(GeneratedPage(f"{folder}/{entity.id}.md", f'{{{{ entity_page("{entity.id}") }}}}\n',
                                       entity.id, entity.origin.path))
    pages.append(GeneratedPage(NAMES_PAGE, "{{ names_page() }}\n", None, "data/places.yml"))
    if dataset.seed:
        pages.append(GeneratedPage(SEED_PAGE, "{{ seed_article() }}\n", None, "data/seed.yml"))
    return pages


def page_title(dataset: Dataset, page: GeneratedPage) -> str:
    """The plain-text title of a generated page (the theme escapes it)."""
    if page.entity_id is None:
        if page.src_uri == SEED_PAGE and dataset.seed:
            return f"The article: {dataset.sources[dataset.seed.source].title}"
        if page.src_uri == NAMES_PAGE:
            return NAMES_TITLE
        return INDEX_TITLES[next(kind for kind, folder in FOLDERS.items() if page.src_uri.startswith(folder))]
    entity = dataset.entity(page.entity_id)
    assert entity is not None
    return heading(entity)


def heading(entity: Entity) -> str:
    """A page's title. A place's also carries the names other sides use for it, among its English aliases
    (Stepanakert / Khankendi), so a reader, and the search index, find it under any of them."""
    if not isinstance(entity, Place):
        return display_name(entity)

    def letters(text: str) -> str:
        return "".join(char for char in fold(text) if char.isalnum())

    side_names = {letters(name.romanized or name.text) for name in entity.names if name.used_by}
    others = [alias for alias in entity.aliases if letters(alias) in side_names and letters(alias) != letters(
        entity.name)]
    return " / ".join([entity.name, *others[:2]])


SEARCH_BOOST = {"place": 10.0, "actor": 8.0, "event": 2.0}


def search_boost(dataset: Dataset, page: GeneratedPage) -> float:
    """How much search favours a generated page: entities by their names over events that mention them."""
    entity = dataset.entity(page.entity_id) if page.entity_id else None
    return SEARCH_BOOST.get(entity.kind, 1.0) if entity else 1.0


def display_name(entity: Entity) -> str:
    """The name an entity is shown by: a place with the other side's name too, so search finds either."""
    if entity.kind == "event":
        return entity.title  # type: ignore[union-attr]
    if entity.kind == "term":
        return entity.term  # type: ignore[union-attr]
    if entity.kind == "source":
        return entity.title  # type: ignore[union-attr]
    return entity.name  # type: ignore[union-attr]
