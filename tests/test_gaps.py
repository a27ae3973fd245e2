"""`python -m macros gaps`: what valid data still lacks, as an editor's to-do list that never stops a build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.generate import Size, generate
from macros.context import missing_view
from macros.load.dataset import load_dataset
from macros.load.gaps import gaps, problem
from macros.site import render
from tests.conftest import MINI


def _mini(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_a_place_without_coordinates_is_a_gap_and_a_side_answering_through_its_ministry_is_not() -> None:
    # In the mini data 'north' disputes what 'south' says, and its ministry 'north-mod' has a claim: no gap there.
    assert [str(problem(gap)) for gap in gaps(load_dataset(MINI))] == [
        "data/places.yml:12: place 'valley' has no coordinates; add `coordinates: {lat: …, lon: …, source: …}` "
        "from a page that shows them"]


def test_a_disputing_side_without_words_of_its_own_and_a_title_from_an_address_are_gaps(tmp_path: Path) -> None:
    project = _mini(tmp_path)
    events = project / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("      - by: north-mod\n", "      - by: south\n"),
                      encoding="utf-8")
    sources = project / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        "    title: A first report\n", "    title: A first report\n    title_from_address: true\n"),
        encoding="utf-8")
    found = [str(problem(gap)) for gap in gaps(load_dataset(project))]
    assert ("data/events.yml:11: event 'operation': 'north' disputes what 'south' says but neither it nor a part "
            "of it has a claim here; add a claim `by: north` with its words and their source") in found
    assert ("data/sources.yml:2: source 'src-one': its title is read from its address; write the headline as "
            "published once the page can be read") in found


def test_an_event_resting_only_on_a_partys_outlets_is_a_gap(tmp_path: Path) -> None:
    project = _mini(tmp_path)
    sources = project / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    for title in ("A first report", "A second report"):  # every event cites them: the north's own outlets
        text = text.replace(f"    title: {title}\n", f"    title: {title}\n    type: official\n    party: north\n")
    sources.write_text(text, encoding="utf-8")
    dataset = load_dataset(project)
    found = [gap for gap in gaps(dataset) if gap.kind == "party-only"]
    assert [gap.entity for gap in found] == ["first-war", "operation"]
    assert "cites only a party's own outlets" in str(problem(found[0]))
    sentence = str(missing_view.missing_list(render.PageContext(dataset, link=lambda path: path)))
    assert "rests only on the outlets of a party to the conflict so far" in sentence
    reference = str(render.source_reference(render.PageContext(dataset, link=lambda path: path),
                                            dataset.sources["src-one"]))
    assert '<span class="ex-source-type">(official: Northland)</span>' in reference


def test_a_quote_in_another_language_without_its_english_is_a_gap(tmp_path: Path) -> None:
    project = _mini(tmp_path)
    sources = project / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        "    title: A first report\n", "    title: A first report\n    language: ru\n", 1).replace(
        "    url: https://example.org/one\n    language: en\n", "    url: https://example.org/one\n", 1),
        encoding="utf-8")
    dataset = load_dataset(project)
    found = [str(problem(gap)) for gap in gaps(dataset) if gap.kind == "translation"]
    assert found == ["data/events.yml:11: event 'operation': the words of 'north-mod' are quoted in another "
                     "language with no English beside them; add `translation:` and `translated_by: source` or "
                     "`explainer`"]


def test_the_command_lists_the_gaps_and_succeeds(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "macros", "gaps"], cwd=_mini(tmp_path), capture_output=True,
                            text=True, check=False, env={"PYTHONPATH": str(Path(__file__).parent.parent)})
    assert result.returncode == 0, result.stderr
    assert "place 'valley' has no coordinates" in result.stdout and "1 gap to fill" in result.stderr


def test_the_readers_list_of_what_is_missing_stays_bounded(tmp_path: Path) -> None:
    dataset = load_dataset(generate(tmp_path, Size.scaled(1000)))
    assert len(gaps(dataset)) > missing_view.MISSING_LISTED
    page = str(missing_view.missing_list(render.PageContext(dataset, link=lambda path: path)))
    assert page.count("<li>") == missing_view.MISSING_LISTED and "more of the same kinds" in page
