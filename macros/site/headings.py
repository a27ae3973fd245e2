"""The headings of a page's final HTML, for its table of contents.

Generated pages, and the lists that hand-written pages get from a macro (the timeline, the glossary), make their
headings after Markdown, so Markdown's ``toc`` extension never sees them and the theme's contents column stays
empty. These are read back from the HTML: an ``h1``–``h3`` with an ``id``, or one that opens an element with an
``id`` (a glossary entry's ``<section id>``, a place on the names page), whose id the heading stands for. A
timeline event's ``h3`` comes after its date, not first in its ``<article id>``, so the timeline lists its years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Values from data are escaped, so no "<" or ">" stands inside a tag: the tag before a heading starts at the last
# "<" before it. (One pattern with the parent tag as an optional prefix tried it at every "<" of the page: a tenth
# of a 5,000-event build's own work.)
_HEADING = re.compile(r'<h([1-3])\b([^>]*)>(.*?)</h\1>', re.DOTALL)
_PARENT = re.compile(r'<(?:section|article|div)\b[^>]*?\bid="([^"]+)"[^>]*>')
_ID = re.compile(r'\bid="([^"]+)"')
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # HTML text: tags dropped, character references kept


def headings(html: str) -> list[Heading]:
    """Every ``h1``–``h3`` of ``html`` that has an id, or opens an element that has one, in page order."""
    found = []
    for match in _HEADING.finditer(html):
        level, attributes, inner = match.groups()
        own = _ID.search(attributes)
        anchor = own.group(1) if own else _parent_id(html, match.start())
        if anchor:
            title = _TAG.sub("", _PERMALINK.sub("", inner)).strip()
            found.append(Heading(int(level), anchor, title))
    return found


def _parent_id(html: str, start: int) -> str | None:
    """The id of the element whose opening tag ends right where the heading at ``start`` begins, if any."""
    if not start or html[start - 1] != ">":
        return None
    parent = _PARENT.fullmatch(html, html.rfind("<", 0, start - 1), start)
    return parent.group(1) if parent else None


def toc_tokens(found: list[Heading]) -> list[dict[str, object]]:
    """The headings nested as Python-Markdown's ``toc`` extension gives them (``level``, ``id``, ``name``,
    ``children``), for MkDocs' ``get_toc``."""
    root: list[dict[str, object]] = []
    stack: list[tuple[int, list[dict[str, object]]]] = [(0, root)]
    for heading in found:
        while stack[-1][0] >= heading.level:
            stack.pop()
        children: list[dict[str, object]] = []
        stack[-1][1].append({"level": heading.level, "id": heading.id, "name": heading.title, "children": children})
        stack.append((heading.level, children))
    return root
