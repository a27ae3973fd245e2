"""`mkdocs serve --dirty` rebuilds only the pages an edit of an event changes (macros/site/dependents.py), and the
site it serves is the site a clean build makes of the same data: after each of a series of edits (a title, a
summary, a claim, a date that moves an event to another period, an alias of an actor that no page holds, one
that many events' summaries hold, one that a hand-written page holds, the removal of one, a code edit), every file
of the served folder is compared with a fresh server's first (full) build, file by file (the search index by its
entries, the sitemap without its dates)."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.generate import Size, generate
from devtools.project import copy_project, stop
from macros.context.words import WordIndex
from macros.load import DataError, load_dataset
from macros.load.dataset import FileMemo
from macros.model import Actor, Dataset
from macros.site import dependents, pages
from tests.test_serve import free_port

WAIT = 180.0  # seconds: a bound on each wait, far above a build of 300 events, for a loaded 2-core machine
EVENTS = 300
PROSE_ALIAS = "Power Cuts Overnight"  # words the synthetic data's summaries often hold
EDIT_URI = "https://github.com/owner/repo/edit/main/docs/"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    tmp: Path  # the server's TMPDIR: MkDocs serves the one mkdocs_* folder it makes there
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def builds(self) -> int:
        """Builds done: the first, then each rebuild (MkDocs logs "Documentation built" once per distinct time)."""
        output = self.output()
        return ("Serving on" in output) + output.count("Reloading browsers")

    def settled(self) -> bool:
        """Built, and no rebuild under way (the first import writes macros/__pycache__, which the watcher sees)."""
        output = self.output()
        return "Serving on" in output and output.count("Detected file changes") == output.count("Reloading browsers")

    def site(self) -> Path:
        folders = list(self.tmp.glob("mkdocs_*"))
        assert len(folders) == 1, folders
        return folders[0]

    def page(self, path: str) -> str:
        try:
            url = f"http://127.0.0.1:{self.port}/{path}"
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""


def start(project: Path, where: Path, dirty: bool) -> Server:
    where.mkdir(parents=True)
    port, tmp, log = free_port(), where / "tmp", where / "serve.log"
    tmp.mkdir()
    # Edit links on, as in a newsroom's repository: each entity page links to its entry's line.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp), "EXPLAINER_EDIT_URI": EDIT_URI,
           "EXPLAINER_CHECK_FRAMES": "1"}
    env.pop("PYTHONPATH", None)
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []),
                                    "-a", f"127.0.0.1:{port}"], cwd=project, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    return Server(process, port, tmp, log)


def until(condition: Callable[[], bool], what: str, server: Server) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline or server.process.poll() is not None:
            pytest.fail(f"gave up waiting until {what}; serve printed:\n{server.output()[-3000:]}")
        time.sleep(0.2)


def snapshot(server: Server) -> dict[str, object]:
    """Every file the server serves, as a reader would compare them: the port made neutral, the search index as
    a set of entries, the sitemap without dates."""
    site = server.site()
    found: dict[str, object] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        data = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
        data = data.replace(f"127.0.0.1:{server.port}".encode(), b"127.0.0.1:PORT")
        if name == "search/search_index.json":
            index = json.loads(data)
            found[name] = (index["config"], sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"]))
        elif name.startswith("sitemap.xml"):
            found[name] = re.sub(rb"<lastmod>[^<]*</lastmod>", b"", data)
        else:
            found[name] = data
    return found


def differences(served: dict[str, object], clean: dict[str, object]) -> list[str]:
    problems = [f"only served: {name}" for name in served.keys() - clean.keys()]
    problems += [f"only in the clean build: {name}" for name in clean.keys() - served.keys()]
    for name in sorted(served.keys() & clean.keys()):
        if served[name] == clean[name]:
            continue
        problems.append(f"differs: {name}")
        mine, theirs = served[name], clean[name]
        if isinstance(mine, tuple) and isinstance(theirs, tuple):  # the search index: which entries
            problems += [f"  only served: {entry[:200]}" for entry in sorted(set(mine[1]) - set(theirs[1]))[:5]]
            problems += [f"  only clean: {entry[:200]}" for entry in sorted(set(theirs[1]) - set(mine[1]))[:5]]
    return problems


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = copy_project(tmp_path_factory.mktemp("incremental") / "project")
    generate(target, Size.scaled(EVENTS))
    return target


def _event_block(text: str, event_id: str) -> tuple[int, int]:
    start = text.index(f"- id: {event_id}\n")
    end = text.find("\n- id: ", start + 1)
    return start, len(text) if end < 0 else end + 1


def save(file: Path, text: str) -> None:
    """Save as an editor does, whole (a new file put in place): the watcher never sees a file half written, whose
    failed build would make the next one rebuild everything."""
    project = next(folder for folder in file.parents if (folder / "mkdocs.yml").is_file())
    temporary = project.parent / f"{file.name}.saving"  # outside the watched folders, on the same file system
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(file)


def edit_event(project: Path, event_id: str, old: str, new: str) -> None:
    file = project / "data" / "events.yml"
    text = file.read_text(encoding="utf-8")
    start, end = _event_block(text, event_id)
    block = text[start:end]
    assert old in block, f"{event_id} no longer holds {old!r}"
    save(file, text[:start] + block.replace(old, new, 1) + text[end:])


def _pick(data: Dataset) -> tuple[str, str, str, str]:
    """Four events in different periods of the timeline, each with a claim and a hub actor or not."""
    by_period: dict[str, list[str]] = {}
    for event in data.chronology:
        by_period.setdefault(data.period_of[event.id], []).append(event.id)
    slugs = sorted(by_period)
    assert len(slugs) >= 4, "the synthetic data should fill several timeline pages"
    with_claims = [ids for slug in slugs if (ids := [event_id for event_id in by_period[slug]
                                                     if data.events[event_id].claims])]
    return (with_claims[0][1], with_claims[1][0], next(ids for ids in with_claims[2:] if len(ids) > 2)[2],
            with_claims[-1][0])


def test_edits_under_serve_match_a_clean_build(project: Path, tmp_path: Path) -> None:
    data = load_dataset(project)
    titled, summarised, claimed, moved = _pick(data)
    late = data.chronology[-3].date.iso
    first, last = next(iter(data.events)), list(data.events)[-1]  # in the file's order
    actor = next(actor for actor in data.actors.values() if actor.aliases and data.events_by_entity.get(actor.id))
    assert sum(PROSE_ALIAS.casefold() in event.summary.casefold() for event in data.events.values()) > 10
    served = start(project, tmp_path / "served", dirty=True)
    try:
        until(lambda: served.builds() >= 1, "the first build is done", served)
        steps: list[tuple[str, Callable[[], None], str, str]] = [
            ("title", lambda: edit_event(project, titled, f"title: {data.events[titled].title}\n",
                                         f"title: {data.events[titled].title} Retitled\n"),
             f"events/{titled}/", "Retitled"),
            ("summary", lambda: edit_event(project, summarised, "summary: ", "summary: Newly summarised. "),
             f"events/{summarised}/", "Newly summarised."),
            ("claim", lambda: edit_event(project, claimed, "says: ", "says: Claimed anew. "),
             f"events/{claimed}/", "Claimed anew."),
            ("date", lambda: edit_event(project, moved, _date_line(project, moved), f"  date: '{late}'\n"),
             f"events/{moved}/", ""),
            # A comment line in the first entry: every entry below it moves a line, and only its edit link changes.
            ("a line added", lambda: edit_event(project, first, f"- id: {first}\n", f"- id: {first}\n# a note\n"),
             f"events/{last}/", f"#L{_line_of(project, last) + 1}\""),
            ("alias", lambda: _add_alias(project, actor.id, "Zyxwvu Front"),
             f"actors/{actor.id}/", "Zyxwvu Front"),
            # Words of many events' summaries: now linked to the actor on every page that shows one of them.
            ("alias in pages' text", lambda: _add_alias(project, actor.id, PROSE_ALIAS),
             f"actors/{actor.id}/", f"<li>{PROSE_ALIAS}</li>"),
            # Words of a hand-written page: the actor's page now lists that page among those that mention it.
            ("alias in a written page", lambda: _add_alias(project, actor.id, "One News Article"),
             f"actors/{actor.id}/", "<li>One News Article</li>"),
            ("alias removed", lambda: _replace(project / "data" / "actors.yml", f"  - {PROSE_ALIAS}\n", ""),
             f"actors/{actor.id}/", ""),
            ("code", lambda: _replace(project / "macros" / "site" / "render.py", ">On the timeline</a>",
                                      ">On the timeline, again</a>"), f"events/{titled}/", "timeline, again"),
            ("title again", lambda: edit_event(project, titled, " Retitled\n", " Retitled twice\n"),
             f"events/{titled}/", "Retitled twice"),
        ]
        for number, (kind, edit, page, marker) in enumerate(steps):
            time.sleep(1.5)  # a rebuild the watcher may still start (see settled)
            until(served.settled, "serve is idle", served)
            before = served.builds()
            edit()
            until(lambda: served.builds() > before and marker in served.page(page),  # noqa: B023 (waits here)
                  f"the {kind} edit is served", served)
            if kind == "a line added":  # the entries below are kept, their edit links rewritten
                rebuilt, total = map(int, re.findall(r"Rebuilding (\d+) of (\d+) pages", served.output())[-1])
                assert rebuilt < total // 10, (rebuilt, total)
            served_files = snapshot(served)
            clean = start(project, tmp_path / f"clean-{number}", dirty=False)
            try:
                until(lambda: clean.builds() >= 1, "the clean build is done", clean)  # noqa: B023 (waits here)
                clean_files = snapshot(clean)
            finally:
                stop(clean.process)
            assert not differences(served_files, clean_files), (kind, differences(served_files, clean_files)[:20])
        assert "Traceback" not in served.output()
        # An event's or an alias's edit rebuilt some pages; the code edit, all of them.
        assert served.output().count("pages (an edit of events or aliases)") == len(steps) - 1, \
            served.output()[-3000:]
    finally:
        stop(served.process)


def _date_line(project: Path, event_id: str) -> str:
    text = (project / "data" / "events.yml").read_text(encoding="utf-8")
    start, end = _event_block(text, event_id)
    found = re.search(r"^  date: .*\n", text[start:end], re.MULTILINE)
    assert found, event_id
    return found.group(0)


def _line_of(project: Path, event_id: str) -> int:
    text = (project / "data" / "events.yml").read_text(encoding="utf-8")
    return text[:text.index(f"- id: {event_id}\n")].count("\n") + 1


def _replace(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{file} no longer holds {old!r}"
    save(file, text.replace(old, new, 1))


def _add_alias(project: Path, actor_id: str, alias: str) -> None:
    file = project / "data" / "actors.yml"
    text = file.read_text(encoding="utf-8")
    start = text.index(f"- id: {actor_id}\n")
    at = text.index("  aliases:\n", start) + len("  aliases:\n")
    save(file, text[:at] + f"  - {alias}\n" + text[at:])


def test_an_event_edit_rebuilds_its_pages_and_not_the_others(project: Path) -> None:
    old = load_dataset(project)
    event = old.chronology[len(old.chronology) // 2]
    events = dict(old.events)
    events[event.id] = type(event)(**{**{name: getattr(event, name) for name in event.__dataclass_fields__
                                         if name != "kind"}, "title": event.title + " Retitled"})
    new = Dataset(old.sources, old.actors, old.places, events, old.terms, old.seed, old.boundaries, old.figures)
    referrers = {event.id: ["actors/someone.md"]}
    plan = dependents.pages_to_rebuild(old, new, referrers)
    assert plan is not None
    assert pages.page_of(event) in plan and "actors/someone.md" in plan
    assert pages.timeline_period_page(old.period_of[event.id]) in plan
    for actor_id in event.actors:
        assert f"actors/{actor_id}.md" in plan
    assert len(plan) < len(old.events) // 4, "a title edit rebuilds a few pages, not the site"
    # Anything but events: everything.
    assert dependents.pages_to_rebuild(old, Dataset(old.sources, {}, old.places, events, old.terms, old.seed,
                                                    old.boundaries, old.figures), referrers) is None


def test_references_reads_links_and_timeline_entries() -> None:
    html = ('<a class="ex-link" href="x" data-entity="actor-a">A</a><article class="ex-event" id="1991-e" '
            'data-kind="k"></article><small class="ex-aka" data-entity="place-b">(B)</small>')
    assert dependents.references(html) == {"actor-a", "1991-e", "place-b"}


def test_an_alias_edit_rebuilds_the_actor_and_the_pages_that_may_name_it(project: Path) -> None:
    old = load_dataset(project)
    actor = next(actor for actor in old.actors.values() if actor.aliases)

    def with_actor(changed: Actor) -> Dataset:
        return Dataset(old.sources, {**old.actors, actor.id: changed}, old.places, old.events, old.terms, old.seed,
                       old.boundaries, old.figures)

    new = with_actor(dataclasses.replace(actor, aliases=(*actor.aliases, PROSE_ALIAS)))
    asked: list[str] = []

    def pages_naming(name: str) -> set[str]:
        asked.append(name)
        return {"events/some-event.md"}

    assert dependents.pages_to_rebuild(old, new, {}, pages_naming) == {pages.page_of(actor), "events/some-event.md"}
    assert asked == [PROSE_ALIAS]
    assert dependents.pages_to_rebuild(old, new, {}) is None, "without the last build's words: everything"
    renamed = with_actor(dataclasses.replace(actor, description=actor.description + " Again."))
    assert dependents.pages_to_rebuild(old, renamed, {}, pages_naming) is None, "anything else: everything"


def test_the_word_index_finds_every_page_that_may_mention_a_name() -> None:
    index = WordIndex()
    index.add("a.md", "<p>Local residents reported <em>power</em> cuts overnight.</p>")
    index.add("b.md", '<p title="x">P&ouml;wer&nbsp;CUTS</p>')  # decoded and folded as mentions are
    index.add("c.md", "<p>Power was cut.</p>")
    assert index.pages_naming("Power Cuts") == {"a.md", "b.md"}
    assert index.pages_naming("power cuts overnight") == {"a.md"}
    assert index.pages_naming("Zyxwvu") == set()


def test_a_load_that_keeps_files_reads_as_a_fresh_load(project: Path, tmp_path: Path) -> None:
    """serve --dirty parses again only the files whose bytes changed (FileMemo), and in a file of entries only
    the entries whose text changed (splice_yaml): after each edit, the same dataset, or the same problems, as a
    load from nothing."""
    copy = tmp_path / "copy"
    shutil.copytree(project / "data", copy / "data")
    shutil.copytree(project / "seeds", copy / "seeds")
    memo = FileMemo()
    first = load_dataset(copy, memo=memo)
    assert first == load_dataset(copy)
    events = copy / "data" / "events.yml"
    text = events.read_text(encoding="utf-8")
    chronology = [event.id for event in first.chronology]
    middle, last = chronology[len(chronology) // 2], chronology[-1]
    start, end = _event_block(text, middle)
    block = text[start:end]
    copied = block.replace(f"- id: {middle}\n", "- id: a-copied-event\n", 1)
    edits = [
        ("a title", text.replace("  title: ", "  title: Kept ", 1)),
        ("a summary, further down", text[:start] + block.replace("summary: ", "summary: Longer. ", 1) + text[end:]),
        ("a line added", text[:start] + block.replace("  title: ", "  approximate: false\n  title: ", 1) + text[end:]),
        ("an event added", text[:end] + copied + text[end:]),
        ("an event removed", text[:start] + text[end:]),
        ("the lines above the entries", "# a comment\n" + text),
        ("a broken date", text[:start] + block.replace("  date: ", "  date: '2023-02-30'\n  dated: ", 1) + text[end:]),
        ("a key misspelt", text[:start] + block.replace("  title: ", "  titel: ", 1) + text[end:]),
        ("back as it was", text),
    ]
    for what, edited_text in edits:
        events.write_text(edited_text, encoding="utf-8")
        try:
            kept = load_dataset(copy, memo=memo)
        except DataError as error:
            with pytest.raises(DataError) as fresh:
                load_dataset(copy)
            assert [str(problem) for problem in error.problems] == [str(problem) for problem in fresh.value.problems]
            continue
        assert kept == load_dataset(copy), what
        assert kept.actors[next(iter(kept.actors))] is first.actors[next(iter(first.actors))], "not built again"
        if what == "a title":
            assert kept.events[last] is first.events[last], "an entry whose text is the same is not parsed again"
