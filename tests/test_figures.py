"""Key figures, the infobox, the chart and the front page, read in built HTML (the project's own site, and the
mini dataset with figures of every shape), and in Chromium at a phone's width."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from macros.model import Figure, PartialDate
from macros.site import figures
from tests.conftest import MINI, copy_project, mkdocs
from tests.htmlcheck import page_text

HOME = "index.html"
EXODUS = "events/2023-09-24-exodus/index.html"
DEPOT = "events/2023-09-25-fuel-depot-explosion/index.html"

MINI_FIGURES = """# yaml-language-server: $schema=../schema/figures.schema.json
figures:
  - id: toll-south
    counts: People killed in the operation
    measure: killed
    value: 200
    qualifier: at-least
    date: "2023-09-19"
    according_to: south
    events: [operation]
    sources: [src-one]
    note: Includes <civilians> & soldiers.
  - id: toll-north
    counts: People killed in the operation
    measure: killed
    low: 150
    high: 1200
    date: "2023-09-19"
    according_to: north-mod
    events: [operation]
    sources: [src-two]
  - id: arrivals
    counts: People who left Hilltown
    measure: displaced
    value: 3000
    qualifier: about
    date: "2023-09-20"
    end: "2023-09-30"
    according_to: south
    events: [operation]
    sources: [src-two]
    series:
      - {date: "2023-09-21", value: 500}
      - {date: "2023-09-25", value: 2100}
      - {date: "2023-09-30", value: 3000}
