"""The search index reads a light view of each generated page (``macros.site.search_view``): Material's own parser
must find the same sections, titles and words in it as in the page's HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup
from material.plugins.search.plugin import Parser

from macros.load.dataset import load_dataset
from macros.site import search_light
from macros.site.safe_html import html
from macros.site.search_view import search_view
from tests.conftest import ROOT
from tests.hostile import PAYLOADS

DATA = load_dataset(ROOT)

PAGES = ["places/stepanakert/index.html", "events/2023-09-19-azerbaijani-operation/index.html",
         "actors/ilham-aliyev/index.html", "names/index.html", "article/index.html"]  # generated pages


def _sections(page_html: str) -> list[tuple[str | None, str, str]]:
    parser = Parser()
    parser.feed(page_html)
    parser.close()
    blank = re.compile(r"\s+")  # the view may part words the page ran together (table cells), never change them
    return [(section.id, blank.sub("", "".join(section.title)), blank.sub("", "".join(section.text)))
            for section in parser.data]


def _article(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index("<article")
    return text[text.index(">", start) + 1:text.rindex("</article>")]


@pytest.mark.parametrize("page", PAGES)
def test_search_finds_the_same_sections_and_words_in_the_view(site: Path, page: str) -> None:
    content = _article(site / page)
    assert _sections(search_view(content)) == _sections(content)
    assert len(search_view(content)) < len(content)


def test_the_view_cuts_what_search_must_not_index() -> None:
    view = search_view('<p>Stepanakert<small class="ex-aka" data-search-exclude>(Khankendi)</small> is '
                       '<a href="x" title="a &lt;card&gt;">here</a>.</p><h2 id="who" class="x">Who</h2>'
                       '<table class="ex-names"><tr><th>Name</th><th>Language</th></tr></table>')
    assert view == '<p>Stepanakert is here.</p><h2 id="who">Who</h2><table><tr>Name Language </tr></table>'


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_escapes_like_markup_format(payload: str) -> None:
    template = '<a href="{}" title="{}">{}</a>{:.1f}'
    assert html(template, payload, payload, Markup("<b>kept</b>"), 2.25) == \
        Markup(template).format(payload, payload, Markup("<b>kept</b>"), 2.25)  # noqa: S704 (the reference)


def test_a_light_index_keeps_names_and_titles(site: Path) -> None:
    """Above search_light.LIGHT_ABOVE events the index keeps a place's heading, lede and every name, and an event's
    title: a search finds every entity by any of its names, for a fraction of the words."""
    place_html = _article(site / "places/stepanakert/index.html")
    place = search_view(place_html)
    light = search_light.light_view(place_html, "place", search_view)
    words = " ".join(text for _id, title, text in _sections(light))
    for name in DATA.places["stepanakert"].all_names:
        assert re.sub(r"\s+", "", name) in words, name
    assert "names" in [section_id for section_id, _title, _text in _sections(light)]
    assert len(light) < len(place) / 2
    event = _article(site / "events/2023-09-19-azerbaijani-operation/index.html")
    sections = _sections(search_light.light_view(event, "event", search_view))
    assert len(sections) == 1
    assert re.sub(r"\s+", "", DATA.events["2023-09-19-azerbaijani-operation"].title) in sections[0][2]
    assert search_light.light_view("<h1>x</h1><h2>y</h2>", None, search_view) == "<h1>x</h1><h2>y</h2>"


def test_a_light_index_drops_what_only_repeats() -> None:
    entries = [{"location": "before/", "title": "x", "text": "x", "tags": ["a"]},
               {"location": "actors/a/", "title": "A", "text": "A", "tags": []},
               {"location": "actors/b/", "title": "B", "text": "lede", "tags": ["B", "Bee"]},
               {"location": "actors/b/#names", "title": "Also called", "text": "Bee", "tags": ["B", "Bee"]}]
    search_light.trim(entries[:2], 1)  # one page's entries at a time, as the search plugin makes them
    search_light.trim(entries, 2)
    assert entries[0] == {"location": "before/", "title": "x", "text": "x", "tags": ["a"]}  # another page's
    assert entries[1] == {"location": "actors/a/", "title": "A", "text": ""}
    assert entries[2]["tags"] == ["B", "Bee"] and "tags" not in entries[3]
