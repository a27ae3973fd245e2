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

# Values from data are escaped, so no ">" stands inside a tag.
_HEADING = re.compile(r'(?:<(?:section|article|div)\b[^>]*?\bid="([^"]+)"[^>]*>)?<h([1-3])\b([^>]*)>(.*?)</h\2>',
                      re.DOTALL)
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
        parent_id, level, attributes, inner = match.groups()
        own = _ID.search(attributes)
        anchor = own.group(1) if own else parent_id
        if anchor:
            title = _TAG.sub("", _PERMALINK.sub("", inner)).strip()
            found.append(Heading(int(level), anchor, title))
    return found


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
