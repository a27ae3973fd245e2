"""Golden cases for the data check: each folder in tests/cases/ overlays files on the mini dataset
(tests/fixtures/mini) and holds in expected.txt the exact output of `python -m macros check`. A case's
remove.txt lists files of the mini dataset to delete (a missing file).

Run with UPDATE_GOLDEN=1 to rewrite expected.txt after a deliberate change of wording; review the diff.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest

from macros.__main__ import check as check_command
from macros.load.check_links import REFERENCES, SEED_REFERENCES
from tests.conftest import ROOT, check

CASES = ROOT / "tests" / "cases"
MINI = ROOT / "tests" / "fixtures" / "mini"


def make_case(case: Path, target: Path) -> Path:
    """The mini dataset in ``target``, with the case's files laid over it."""
    shutil.copytree(MINI, target, dirs_exist_ok=True)
    for file in case.rglob("*"):
        relative = file.relative_to(case)
        if file.is_file() and relative.parts[0] in {"data", "seeds"}:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target / relative)
    removed = case / "remove.txt"
    for line in removed.read_text(encoding="utf-8").split() if removed.exists() else ():
        (target / line).unlink()
    return target


def check_in_process(project: Path, output_format: str = "text") -> tuple[int, str]:
    """`python -m macros check` run in this process (100 cases in a second rather than a minute)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = check_command(project, None, output_format)
    return code, out.getvalue()


@pytest.mark.parametrize("case", sorted(path.name for path in CASES.iterdir() if path.is_dir()))
def test_check_message(case: str, tmp_path: Path) -> None:
    project = make_case(CASES / case, tmp_path)
    code, stdout = check_in_process(project)
    expected_file = CASES / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(stdout, encoding="utf-8")
    assert code == 1, "a broken dataset must fail the check"
    assert stdout == expected_file.read_text(encoding="utf-8")


def test_check_command_prints_the_problems_and_a_count(tmp_path: Path) -> None:
    project = make_case(CASES / "crlf-line-ends-report-right-line", tmp_path)
    result = check(cwd=project)
    assert result.returncode == 1
    assert result.stdout == (CASES / "crlf-line-ends-report-right-line" / "expected.txt").read_text(encoding="utf-8")
    assert result.stderr == "3 problems found; nothing was built.\n"


def test_valid_dataset_prints_one_line_summary(tmp_path: Path) -> None:
    project = make_case(tmp_path / "none", tmp_path)
    result = check(cwd=project)
    assert result.returncode == 0, result.stdout
    assert result.stdout == "data is valid: 2 events, 3 actors, 2 places, 1 terms, 3 sources\n"


def test_real_data_is_valid() -> None:
    result = check()
    assert result.returncode == 0, result.stdout


# The golden case for a dangling reference in each field that refers to another entry.
DANGLING_CASES = {
    ("events", ("actors", "*")): "dangling-event-actors", ("events", ("places", "*")): "dangling-event-places",
    ("events", ("sources", "*")): "dangling-event-sources", ("events", ("claims", "*", "by")): "dangling-claim-by",
    ("events", ("claims", "*", "source")): "dangling-claim-source",
    ("events", ("claims", "*", "disputed_by", "*")): "dangling-claim-disputed-by",
    ("actors", ("part_of",)): "dangling-actor-part-of", ("actors", ("sources", "*")): "dangling-actor-sources",
    ("actors", ("names", "*", "used_by", "*")): "dangling-actor-name-used-by",
    ("places", ("located_in",)): "dangling-place-located-in",
    ("places", ("coordinates", "source")): "dangling-place-coordinates-source",
    ("places", ("sources", "*")): "dangling-place-sources",
    ("places", ("names", "*", "used_by", "*")): "dangling-place-name-used-by",
    ("glossary", ("used_by", "*")): "dangling-term-used-by",
    ("glossary", ("instead", "*", "used_by", "*")): "dangling-term-instead-used-by",
    ("glossary", ("instead", "*", "source")): "dangling-term-instead-source",
    ("glossary", ("related", "*")): "dangling-term-related", ("glossary", ("sources", "*")): "dangling-term-sources",
    ("seed", ("source",)): "dangling-seed-source",
    ("seed", ("notes", "*", "sources", "*")): "dangling-seed-note-sources",
    ("seed", ("key_events", "*")): "seed-key-event-unknown",
    ("sources", ("party",)): "dangling-source-party",
    ("figures", ("according_to",)): "dangling-figure-according-to",
    ("figures", ("events", "*")): "dangling-figure-events", ("figures", ("sources", "*")): "dangling-figure-sources",
    ("seed", ("lede_sources", "*")): "dangling-seed-lede-sources",
    ("seed", ("key_figures", "*")): "dangling-seed-key-figures",
}


def test_every_reference_field_has_a_dangling_case() -> None:
    fields = {(stem, path) for stem, references in REFERENCES.items() for path, _kind, _verb in references}
    fields |= {("seed", path) for path, _kind, _verb in SEED_REFERENCES}
    assert set(DANGLING_CASES) == fields
    for (stem, _path), case in DANGLING_CASES.items():
        expected = (CASES / case / "expected.txt").read_text(encoding="utf-8")
        assert f"data/{stem}.yml:" in expected and " unknown " in expected, case


def follow_advice(project: Path, report: str) -> None:
    """Do what each line of ``report`` says, to the letter, as a contributor would."""
    for problem in report.splitlines():
        path, number_text, message = problem.split(":", 2)
        file, number = project / path, int(number_text)
        if match := re.search(r"create it holding the line `(.+?)`", message):
            file.write_text(match.group(1) + "\n", encoding="utf-8")
            continue
        lines = file.read_text(encoding="utf-8").split("\n")
        line = lines[number - 1]
        if match := re.search(r"remove (\d+) spaces? from the start of the line", message):
            assert line[:int(match.group(1))].strip() == ""
            line = line[int(match.group(1)):]
        elif match := re.search(r"add (\d+) spaces? at the start of the line", message):
            line = " " * int(match.group(1)) + line
        elif match := re.search(r"write this line as `(.+)`$", message):
            line = match.group(1)
        elif match := re.search(r"^ `(-\S+)` has no space after its dash.*; write `(- \S+)`$|"
                                r"` '(.+?)' is in typographic quotes .*; write it as (.+)$", message):
            wrong, right = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            line = line.replace(wrong, right)
        elif match := re.search(r"the alias '(.+?)' is the name of .*remove it from the aliases", message):
            line = re.sub(rf",?\s*{re.escape(match.group(1))}(?=[,\]])", "", line)
        else:
            raise AssertionError(f"no advice to follow in {problem!r}")
        lines[number - 1] = line
        file.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("case", ["forgotten-dash-before-id", "forgotten-dash-follow-on-not-repeated",
                                  "list-item-over-indented", "key-over-indented", "list-item-misaligned",
                                  "bad-indentation-key", "bad-indentation-dedent", "dash-without-space",
                                  "typographic-quotes-around-date-and-id", "alias-repeats-another-entitys-name",
                                  "missing-file"])
def test_the_advice_followed_to_the_letter_fixes_the_slip(case: str, tmp_path: Path) -> None:
    project = make_case(CASES / case, tmp_path)
    code, report = check_in_process(project)
    assert code == 1
    follow_advice(project, report)
    code, after = check_in_process(project)
    assert code == 0, after
