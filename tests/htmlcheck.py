"""Reading built HTML in tests: links, ids and the text of elements, with the standard library's parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Text inside these runs on with its neighbours ("Azerbaijan, local"); other tags separate words.
INLINE = frozenset({"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "small", "span", "strong", "sub", "sup",
                    "time", "data"})


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()
        self.text: list[str] = []
        self.glosses: list[str] = []  # text of the name glosses the mention pass adds (<small class="ex-aka">)
        self.in_gloss = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in INLINE:
            self.text.append(" ")
        if tag == "small" and "ex-aka" in (dict(attrs).get("class") or "").split():
            self.in_gloss = True
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in {"href", "src"} and value is not None:
                self.links.append((tag, name, value))

    def handle_endtag(self, tag: str) -> None:
        if tag == "small":
            self.in_gloss = False
        if tag not in INLINE:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        (self.glosses if self.in_gloss else self.text).append(data)


def parse(file: Path) -> PageParser:
    parser = PageParser()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def page_text(file: Path) -> str:
    """The page's text as a reader reads it, without the name glosses added beside first mentions."""
    return re.sub(r"\s+", " ", "".join(parse(file).text))


def resolve(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and anchor an internal link points to, or None for an external or special link."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith(("//", "mailto:", "data:")):
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment
