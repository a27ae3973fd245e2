"""Data written by a program: huge files, Windows line ends, a BOM. The check reports the right line and
never rewrites a contributor's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import check, mkdocs
from tests.minisite import mini_project, snapshot

EVENT = """  - id: event-{n}
    date: "2001-01-01"
    kind: political
    title: Event {n}
    summary: Something happened.
    sources: [src-one]
"""
LINES_PER_EVENT = EVENT.count("\n")


def many_events(count: int, broken: int) -> tuple[str, dict[str, int]]:
    """events.yml with ``count`` generated events after the mini ones; event ``broken`` has three problems.

    Returns the text and the line of each problem.
    """
    head = (Path(__file__).parent / "fixtures" / "mini" / "data" / "events.yml").read_text(encoding="utf-8")
    first_line = head.count("\n") + 1
    parts = [head]
    lines: dict[str, int] = {}
    for n in range(count):
        event = EVENT.format(n=n)
        if n == broken:
            start = first_line + n * LINES_PER_EVENT
            event = (event.replace('"2001-01-01"', '"2001-02-30"').replace("[src-one]", "[src-onne]")
                     .replace("    kind: political\n", "    kind: political\n    colour: red\n"))
            lines = {"date": start + 1, "colour": start + 3, "sources": start + 6}
        parts.append(event)
    return "".join(parts), lines


@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["unix", "windows"])
def test_problems_in_a_file_of_over_10000_lines_name_the_right_line(line_end: str, tmp_path: Path) -> None:
    text, lines = many_events(2500, broken=2400)
    assert text.count("\n") > 15000 and lines["sources"] > 14000
    project = mini_project(tmp_path)
    (project / "data" / "events.yml").write_bytes(("\ufeff" + text.replace("\n", line_end)).encode("utf-8"))
    result = check(cwd=project)
    assert result.returncode == 1
    assert result.stdout == (
        f"data/events.yml:{lines['colour']}: event 'event-2400': unknown key 'colour'; the keys allowed here are: "
        "id, date, end, approximate, kind, title, summary, actors, places, sources, claims, group, media\n")
    # Once the shape is right, the date and the reference are judged, on their own lines.
    (project / "data" / "events.yml").write_bytes(
        ("\ufeff" + text.replace("    colour: red\n", "    approximate: true\n").replace("\n", line_end)).encode())
    result = check(cwd=project)
    assert result.stdout == (
        f"data/events.yml:{lines['date']}: event 'event-2400': `date` '2001-02-30' does not exist: February 2001 "
        "has 28 days: correct the day\n"
        f"data/events.yml:{lines['sources']}: event 'event-2400' cites unknown source 'src-onne' — did you mean "
        "'src-one'?\n")


def test_a_huge_valid_file_is_checked(tmp_path: Path) -> None:
    text, _lines = many_events(6000, broken=-1)
    project = mini_project(tmp_path)
    (project / "data" / "events.yml").write_text(text, encoding="utf-8")
    assert len(text) > 600_000 and text.count("\n") > 35000
    result = check(cwd=project)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("data is valid: 6002 events")


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "broken"])
def test_check_and_build_never_rewrite_a_contributors_file(valid: bool, tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    for file in (project / "data").iterdir():  # as a Windows editor saves them: BOM and CRLF
        text = file.read_text(encoding="utf-8")
        if not valid and file.name == "events.yml":
            text = text.replace("[src-one]", "[src-onne]")
        file.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    before = {folder: snapshot(project / folder) for folder in ("data", "seeds", "docs")}
    assert check(cwd=project).returncode == (0 if valid else 1)
    assert (mkdocs("build", cwd=project).returncode == 0) is valid
    assert {folder: snapshot(project / folder) for folder in ("data", "seeds", "docs")} == before


def test_links_to_files_outside_the_project_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Hilltown is quiet. A secret of the build machine.\n", encoding="utf-8")
    (tmp_path / "project").mkdir()
    project = mini_project(tmp_path / "project")
    (project / "seeds" / "mini.txt").unlink()
    (project / "seeds" / "mini.txt").symlink_to(outside)
    (project / "data" / "glossary.yml").rename(tmp_path / "glossary.yml")
    (project / "data" / "glossary.yml").symlink_to(tmp_path / "glossary.yml")
    result = check(cwd=project)
    assert result.stdout == (
        "data/glossary.yml:1: the file is a link, not a regular file, and is not read; put the data in a regular file\n"
        "data/seed.yml:5: the seed file 'seeds/mini.txt' is a link, not a regular file, and is not read; put the "
        "article's text in a regular file\n")
