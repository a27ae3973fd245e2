"""The home page and "What happened next" are the project's own pages, driven by data/seed.yml: a newsroom that
swaps data/ and seeds/ gets them for its own story without editing docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_what_happened_next_has_a_heading_and_the_events_of_each_chapter(mini_site: Path) -> None:
    page = (mini_site / "next" / "index.html").read_text(encoding="utf-8")
    before, after = page.index('<h2 id="before">Before</h2>'), page.index('<h2 id="the-operation-and-after">')
    assert before < page.index('href="../events/first-war/"') < after < page.index('href="../events/operation/"')
