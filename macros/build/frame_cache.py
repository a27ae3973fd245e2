"""Material's page frame, rendered once per kind of page for the pages outside the navigation, each page's own parts
put in.

A 5,000-event build renders Material's ``main.html`` 7,000 times; it was a quarter of the build, for HTML that is
the same on every generated page but for a few of the page's values: its title, description, canonical and edit
URLs, content, table of contents and "skip to content" link. For a page outside the navigation (no item active,
no footer links, none of the page settings Material reads but its title and description), the template is rendered
once with a stand-in page whose values are markers, and the result is cut at the markers; a page of the same kind
is then the pieces joined with its own values (``Frame.fill``).

Why this gives Material's own bytes:
- **The kind** (``_kind``) holds everything else the frame reads of the page: the navigation's and header's links
  as this page's ``url`` filter writes them (``chrome_cache``), ``base_url``, and which values are present (each
  is an ``{% if %}`` in the theme).
- **A value the theme changes** (``| e``, ``| striptags``) is found by the marker's own change: each marker holds
  a tag and an entity, so each of those filters turns it into another string, and the piece gets the value with
  the same change. A marker changed any other way is left in the frame, and such a frame is never used.
- **Checked before use:** a frame is made from the first page of its kind and used only after it has given, for
  a second page of that kind, the bytes the theme gives that page (``_Kind.checked``). Anything the frame took
  from the first page that it should not have (a value the theme reads that is not a marker) fails that check,
  and the pages of that kind are rendered by the theme every time.

The table of contents is a list the theme loops over: ``overrides/partials/toc.html`` calls ``explainer_toc()``,
which gives a marker while the frame is made; each page's is Material's own partial, rendered with the variables
the frame had there and kept by the headings it lists (``_headings``: most pages of a kind have the same sections).
Kept in memory for one build, as ``chrome_cache``. A build with ``check_every_page`` (``EXPLAINER_CHECK_FRAMES=1``,
as the tests build) renders every page both ways and stops at a difference: the check for a change of the theme.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from macros.build.chrome_cache import ChromeCache, outside_nav, render_theme

TOC_TEMPLATE = "partials/toc.html"
# What Material and overrides/main.html read of a page's settings beyond these makes the page's kind unknown, and
# the theme renders it: search, tags and render_macros are read by plugins, not by the theme.
_KNOWN_META = frozenset({"title", "description", "search", "tags", "render_macros"})

# The changes the theme makes to a value before it prints it: chains of the environment's own filters.
_CHANGES: tuple[tuple[str, ...], ...] = ((), ("e",), ("striptags",), ("striptags", "e"))


@dataclass
class _Kind:
    """One kind of page: its frame once made, and whether it has given the theme's bytes for a second page."""

    frame: Frame | None = None
    toc_variables: dict[str, Any] = field(default_factory=dict)  # what the theme's toc partial saw in the frame
    tocs: dict[tuple[Any, ...], str] = field(default_factory=dict)  # its output, by the headings it lists
    checked: bool = False
    failed: bool = False


@dataclass(frozen=True)
class Frame:
    """The theme's page with markers, cut into literal pieces and (value, change) pairs."""

    literals: tuple[str, ...]
    slots: tuple[tuple[str, tuple[str, ...]], ...]  # (value, the filters it goes through)
    names: frozenset[str]  # the values it holds

    def fill(self, values: dict[str, str], change: Callable[[tuple[str, ...], str], str]) -> str:
        parts = [self.literals[0]]
        for (name, how), literal in zip(self.slots, self.literals[1:], strict=True):
            parts.append(change(how, values[name]))
            parts.append(literal)
        return "".join(parts)


@dataclass
class _TocItem:
    url: str
    title: str = ""
    level: int = 2
    children: list[Any] = field(default_factory=list)


class _StandIn:
    """The page as the frame reads it: its URL (for the ``url`` filter) and markers for its own values."""

    def __init__(self, page: Any, markers: dict[str, str]) -> None:
        self.url = page.url
        self.file = page.file
        self.is_homepage = False
        self.previous_page = self.next_page = None
        self.meta = {name: markers[name] for name in ("title", "description") if page.meta.get(name)}
        self.title = markers["page_title"] if page.title else page.title
        self.canonical_url = markers["canonical_url"] if page.canonical_url else page.canonical_url
        self.edit_url = markers["edit_url"] if page.edit_url else page.edit_url
        # Material prints the title as a heading when the content holds none (the marker says which).
        self.content = markers["content_h1" if "\u003ch1" in page.content else "content"]
        self.toc = [_TocItem(markers["skip"])] if next(iter(page.toc), None) is not None else []


class FrameMismatch(Exception):
    """A page made from a frame is not what the theme makes of it (only raised when every page is checked)."""


