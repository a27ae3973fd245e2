"""The theme's page frames (macros/build/frame_cache.py) give the bytes the theme gives, or are not used.

The real theme is covered by every build of the tests: conftest runs them with EXPLAINER_CHECK_FRAMES=1, which
renders each page both ways and fails the build on a difference. Here: small themes that read a page in the ways
a frame must notice, and the seed site's log, which says the frames were used.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import DictLoader, Environment, pass_context
from jinja2.runtime import Context

from macros.build.chrome_cache import THEME_PREFIX, ChromeCache
from macros.build.frame_cache import FrameCache, FrameMismatch
from tests.conftest import mkdocs

TOC = ('<nav>{% for item in page.toc %}<a href="{{ item.url }}">{{ item.title }}</a>'
       '{% for child in item.children %}<i>{{ child.title | striptags | e }}</i>{% endfor %}{% endfor %}</nav>')
# What Material's base.html does with a page's values, in little.
FRAME = ("<title>{{ page.meta.title | striptags | e }} - {{ config.site_name }}</title>"
         "{% if page.meta.description %}<meta content=\"{{ page.meta.description }}\">"
         "<meta og=\"{{ page.meta.description | striptags | e }}\">{% endif %}"
         "{% if page.canonical_url %}<link href=\"{{ page.canonical_url | e }}\">{% endif %}"
         "{% if page.toc | first is defined %}<a href=\"{{ (page.toc | first).url | url }}\">skip</a>{% endif %}"
         "<link href=\"{{ 'assets/main.css' | url }}\">"
         "{% include 'partials/toc.html' %}"
         "{% if page.edit_url %}<a href=\"{{ page.edit_url }}\">edit</a>{% endif %}"
         "{% if '\u003ch1' not in page.content %}<h1>{{ page.title }}</h1>{% endif %}{{ page.content }}")


@pass_context
def _url(context: Context, value: str) -> str:
    return value if value.startswith("#") else "../" * context["page"].url.count("/") + value


def _env(frame: str) -> Environment:
    templates = {"main.html": frame, "partials/toc.html": "{{ explainer_toc() }}",
                 THEME_PREFIX + "partials/toc.html": TOC}
    env = Environment(loader=DictLoader(templates), autoescape=False)  # noqa: S701 (as MkDocs's: values are HTML)
    env.filters["url"] = _url
    return env


def _page(name: str, title: str = "A title", edit: str | None = None, **meta: str) -> SimpleNamespace:
    heading = SimpleNamespace(url="#summary", title="Summary", level=2, children=[
        SimpleNamespace(url="#who", title=f"Who: {title}", level=3, children=[])])
    return SimpleNamespace(url=f"events/{name}/", file=None, is_homepage=False, previous_page=None, next_page=None,
                           meta={"title": title, **meta}, title=title, canonical_url=f"https://x.org/{name}/?a&b",
                           edit_url=edit, content=f"<p>{name}</p>", toc=[heading])


def _context(page: SimpleNamespace) -> dict[str, Any]:
    nav = SimpleNamespace(items=[SimpleNamespace(active=False, url="about/", children=None)],
                          homepage=SimpleNamespace(url=""))
    return {"page": page, "nav": nav, "config": {"site_name": "Site", "extra": {}, "theme": {}}, "base_url": "../.."}


def _render_all(frame: str, pages: list[SimpleNamespace], check: bool = False) -> tuple[list[str], list[str], int]:
    """Each page as the frames give it and as the theme does, and how many came from a frame."""
    env = _env(frame)
    frames = FrameCache(env, ChromeCache(), check_every_page=check)
    frames.install()
    template = env.get_template("main.html")
    ours = [frames.render(template, _context(page)) for page in pages]
    theirs = [template.render(_context(page)) for page in pages]
    return ours, theirs, frames.filled


def test_pages_from_frames_are_the_themes_own_with_awkward_values() -> None:
    titles = ["A title", "Q&amp;A <em>now</em>", "<b>bold</b>  &amp;  spaced", "\x00 NUL and 'quotes' \"double\"",
              "&lt;i&gt;", "  "]
    pages = [_page(f"plain-{index}", title=title) for index, title in enumerate(titles)]
    pages += [_page(f"described-{index}", title=title, description=title[::-1]) for index, title in enumerate(titles)]
    pages += [_page(f"edit-{index}", title=title, edit=f"https://x.org/edit/main/data/events.yml#L{index}")
              for index, title in enumerate(titles)]
    for page in pages[::4]:
        page.content = f"<h1>Own heading</h1>{page.content}"
    ours, theirs, filled = _render_all(FRAME, pages)
    assert ours == theirs
    assert filled >= 6  # each kind's first two pages are the theme's, then its frame's


@pytest.mark.parametrize("leak", [
    "{{ page.meta.title | upper }}",  # a change the markers do not know: the frame is never made
    "{{ page.url }}",  # a value that is not a marker: the second page's check fails
    "{{ page.meta.title | length }}",
])
def test_a_theme_that_reads_a_page_otherwise_renders_every_page(leak: str) -> None:
    pages = [_page(name, title=f"Title {name * (index + 1)}") for index, name in enumerate("abcdef")]
    ours, theirs, filled = _render_all(FRAME + leak, pages)
    assert ours == theirs
    assert filled == 0


def test_checking_every_page_finds_what_two_pages_could_not_show() -> None:
    """A change that only some values show (as Material's "view source" action replaces a word of the edit URL):
    the frame passes the second page's check, and only a build that checks every page finds the third."""
    frame = FRAME + "{% if page.edit_url %}<a href=\"{{ page.edit_url | replace('main', 'raw') }}\">view</a>{% endif %}"
    pages = [_page("a", edit="https://x.org/blob/a"), _page("b", edit="https://x.org/blob/b"),
             _page("c", edit="https://x.org/blob/main/c")]
    with pytest.raises(FrameMismatch, match="events/c/"):
        _render_all(frame, pages, check=True)


def test_the_seed_site_is_made_from_frames(tmp_path: Path) -> None:
    result = mkdocs("build", "--strict", "--verbose", "--site-dir", tmp_path)
    assert result.returncode == 0, result.stderr
    found = re.search(r"(\d+) pages from the theme's page frames; (\d+) kinds of page framed, (\d+) rendered by the "
                      r"theme every time", result.stderr + result.stdout)
    assert found is not None
    filled, _kinds, failed = map(int, found.groups())
    generated = len(list((tmp_path / "events").glob("*/index.html")))
    assert failed == 0
    assert filled >= generated  # events, actors, places and more: all but two pages of each kind
