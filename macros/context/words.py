"""The words of a page as the mention matcher sees them: what ``mkdocs serve --dirty`` searches to find the pages
an alias edit changes (``macros.site.dependents``).

A name is linked where a page's folded text holds it between word boundaries (``macros.context.mentions``), so
each of the name's folded words is then a whole word of the page: a page without one of them cannot mention the
name. The words are read from a page's whole HTML, markup included, which only ever finds more pages than needed.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable

from macros.context.mentions import fold_name, fold_text

_WORD = re.compile(r"\w+")


def page_words(html: str) -> set[str]:
    """Every word of ``html``, its character references decoded and folded as mentions are."""
    return set(_WORD.findall(fold_text(htmllib.unescape(html) if "&" in html else html)[0]))


def name_words(name: str) -> set[str]:
    """The folded words of a name (an alias): a page mentions it only if it holds all of them."""
    return set(_WORD.findall(fold_name(name)))


class WordIndex:
    """Which pages hold each word, for every page rendered so far. A page rendered again adds its words and keeps
    its old ones: the answers may name a page that no longer holds a word (rebuilt for nothing), never miss one."""

    def __init__(self) -> None:
        self._pages: dict[str, list[str]] = {}

    def add(self, page: str, html: str) -> None:
        for word in page_words(html):
            self._pages.setdefault(word, []).append(page)

    def pages_naming(self, name: str) -> set[str]:
        """The pages that may mention ``name``: those that hold each of its words."""
        found: set[str] | None = None
        for word in sorted(name_words(name), key=lambda word: len(self._pages.get(word, ()))):
            holding = set(self._pages.get(word, ()))
            found = holding if found is None else found & holding
            if not found:
                return set()
        return found or set()

    def pages_naming_any(self, names: Iterable[str]) -> set[str]:
        return set().union(*(self.pages_naming(name) for name in names))