class FrameCache:
    """Renders ``main.html`` for MkDocs (see the module's docstring). With ``check_every_page``, the theme renders
    every page too, and a page whose two renderings differ is an error (the tests build every site so)."""

    def __init__(self, env: Environment, chrome: ChromeCache, check_every_page: bool = False) -> None:
        self._env = env
        self._chrome = chrome
        self._check_every_page = check_every_page
        self._token = secrets.token_hex(8)  # no value of the site can hold a marker of this build
        self._markers = {name: f"\x00{self._token}:{name}<i></i>&amp;\x00" for name in (
            "title", "description", "page_title", "canonical_url", "edit_url", "content", "toc")}
        self._markers["content_h1"] = f"\x00{self._token}:content-h1\u003ch1<i></i>&amp;\x00"
        self._markers["skip"] = f"#\x00{self._token}:skip<i></i>&amp;\x00"
        self._kinds: dict[tuple[Any, ...], _Kind] = {}
        self._framing: _Kind | None = None  # the kind whose frame is being made
        self.filled = 0  # pages made from a frame in this build (or, checking every page, found the same)

    def install(self) -> None:
        self._env.globals["explainer_toc"] = self.toc

    @pass_context
    def toc(self, context: Context) -> str:
        if self._framing is not None:
            self._framing.toc_variables = dict(context.get_all())
            return self._markers["toc"]
        return render_theme(context.environment, TOC_TEMPLATE, context.get_all())

    def render(self, template: Any, context: dict[str, Any]) -> str:
        """The page as ``template.render(context)`` writes it."""
        key = self._kind(context)
        if key is None:
            return str(template.render(context))
        kind = self._kinds.setdefault(key, _Kind())
        if kind.failed:
            return str(template.render(context))
        page = context["page"]
        if kind.frame is None:
            kind.frame = self._make_frame(kind, template, context)
            kind.failed = kind.frame is None
            return str(template.render(context))
        filled = kind.frame.fill(self._values(kind, page, kind.frame.names), self._change)
        if not kind.checked or self._check_every_page:
            theirs = str(template.render(context))
            if not kind.checked:
                kind.checked, kind.failed = filled == theirs, filled != theirs
            elif filled != theirs:
                raise FrameMismatch(f"{page.url}: the page made from its frame differs from the theme's at "
                                    f"{_first_difference(filled, theirs)}")
            else:
                self.filled += 1
            return theirs
        self.filled += 1
        return filled

    def summary(self) -> str:
        kinds = self._kinds.values()
        return (f"{self.filled} pages from the theme's page frames; {sum(kind.checked for kind in kinds)} kinds of "
                f"page framed, {sum(kind.failed for kind in kinds)} rendered by the theme every time")

    def _make_frame(self, kind: _Kind, template: Any, context: dict[str, Any]) -> Frame | None:
        self._framing = kind
        try:
            html = str(template.render({**context, "page": _StandIn(context["page"], self._markers)}))
        finally:
            self._framing = None
        variants = {self._change(change, marker): (name, change) for name, marker in self._markers.items()
                    for change in _CHANGES}
        if len(variants) != len(self._markers) * len(_CHANGES):
            return None
        pieces = re.split("(" + "|".join(map(re.escape, sorted(variants, key=len, reverse=True))) + ")", html)
        literals = tuple(pieces[0::2])
        if any(self._token in literal for literal in literals):  # a marker the theme changed another way
            return None
        slots = tuple(variants[marker] for marker in pieces[1::2])
        return Frame(literals, slots, frozenset(name for name, _change in slots))

    def _change(self, how: tuple[str, ...], value: Any) -> str:
        """``value`` as ``{{ value | how[0] | how[1] }}`` prints it."""
        for name in how:
            value = self._env.filters[name](value)
        return str(value)

    def _values(self, kind: _Kind, page: Any, names: frozenset[str]) -> dict[str, str]:
        return {
            "title": page.meta.get("title") or "", "description": page.meta.get("description") or "",
            "page_title": page.title or "", "canonical_url": page.canonical_url or "",
            "edit_url": page.edit_url or "", "content": page.content, "content_h1": page.content,
            "toc": self._toc(kind, page) if "toc" in names else "",
            "skip": next(iter(page.toc)).url if "skip" in names else "",
        }

    def _toc(self, kind: _Kind, page: Any) -> str:
        """The theme's table of contents of ``page``: the same headings give the same HTML (most pages of a kind
        have the same sections)."""
        key = _headings(page.toc)
        html = kind.tocs.get(key) if key is not None else None
        if html is None:
            html = render_theme(self._env, TOC_TEMPLATE, {**kind.toc_variables, "page": page})
            if key is not None:
                kind.tocs[key] = html
        return html

    def _kind(self, context: dict[str, Any]) -> tuple[Any, ...] | None:
        """What the frame of this page depends on, or None for a page the theme renders."""
        page = context.get("page")
        if page is None or context.get("tags") or page.is_homepage or page.previous_page or page.next_page:
            return None
        if not outside_nav(context) or not _KNOWN_META.issuperset(page.meta) or not isinstance(page.content, str):
            return None
        first = next(iter(page.toc), None)
        if first is not None and not first.url.startswith("#"):
            return None
        edit = page.edit_url or ""
        return (self._chrome.links_of(self._env, context), context.get("base_url"), bool(page.meta.get("title")),
                bool(page.meta.get("description")), bool(page.title), bool(page.canonical_url), bool(edit),
                "/blob/" in edit, "\u003ch1" in page.content, first is not None)


def _first_difference(ours: str, theirs: str) -> str:
    at = next((index for index, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
              min(len(ours), len(theirs)))
    start = max(0, at - 40)
    return f"character {at}: {ours[start:at + 40]!r} where the theme writes {theirs[start:at + 40]!r}"


def _headings(items: Any) -> tuple[Any, ...] | None:
    """All that Material's ``toc-item.html`` reads of the headings (None: a heading set by another plugin)."""
    found = []
    for item in items:
        children = _headings(item.children)
        if children is None or getattr(item, "typeset", None) is not None:
            return None
        found.append((item.url, item.title, item.level, children))
    return tuple(found)
