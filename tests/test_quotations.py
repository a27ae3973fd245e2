"""Nothing is inserted inside a quotation, on any page of the real site: a place's names go beside its next
mention outside the quote (README, "Naming policy")."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from macros.load import load_dataset_cached
from tests.conftest import ROOT

QUOTES = {"q", "blockquote"}


class GlossInQuote(HTMLParser):
    """Counts name glosses (``small.ex-aka``) opened inside ``<q>`` or ``<blockquote>``."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in QUOTES:
            self.depth += 1
        classes = (dict(attrs).get("class") or "").split()
        if self.depth and "ex-aka" in classes:
            self.found.append(dict(attrs).get("data-entity") or "?")

    def handle_endtag(self, tag: str) -> None:
        if tag in QUOTES:
            self.depth -= 1


# A quotation printed with typographic marks: a gloss between “ and ” is inside it.
CURLY = re.compile(r'“[^“”<]*(?:<(?!/?(?:p|li|td|h\d)\b)[^>]*>[^“”<]*)*?class="ex-aka"')


def test_no_gloss_inside_a_quotation_on_any_page(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    found = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = GlossInQuote()
        parser.feed(html)
        if parser.found or CURLY.search(html):
            found[str(page.relative_to(site))] = parser.found or ["“…”"]
    assert found == {}


def test_aliyevs_words_are_quoted_as_said(site: Path) -> None:
    words = "Today, the Azerbaijani flag was raised in the central square of the city of Khankendi."
    data = load_dataset_cached(ROOT)
    period = data.period_of["2023-10-15-flag-raised"]
    timeline = "timeline" if len(data.timeline_periods) == 1 else f"timeline/{period}"
    for path in ("actors/ilham-aliyev", "events/2023-10-15-flag-raised", timeline):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        quote = re.search(r"<q>(Today, the Azerbaijani flag.*?)</q>", html)
        assert quote, path
        assert re.sub(r"<[^>]+>", "", quote.group(1)) == words, path  # a link may mark a name; nothing is added
