"""Benchmark the explainer: ``python -m benchmarks.run --events 5000 --small 1000 --runs 3`` (``make bench``).

For each size it generates a synthetic dataset (benchmarks.generate), builds it with ``mkdocs build --strict``
as a whole process several times, interleaved with a baseline of as many plain Markdown pages (benchmarks.baseline),
and reports median wall time, peak memory (the child's maximum resident set size) and page sizes. It also times
loading and checking the large dataset in-process, builds the project's own seed site, and measures the
``mkdocs serve`` feedback loop: the time from saving a data file to the served page showing the change.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.baseline import write_baseline
from benchmarks.generate import Size, generate
from devtools import project as project_copy
from macros.load import load_dataset, load_dataset_cached
from macros.site import generated_pages

ROOT = Path(__file__).resolve().parent.parent
PAGE_LIMIT = 150_000  # bytes of HTML, per the issue
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Build:
    seconds: float
    peak_mib: float


@dataclass
class SiteStats:
    pages: int
    total_mb: float
    median_page_kb: float
    largest_page_kb: float
    largest_page: str
    pages_over_limit: int
    search_index_mb: float


def copy_project(target: Path) -> Path:
    """A fresh copy of the project (code, templates, seed data) in ``target``."""
    if target.exists():
        shutil.rmtree(target)
    return project_copy.copy_project(target)


def synthetic_project(target: Path, events: int) -> Path:
    project = copy_project(target)
    shutil.rmtree(project / "data")
    shutil.rmtree(project / "seeds")
    return generate(project, Size.scaled(events))


def build(project: Path, site: Path) -> Build:
    """One whole-process strict build, cold (as in CI: no .cache); wall time, and the child's peak memory."""
    for folder in (site, project / ".cache"):
        if folder.exists():
            shutil.rmtree(folder)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                               cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output = process.stdout.read().decode() if process.stdout else ""
    if status != 0:
        raise SystemExit(f"build of {project} failed:\n{output}")
    return Build(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def site_stats(site: Path) -> SiteStats:
    sizes = {file: file.stat().st_size for file in site.rglob("*.html") if file.name != "404.html"}
    largest = max(sizes, key=lambda file: sizes[file])
    index = site / "search" / "search_index.json"
    return SiteStats(pages=len(sizes), total_mb=sum(sizes.values()) / 1e6,
                     median_page_kb=statistics.median(sizes.values()) / 1e3,
                     largest_page_kb=sizes[largest] / 1e3, largest_page=str(largest.relative_to(site)),
                     pages_over_limit=sum(size > PAGE_LIMIT for size in sizes.values()),
                     search_index_mb=index.stat().st_size / 1e6 if index.exists() else 0.0)


def page_count(project: Path) -> int:
    """How many pages the explainer makes of a project: the baseline gets as many."""
    return len(generated_pages(load_dataset(project))) + len(list((project / "docs").rglob("*.md")))


def compare(work: Path, events: int, runs: int) -> dict[str, object]:
    """Build the explainer of ``events`` events and its baseline ``runs`` times each, interleaved."""
    project = synthetic_project(work / f"explainer-{events}", events)
    pages = page_count(project)
    baseline = write_baseline(work / f"baseline-{events}", pages)
    ours: list[Build] = []
    theirs: list[Build] = []
    for run in range(runs):
        print(f"  {events} events, run {run + 1}/{runs}", file=sys.stderr, flush=True)
        theirs.append(build(baseline, work / f"site-baseline-{events}"))
        ours.append(build(project, work / f"site-explainer-{events}"))
    stats = site_stats(work / f"site-explainer-{events}")
    seconds = statistics.median(build.seconds for build in ours)
    base = statistics.median(build.seconds for build in theirs)
    return {"events": events, "pages": pages, "seconds": seconds, "baseline_seconds": base, "ratio": seconds / base,
            "peak_mib": max(build.peak_mib for build in ours),
            "baseline_peak_mib": max(build.peak_mib for build in theirs),
            "runs": [asdict(build) for build in ours], "baseline_runs": [asdict(build) for build in theirs],
            "site": asdict(stats), "search_index_kb_per_event": stats.search_index_mb * 1e3 / events}


def load_time(project: Path, runs: int) -> tuple[float, float]:
    """Median seconds to read, validate and check the data in-process (what every build does first): cold, and
    from the memory a `mkdocs serve` rebuild keeps while the data is unchanged."""
    cold, warm = [], []
    for _ in range(runs):
        start = time.perf_counter()
        load_dataset(project)
        cold.append(time.perf_counter() - start)
    load_dataset_cached(project)
    for _ in range(runs):
        start = time.perf_counter()
        load_dataset_cached(project)
        warm.append(time.perf_counter() - start)
    return statistics.median(cold), statistics.median(warm)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (a loopback URL we made)
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def serve_feedback(work: Path, edits: int, timeout: float = 60.0) -> list[float]:
    """Seconds from saving an edit of data/events.yml to ``mkdocs serve`` serving the changed event page."""
    project = copy_project(work / "serve")
    dataset = load_dataset(project)
    events_file = project / "data" / "events.yml"
    text = events_file.read_text(encoding="utf-8")
    # An event whose title stands once, on one line, whatever the file's style (flow lists or dumped YAML).
    event = next(event for event in dataset.events.values()
                 if text.count(event.title) == 1 and f"title: {event.title}\n" in text)
    port = _free_port()
    log = (work / "serve.log").open("w")
    url = f"http://127.0.0.1:{port}/events/{event.id}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    times = []
    try:
        deadline = time.monotonic() + timeout
        while not _fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not serve the seed site")
            time.sleep(0.1)
        for number in range(edits):
            marker = f"Edited {number} for the benchmark."
            events_file.write_text(text.replace(f"title: {event.title}\n", f"title: {event.title} {marker}\n"),
                                   encoding="utf-8")
            start = time.perf_counter()
            deadline = time.monotonic() + timeout
            while marker not in _fetch(url):
                if time.monotonic() > deadline:
                    raise SystemExit("mkdocs serve did not show the edit")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            time.sleep(1.0)  # let the watcher settle before the next edit
    finally:
        project_copy.stop(server)
    return times


def seed_build(work: Path, runs: int) -> float:
    project = copy_project(work / "seed")
    return statistics.median(build(project, work / "site-seed").seconds for _ in range(runs))


def report(results: dict[str, object]) -> str:
    """The results as the Markdown table of the README."""
    large, small = results["large"], results["small"]
    assert isinstance(large, dict) and isinstance(small, dict)
    site = large["site"]
    rows = [
        ("events / pages built", f"{large['events']} / {large['pages']}", "5,000 events + 1,000 actors + 500 places"),
        ("build, median wall time", f"{large['seconds']:.1f} s", ""),
        ("baseline (plain MkDocs + Material, same page count, no nav)", f"{large['baseline_seconds']:.1f} s", ""),
        ("build / baseline", f"{large['ratio']:.2f}×", "≤ 1.5×"),
        (f"t({large['events']}) / t({small['events']})", f"{large['seconds'] / small['seconds']:.2f}",
         f"≤ 5.5 (baseline: {large['baseline_seconds'] / small['baseline_seconds']:.2f})"),
        ("load + check, in-process: cold / unchanged data (in memory)",
         f"{results['load_seconds']:.2f} s / {results['load_cached_seconds']:.2f} s", "< 1 s"),
        ("peak memory (max RSS)", f"{large['peak_mib']:.0f} MiB (baseline {large['baseline_peak_mib']:.0f} MiB)",
         "< 500 MB"),
        ("seed site build", f"{results['seed_seconds']:.2f} s", "< 3 s"),
        ("serve: saved YAML edit → page served", results["serve"], "< 2 s"),
        ("largest page", f"{site['largest_page_kb']:.0f} KB ({site['largest_page']})", "≤ 150 KB"),
        ("pages over 150 KB", str(site["pages_over_limit"]), "0"),
        ("median page", f"{site['median_page_kb']:.1f} KB", ""),
        ("search index", f"{site['search_index_mb']:.1f} MB = {large['search_index_kb_per_event']:.2f} KB/event "
         f"({small['search_index_kb_per_event']:.2f} KB/event at {small['events']})", "linear"),
    ]
    lines = ["| measure | result | target |", "| --- | --- | --- |"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--events", type=int, default=5000, help="the large size (events)")
    parser.add_argument("--small", type=int, default=1000, help="the small size, for the growth ratio")
    parser.add_argument("--runs", type=int, default=3, help="builds per measure (the median is reported)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out", help="work folder and results")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve feedback loop")
    args = parser.parse_args(argv)
    work = args.out / "work"
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"machine": f"{os.cpu_count()} cores, {os.uname().machine}, "
                                             f"Python {sys.version.split()[0]}",
                                  "load_average_at_start": os.getloadavg()[0]}
    results["small"] = compare(work, args.small, args.runs)
    results["large"] = compare(work, args.events, args.runs)
    results["load_seconds"], results["load_cached_seconds"] = load_time(work / f"explainer-{args.events}", args.runs)
    results["seed_seconds"] = seed_build(work, args.runs)
    if args.no_serve:
        results["serve"] = "not measured"
    else:
        times = serve_feedback(work, args.runs)
        results["serve_runs"] = times
        results["serve"] = f"{statistics.median(times):.2f} s (median of {len(times)})"
    results["load_average_at_end"] = os.getloadavg()[0]
    (args.out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"Machine: {results['machine']}; load average {results['load_average_at_start']:.1f} at start, "
          f"{results['load_average_at_end']:.1f} at end.\n")
    print(report(results))


if __name__ == "__main__":
    main()
