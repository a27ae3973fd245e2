"""The theme's navigation and header, rendered once per build for all the pages that are not in the navigation.

Material renders the whole navigation and the header into every page: at 5,000 events that was a third of the
theme's work, for HTML that is the same on every generated page (none of them is in the navigation, so no item is
marked active) but for its links, relative to the page, and the header's page title. ``overrides/partials/nav.html``
and ``header.html`` call ``explainer_nav()`` and ``explainer_header()``; these render Material's own partial and keep
the result under the links it holds (each URL as the ``url`` filter writes it on this page), so a page whose links
read the same gets the same bytes. The header is rendered with a stand-in for the page's title, which each page's
own title replaces. A page in the navigation (an item is active) is rendered by Material every time. The
``config`` block (the theme's settings and translations for its scripts, with two URLs) is kept the same way, by
``explainer_kept`` and ``explainer_keep``, under the URLs it holds.

Kept in memory for one build: ``on_env`` makes a new cache, as a new build makes a new navigation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

# Where the adapter's loader serves the theme's own templates, so an override can render the file it replaces.
THEME_PREFIX = "theme-original/"
NAV_TEMPLATE = "partials/nav.html"
HEADER_TEMPLATE = "partials/header.html"
_TITLE = "\x00explainer-page-title\x00"  # no configuration or page value holds a NUL


class _TitleStandIn:
    """The page as the header reads it: its URL (for the ``url`` filter) and a stand-in for its title."""

    def __init__(self, page: Any) -> None:
        self.url = page.url
        self.meta: dict[str, str] = {}
        self.title = _TITLE


class ChromeCache:
    """``explainer_nav()`` and ``explainer_header()`` for the templates (see the module's docstring)."""

    def __init__(self) -> None:
        self._navs: dict[tuple[str, ...], str] = {}
        self._headers: dict[tuple[str, ...], tuple[str, str]] = {}
        self._blocks: dict[tuple[str, str], str] = {}
        self._last: tuple[str, tuple[str, ...]] = ("", ())  # the last page's URL and links: its header and nav ask

    def install(self, env: Environment) -> None:
        env.globals["explainer_nav"] = self.nav
        env.globals["explainer_header"] = self.header
        env.globals["explainer_kept"] = self.kept
        env.globals["explainer_keep"] = self.keep

    def kept(self, block: str, key: str) -> str | None:
        """A block of the theme rendered before under ``key`` (what it depends on, written out by the template)."""
        return self._blocks.get((block, key))

    def keep(self, block: str, key: str, html: str) -> str:
        self._blocks[(block, key)] = html
        return html

    @pass_context
    def nav(self, context: Context) -> str:
        key = self._key(context) if outside_nav(context) else None
        if key is not None and key in self._navs:
            return self._navs[key]
        html = _render(context, NAV_TEMPLATE)
        if key is not None:
            self._navs[key] = html
        return html

    @pass_context
    def header(self, context: Context) -> str:
        page = context.get("page")
        if page is None or not outside_nav(context):
            return _render(context, HEADER_TEMPLATE)
        key = self._key(context)
        parts = self._headers.get(key)
        if parts is None:
            before, found, after = _render(context, HEADER_TEMPLATE, page=_TitleStandIn(page)).partition(_TITLE)
            if not found or _TITLE in after:
                return _render(context, HEADER_TEMPLATE)
            parts = self._headers[key] = (before, after)
        # As Material writes it: the title as it is (MkDocs's environment does not autoescape; a title is HTML,
        # escaped where it came from data). Returned as text, which that environment prints as it is.
        title = page.meta.get("title") if page.meta and page.meta.get("title") else page.title
        return f"{parts[0]}{title}{parts[1]}"

    def _key(self, context: Context) -> tuple[str, ...]:
        if context.get("page") is None:  # a page of the theme's own (404.html): links from the site's root
            return _links(context.environment, context)
        return self.links_of(context.environment, context)

    def links_of(self, env: Environment, context: Mapping[str, Any] | Context) -> tuple[str, ...]:
        """The links the navigation and header write on the page of ``context``: what their HTML depends on."""
        page = context["page"]
        if self._last[0] != page.url or not self._last[1]:
            self._last = (page.url, _links(env, context))
        return self._last[1]


def _render(context: Context, name: str, **replaced: Any) -> str:
    """Render the theme's own ``name`` as ``{% include %}`` would: the including template's variables visible."""
    return render_theme(context.environment, name, {**context.get_all(), **replaced})


def render_theme(env: Environment, name: str, variables: Mapping[str, Any]) -> str:
    """The theme's own template ``name`` (not the override that replaces it), rendered with ``variables``."""
    return str(env.get_template(THEME_PREFIX + name).render(variables))


def outside_nav(context: Mapping[str, Any] | Context) -> bool:
    nav = context.get("nav")
    return nav is not None and not any(item.active for item in nav.items)


def _links(env: Environment, context: Mapping[str, Any] | Context) -> tuple[str, ...]:
    """Every URL the navigation and header write, as the ``url`` filter writes it on this page: the key."""
    url = env.filters["url"]
    nav = context["nav"]
    config = context.get("config", {})
    extra = config.get("extra", {}) or {}
    homepage = extra.get("homepage") or (nav.homepage.url if nav.homepage else "")
    logo = (config.get("theme") or {}).get("logo") or ""
    return tuple(url(context, target) for target in (homepage, logo, *_targets(nav.items)))


def _targets(items: Any) -> list[str]:
    """The URL of every page and link of the navigation, sections' children included."""
    found: list[str] = []
    for item in items:
        if getattr(item, "url", None) is not None:
            found.append(item.url)
        found += _targets(getattr(item, "children", None) or ())
    return found
