"""The faster relative URLs (macros/build/theme_urls.py) are MkDocs's own, character for character."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

from jinja2 import Environment
from mkdocs.utils import get_relative_url, normalize_url
from mkdocs.utils.templates import url_filter as mkdocs_url_filter

from macros.build.theme_urls import relative_url, url_filter

TARGETS = ["", ".", "assets/stylesheets/main.css", "events/", "events/1991-a/", "events/index.html", "index.html",
           "./events/", "../up/", "a/../../b/", "/root/", "#top", "https://example.org/x", "mailto:a@b.c",
           "search/search_index.json", "x?y=1", "a\\b", "actors/kinds/armed-force/", "timeline/1988-1990/"]
PAGES = ["", "index.html", "events/", "events/1991-a/", "events/1991-a/index.html", "actors/kinds/armed-force/",
         "404.html", "timeline/1988-1990/", "a.b/c/"]


def test_relative_urls_are_mkdocs_own() -> None:
    for target, page_url in itertools.product(TARGETS, PAGES):
        if target.startswith(("/", "#", "https:", "mailto:")) or "\\" in target:
            continue  # not relative paths: the filter leaves them to MkDocs
        assert relative_url(target, page_url) == get_relative_url(target, page_url), (target, page_url)


def test_the_url_filter_writes_what_mkdocs_writes() -> None:
    env = Environment(autoescape=False)  # noqa: S701 (as MkDocs's own environment: these are URLs, not data)
    env.filters["url"] = url_filter(mkdocs_url_filter)
    template = env.from_string("{{ value | url }}")
    for target, page_url in itertools.product(TARGETS, [*PAGES, None]):
        page = SimpleNamespace(url=page_url) if page_url is not None else None
        expected = normalize_url(target, page=page, base="..")  # type: ignore[arg-type]
        assert template.render(value=target, page=page, base_url="..") == expected, (target, page_url)