"""


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


def test_numbers_are_worded_as_their_source_words_them() -> None:
    day = PartialDate(2023, 9, 19)
    def figure(**fields: Any) -> Figure:
        return Figure(id="x", counts="c", measure="killed", date=day, according_to="a", sources=("s",), **fields)
    assert figures.number_text(figure(value=100417)) == "100,417"
    assert figures.number_text(figure(value=68, qualifier="at-least")) == "at least 68"
    assert figures.number_text(figure(low=150, high=200)) == "150–200"
    assert figures.number_text(figure(low=500, high=1000, qualifier="up-to")) == "up to 500–1,000"
    assert [counts for counts, _ in figures.grouped([figure(value=1), figure(value=2)])] == ["c"]


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"), data=MINI / "data")
    (project / "data" / "figures.yml").write_text(MINI_FIGURES, encoding="utf-8")
    seed = project / "data" / "seed.yml"
    seed.write_text(seed.read_text(encoding="utf-8").replace(
        "  source: src-seed\n", "  lede: Northland <b>launched</b> an operation in Hilltown.\n"
        "  lede_sources: [src-one]\n  source: src-seed\n") + "  key_events: [operation]\n", encoding="utf-8")
    events = project / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "    summary: An operation in Hilltown.\n",
        "    summary: An operation in Hilltown.\n    outcome: Southland's forces <disarmed>.\n"), encoding="utf-8")
    out = project / "built"
    result = mkdocs("build", "--strict", "--site-dir", out, cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def test_figures_of_one_count_stand_side_by_side_each_attributed_and_cited(mini_site: Path) -> None:
    home = (mini_site / HOME).read_text(encoding="utf-8")
    box = _section(home, '<section class="ex-key-figures"', "</section></section>")
    group = _section(box, 'People killed in the operation', "</section>")
    assert 'data-sides="2"' in group
    assert group.count('class="ex-figure"') == 2
    assert "at least 200" in group and "150–1,200" in group
    assert re.search(r'according to <a [^>]*href="actors/south/"', group)
    assert re.search(r'according to <a [^>]*href="actors/north-mod/"', group)
    assert group.count('class="ex-cite"') == 2  # each figure its own citation, numbered like the page's others
    assert "1,350" not in home and "675" not in home  # never added up or averaged
    assert "Includes &lt;civilians&gt; &amp; soldiers." in group  # data is escaped


def test_the_home_page_opens_with_the_lede_then_figures_then_key_events(mini_site: Path) -> None:
    home = (mini_site / HOME).read_text(encoding="utf-8")
    lede = home.index('class="ex-front-lede"')
    assert lede < home.index('id="key-figures"') < home.index('class="ex-key-events"')
    assert "&lt;b&gt;launched&lt;/b&gt; an operation" in home  # escaped, not bold
    assert re.search(r'ex-front-lede">.*?<sup class="ex-cite">[^<]{0,6}<a href="#ref-1"', home)


def test_the_event_infobox_and_the_series_chart(mini_site: Path) -> None:
    page = (mini_site / "events" / "operation" / "index.html").read_text(encoding="utf-8")
    infobox = _section(page, '<aside class="ex-infobox"', "</aside>")
    for label in ("Date", "Where", "Parties", "Outcome"):
        assert f'<th scope="row">{label}</th>' in infobox
    assert "Southland&#39;s forces &lt;disarmed&gt;." in infobox
    assert "at least 200" in infobox and "about 3,000" in infobox
    chart = _section(infobox, '<figure class="ex-chart">', "</figure>")
    svg = _section(chart, "<svg", "</svg>")
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count("<rect") == 3 and "2,100" in svg and "25 Sep" in svg
    table = _section(chart, '<table class="ex-chart-table">', "</table>")
    assert "<td>25 September 2023</td><td>2,100</td>" in table


def test_a_dataset_without_figures_shows_no_box(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", data=MINI / "data")
    result = mkdocs("build", "--strict", "--site-dir", tmp_path / "out", cwd=project)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out" / HOME).read_text(encoding="utf-8")
    assert "ex-key-figures" not in home and "ex-front-lede" not in home


def test_the_real_home_page(site: Path) -> None:
    home = (site / HOME).read_text(encoding="utf-8")
    assert len(home.encode()) < 150_000
    text = page_text(site / HOME)
    assert (home.index('class="ex-front-lede"') < home.index('id="key-figures"') < home.index('id="key-events"')
            < home.index('class="ex-key-events"'))
    assert "On 19 September 2023 Azerbaijan launched" in text
    assert "about 100,625" in text and "about 89,000" in text and "at least 200" in text and "218" in text
    # The references stay, numbered, folded under the story.
    fold = _section(home, '<details class="ex-refs-fold">', "</details>")
    count = fold.count('<li id="ref-')
    assert count > 12 and f"References ({count})" in fold
    assert home.index('class="ex-key-events"') < home.index('<details class="ex-refs-fold">')


def test_the_real_event_pages(site: Path) -> None:
    depot = (site / DEPOT).read_text(encoding="utf-8")
    killed = _section(depot, "People killed in the fuel depot explosion", "</section>")
    assert 'data-sides="2"' in killed and ">68<" in killed and ">218<" in killed
    exodus = (site / EXODUS).read_text(encoding="utf-8")
    chart = _section(exodus, '<figure class="ex-chart">', "</figure>")
    assert chart.count("<rect") == 6 and "<td>30 September 2023</td><td>100,417</td>" in chart


def test_on_a_phone_the_chart_is_readable_and_nothing_scrolls_sideways(browser: Any, site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        for path in (HOME, EXODUS, DEPOT):
            page.goto((site / path).as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        page.goto((site / EXODUS).as_uri())
        box = page.locator(".ex-chart svg").first.bounding_box()
        assert box is not None and box["width"] >= 280
        label = page.locator(".ex-chart-date").first.bounding_box()
        assert label is not None and label["height"] >= 10  # the date labels are drawn at a readable size
        # A citation mark opens the folded references and shows its entry.
        page.goto((site / HOME).as_uri())
        page.locator('.ex-front-lede a[href="#ref-1"]').click()
        assert page.locator("details.ex-refs-fold").evaluate("fold => fold.open")
        assert page.locator("#ref-1").is_visible()
    finally:
        context.close()
