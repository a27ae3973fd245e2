"""Nothing from data runs: hostile text in every text field of every kind is shown as text, in the HTML,
the search index and in Chromium; hostile URLs are refused by the check."""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.load import schema
from macros.load.dataset import load_dataset
from macros.load.problems import DataError
from macros.model.dataset import Event
from tests.conftest import _QuietHandler, check, mkdocs
from tests.hostile import BIDI_OVERRIDES, COVERED, HOSTILE_URLS, PAYLOADS, hostile_dataset, schema_text_fields
from tests.htmlcheck import page_text
from tests.minisite import mini_project

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}


class Markup(HTMLParser):
    """Every element and attribute of a page, and the text of its inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in {"script", "title"} else None
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "title":
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in = None


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The mini dataset with payloads in every text field, built strictly: (site folder, the texts written)."""
    project = mini_project(tmp_path_factory.mktemp("hostile"))
    written = hostile_dataset(project)
    assert check(cwd=project).returncode == 0
    result = mkdocs("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site", written


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_corpus_is_large_and_reaches_every_text_field_of_every_kind(tmp_path: Path) -> None:
    assert len(PAYLOADS) >= 30
    hostile_dataset(tmp_path)
    declared = {(stem, path) for stem, (_key, file_schema) in schema.FILES.items()
                for path in schema_text_fields(file_schema)}
    assert len(declared) > 20
    assert declared - COVERED == set()
    texts = hostile_dataset_texts()
    for stem in ("actors", "places", "events", "sources", "glossary", "seed"):
        assert any(payload in text for text in texts[stem] for payload in PAYLOADS), stem


def hostile_dataset_texts() -> dict[str, list[str]]:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    try:
        hostile_dataset(folder)
        return {file.stem: [str(value) for value in _strings(yaml.safe_load(file.read_text(encoding="utf-8")))]
                for file in (folder / "data").glob("*.yml")}
    finally:
        shutil.rmtree(folder)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def structure(file: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The elements of a page with their attribute names; bare paragraphs left out (the seed grows some)."""
    parsed = Markup()
    parsed.feed(file.read_text(encoding="utf-8"))
    return [(tag, tuple(sorted(attrs))) for tag, attrs in parsed.tags
            if (tag, attrs) != ("p", {}) and (tag, tuple(sorted(attrs))) not in MENTION_SHAPES]


# What the mention pass adds where a name occurs in text: payloads change which names occur, not these shapes.
MENTION_SHAPES = {("a", ("class", "data-entity", "href", "title")), ("abbr", ("class", "title")),
                  ("small", ("class", "data-entity", "data-search-exclude")), ("span", ("lang",))}


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same dataset with no payload in it: what the hostile site's pages must look like, tag for tag."""
    project = mini_project(tmp_path_factory.mktemp("plain"))
    # Harmless words where the payloads go, so names change alike and mentions match alike in both sites.
    hostile_dataset(project, payloads=["plain words"])
    result = mkdocs("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_data_adds_no_element_and_no_attribute_to_any_page(hostile: tuple[Path, list[str]], plain_site: Path) -> None:
    site, _written = hostile
    good_site = plain_site
    names = [file.relative_to(site) for file in pages(site)]
    assert names == [file.relative_to(good_site) for file in pages(good_site)]
    changed = [str(file.relative_to(site)) for file in pages(site)
               if structure(file) != structure(good_site / file.relative_to(site))]
    assert changed == []


def test_no_url_attribute_or_script_comes_from_data(hostile: tuple[Path, list[str]]) -> None:
    site, _written = hostile
    found = []
    for file in pages(site):
        parsed = Markup()
        parsed.feed(file.read_text(encoding="utf-8"))
        where = file.relative_to(site)
        for tag, attrs in parsed.tags:
            found += [f"{where}: <{tag} {name}>" for name in attrs if name.startswith("on")]
            found += [f"{where}: <{tag} {name}={value[:40]!r}>" for name, value in attrs.items()
                      if name in URL_ATTRIBUTES and value and re.match(r"\s*(javascript|data|vbscript):", value, re.I)]
        for script in parsed.scripts:
            if script.startswith('{"@context":"https://schema.org"'):  # JSON-LD: data, never run; no markup in it
                found += [f"{where}: JSON-LD holds markup" for char in "<>" if char in script]
            elif "pwned" in script or "alert(" in script:
                found.append(f"{where}: script {script[:40]!r}")
    assert found == []


def test_every_hostile_text_is_shown_as_typed(hostile: tuple[Path, list[str]]) -> None:
    site, written = hostile
    shown = " ".join(page_text(file) for file in pages(site))
    missing = [text for text in written if " ".join(text.split()) not in shown]
    assert missing == []
    article = page_text(site / "article" / "index.html")
    assert [payload for payload in PAYLOADS if " ".join(payload.split()) not in article] == []
    html = (site / "actors" / "north" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&amp;lt;script&amp;gt;" in html  # an entity typed in the data is shown as typed, not decoded
    templated = [file for file in pages(site) if "{{ 6*7 }}" in page_text(file)]
    assert len(templated) > 10
    for file in templated:  # Jinja never saw the data: no 42, no site name where the payload was
        text = page_text(file)
        assert "42" not in text and "{{ config.site_name }}" in text and "{% raw %}raw{% endraw %}" in text, file


def test_page_titles_hold_the_name_as_text(hostile: tuple[Path, list[str]]) -> None:
    site, _written = hostile
    dataset = load_dataset(site.parent)
    for folder, table in (("actors", dataset.actors), ("places", dataset.places), ("events", dataset.events)):
        for entity in table.values():
            source = (site / folder / entity.id / "index.html").read_text(encoding="utf-8")
            match = re.search(r"<title>(.*?)</title>", source, re.S)
            assert match is not None and "<" not in match.group(1)
            name = entity.title if isinstance(entity, Event) else entity.name
            assert html.unescape(match.group(1)) == f"{' '.join(name.split())} - Hilltown's day & night: an explainer"


def test_the_search_index_holds_no_markup_from_data(hostile: tuple[Path, list[str]]) -> None:
    site, _written = hostile
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    bad = [doc["location"] for doc in index["docs"]
           if re.search(r"<(script|img|svg|iframe|body|details|style|a )", doc["title"] + doc["text"], re.I)]
    assert bad == []
    assert any("&lt;script&gt;" in doc["text"] for doc in index["docs"])


@pytest.fixture(scope="module")
def hostile_server(hostile: tuple[Path, list[str]]) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(hostile[0]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_no_script_runs_and_no_dialog_opens_on_any_page(browser: Any, hostile: tuple[Path, list[str]],
                                                        hostile_server: str) -> None:
    site, _written = hostile
    dialogs: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 4000})  # whole pages in view, to hover
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    pwned = []
    tooltips = 0
    try:
        for file in pages(site):
            url = hostile_server + file.relative_to(site).as_posix().removesuffix("index.html")
            page.goto(url)
            page.wait_for_load_state("load")
            # Material shows a `title` as a tooltip, inserted as HTML: hover what has one, as a reader would.
            centres = page.eval_on_selector_all("article [title]", """elements => elements.map(element => {
                const box = element.getBoundingClientRect();
                return box.width && box.height ? [box.x + box.width / 2, box.y + box.height / 2] : null;
            }).filter(Boolean).slice(0, 8)""")
            for x, y in centres:
                page.mouse.move(x, y)
                page.wait_for_timeout(30)
            tooltips += page.locator(".md-tooltip__inner, .md-tooltip2__inner").count()
            if page.evaluate("() => window.__pwned === 1"):
                pwned.append(url)
            # A link or frame that would run script when clicked or loaded, as the browser resolves it.
            pwned += page.eval_on_selector_all("a[href], area[href], iframe[src], form[action], [formaction]", """
                elements => elements.map(e => e.href || e.src || e.action || e.formAction || "")
                    .filter(url => /^\\s*(javascript|data|vbscript):/i.test(url))""")
        page.goto(hostile_server)
        # Words of the payloads that the search tokenizer keeps whole; results render titles and text as HTML.
        for word in ("comment", "raw", "marks", "onerror"):
            page.locator(".md-search__input").first.click()
            page.locator(".md-search__input").first.fill("")
            page.keyboard.type(word)
            page.wait_for_selector(".md-search-result__item", timeout=15000)
            assert "<script>" in page.locator(".md-search-result__item").first.inner_text()
            if page.evaluate("() => window.__pwned === 1"):
                pwned.append(f"search {word}")
        page.locator(".md-search-result__item a").first.click()  # search.highlight marks the word on the page
        page.wait_for_load_state("load")
        if page.evaluate("() => window.__pwned === 1"):
            pwned.append(f"highlighted {page.url}")
    finally:
        context.close()
    assert tooltips > 0, "no tooltip was shown: the hovers tested nothing"
    assert pwned == []
    assert dialogs == []


@pytest.mark.parametrize("field", ["url", "archive_url"])
def test_every_hostile_url_is_refused_by_the_check(field: str, tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    file = project / "data" / "sources.yml"
    original = yaml.safe_load(file.read_text(encoding="utf-8"))
    for url in HOSTILE_URLS:
        data = json.loads(json.dumps(original))
        data["sources"][1][field] = url
        file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        with pytest.raises(DataError) as refused:
            load_dataset(project)
        messages = [str(problem) for problem in refused.value.problems]
        assert len(messages) == 1 and f"source 'src-two': `{field}` " in messages[0], (url, messages)
        assert messages[0].startswith("data/sources.yml:"), messages


def test_direction_overrides_are_refused_in_every_text_field(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    written = hostile_dataset(project, BIDI_OVERRIDES)
    result = check(cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(written)  # one message per text field
    assert all("an invisible character that changes the order" in line for line in lines)
    assert mkdocs("build", cwd=project).returncode != 0
