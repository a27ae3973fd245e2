"""`python -m macros check --format github`: problems as GitHub annotations, escaped and capped as GitHub does.

Each golden case in tests/cases/ holds the expected output in expected-github.txt (UPDATE_GOLDEN=1 rewrites it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from macros.interop.annotations import MAX_ANNOTATIONS, annotation, escape_data, escape_property, github_report
from macros.load.problems import Problem
from tests.conftest import check
from tests.test_check_messages import CASES, check_in_process, make_case


@pytest.mark.parametrize("case", sorted(path.name for path in CASES.iterdir() if path.is_dir()))
def test_github_format(case: str, tmp_path: Path) -> None:
    project = make_case(CASES / case, tmp_path)
    code, stdout = check_in_process(project, "github")
    expected_file = CASES / case / "expected-github.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(stdout, encoding="utf-8")
    assert code == 1
    assert stdout == expected_file.read_text(encoding="utf-8")


def test_github_format_from_the_command_line(tmp_path: Path) -> None:
    result = check("--format", "github", cwd=make_case(CASES / "many-problems", tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == (CASES / "many-problems" / "expected-github.txt").read_text(encoding="utf-8")


def test_the_log_keeps_every_problem_when_annotations_are_capped(tmp_path: Path) -> None:
    plain = check(cwd=make_case(CASES / "many-problems", tmp_path / "plain")).stdout.splitlines()
    github = check("--format", "github", cwd=make_case(CASES / "many-problems", tmp_path / "github")).stdout
    annotations = [line for line in github.splitlines() if line.startswith("::error ")]
    assert len(plain) > MAX_ANNOTATIONS
    assert len(annotations) == MAX_ANNOTATIONS
    assert github.splitlines()[-len(plain):] == plain


def test_escaping_follows_githubs_toolkit() -> None:
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("data/a,b:c%.yml") == "data/a%2Cb%3Ac%25.yml"
    problem = Problem("data/x,y.yml", 3, "first line\nsecond: 100%")
    assert annotation(problem) == "::error file=data/x%2Cy.yml,line=3::first line%0Asecond: 100%25"


def test_a_few_problems_are_all_annotated_and_listed() -> None:
    problems = [Problem("data/events.yml", line, f"problem {line}") for line in (1, 2)]
    assert github_report(problems) == ["::error file=data/events.yml,line=1::problem 1",
                                       "::error file=data/events.yml,line=2::problem 2",
                                       "data/events.yml:1: problem 1", "data/events.yml:2: problem 2"]
