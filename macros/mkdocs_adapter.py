"""The MkDocs side: the only module that imports MkDocs or knows mkdocs-macros.

It loads and checks the data once per build (``on_config``), adds the generated pages (``on_files``),
registers the macros page authors call, and appends each page's numbered references. Everything it does
with the data is a call into the core (``macros.load.dataset``, ``macros.site.pages``, ``macros.site.render``).
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler, get_build_date

from macros.build import build_date, chrome_cache, collection, frame_cache, staging, template_cache, theme_urls
from macros.build import repository as source_repository
from macros.context import mentions, missing_view
from macros.context import names_page as names_page_module
from macros.context import timeline_filters as timeline_filters_module
from macros.context.words import WordIndex
from macros.interop import export, jsonld
from macros.load import DataError, load_dataset_cached
from macros.load.schema import FILES
from macros.model import Actor, Dataset, Entity, Event, Place, naming
from macros.site import (
    axis,
    dependents,
    edit_links,
    figures,
    front_page,
    headings,
    html,
    map_views,
    pages,
    reference,
    render,
    search_light,
)
from macros.site.markdown_inert import markdown_inert
from macros.site.search_view import search_view
from macros.site.serve_errors import show_errors_in_browser

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
    policy: naming.NamingPolicy = field(default_factory=naming.NamingPolicy)
    mention_index: mentions.MentionIndex | None = None
    backlinks: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    downloads: list[export.Download] = field(default_factory=list)
    macros: dict[str, Callable[..., Any]] = field(default_factory=dict)
    full_html: dict[str, str] = field(default_factory=dict)  # a generated page's HTML while search reads its view
    after_markdown: bool = False  # a generated page's macro runs after Markdown: its HTML needs no protection
    link_parts: dict[tuple[str, str], Markup] = field(default_factory=dict)  # every page's (render.PageContext)
    site_name: str = ""  # as written (data/seed.yml, else mkdocs.yml): config holds it escaped for the theme
    site_description: str = ""
    repository: source_repository.Repository | None = None  # where the site's source is (edit actions, error reports)
    # `mkdocs serve --dirty` (README "Performance"): the generated pages to rebuild (None: all), what each page
    # rebuilt links to, and its search entries; kept in ServeMemory for the next rebuild.
    rebuild: frozenset[str] | None = None
    inputs: tuple[tuple[str, int, int], ...] = ()
    references: dict[str, frozenset[str]] = field(default_factory=dict)
    search_entries: dict[str, list[Any]] = field(default_factory=dict)
    search_start: int = 0
    only_events: bool = False  # a partial rebuild after an edit of events alone (see _shows_no_data)
    relinks: dict[str, tuple[str, str]] = field(default_factory=dict)  # pages whose entry moved: edit URL then, now
    exports: export.ExportMemo | None = None  # under `serve --dirty`: the exports' encoded entries, kept
    words: WordIndex | None = None  # under `serve --dirty`: the words of each generated page rendered
    frames: frame_cache.FrameCache | None = None  # the theme's page frames of this build (for its log)


@dataclass(frozen=True)
class ServeMemory:
    """What a successful build of ``mkdocs serve --dirty`` leaves for the next one (in memory only)."""

    inputs: tuple[tuple[str, int, int], ...]  # mkdocs.yml, docs/, overrides/: any change rebuilds everything
    dataset: Dataset
    references: dict[str, frozenset[str]]
    search_entries: dict[str, list[Any]]
    outputs: tuple[frozenset[str], frozenset[str]]  # the files it was made of (src_uri), and those it wrote
    exports: export.ExportMemo
    mentions: mentions.MentionIndex | None
    pages: dict[str, Page]  # the generated pages outside the navigation, by src_uri (see _mark_modified)
    words: WordIndex  # which generated pages hold each word (an alias edit rebuilds those that may hold it)
    backlinks: dict[str, tuple[tuple[str, str], ...]]


_memory: ServeMemory | None = None
_state: BuildState | None = None
_startup: dict[str, Any] = {"command": "build", "dirty": False}
_staged: tuple[Path, Path] | None = None  # (staging folder, the site_dir it replaces) during a staged build


def state() -> BuildState:
    if _state is None:
        raise PluginError("the explainer's data was not loaded; is macros/hooks.py listed under hooks:?")
    return _state


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    root = Path(config.config_file_path).parent
    _fix_build_date(root)
    try:
        dataset = load_dataset_cached(root, keep_files=_incremental())
    except DataError as error:
        for problem in error.problems:
            log.error(str(problem))
        count = len(error.problems)
        many = count != 1
        raise PluginError(f"{count} problem{'s' if many else ''} in the data; fix {'them' if many else 'it'} and build "
                          f"again (`python -m macros check` lists {'them' if many else 'it'} too)") from None
    site_name, site_description = config.site_name, config.site_description or ""
    # The story names the site (data/seed.yml), so swapping data/ and seeds/ is the whole change. Escaped here:
    # Material prints config.site_name unescaped in places.
    if dataset.seed and dataset.seed.site_name:
        site_name = dataset.seed.site_name
        config["site_name"] = escape(site_name)
    if dataset.seed and dataset.seed.site_description:
        site_description = dataset.seed.site_description
        config["site_description"] = escape(site_description)
    policy, policy_problem = naming.parse_policy(config.extra.get("naming_policy"), dataset)
    if policy is None:
        raise PluginError(policy_problem)
    _state = BuildState(root=root, dataset=dataset, policy=policy,
                        mention_index=mentions.build_index(dataset, _memory.mentions if _memory else None),
                        macros=_macros(), site_name=site_name, site_description=site_description)
    macros_plugin = config.plugins.get("macros")
    if macros_plugin is None:
        raise PluginError("mkdocs.yml must enable the `macros` plugin before the hooks")
    _state.repository = source_repository.find_repository(root, os.environ)
    # Never a placeholder: with no repository known, pages have no edit action (see macros/build/repository.py).
    config["edit_uri"] = _state.repository.edit_uri if _state.repository else None
    macros_plugin.register_macros(_state.macros)
    if _startup["command"] == "serve":
        # mkdocs-macros calls exit() on a macro error, which ends `mkdocs serve`; without it the error is a
        # warning, strict mode fails this rebuild, and serve keeps the last good site until the next save.
        macros_plugin.config["on_error_fail"] = False
    _stage(config)
    if _startup["command"] == "serve":
        _state.inputs = _inputs(root, config)
        _keep_theme_files(config, _state.inputs)
    if _incremental():
        if _memory is not None and _memory.inputs == _state.inputs:
            _state.rebuild = dependents.pages_to_rebuild(_memory.dataset, dataset, _referrers(_memory.references),
                                                         _memory.words.pages_naming)
        if _state.rebuild is not None and _memory is not None and config["edit_uri"]:
            _state.relinks = edit_links.moved_links(config["edit_uri"], _docs_to_root(root, config),
                                                    _memory.dataset, dataset)
        if _state.rebuild is not None:
            _state.only_events = _memory is not None and dependents.only_events_differ(_memory.dataset, dataset)
            _pause_collector()
        else:  # a full rebuild (after a code edit, the old modules' objects are garbage): collect as usual
            gc.unfreeze()
    collection.put_off_full_passes()  # until on_post_build or on_build_error
    return config


_theme_files: dict[tuple[Any, ...], list[str]] = {}  # the theme's static files, listed by the last full build


def _keep_theme_files(config: MkDocsConfig, inputs: tuple[tuple[str, int, int], ...]) -> None:
    """Under ``mkdocs serve``, list the theme's static files as the last build did: MkDocs lists every file of
    the theme (Material's thousands of icons) and matches each against its patterns, on every rebuild (a seventh
    of a rebuild of the seed site). The list depends on the theme's folders, the overrides and mkdocs.yml (the
    static templates): the key (``inputs``)."""
    theme = config.theme
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        listed = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or getattr(filter_func, "__qualname__", "") != _THEME_FILTER:
                return listed(extensions, filter_func)
            key = (tuple(theme.dirs), inputs)
            if key not in _theme_files:
                _theme_files.clear()
                _theme_files[key] = listed(extensions, filter_func)
            return list(_theme_files[key])

        env.list_templates = list_templates  # type: ignore[method-assign]
        get_template = env.get_template

        def get_template_kept(name: Any, *args: Any, **kwargs: Any) -> Any:
            template = get_template(name, *args, **kwargs)
            return _KeptSitemap(template) if name == "sitemap.xml" else template

        env.get_template = get_template_kept  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


_THEME_FILTER = "Files.add_files_from_theme.<locals>.filter"  # MkDocs 1.6's filter of the theme's static files
_sitemap: list[tuple[Any, str]] = []  # the last sitemap, and what it was made of


class _KeptSitemap:
    """MkDocs's sitemap template, which reads only each page's address and date: made again only when one of
    those changed (Jinja's loop over 7,000 pages, on every partial rebuild)."""

    def __init__(self, template: Any) -> None:
        self.template = template

    def render(self, context: Any) -> str:
        made_of = tuple((file.page.is_link, file.page.abs_url, file.page.canonical_url, file.page.update_date)
                        if file.page is not None else None for file in context["pages"])
        if not _sitemap or _sitemap[0][0] != made_of:
            _sitemap[:] = [(made_of, str(self.template.render(context)))]
        return _sitemap[0][1]


def _incremental() -> bool:
    return bool(_startup["command"] == "serve" and _startup["dirty"])


_collector = threading.Lock()  # guards _rebuilds and _rebuilding, and a collection in progress
_rebuilding = False
_rebuilds = 0  # partial rebuilds started: a collection planned after one is skipped once another started
_since_full = 0  # partial rebuilds since the last full collection
YOUNG_COLLECTION_AFTER, FULL_COLLECTION_AFTER = 0.25, 3.0  # seconds after a partial rebuild (see _collect_later)
FULL_COLLECTION_EVERY = 8  # partial rebuilds, however close together (an editor that saves every second)


def _pause_collector() -> None:
    """No cyclic garbage collection during a partial rebuild of ``serve --dirty``: the process holds two datasets
    and 7,000 pages' objects, and each full collection (a rebuild started two or three) took 0.2–0.4 s. What the
    rebuild left is collected once it is served (``_collect_later``)."""
    global _rebuilding, _rebuilds
    with _collector:
        _rebuilding = True
        _rebuilds += 1
        gc.disable()


def _collect_later() -> None:
    """After a partial rebuild, unless another started: a quarter of a second after, collect the objects made
    since the last collection (0.02–0.1 s) and freeze the survivors (``gc.freeze``: else they count towards a
    full collection, which Python then starts during the next rebuild); three seconds after, when the author is
    likely reading, examine everything again (0.3–0.4 s), so that the garbage frozen meanwhile is freed (some
    20 MB a rebuild); after every eighth rebuild, at the first collection if none came in between."""
    global _rebuilding
    with _collector:
        if not _rebuilding:
            return
        _rebuilding = False
        rebuild = _rebuilds

    def collect(full: bool) -> None:
        global _since_full
        with _collector:
            if _rebuilding or _rebuilds != rebuild:
                return
            gc.enable()
            _since_full += 1
            if full or _since_full >= FULL_COLLECTION_EVERY:
                gc.unfreeze()
                gc.collect()
                _since_full = 0
            else:
                gc.collect(1)
            gc.freeze()

    for delay, full in ((YOUNG_COLLECTION_AFTER, False), (FULL_COLLECTION_AFTER, True)):
        timer = threading.Timer(delay, collect, (full,))
        timer.daemon = True
        timer.start()


def _inputs(root: Path, config: MkDocsConfig) -> tuple[tuple[str, int, int], ...]:
    """What besides data/ and the code decides a page: mkdocs.yml, hand-written pages, assets and overrides."""
    found = [Path(config.config_file_path)]
    for folder in (Path(config.docs_dir), root / "overrides"):
        found += sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []
    return (("SOURCE_DATE_EPOCH", len(os.environ.get(build_date.VARIABLE, "")),
             int(os.environ.get(build_date.VARIABLE, "0") or 0)),
            *((str(path), stat.st_mtime_ns, stat.st_size) for path in found for stat in [path.stat()]))


class _Referrers(Mapping[str, list[str]]):
    """The pages of the last build that link or list each entity, found when asked: an edit asks for a few."""

    def __init__(self, references: dict[str, frozenset[str]]) -> None:
        self.references = references

    def __getitem__(self, entity_id: str) -> list[str]:
        return [page for page, ids in self.references.items() if entity_id in ids]

    def __iter__(self) -> Iterator[str]:
        return iter({entity_id for ids in self.references.values() for entity_id in ids})

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _referrers(references: dict[str, frozenset[str]]) -> _Referrers:
    return _Referrers(references)


def _fix_build_date(root: Path) -> None:
    """Set SOURCE_DATE_EPOCH (MkDocs reads it for the sitemap) so a build's bytes do not depend on the day."""
    try:
        epoch = build_date.build_epoch(root, os.environ)
    except build_date.BadEpoch as error:
        raise PluginError(str(error)) from None
    if epoch is not None:
        os.environ[build_date.VARIABLE] = epoch


def on_startup(command: str, dirty: bool) -> None:
    _startup.update(command=command, dirty=dirty)
    build_log = logging.getLogger("mkdocs.commands.build")
    if command == "serve" and dirty and not any(getattr(item, "explainer", False) for item in build_log.filters):
        # MkDocs warns that a dirty build may leave stale pages (a failure under strict); this one does not.
        def keep(record: logging.LogRecord) -> bool:
            return not record.getMessage().startswith("A 'dirty' build is being performed")
        keep.explainer = True  # type: ignore[attr-defined]
        build_log.addFilter(keep)


def _stage(config: MkDocsConfig) -> None:
    """Point MkDocs at a fresh folder beside site_dir, so a failed build leaves the previous site as it was."""
    global _staged
    # `serve` builds into its own temporary folder; `--dirty` updates the existing site in place.
    if _startup["command"] == "serve" or _startup["dirty"]:
        return
    target = Path(config.site_dir)
    folder = staging.new_staging_folder(target)
    _staged = (folder, target)
    config.site_dir = str(folder)
    atexit.register(staging.discard, folder)  # a macro error ends MkDocs with SystemExit, past on_build_error


def on_post_build_before_search(config: MkDocsConfig) -> None:
    """In ``mkdocs serve --dirty``: hand the search plugin every page's entries (the pages rendered now, and the
    others' from the last build) in a clean build's order, remove what the last build wrote that this one does
    not make (a page of a period that moved), and keep what the next rebuild needs."""
    global _memory
    current = state()
    if not _incremental() or current.files is None:
        return
    partial = _memory is not None and current.rebuild is not None
    references = {**_memory.references, **current.references} if partial and _memory else current.references
    entries = {**_memory.search_entries, **current.search_entries} if partial and _memory else current.search_entries
    pages_now = [file.src_uri for file in current.files.documentation_pages()]
    search = _search_plugin(config)
    if search is not None:
        search.search_index.entries = [entry for uri in pages_now for entry in entries.get(uri, ())]
        search.search_index_prev = None  # its own merge keeps one page's entries
    made = _remove_stale(config, current.files, _memory.outputs if partial and _memory else None)
    kept = set(pages_now)
    exports = current.exports or export.ExportMemo()
    exports.forget_unused()
    _memory = ServeMemory(current.inputs, current.dataset,
                          {uri: ids for uri, ids in references.items() if uri in kept},
                          {uri: found for uri, found in entries.items() if uri in kept}, made, exports,
                          current.mention_index,
                          {file.src_uri: file.page for file in current.files.documentation_pages()
                           if file.page is not None and file.src_uri in current.generated
                           and not current.generated[file.src_uri].in_nav},
                          current.words or WordIndex(), current.backlinks)


def _search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin, which MkDocs lists under its entry point's name."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def _remove_stale(config: MkDocsConfig, files: Files, before: tuple[frozenset[str], frozenset[str]] | None,
                  ) -> tuple[frozenset[str], frozenset[str]]:
    """Delete what a clean build would not write: the outputs of pages and files that are gone (of those the last
    build made, or, after a full build, of anything in the folder). Returns the files this build was made of and
    what it writes. A partial rebuild has the last build's mkdocs.yml: the same files write the same outputs, and
    their destinations are not worked out again (MkDocs's own for 7,000 new File objects: 0.04 s a rebuild)."""
    site = Path(config.site_dir)
    sources = frozenset(file.src_uri for file in files)
    if before is not None and before[0] == sources:
        return before
    made = frozenset({file.dest_uri for file in files} | set(config.theme.static_templates) | {
        "sitemap.xml.gz", "search/search_index.json"})
    if before is not None:
        for relative in before[1] - made:
            (site / relative).unlink(missing_ok=True)
        return sources, made
    for path in sorted(site.rglob("*"), reverse=True):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and relative not in made:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return sources, made


