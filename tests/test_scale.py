"""A large explainer stays light: long lists are split into pages by period, every split page is reachable and
under the size limit, and the synthetic data the benchmark uses is deterministic and valid. No timings here:
speed is measured by `make bench` (benchmarks/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.generate import Size, generate
from macros.load import yamlfile
from macros.load.cache import load_dataset_cached
from macros.load.dataset import load_dataset
from macros.model import periods
from macros.model.dates import PartialDate
from macros.site import pages
from tests.conftest import ROOT, check, copy_project, mkdocs
from tests.htmlcheck import parse, resolve

PAGE_LIMIT = 150_000  # bytes of one page's HTML


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_generator_is_deterministic_and_its_data_passes_the_check(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", Size.scaled(120))
    second = generate(tmp_path / "b", Size.scaled(120))
    assert _files(first) == _files(second)
    assert _files(generate(tmp_path / "c", Size.scaled(120), seed=2)) != _files(first)
    result = check(cwd=first)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "120 events, 24 actors, 12 places" in result.stdout
    places = (first / "data" / "places.yml").read_text(encoding="utf-8")
    assert "script: Armn" in places and "script: Cyrl" in places and "aliases:" in places


def test_a_list_is_split_by_year_then_month_then_in_parts() -> None:
    dates = [PartialDate(2020, 5, 1)] * 3 + [PartialDate(2023)] + [PartialDate(2023, 9, day) for day in range(1, 8)]
    assert [period.slug for period in periods.split_by_date(dates, lambda date: date, 20)] == [periods.WHOLE]
    split = periods.split_by_date(dates, lambda date: date, 3)
    assert [(period.slug, len(period.items)) for period in split] == [
        ("2020", 3), ("2023-year", 1), ("2023-09-1", 3), ("2023-09-2", 3), ("2023-09-3", 1)]
    assert split[2].label == "September 2023, part 1 of 3"
    assert [item for period in split for item in period.items] == dates
    short_years = [PartialDate(1991), PartialDate(1992, 3), PartialDate(1995, 1, 1), PartialDate(1996)]
    assert [(period.slug, period.label) for period in periods.split_by_date(short_years, lambda date: date, 3)] == [
        ("1991-1995", "1991–1995"), ("1996", "1996")]


def test_the_page_plan_of_a_large_dataset_keeps_every_list_bounded(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(periods, "TERMS_LIMIT", 8)  # 20 terms: the glossary is split too
    dataset = load_dataset(generate(tmp_path, Size.scaled(1000)))
    assert len(dataset.timeline_periods) > 1
    assert all(len(period.items) <= periods.TIMELINE_LIMIT for period in dataset.timeline_periods)
    hub = max(dataset.actors, key=lambda actor_id: len(dataset.events_by_entity.get(actor_id, ())))
    assert len(dataset.event_periods[hub]) > 1  # the Zipf head takes part in hundreds of events
    for kind in ("actor", "place"):
        split = pages.kind_periods(dataset, kind)
        assert all(len(group.items) <= periods.LIST_LIMIT for group in split)
        assert sum(len(group.items) for group in split) == len(dataset.actors if kind == "actor" else dataset.places)
    assert [len(part.items) for part in dataset.term_periods] == [8, 8, 4]
    term = dataset.term_periods[1].items[0]
    assert pages.page_of(term, dataset) == f"glossary/terms-2.md#{term.id}"
    paths = [page.src_uri for page in pages.generated_pages(dataset)]
    assert len(paths) == len(set(paths))
    assert {"glossary/terms-1.md", "glossary/terms-3.md"} <= set(paths)
    assert any(path.startswith("timeline/") for path in paths)
    assert any(path.startswith(f"actors/{hub}/") for path in paths)


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-event synthetic explainer, built strictly: large enough that its long lists are split."""
    project = generate(copy_project(tmp_path_factory.mktemp("large")), Size.scaled(300))
    result = mkdocs("build", "--strict", "--site-dir", project / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def test_the_timeline_is_split_into_period_pages_that_hold_every_event_once(large_site: Path) -> None:
    site = large_site / "site"
    dataset = load_dataset(large_site)
    overview = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '<article class="ex-event"' not in overview
    order: list[str] = []
    for period in dataset.timeline_periods:
        html = (site / "timeline" / period.slug / "index.html").read_text(encoding="utf-8")
        assert f'href="{period.slug}/"' in overview
        order += re.findall(r'<article class="ex-event" id="([^"]+)"', html)
    assert order == [event.id for event in dataset.chronology]


def test_split_pages_link_to_each_other_and_stay_under_the_size_limit(large_site: Path) -> None:
    site = large_site / "site"
    sizes = {file: file.stat().st_size for file in site.rglob("*.html")}
    assert max(sizes.values()) < PAGE_LIMIT, max(sizes, key=lambda file: sizes[file])
    split = [file for file in sizes if file.parent.parent.name in {"timeline", "sources"}
             or re.match(r"actors/actor-[a-z]+/[0-9]", file.relative_to(site).as_posix())]
    assert any("actors" in file.parts for file in split) and any("sources" in file.parts for file in split)
    broken = []
    for file in [*split, site / "timeline" / "index.html", site / "sources" / "index.html",
                 *sorted(site.glob("events/*/index.html"))[:50], *sorted(site.glob("actors/*/index.html"))[:20]]:
        for _tag, _attr, url in parse(file).links:
            target = resolve(site, file, url)
            if target is None:
                continue
            path, anchor = target
            if not path.exists() or (anchor and path.suffix == ".html" and anchor not in parse(path).ids):
                broken.append(f"{file.relative_to(site)}: {url}")
    assert not broken, "\n".join(broken[:20])


def test_an_event_page_points_to_its_period_of_the_timeline(large_site: Path) -> None:
    dataset = load_dataset(large_site)
    event = dataset.chronology[len(dataset.chronology) // 2]
    html = (large_site / "site" / "events" / event.id / "index.html").read_text(encoding="utf-8")
    slug = dataset.period_of[event.id]
    assert f'href="../../timeline/{slug}/#{event.id}">On the timeline</a>' in html


def test_a_small_dataset_keeps_one_timeline_page(site: Path) -> None:
    """The project's own data: one timeline page and one sources page while they fit (the limits, not today's
    counts, decide, so that adding a source to the data does not break this test)."""
    dataset = load_dataset(ROOT)
    timeline_split = len(dataset.events) > periods.TIMELINE_WHOLE
    assert ([period.slug for period in dataset.timeline_periods] != [periods.WHOLE]) == timeline_split
    assert bool([path for path in (site / "timeline").iterdir() if path.is_dir()]) == timeline_split
    sources_split = len(dataset.sources) > periods.SOURCES_WHOLE
    assert bool([path for path in (site / "sources").iterdir() if path.is_dir()]) == sources_split


def test_the_checked_dataset_is_reused_until_the_data_changes(tmp_path: Path) -> None:
    project = generate(tmp_path, Size.scaled(50))
    first = load_dataset_cached(project)
    assert first == load_dataset(project)
    assert load_dataset_cached(project) is first  # kept in memory, never in a file
    assert not (project / ".cache").exists()
    event = next(iter(first.events.values()))
    events = project / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace(event.title, f"{event.title} (edited)", 1),
                      encoding="utf-8")
    assert load_dataset_cached(project).events[event.id].title == f"{event.title} (edited)"


@pytest.mark.parametrize("text", [
    'a: 1\nb: [x, "y", 2.5, true, null, ~, -3]\nc:\n  d: |\n    block\n  "q": \'s\'\nf:\n  - {g: h}\n  -\n  - - n\n',
    "a: 0755\nb: 12:30\nc: 1e3\nd: .5\ne: +1\nf: 2023-09-19\ng: no\ntrue: 1\n",
])
def test_the_fast_yaml_path_reads_what_the_composing_path_reads(text: str) -> None:
    fast = yamlfile._fast_values(text)
    builder = yamlfile._Builder("x.yml")
    assert fast is not None
    assert (fast[0], yamlfile._every_line(text)) == (builder.build(yamlfile._compose(text)[0], ()), builder.lines)


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: 1\na: 2\n", "? [a]\n: 1\n", "x: !!str 3\n", "",
                                  "a: 1\n---\nb: 2\n", "a:\n\t- b\n"])
def test_anything_unusual_leaves_the_fast_yaml_path(text: str) -> None:
    assert yamlfile._fast_values(text) is None


def test_the_fast_yaml_path_reads_real_and_synthetic_data_like_the_composing_path(tmp_path: Path) -> None:
    synthetic = generate(tmp_path, Size.scaled(200)) / "data"
    files = [*sorted((ROOT / "data").glob("*.yml")), *sorted(synthetic.glob("*.yml"))]
    for file in files:
        text = file.read_text(encoding="utf-8")
        builder = yamlfile._Builder(file.name)
        fast = yamlfile._fast_values(text)
        assert fast is not None, file
        value = builder.build(yamlfile._compose(text)[0], ())
        assert (fast[0], yamlfile._every_line(text)) == (value, builder.lines), file
