"""The MkDocs side: the only module that imports MkDocs or knows mkdocs-macros.

It loads and checks the data once per build (``on_config``), adds the generated pages (``on_files``),
registers the macros page authors call, and appends each page's numbered references. Everything it does
with the data is a call into the core (``macros.load``, ``macros.pages``, ``macros.render``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros import pages, render
from macros.dataset_cache import load_dataset_cached
from macros.model import Dataset
from macros.problems import DataError

log = logging.getLogger("mkdocs.plugins.explainer")


@dataclass
class BuildState:
    """What one build knows: computed once in on_config/on_files, read by every page."""

    root: Path
    dataset: Dataset
    generated: dict[str, pages.GeneratedPage] = field(default_factory=dict)
    files: Files | None = None
    contexts: dict[str, render.PageContext] = field(default_factory=dict)
    current: Page | None = None
    macros: dict[str, Callable[..., Any]] = field(default_factory=dict)


_state: BuildState | None = None


def state() -> BuildState:
    if _state is None:
        raise PluginError("the explainer's data was not loaded; is macros/hooks.py listed under hooks:?")
    return _state


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    root = Path(config.config_file_path).parent
    try:
        dataset = load_dataset_cached(root)
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        count = len(error.problems)
        raise PluginError(f"{count} problem{'s' if count != 1 else ''} in the data; fix them and build again "
                          "(`python -m macros check` lists them too)") from None
    _state = BuildState(root=root, dataset=dataset, macros=_macros())
    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        raise PluginError("mkdocs.yml must enable the `macros` plugin before the hooks")
    macros_plugin.register_macros(_state.macros)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    current = state()
    for page in pages.generated_pages(current.dataset):
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        generated = File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
        files.append(generated)
        current.generated[page.src_uri] = page
    current.files = files
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    current = state()
    current.current = page
    current.contexts[page.file.src_uri] = render.PageContext(current.dataset, _linker(page, files))
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    current = state()
    generated = current.generated.get(page.file.src_uri)
    if generated is not None:
        # The theme prints titles as HTML: give it escaped text.
        page.meta["title"] = str(Markup.escape(pages.page_title(current.dataset, generated)))
        if generated.entity_id:
            # Rank an entity's own page above pages that merely mention it.
            page.meta.setdefault("search", {"boost": 4})
        # A generated page is one macro call whose result is HTML: the adapter calls the macro after Markdown
        # (on_page_content), so neither Jinja (~2 ms a page) nor Markdown (which would parse the HTML) reads it.
        page.meta["render_macros"] = False
        return ""
    return markdown


# The source of a generated page, as macros.pages writes it: one macro call whose arguments are ids.
_CALL = re.compile(r'\{\{ (\w+)\(((?:"[a-z0-9-]+"(?:, )?)*)\) \}\}\n')


def _render_generated(generated: pages.GeneratedPage) -> str:
    call = _CALL.fullmatch(generated.content)
    macro = state().macros.get(call.group(1)) if call else None
    if call is None or macro is None:
        raise PluginError(f"{generated.src_uri}: a generated page must hold one explainer macro call")
    return str(macro(*re.findall(r'"([a-z0-9-]+)"', call.group(2))))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = state().generated.get(page.file.src_uri)
    if generated is not None:
        html = _render_generated(generated)
    ctx = state().contexts.pop(page.file.src_uri, None)
    if ctx is not None and ctx.cited:
        html += str(render.references(ctx))
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The page is written, but MkDocs keeps every Page to the end of the build: drop its HTML and Markdown so
    # memory does not grow with the sum of all pages (the search plugin has taken its text already).
    page.content = None
    page.markdown = None
    return output


def _linker(page: Page, files: Files) -> Callable[[str], str]:
    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        suffix = f"#{anchor}" if anchor else ""
        if path == page.file.src_uri:
            return suffix or "#"
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"a link points to {path!r}, which no page provides")
        return file.url_relative_to(page.file) + suffix
    return link


def _ctx() -> render.PageContext:
    current = state()
    if current.current is None:
        raise PluginError("an explainer macro was called outside a page")
    return current.contexts[current.current.file.src_uri]


def _html(fragment: Markup) -> str:
    # One line, so Markdown keeps the fragment as a single raw HTML block whatever the data's line breaks.
    return str(fragment).replace("\r", " ").replace("\n", " ")


def _macros() -> dict[str, Callable[..., Any]]:
    def entity_page(entity_id: str) -> str:
        """The whole page of one actor, place or event: `{{ entity_page("stepanakert") }}`."""
        return _html(render.entity_page(_ctx(), entity_id))

    def entity_index(kind: str) -> str:
        """The index of one kind: `{{ entity_index("actor") }}` (actor, place or event)."""
        return _html(render.entity_index(_ctx(), kind))

    def timeline() -> str:
        """Every event in date order, with claims and numbered references."""
        return _html(render.timeline(_ctx()))

    def glossary() -> str:
        """Every contested or technical term, with who uses it and the other side's words."""
        return _html(render.glossary(_ctx()))

    def glossary_part(slug: str) -> str:
        """One alphabetical page of a long glossary: `{{ glossary_part("terms-1") }}`."""
        return _html(render.glossary_part(_ctx(), slug))

    def source_list() -> str:
        """Every source with what cites it (or, for many sources, the list of their pages by period)."""
        return _html(render.source_list(_ctx()))

    def timeline_period(slug: str) -> str:
        """One page of a timeline split by period: `{{ timeline_period("2023-09") }}`."""
        return _html(render.timeline_period(_ctx(), slug))

    def source_period(slug: str) -> str:
        """The sources published in one period: `{{ source_period("2023") }}`."""
        return _html(render.source_period(_ctx(), slug))

    def entity_events(entity_id: str, slug: str) -> str:
        """One period of a hub actor's or place's events: `{{ entity_events("azerbaijan", "2023") }}`."""
        return _html(render.entity_events(_ctx(), entity_id, slug))

    def kind_index(kind: str, slug: str) -> str:
        """One category of actors or places: `{{ kind_index("place", "village") }}`."""
        return _html(render.kind_index(_ctx(), kind, slug))

    def seed_article() -> str:
        """The seed article's text with its context notes."""
        return _html(render.seed_article(_ctx()))

    def link(entity_id: str, text: str | None = None) -> str:
        """A link to an entity by id: `{{ link("stepanakert") }}`; `text` replaces the shown name."""
        if state().dataset.entity(entity_id) is None:
            raise PluginError(f"link({entity_id!r}): no entity has this id; check data/ for the right one")
        return _html(render.entity_link(_ctx(), entity_id, text))

    def date_of(event_id: str) -> str:
        """An event's date at its precision: `{{ date_of("2023-09-19-offensive") }}`."""
        event = state().dataset.events.get(event_id)
        if event is None:
            raise PluginError(f"date_of({event_id!r}): no event has this id")
        return _html(render.event_date(event))

    def cite(*source_ids: str) -> str:
        """Numbered references to sources by id: `{{ cite("bbc-2023-09-20") }}`."""
        unknown = [source_id for source_id in source_ids if source_id not in state().dataset.sources]
        if unknown:
            raise PluginError(f"cite: unknown source id(s) {unknown}; check data/sources.yml")
        return _html(render.cite(_ctx(), source_ids))

    def events_between(start: str, end: str = "9999") -> str:
        """A list of events from `start` to `end` (ISO dates, inclusive by prefix)."""
        chosen = [event for event in state().dataset.chronology if start <= event.date.iso <= end + "~"]
        return _html(render.event_list(_ctx(), chosen))

    return {function.__name__: function for function in (entity_page, entity_index, timeline, glossary,
                                                         source_list, seed_article, link, date_of, cite,
                                                         events_between, timeline_period, source_period,
                                                         entity_events, kind_index, glossary_part)}