def on_post_build(config: MkDocsConfig) -> None:
    global _staged
    frames = state().frames
    if frames is not None:
        log.debug(frames.summary())
    collection.restore()
    _collect_later()
    if _staged is None:
        return
    counted = any(isinstance(handler, CountHandler) and handler.get_counts()
                  for handler in logging.getLogger("mkdocs").handlers)
    if counted:  # --strict aborts right after this hook; on_build_error discards the staging folder
        return
    folder, target = _staged
    try:
        staging.swap_in(folder, target)
    except OSError as error:
        raise PluginError(f"the new site could not replace {target} ({error.strerror}); the previous site is "
                          "unchanged: check that folder's permissions") from None
    config.site_dir = str(target)
    _staged = None
    log.info(f"The site is in {target}")


def on_serve(server: Any, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
    """A failed rebuild under `mkdocs serve` turns the open page into a list of its messages (see serve_errors);
    saves are seen sooner (``_poll_often``)."""
    show_errors_in_browser(server, Path(config.site_dir), urlsplit(config.site_url or "/").path or "/")
    _poll_often(server)
    return server


POLL_SECONDS = 0.1  # MkDocs looks for changed files every 0.5 s: a quarter of a second of every edit's wait


def _poll_often(server: Any) -> None:
    """Look for saved files every ``POLL_SECONDS``: MkDocs's watcher polls (its choice, for every file system and
    editor) twice a second, and an edit waited 0.25 s on average before its rebuild began. A poll lists the
    watched folders (a few hundred files), a few milliseconds. Through watchdog's own attribute (the locks pin
    it); without one, MkDocs's interval stays."""
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return
    observer._timeout = POLL_SECONDS  # the folders watched from now on (data/, seeds/, macros/)
    for emitter in getattr(observer, "emitters", ()):  # those watched already (docs/, mkdocs.yml)
        if hasattr(emitter, "_timeout"):
            emitter._timeout = POLL_SECONDS


def on_build_error(error: Exception) -> None:
    global _staged, _memory
    collection.restore()
    _collect_later()
    _memory = None  # a build that failed halfway left some pages written: the next one rebuilds every page
    if _staged is not None:
        staging.discard(_staged[0])
        _staged = None


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates for the next rebuild: ``mkdocs serve`` makes a new Jinja environment
    for every rebuild, and compiling Material's templates again was a sixth of a rebuild of the seed site. Kept in
    memory, never in a file a pull request could plant (``macros/build/template_cache.py``)."""
    env.bytecode_cache = template_cache.MemoryBytecodeCache()
    env.filters["url"] = theme_urls.url_filter(env.filters["url"])  # the same URLs, split once (theme_urls.py)
    # The theme's own templates under a prefix, so overrides/partials/nav.html can render the file it replaces
    # once for every page outside the navigation (macros/build/chrome_cache.py).
    theme_dir = next((folder for folder in config.theme.dirs if folder != config.theme.custom_dir
                      and Path(folder, chrome_cache.NAV_TEMPLATE).is_file()), None)
    if theme_dir is not None and env.loader is not None:
        original = PrefixLoader({chrome_cache.THEME_PREFIX.rstrip("/"): FileSystemLoader(theme_dir)})
        env.loader = ChoiceLoader([env.loader, original])
        chrome = chrome_cache.ChromeCache()
        chrome.install(env)
        # EXPLAINER_CHECK_FRAMES=1 (the tests' builds): every page is rendered by the theme too, and compared.
        frames = state().frames = frame_cache.FrameCache(env, chrome, os.environ.get("EXPLAINER_CHECK_FRAMES") == "1")
        frames.install()
        get_template = env.get_template

        def get_page_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            # MkDocs asks for a page's template with no parent; Jinja asks with one for {% extends %}.
            return _FramedTemplate(template, frames) if name == "main.html" and parent is None else template

        env.get_template = get_page_template  # type: ignore[method-assign]
    return env


class _FramedTemplate:
    """``main.html`` as MkDocs renders it for a page: by the frame cache (macros/build/frame_cache.py)."""

    def __init__(self, template: Any, frames: frame_cache.FrameCache) -> None:
        self.template = template
        self.frames = frames

    def render(self, context: dict[str, Any]) -> str:
        try:
            return self.frames.render(self.template, context)
        except frame_cache.FrameMismatch as error:
            raise PluginError(f"{error} (macros/build/frame_cache.py)") from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    current = state()
    for page in pages.generated_pages(current.dataset):
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        generated = File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
        files.append(generated)
        current.generated[page.src_uri] = page
    # The exports are files of the docs, so every edition (the offline one too) copies them and links resolve.
    if _incremental():
        current.exports = _memory.exports if _memory is not None else export.ExportMemo()
    current.downloads = export.downloads(current.dataset, current.site_name, current.site_description,
                                         current.exports)
    for download in current.downloads:
        files.append(File.generated(config, download.path, content=download.content))
    if len(current.dataset.timeline_periods) > 1:  # the filters' data, for a timeline split into pages
        files.append(File.generated(config, timeline_filters_module.FACETS_PATH,
                                    content=_timeline_facets(current, files)))
    current.files = files
    current.backlinks = _backlinks(current, files)
    if _incremental():
        current.words = _memory.words if _memory is not None and current.rebuild is not None else WordIndex()
        if _memory is not None and current.rebuild is not None:
            current.rebuild = _with_moved_backlinks(current, _memory.backlinks)
    if _incremental():
        _mark_modified(current, files, config)
    return files


def _mark_modified(current: BuildState, files: Files, config: MkDocsConfig) -> None:
    """Tell MkDocs's dirty build which pages to render again: a generated page the edit does not change keeps
    its HTML from the last build, and so does a hand-written page that shows no data after an edit of events
    (``_shows_no_data``); every other page (hand-written ones call macros over the whole data; the indexes and
    names page are in every page's navigation) is rendered again."""
    def unchanged() -> bool:
        return False

    def changed() -> bool:
        return True

    always = {pages.NAMES_PAGE} | {uri for uri, page in current.generated.items() if page.in_nav}
    titled = _titled_in_nav(config.nav)
    documents = files.documentation_pages()
    kept = 0
    previous = _memory.pages if _memory is not None and current.rebuild is not None else {}
    today = get_build_date()
    for file in documents:
        keep = current.rebuild is not None and (
            (file.src_uri in current.generated and file.src_uri not in current.rebuild and file.src_uri not in always)
            or (current.only_events and file.src_uri in titled and _shows_no_data(file)))
        relink = current.relinks.get(file.src_uri) if keep else None
        if relink is not None:
            keep = edit_links.relink(Path(config.site_dir, file.dest_uri), *relink)
        kept += keep
        file.is_modified = unchanged if keep else changed  # type: ignore[method-assign]
        page = previous.get(file.src_uri) if keep else None
        if page is not None:
            # A kept page is never rendered: its Page from the last build serves (the sitemap reads its URL, the
            # same: mkdocs.yml did not change), which spares MkDocs making 7,000 of them on every save.
            page.file, file.page, page.update_date = file, page, today
            if relink is not None:
                page.edit_url = relink[1]
    if current.rebuild is not None:
        log.info(f"Rebuilding {len(documents) - kept} of {len(documents)} pages (an edit of events or aliases)")


# What a hand-written page may call and still show nothing of the data: the schema's field tables.
_DATA_FREE_CALL = re.compile(r'\{\{ *data_reference\("[a-z]+"\) *\}\}')


def _shows_no_data(file: File) -> bool:
    """Whether a hand-written page's HTML is the same whatever the events: its only macro calls show the schema,
    it has no front matter (the navigation of every page reads it), and its mentions name actors, places and terms,
    which an edit of events leaves as they are."""
    text = file.content_string
    return not text.startswith("---") and "{%" not in text and "{#" not in text and "{{" not in _DATA_FREE_CALL.sub(
        "", text)


def _titled_in_nav(nav: Any) -> set[str]:
    """The pages the navigation lists with a title: a page not rendered keeps its title there."""
    found: set[str] = set()
    for item in nav or ():
        for title, value in (item.items() if isinstance(item, dict) else ()):
            if isinstance(value, str) and title:
                found.add(value)
            elif isinstance(value, list):
                found |= _titled_in_nav(value)
    return found


def _with_moved_backlinks(current: BuildState, before: dict[str, tuple[tuple[str, str], ...]]) -> frozenset[str] | None:
    """Add the pages of the actors and places whose list of pages that mention them changed (an alias can move a
    mention from one to another); None (rebuild everything) if another kind's did."""
    assert current.rebuild is not None
    rebuild = set(current.rebuild)
    for entity_id in before.keys() | current.backlinks.keys():
        if before.get(entity_id) != current.backlinks.get(entity_id):
            entity = current.dataset.entity(entity_id)
            if not isinstance(entity, Actor | Place):
                return None
            rebuild.add(pages.page_of(entity))
    return frozenset(rebuild)


def _timeline_facets(current: BuildState, files: Files) -> str:
    def url_of(path: str) -> str:
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"the timeline's filters point to {path!r}, which no page provides")
        return file.url

    return timeline_filters_module.facets_script(
        render.PageContext(current.dataset, lambda path: path, policy=current.policy), url_of)


def _backlinks(current: BuildState, files: Files) -> dict[str, tuple[tuple[str, str], ...]]:
    # Read from the sources before any page renders, so an entity page lists pages rendered after it.
    assert current.mention_index is not None
    written = []
    for file in files.documentation_pages():
        if file.src_uri not in current.generated:
            text = file.content_string
            written.append((file.src_uri, mentions.page_heading(text, file.name), text))
    seed = current.dataset.seed
    if seed is not None:
        written.append((pages.SEED_PAGE, "The article", seed.text))
    return mentions.backlinks(written, current.mention_index, current.dataset)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    current = state()
    current.current = page
    current.contexts[page.file.src_uri] = render.PageContext(current.dataset, _linker(page, files),
                                                            policy=current.policy, backlinks=current.backlinks,
                                                            parts=current.link_parts)
    generated = current.generated.get(page.file.src_uri)
    if generated is not None:
        page.render = _no_markdown(page)  # type: ignore[method-assign,assignment]  # see _no_markdown
    if generated is not None and config.edit_uri:
        # MkDocs gives generated files no edit link; point it at the data file, at the entry's line.
        page.edit_url = edit_links.generated_page_url(config.edit_uri, _docs_to_root(current.root, config),
                                                      current.dataset, generated)
    return page


def _docs_to_root(root: Path, config: MkDocsConfig) -> str:
    return Path(os.path.relpath(root, config.docs_dir)).as_posix()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    current = state()
    generated = current.generated.get(page.file.src_uri)
    if generated is not None:
        # The theme prints titles as HTML: give it escaped text.
        place = current.dataset.places.get(generated.entity_id or "")
        title = naming.heading(place, current.policy) if place else pages.page_title(current.dataset, generated)
        page.meta["title"] = str(Markup.escape(title))
        description = pages.page_description(current.dataset, generated)
        if description:  # Material prints it unescaped, and link previews read it (overrides/main.html)
            page.meta["description"] = str(Markup.escape(description))
        if generated.entity_id:
            # Rank an entity's own page above pages that merely mention it: a search for a name should find
            # the place or actor first, then the events that mention it.
            page.meta.setdefault("search", {"boost": pages.search_boost(current.dataset, generated)})
            page.meta.setdefault("tags", pages.search_names(current.dataset, generated))
        elif search_light.is_light(current.dataset) and search_light.left_out(generated):
            page.meta["search"] = {"exclude": True}
        # A generated page is one macro call whose result is HTML: the adapter calls the macro after Markdown
        # (on_page_content), so neither Jinja (~2 ms a page) nor Markdown (which would parse the HTML) reads it.
        page.meta["render_macros"] = False
        return ""
    return markdown


# The source of a generated page, as macros.site.pages writes it: one macro call whose arguments are ids.
_CALL = re.compile(r'\{\{ (\w+)\(((?:"[a-z0-9-]+"(?:, )?)*)\) \}\}\n')


def _render_generated(generated: pages.GeneratedPage) -> str:
    call = _CALL.fullmatch(generated.content)
    macro = state().macros.get(call.group(1)) if call else None
    if call is None or macro is None:
        raise PluginError(f"{generated.src_uri}: a generated page must hold one explainer macro call")
    current = state()
    current.after_markdown = True
    try:
        return str(macro(*re.findall(r'"([a-z0-9-]+)"', call.group(2))))
    finally:
        current.after_markdown = False


def _no_markdown(page: Page) -> Callable[[MkDocsConfig, Files], None]:
    """What ``Page.render`` leaves of an empty source, without making a Markdown instance (~1 ms a page): a
    generated page's HTML is made after, in ``on_page_content``."""
    def render_nothing(config: MkDocsConfig, files: Files) -> None:
        page.content, page.toc, page.present_anchor_ids, page.links_to_anchors = "", get_toc([]), set(), {}
    return render_nothing


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A hand-written page's mentions, references and contents. A generated page is made later, just before the
    theme renders it (``_page_html``): MkDocs reads every page before it renders any, and holding every generated
    page's HTML in between was most of a large build's memory (700 MB at 20,000 events)."""
    if page.file.src_uri in state().generated:
        return ""
    return _page_html(page, html)


def _page_html(page: Page, html: str) -> str:
    """The page's HTML with its mentions linked, its references, and its headings in the contents column."""
    current = state()
    generated = current.generated.get(page.file.src_uri)
    if generated is not None:
        current.current = page  # the page the macros draw for (_ctx)
        html = _render_generated(generated)
    ctx = current.contexts.pop(page.file.src_uri, None)
    if ctx is not None and current.mention_index is not None:
        own = mentions.own_entities(current.dataset, page.file.src_uri)
        html = mentions.link_mentions(html, current.mention_index, mentions.PageMentions(ctx, current.policy, own))
    if ctx is not None and ctx.cited:
        html += str(render.references(ctx))
    _fill_toc(page, html)
    if generated is not None and _incremental():
        current.references[page.file.src_uri] = dependents.references(html)
        if current.words is not None and not generated.in_nav and page.file.src_uri != pages.NAMES_PAGE:
            current.words.add(page.file.src_uri, html)  # (the pages rendered every time are never looked up)
    return html


def _fill_toc(page: Page, html: str) -> None:
    """Give the theme's contents column the headings made after Markdown (see ``macros.site.headings``)."""
    found = headings.headings(html)
    known = {anchor.id for anchor in page.toc for anchor in (anchor, *anchor.children)}
    if any(heading.id not in known for heading in found if heading.level > 1):
        page.toc = get_toc(headings.toc_tokens(found))  # type: ignore[arg-type]


def on_page_context_before_search(context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    """Make a generated page's HTML (``_page_html``), and hand the search plugin its text without its inline markup
    (see ``macros.site.search_view``)."""
    current = state()
    search = _search_plugin(config)
    if search is not None:
        current.search_start = len(search.search_index.entries)
    if page.file.src_uri in current.generated:
        page.content = _page_html(page, "")
        current.full_html[page.file.src_uri] = page.content
        if search_light.is_light(current.dataset):
            entity = current.dataset.entity(current.generated[page.file.src_uri].entity_id or "")
            page.content = search_light.light_view(page.content, entity.kind if entity else None, search_view)
        else:
            page.content = search_view(page.content)
    return context


def on_page_context_after_search(context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    """Trim a light index's entries of the page (``search_light.trim``), and put its HTML back for the theme."""
    search = _search_plugin(config)
    if search is not None and page.file.src_uri in state().generated and search_light.is_light(state().dataset):
        search_light.trim(search.search_index.entries, state().search_start)
    if _incremental() and search is not None:
        state().search_entries[page.file.src_uri] = search.search_index.entries[
            state().search_start:]
    full = state().full_html.pop(page.file.src_uri, None)
    if full is not None:
        page.content = full
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put an entity page's schema.org JSON-LD in its head, then let go of the page's text."""
    current = state()
    generated = current.generated.get(page.file.src_uri)
    # The page is written, but MkDocs keeps every Page to the end of the build: drop its HTML and Markdown so
    # memory does not grow with the sum of all pages (the search plugin has taken its text already).
    page.content = None
    page.markdown = None
    entity = current.dataset.entity(generated.entity_id) if generated and generated.entity_id else None
    if not isinstance(entity, Actor | Place | Event) or current.files is None:
        return output
    by_uri = current.files.src_uris

    def url_of(target: Entity) -> str:
        url = by_uri[pages.page_of(target)].url
        return urljoin(config.site_url, url) if config.site_url else theme_urls.relative_url(url, page.file.url)

    script = jsonld.script_element(jsonld.entity_jsonld(current.dataset, entity, url_of))
    head_end = output.find("</head>")
    return output if head_end < 0 else output[:head_end] + script + output[head_end:]


def _linker(page: Page, files: Files) -> Callable[[str], str]:
    """A page's links to other files, relative to it. A large build makes half a million of them: the file is
    found in MkDocs's own index and the relative URL computed as ``File.url_relative_to`` does, from parts split
    once (``theme_urls``), for the same result."""
    by_uri = files.src_uris
    here = page.file.url

    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        suffix = f"#{anchor}" if anchor else ""
        if path == page.file.src_uri:
            return suffix or "#"
        file = by_uri.get(path) or files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"a link points to {path!r}, which no page provides")
        return theme_urls.relative_url(file.url, here) + suffix
    return link


def _ctx() -> render.PageContext:
    current = state()
    if current.current is None:
        raise PluginError("an explainer macro was called outside a page")
    return current.contexts[current.current.file.src_uri]


def _html(fragment: Markup) -> str:
    if state().after_markdown:
        return str(fragment)
    # One line, so Markdown keeps the fragment as a single raw HTML block whatever the data's line breaks.
    return markdown_inert(str(fragment).replace("\r", " ").replace("\n", " "))


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

    def timeline_axis(filters: bool = True) -> str:
        """The whole span of the data as a time axis (inline SVG): a mark per event, the chapters as bands, the
        years without an event left empty: `{{ timeline_axis() }}`; on a page without the timeline filters,
        `{{ timeline_axis(filters=false) }}` leaves out what only the filters read."""
        return _html(axis.timeline_axis(_ctx(), facets=filters))

    def timeline_filters() -> str:
        """The timeline's filter form (actor, place, kind); docs/assets/timeline-filters.js runs it. On a timeline
        split by period it finds the matching events on every page (each period page has the form too)."""
        return _html(timeline_filters_module.filter_form(_ctx()))

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
        ctx = _ctx()
        return _html(render.timeline_period(ctx, slug, timeline_filters_module.filter_form(ctx)))

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

    def mention(entity_id: str, text: str | None = None) -> str:
        """A mention linked even when it is not the first on the page, a place with the other side's name:
        `{{ mention("stepanakert", "Khankendi") }}`. (Plain mentions are linked without any macro.)"""
        entity = state().dataset.entity(entity_id)
        if entity is None:
            raise PluginError(f"mention({entity_id!r}): no entity has this id; check data/ for the right one")
        html = render.entity_link(_ctx(), entity_id, text)
        if isinstance(entity, Place):
            html += mentions.name_gloss(entity, text or naming.shown_text(entity, state().policy), state().policy)
        return _html(html)

    def names_page() -> str:
        """The "About the names" page: the naming policy, and every place's names by language and side."""
        return _html(names_page_module.names_page(_ctx()))

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

    def events_between(start: str, end: str | None = None) -> str:
        """A list of events from `start` to `end` (ISO dates, inclusive by prefix)."""
        return _html(render.bounded_event_list(_ctx(), state().dataset.events_between(start, end)))

    def site_heading() -> str:
        """The page's heading: the explainer's name (`site_name` in data/seed.yml, else mkdocs.yml)."""
        return _html(html("<h1>{}</h1>", state().site_name))

    def missing() -> str:
        """What the data still lacks, told to a reader (places without coordinates, a side's missing words…)."""
        return _html(missing_view.missing_list(_ctx()))

    def key_events() -> str:
        """The story's key events (`key_events` in data/seed.yml) with their summaries and sources."""
        return _html(render.key_events(_ctx()))

    def lede() -> str:
        """The home page's opening sentences (`lede` in data/seed.yml), with their sources cited."""
        return _html(front_page.lede(_ctx()))

    def key_figures() -> str:
        """The "Key figures" box: the figures of the key events (data/figures.yml), each attributed, side by side."""
        return _html(figures.key_figures(_ctx()))

    def chapters() -> str:
        """What happened next, chapter by chapter (`chapters` in data/seed.yml)."""
        return _html(render.chapters(_ctx()))

    def data_files() -> str:
        """The exported files (JSON, TimelineJS CSV and JSON, GeoJSON) with their sizes: `{{ data_files() }}`."""
        return _html(render.download_list(_ctx(), state().downloads))

    def report_error() -> str:
        """How a reader reports an error: the repository's issues when the site knows its repository."""
        found = state().repository
        return _html(edit_links.reporting(found.edit_uri, found.url, found.issues) if found else
                     edit_links.reporting(None, None, None))

    def overview_map() -> str:
        """The story's map, drawn at build time: its countries, region, key events' places and roads."""
        return _html(map_views.overview_map(_ctx()))

    def data_reference(stem: str) -> str:
        """The fields of one data file, from its schema: `{{ data_reference("places") }}`."""
        if stem not in FILES:
            raise PluginError(f"data_reference({stem!r}): no such data file; use one of {sorted(FILES)}")
        return _html(reference.field_table(stem))

    return {function.__name__: function for function in (entity_page, entity_index, timeline, timeline_axis,
                                                         timeline_filters,
                                                         glossary, source_list, seed_article, link, mention,
                                                         names_page, date_of, cite, events_between, site_heading,
                                                         missing, key_events, chapters, data_files, data_reference,
                                                         report_error, overview_map, lede, key_figures,
                                                         timeline_period, source_period,
                                                         entity_events, kind_index, glossary_part)}
