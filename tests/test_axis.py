"""The visual timeline (macros/site/axis.py): a mark per event linked to its page, the empty years shown, the list's
filter attributes on each mark, a small picture at 5,000 events; and the tables of contents of generated lists."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from benchmarks.generate import Size, generate
from macros.load import load_dataset, load_dataset_cached
from macros.site import axis, render
from tests.conftest import ROOT

# href, then (where the filters read them) kind, actors and places, then the title that names the mark.
MARK = re.compile(r'<a class="ex-axis-mark" href="([^"]+)"(?: aria-label="[^"]*")?'
                  r'(?: data-kind="([^"]*)" data-actors="([^"]*)" data-places="([^"]*)")? title="([^"]+)"')
ENTRY = re.compile(r'<article class="ex-event" id="([^"]+)" data-kind="([^"]*)" data-actors="([^"]*)" '
                   r'data-places="([^"]*)">')


DATA = load_dataset_cached(ROOT)


def timeline_pages(site: Path) -> list[Path]:
    """The timeline's pages: one, or its overview and a page per period."""
    slugs = [period.slug for period in DATA.timeline_periods]
    return [site / "timeline" / "index.html", *(site / "timeline" / slug / "index.html" for slug in slugs
                                                 if len(slugs) > 1)]


def empty_years() -> list[int]:
    years = {event.date.year for event in DATA.events.values()}
    return [year for year in range(min(years), max(years) + 1) if year not in years]


def marks_of(page: Path) -> list[tuple[str, ...]]:
    figure = re.search(r'<figure class="ex-axis".*?</figure>', page.read_text(encoding="utf-8"), re.DOTALL)
    assert figure, f"no time axis on {page}"
    return [(href, label, kind or "", actors or "", places or "")
            for href, kind, actors, places, label in MARK.findall(figure.group(0))]


def test_every_event_has_a_mark_that_links_to_its_page(site: Path) -> None:
    events = load_dataset_cached(ROOT).events
    for page in (site / "index.html", site / "timeline" / "index.html"):
        found = marks_of(page)
        assert len(found) == len(events)
        for href, label, *_ in found:
            target = (page.parent / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), href
            assert re.search(r"\d{4}", label.split(": ")[0]), label  # a date, then the title
        linked = {href.rstrip("/").rsplit("/", 1)[-1] for href, *_ in found}
        assert linked == set(events)


def test_the_years_without_an_event_are_shown_empty(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    figure = re.search(r'<figure class="ex-axis".*?</figure>', html, re.DOTALL)
    assert figure
    empty = empty_years()
    runs: list[list[int]] = []
    for year in empty:
        if runs and runs[-1][-1] == year - 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    named = ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
    assert f"none is recorded in {named}" in figure.group(0)
    # Each run of empty years is a grey stretch of axis; a long one is shortened (marked //) and named where it fits.
    assert figure.group(0).count('class="ex-axis-empty"') == len(runs)
    assert 'class="ex-axis-break"' in figure.group(0)
    assert not [label for _, label, *_ in marks_of(site / "index.html")
                if any(str(year) in label.split(": ")[0] for year in empty)]
    # The chapters are listed, linked to "What happened next".
    assert figure.group(0).count('href="next/#') == 4


def test_marks_carry_the_filter_attributes_of_the_timeline_entries(site: Path) -> None:
    page = site / "timeline" / "index.html"
    entries = {event_id: rest for part in timeline_pages(site)
               for event_id, *rest in ENTRY.findall(part.read_text(encoding="utf-8"))}
    for href, _, *attributes in marks_of(page):
        event_id = href.rstrip("/").rsplit("/", 1)[-1]
        assert [" ".join(sorted(value.split())) for value in attributes] == \
            [" ".join(sorted(value.split())) for value in entries[event_id]]


def test_the_axis_stays_small_at_5000_events(tmp_path: Path) -> None:
    generate(tmp_path, Size.scaled(5000), 1)
    dataset = load_dataset(tmp_path)
    picture = str(axis.timeline_axis(render.PageContext(dataset, lambda path: path)))
    assert len(picture.encode()) < 20_000, len(picture.encode())
    bars = MARK.findall(picture)
    assert len(bars) == len({event.date.year for event in dataset.events.values()})  # one bar a year
    # no id lists: no filters on a split timeline
    assert all(actors == places == "" for _href, _kind, actors, places, _label in bars)


def test_generated_lists_have_a_table_of_contents(site: Path) -> None:
    def contents(path: str | Path) -> list[str]:
        html = (site / path / "index.html").read_text(encoding="utf-8") if isinstance(path, str) else \
            path.read_text(encoding="utf-8")
        return re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html)  # the theme's contents column

    years = {f"y{event.date.year}" for event in DATA.events.values()}
    assert years == {anchor for part in timeline_pages(site) for anchor in contents(part) if re.match(r"y\d{4}$",
                                                                                                     anchor)}
    assert {"by-place", "stepanakert", "by-actor"} <= set(contents("names"))
    assert {"blockade", "artsakh-name"} <= set(contents("glossary"))
    assert "claims" in contents("actors/azerbaijan")


def test_filters_dim_marks_and_focus_is_visible(browser: Any, served_site: str) -> None:
    page = browser.new_page()
    try:
        page.goto(served_site + "timeline/#kind=military")
        page.wait_for_selector("#ex-filters[data-ready]")
        state = page.eval_on_selector_all(".ex-axis-mark", """marks => marks.map(mark => [
            mark.getAttribute('data-kind'), mark.classList.contains('ex-axis-mark--out'),
            mark.getAttribute('tabindex')])""")
        assert state and all(out == (kind != "military") for kind, out, _ in state)
        assert all((tabindex == "-1") == out for _, out, tabindex in state)
        assert any(not out for _, out, _ in state)
        page.goto(served_site + "timeline/")
        page.reload()
        page.wait_for_selector("#ex-filters[data-ready]")
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('ex-axis-mark')"):
                break
        else:
            raise AssertionError("Tab never reached a mark of the time axis")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
        assert outline == "3px"
    finally:
        page.close()
