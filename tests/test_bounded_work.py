"""The check and the build stay linear in the size of the data, with limits a newsroom never meets and an attacker
cannot pass (issue 18): each attack here is answered with a message well under a minute."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from macros.context import mentions
from macros.load import check_names
from tests.test_check_messages import CASES, check_in_process, make_case
from tests.test_mentions import link


def _timed_check(project: Path, seconds: float) -> str:
    start = time.monotonic()
    code, out = check_in_process(project)
    elapsed = time.monotonic() - start
    assert code == 1
    assert elapsed < seconds, f"the check took {elapsed:.1f} s"
    return out


def _append(file: Path, text: str) -> None:
    file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_thousands_of_dangling_references_are_listed_quickly(tmp_path: Path) -> None:
    project = make_case(CASES / "none", tmp_path)
    _append(project / "data" / "actors.yml", "".join(
        f"  - {{id: actor-number-{i}, name: Actor number {i}, kind: person, description: Someone.}}\n"
        for i in range(5000)))
    _append(project / "data" / "events.yml", "".join(
        f"  - id: event-{block}\n    date: \"2001\"\n    kind: political\n    title: Event {block}\n"
        f"    summary: Something.\n    sources: [src-one]\n"
        f"    actors: [{', '.join(f'actor-numbr-{block * 100 + i}' for i in range(100))}]\n"
        for block in range(30)))
    out = _timed_check(project, 30)
    assert out.count("unknown actor") == 3000
    assert out.count("did you mean") <= 25  # a fixed budget of suggestions per run


def test_too_many_names_are_refused_with_the_limit(tmp_path: Path) -> None:
    project = make_case(CASES / "none", tmp_path)
    aliases = ", ".join(f"Alias {'x' * 150} {i}" for i in range(30))
    _append(project / "data" / "actors.yml", "".join(
        f"  - {{id: many-{i}, name: Many {i}, kind: person, description: Someone., aliases: [{aliases} {i}]}}\n"
        for i in range(2000)))
    out = _timed_check(project, 40)
    assert f"names and aliases, over the limit of {check_names.MAX_NAMES:,}" in out


def test_a_term_on_most_event_pages_is_refused_with_the_count(tmp_path: Path) -> None:
    project = make_case(CASES / "none", tmp_path)
    _append(project / "data" / "events.yml", "".join(
        f"  - {{id: day-{i}, date: \"2001\", kind: political, title: Day {i}, summary: Northland said more words.,"
        " sources: [src-one]}\n" for i in range(20)))
    glossary = project / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "    term: local measures\n", "    term: local measures\n    aliases: [said more words]\n"), encoding="utf-8")
    out = _timed_check(project, 20)
    assert ("term 'local-measures': 'said more words' is used on 20 of 22 event pages, over the limit of 10: every "
            "use would carry the definition; mark a longer, rarer phrase instead") in out


def test_one_term_cannot_grow_a_page_without_bound() -> None:
    html = link("<p>" + "Anti-terrorist measures, " * 500 + "</p>")
    assert html.count('<abbr class="ex-term"') == mentions.TERM_TOOLTIPS
    assert html.count("<a ") == 1


RESERVED = ["index", "by-kind", "references", "policy", "by-place", "by-actor", "search", "assets", "downloads",
            "ref-1", "ref-12", "y2023", "passage-x", "ex-filters", "con", "prn", "aux", "nul", "com1", "lpt9"]


@pytest.mark.parametrize("reserved_id", RESERVED)
@pytest.mark.parametrize("kind", ["actors", "places", "events", "glossary", "sources"])
def test_an_id_cannot_take_a_name_of_the_site(tmp_path: Path, reserved_id: str, kind: str) -> None:
    project = make_case(CASES / "none", tmp_path)
    file = project / "data" / f"{kind}.yml"
    text = file.read_text(encoding="utf-8")
    first_id = re.search(r"- id: ([a-z0-9-]+)\n", text)
    assert first_id is not None
    file.write_text(re.sub(rf"\b{first_id.group(1)}\b", reserved_id, text), encoding="utf-8")
    _code, out = check_in_process(project)
    assert f"the id is a name {'Windows' if reserved_id in RESERVED[-6:] else 'the site'}" in out, out


def test_a_seed_note_id_cannot_take_a_name_of_the_site(tmp_path: Path) -> None:
    project = make_case(CASES / "none", tmp_path)
    seed = project / "data" / "seed.yml"
    text = seed.read_text(encoding="utf-8")
    note_id = re.search(r"- id: ([a-z0-9-]+)\n", text)
    assert note_id is not None
    seed.write_text(text.replace(f"id: {note_id.group(1)}", "id: references"), encoding="utf-8")
    _code, out = check_in_process(project)
    assert "seed note 'references': the id is a name the site gives its own pages or anchors" in out
