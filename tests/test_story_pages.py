"""The home page and "What happened next" are the project's own pages, driven by data/seed.yml: a newsroom that
swaps data/ and seeds/ gets them for its own story without editing docs/."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from benchmarks.generate import Size, generate
from macros.load.dataset import load_dataset
from macros.model import periods
from macros.site import pages, render
from tests.conftest import MINI, copy_project, mkdocs


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"), data=MINI / "data")
    seed = project / "data" / "seed.yml"
    seed.write_text(seed.read_text(encoding="utf-8") + "  key_events: [operation]\n", encoding="utf-8")
    out = project / "built"
    result = mkdocs("build", "--strict", "--site-dir", out, cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def test_the_home_page_opens_with_the_seeds_key_events_and_their_sources(mini_site: Path) -> None:
    home = (mini_site / "index.html").read_text(encoding="utf-8")
    key_events = home[home.index('<ul class="ex-key-events">'):]
    key_events = key_events[:key_events.index("</ul>")]
    assert 'href="events/operation/"' in key_events
    assert '<time datetime="2023-09-19">19 September 2023</time>' in key_events
    assert 'class="ex-cite"' in key_events
    assert 'id="ref-1"' in home  # the sources are listed at the foot of the page


def test_the_story_names_the_site_escaped_once_everywhere(mini_site: Path) -> None:
    # data/seed.yml's site_name replaces mkdocs.yml's: the name holds an apostrophe and an ampersand.
    home = (mini_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Hilltown&#39;s day &amp; night: an explainer</title>" in home
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", home)
    assert heading is not None and html.unescape(heading.group(1)) == "Hilltown's day & night: an explainer"
    assert '<meta name="description" content="What happened in Hilltown, and what each side says.">' in home
    assert "An explainer<" not in home and "&amp;amp;" not in home and "&amp;#39;" not in home
    timeline = json.loads((mini_site / "downloads" / "timeline.json").read_text(encoding="utf-8"))
    # TimelineJS reads its text as HTML: the name is escaped once there too.
    assert html.unescape(timeline["title"]["text"]["headline"]) == "Hilltown's day & night: an explainer"
    assert "&amp;amp;" not in timeline["title"]["text"]["headline"]


def test_what_happened_next_has_a_heading_and_the_events_of_each_chapter(mini_site: Path) -> None:
    page = (mini_site / "next" / "index.html").read_text(encoding="utf-8")
    before, after = page.index('<h2 id="before">Before</h2>'), page.index('<h2 id="the-operation-and-after">')
    assert before < page.index('href="../events/first-war/"') < after < page.index('href="../events/operation/"')


def test_a_long_chapter_lists_a_bounded_number_of_events_and_continues_on_the_timeline(tmp_path: Path) -> None:
    dataset = load_dataset(generate(tmp_path, Size.scaled(300)))
    ctx = render.PageContext(dataset, link=lambda path: path)
    events = dataset.chronology
    listed = str(render.bounded_event_list(ctx, events))
    assert listed.count("<li>") == periods.LIST_LIMIT
    first_unlisted = events[periods.LIST_LIMIT]
    assert f"… and {len(events) - periods.LIST_LIMIT} more events" in listed
    assert f'href="{pages.timeline_page(dataset, first_unlisted.id)}"' in listed


def test_the_about_page_tells_readers_what_is_still_missing(mini_site: Path) -> None:
    about = (mini_site / "about" / "index.html").read_text(encoding="utf-8")
    missing = about[about.index('id="what-is-still-missing"'):about.index('id="reporting-an-error"')]
    assert '<ul class="ex-missing">' in missing and 'href="../places/valley/"' in missing
    assert "has no coordinates from a source a reader can open yet." in missing
