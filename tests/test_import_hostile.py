"""A sheet handed to the import, and the exports a spreadsheet opens: what they write reads back as meant, and
nothing runs (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.interop import timelinejs
from macros.interop.write_yaml import events_yaml
from macros.load.yamlfile import parse_yaml
from tests.conftest import check
from tests.test_import_timelinejs import SHEET_OPTIONS, import_cli, mini_project

HEADER = "Year,Month,Day,Headline,Text,Media,Group,Sources\n"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", " =1+1", "  \t@x", "\tplain",
                                  "\rplain", "\n=1"])
def test_every_formula_form_is_guarded_and_read_back(cell: str) -> None:
    safe = timelinejs.spreadsheet_safe(cell)
    assert safe == "'" + cell
    assert timelinejs.from_spreadsheet_cell(safe) == cell


@pytest.mark.parametrize("cell", ["plain", " plain", "'quoted", "a=1"])
def test_plain_cells_are_left_as_they_are(cell: str) -> None:
    assert timelinejs.spreadsheet_safe(cell) == cell


@pytest.mark.parametrize("title", ["1e5", "12", "1.5", "true", "False", "null", "~", "-3", "+4", ".5", "plain"])
def test_imported_yaml_reads_back_as_the_text_it_meant(title: str) -> None:
    text = events_yaml([{"id": "x", "date": "2023", "kind": "political", "title": title, "summary": title,
                         "sources": ["s"]}], "sheet.csv")
    document, problems = parse_yaml("events.yml", text, "events")
    assert not problems and document is not None
    assert document.value["events"][0]["title"] == title


def test_the_import_writes_1e5_quoted_and_refuses_what_the_check_refuses(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    (project / "hostile.csv").write_text(
        HEADER + "2023,9,19,1e5,A headline that is a number.,,,src-one\n"
        "2023,9,20,Media,Uppercase scheme.,HTTPS://example.com/a.jpg,,src-one\n", encoding="utf-8")
    code, output = import_cli(project, "hostile.csv", "--force", *SHEET_OPTIONS, "--source-title", "A sheet")
    assert code == 0, output
    assert "`Media` is not an http(s) address ('HTTPS://example.com/a.jpg'" in output
    events = (project / "data" / "events.yml").read_text(encoding="utf-8")
    assert 'title: "1e5"' in events and "HTTPS://" not in events
    assert check(cwd=project).returncode == 0


def test_a_year_of_thousands_of_digits_is_a_message(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    (project / "huge.csv").write_text(HEADER + "9" * 5000 + ",9,19,Huge,A year.,,,src-one\n", encoding="utf-8")
    code, output = import_cli(project, "huge.csv", "--force", *SHEET_OPTIONS)
    assert code == 1
    assert "huge.csv:2: `Year` '99999" in output and "is not a year from 1 to 9999" in output
    assert "Traceback" not in output
