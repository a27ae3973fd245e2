"""Importing a TimelineJS sheet saved as CSV: what is kept, what is reported (with its line), what is refused."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from macros.interop import timelinejs
from macros.interop.import_timelinejs import import_sheet
from macros.interop.timelinejs_sheet import make_id
from macros.model.dates import PartialDate
from tests.conftest import ROOT, check, run

FIXTURES = ROOT / "tests" / "fixtures" / "timelinejs"
MINI = ROOT / "tests" / "fixtures" / "mini"
SHEET_OPTIONS = ("--group-kind", "Battles=military", "--kind", "diplomatic", "--source-id", "hilltown-sheet",
                 "--source-publisher", "Example Newsroom", "--source-date", "2024-01")


def mini_project(tmp_path: Path) -> Path:
    """A project folder holding the mini data and seeds, and copies of the fixture sheets."""
    for part in ("data", "seeds"):
        shutil.copytree(MINI / part, tmp_path / part)
    for sheet in FIXTURES.glob("*.csv"):
        shutil.copy2(sheet, tmp_path / sheet.name)
    return tmp_path


def import_cli(project: Path, *args: str) -> tuple[int, str]:
    result = run(sys.executable, "-m", "macros", "import-timelinejs", *args, cwd=project)
    return result.returncode, result.stdout + result.stderr


def test_sheet_becomes_events_yaml_that_the_check_accepts(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    code, output = import_cli(project, "sheet.csv", "--force", *SHEET_OPTIONS)
    assert code == 0, output
    assert (project / "data" / "events.yml").read_text(encoding="utf-8") == (
        FIXTURES / "sheet.expected.yml").read_text(encoding="utf-8")
    sources = (project / "data" / "sources.yml").read_text(encoding="utf-8")
    # The sheet's source takes its title from the title slide; nothing else about it is made up.
    assert sources.endswith('  - id: hilltown-sheet\n    publisher: Example Newsroom\n    title: Hilltown, a timeline\n'
                            '    date: "2024-01"\n    language: en\n')
    assert check(cwd=project).returncode == 0
    # Lines are physical lines: the cell of line 5 spans three, the row after it starts on line 8.
    for expected in ("sheet.csv:2: note: title slide 'Hilltown, a timeline'", "sheet.csv:3: note: era 'The war years'",
                     "sheet.csv:9: note: `Time` '13:00' is dropped", "sheet.csv:15: note: `Media` is not an http(s)",
                     "the data check passes"):
        assert expected in output
    assert "Display Date" not in output  # '28 Sep 2023' says the row's date, in other words


def test_every_row_that_cannot_be_mapped_is_reported_with_its_line_and_nothing_is_written(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    before = (project / "data" / "events.yml").read_text(encoding="utf-8")
    code, output = import_cli(project, "bad.csv", "--force")
    assert code == 1
    problems = [line for line in output.splitlines() if ": note: " not in line]
    assert "\n".join(problems) + "\n" == (FIXTURES / "bad.expected.txt").read_text(encoding="utf-8")
    assert (project / "data" / "events.yml").read_text(encoding="utf-8") == before


def test_existing_events_are_kept_without_force(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    before = (project / "data" / "events.yml").read_text(encoding="utf-8")
    code, output = import_cli(project, "sheet.csv", *SHEET_OPTIONS)
    assert code == 1
    assert ("data/events.yml:1: already holds 2 event(s); pass --add to add the sheet's events after them, --force "
            "to replace them, or import into another --out folder") in output
    assert (project / "data" / "events.yml").read_text(encoding="utf-8") == before


def test_no_source_is_invented(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    code, output = import_cli(project, "sheet.csv", "--force", "--group-kind", "Battles=military", "--kind", "legal")
    assert code == 1
    # The rows without a Sources cell, said once, by the lines they start on.
    assert "sheet.csv:8: 5 rows have no source (lines 8, 10, 14 and 2 more); name the sheet itself" in output
    assert "leave these 5 out" in output
    assert "hilltown-sheet" not in (project / "data" / "sources.yml").read_text(encoding="utf-8")


def test_a_new_sheet_source_needs_its_publisher_and_date(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    code, output = import_cli(project, "sheet.csv", "--force", "--kind", "legal", "--group-kind", "Battles=military",
                              "--source-id", "the-sheet")
    assert code == 1
    assert "give --source-publisher, --source-date too" in output


def test_unreadable_sheets_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "latin1.csv").write_bytes("Year,Headline\n2023,Caf\xe9\n".encode("latin-1"))
    (tmp_path / "open-quote.csv").write_text('Year,Headline,Text\n2023,A,"never closed\nstill open\n',
                                             encoding="utf-8")
    (tmp_path / "no-header.csv").write_text("When,What\n2023,A\n", encoding="utf-8")
    out = tmp_path / "data"
    latin1, _ = import_sheet(tmp_path / "latin1.csv", out, shown="latin1.csv")
    assert [str(p) for p in latin1.problems] == ["latin1.csv:2: the sheet is not UTF-8 text; export it as 'CSV UTF-8' "
                                                 "(Excel) or File > Download > CSV (Google Sheets)"]
    quote, _ = import_sheet(tmp_path / "open-quote.csv", out, shown="open-quote.csv")
    assert [p.line for p in quote.problems] == [2] and "close the quote" in quote.problems[0].message
    header, _ = import_sheet(tmp_path / "no-header.csv", out, shown="no-header.csv")
    assert {p.message.split(";")[0] for p in header.problems} == {"the header has no 'Year' column",
                                                                  "the header has no 'Headline' column"}
    assert not out.exists()


def test_semicolon_sheets_and_month_names_are_read(tmp_path: Path) -> None:
    (tmp_path / "excel.csv").write_text("Year;Month;Day;Headline;Text;Group\n2023;Sep;19;A headline;Some text.;"
                                        "military\n", encoding="utf-8")
    result, written = import_sheet(tmp_path / "excel.csv", tmp_path / "data", sheet_source=None)
    assert written == []  # no source: refused
    assert result.problems[0].line == 2 and "no source" in result.problems[0].message


@pytest.mark.parametrize(("markup", "text"), [
    ('<p>One &amp; <b>two</b></p><p>Three</p>', "One & two\n\nThree"),
    ('See <a href="https://example.org/a">the report</a>.', "See the report (https://example.org/a)."),
    ('<a href="https://example.org/a">https://example.org/a</a>', "https://example.org/a"),
    ('<a href="javascript:alert(1)">click</a><img src=x onerror=alert(1)>', "click"),
    ("<script>alert(1)</script><style>p{}</style>Safe", "Safe"),
    ('<iframe src="https://evil.example/">fallback</iframe>kept', "kept"),
    ("line one\nline two\n\nnext paragraph", "line one line two\n\nnext paragraph"),
    ("&lt;not a tag&gt; &quot;quoted&quot;", '<not a tag> "quoted"'),
])
def test_html_becomes_plain_text(markup: str, text: str) -> None:
    assert timelinejs.html_to_text(markup) == text


def test_plain_text_survives_the_trip_through_timelinejs_html() -> None:
    for text in ("A <b> & c", "One.\n\nTwo & three.", '"Quoted", \'single\''):
        assert timelinejs.html_to_text(timelinejs.text_to_html(text)) == text
    assert timelinejs.from_spreadsheet_cell(timelinejs.spreadsheet_safe("=HYPERLINK(1)")) == "=HYPERLINK(1)"
    assert timelinejs.spreadsheet_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"


def test_ids_are_readable_and_deduplicated_in_row_order() -> None:
    taken = {"2023-09-19-the-operation"}
    date = PartialDate(2023, 9, 19)
    assert make_id(date, "The operation!", taken) == "2023-09-19-the-operation-2"
    assert make_id(date, "The operation", taken) == "2023-09-19-the-operation-3"
    assert make_id(PartialDate(1988), "Ղարաբաղ", taken) == "1988"
    assert make_id(PartialDate(1988), "Ղարաբաղ", taken) == "1988-2"
    long = make_id(date, "Azerbaijan launches “local anti-terrorist measures” in Nagorno-Karabakh today", taken)
    assert long == "2023-09-19-azerbaijan-launches-local-anti-terrorist-measures"


def test_an_existing_source_is_cited_as_it_is(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    sources_before = (project / "data" / "sources.yml").read_text(encoding="utf-8")
    code, output = import_cli(project, "sheet.csv", "--force", "--group-kind", "Battles=military", "--kind", "legal",
                              "--source-id", "src-seed", "--source-title", "Ignored")
    assert code == 0, output
    assert "sheet.csv:1: note: --source-id 'src-seed' is already in sources.yml" in output
    assert (project / "data" / "sources.yml").read_text(encoding="utf-8") == sources_before
    assert "sources: [src-seed]" in (project / "data" / "events.yml").read_text(encoding="utf-8")


REAL_SHEET = """Year,Month,Day,Display Date,Headline,Text,Media,Alt Text,Group,Sources
2024,1,1,"January 1, 2024",The republic ceases to exist,"The decree takes effect.<span class='tl-note'>A note.</span>",\
https://example.org/p.jpg,A flag lowered,Decrees,
2024,2,,,A second row,Some text.,,,political,wikipedia-first-nagorno-karabakh-war
"""


def test_importing_into_this_repositorys_own_data_keeps_each_files_layout(tmp_path: Path) -> None:
    for part in ("data", "seeds"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "sheet.csv").write_text(REAL_SHEET, encoding="utf-8")
    before = {name: (tmp_path / "data" / name).read_text(encoding="utf-8") for name in ("events.yml", "sources.yml")}
    code, output = import_cli(tmp_path, "sheet.csv", "--add", "--group-kind", "Decrees=legal", "--source-id",
                              "newsroom-sheet", "--source-publisher", "Example Newsroom", "--source-title", "A sheet",
                              "--source-date", "2024-03")
    assert code == 0, output
    assert "the data check passes" in output and check(cwd=tmp_path).returncode == 0
    events, sources = ((tmp_path / "data" / name).read_text(encoding="utf-8") for name in ("events.yml", "sources.yml"))
    # Every line already there is kept, comments included; what is added is laid out as the file lays out its own.
    assert events.startswith(before["events.yml"]) and sources.startswith(before["sources.yml"])
    assert sources[len(before["sources.yml"]):] == ("- id: newsroom-sheet\n  publisher: Example Newsroom\n"
                                                    "  title: A sheet\n  date: '2024-03'\n  language: en\n")
    assert events[len(before["events.yml"]):] == """\
- id: 2024-01-01-the-republic-ceases-to-exist
  date: '2024-01-01'
  kind: legal
  group: Decrees
  title: The republic ceases to exist
  summary: |-
    The decree takes effect.

    A note.
  sources:
  - newsroom-sheet
  media:
    url: https://example.org/p.jpg
    alt: A flag lowered
- id: 2024-02-a-second-row
  date: '2024-02'
  kind: political
  title: A second row
  summary: Some text.
  sources:
  - wikipedia-first-nagorno-karabakh-war
"""


BAD_ROWS = """Year,Month,Day,End Year,End Month,End Day,Display Date,Headline,Text,Group,Sources
2023,9,19,,,,,Good one,Text.,military,src-one
2023,9,20,2023,9,2023-09-21,,Pasted one column right,Text.,military,src-one
2023,9,21,,2023,9,,Shifted end,Text.,military,src-one
-330,,,,,,,Before the era,Text.,military,src-one
2023,9,22,,,,"Sept. 22, 2023",Good two,Text.,military,src-one
2023,9,23,,,,Spring 2023,Good three,Text.,military,src-one
"""


def test_skip_bad_rows_imports_the_good_ones_and_lists_the_others(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    (project / "rows.csv").write_text(BAD_ROWS, encoding="utf-8")
    before = (project / "data" / "events.yml").read_text(encoding="utf-8")
    code, output = import_cli(project, "rows.csv", "--add")
    assert code == 1 and (project / "data" / "events.yml").read_text(encoding="utf-8") == before  # all or nothing
    assert "3 problems found; nothing was written; rerun with --skip-bad-rows" in output
    code, output = import_cli(project, "rows.csv", "--add", "--skip-bad-rows")
    assert code == 3, output  # written, and the status says rows were left out
    lines = output.splitlines()
    assert ("rows.csv:3: `End Day` holds a full date ('2023-09-21'): is the end date one column to the right? Write "
            "its year, month and day in `End Year`, `End Month` and `End Day`") in lines
    assert ("rows.csv:4: `End Year` is empty and `End Month` holds a year ('2023'): is the end date one column to the "
            "right? Move `End Month`, `End Day` and `End Time` one column left") in lines
    assert any(line.startswith("rows.csv:5: `Year` '-330' is before 1 AD") for line in lines)
    assert "3 rows were left out (listed above)" in output
    # "Sept. 22, 2023" is the row's date in other words; "Spring 2023" says something the dates do not.
    notes = [line for line in lines if "Display Date" in line]
    assert notes == ["rows.csv:7: note: `Display Date` 'Spring 2023' is not kept: the explainer writes "
                     "'23 September 2023'; start it with 'c.' when the date is approximate"]
    events = (project / "data" / "events.yml").read_text(encoding="utf-8")
    assert events.startswith(before) and events.count("  - id: 2023-09-") == 3
    assert check(cwd=project).returncode == 0


def test_a_problem_on_every_row_is_said_once_with_its_fix(tmp_path: Path) -> None:
    rows = "".join(f"2023,9,{day},Headline {day},Text.,\n" for day in range(1, 29))
    (tmp_path / "many.csv").write_text("Year,Month,Day,Headline,Text,Group\n" + rows, encoding="utf-8")
    code, output = import_cli(tmp_path, "many.csv", "--out", "data")
    assert code == 1
    assert output.splitlines() == [
        "many.csv:2: 28 rows have no Group, so their events have no kind (lines 2, 3, 4 and 25 more); give them a "
        "kind with --kind KIND, or write one of military, diplomatic, political, humanitarian, legal in Group",
        "many.csv:2: 28 rows have no source (lines 2, 3, 4 and 25 more); name the sheet itself as their source with "
        "--source-id (and --source-publisher, --source-date), or write source ids in a `Sources` column",
        "2 problems found; nothing was written; rerun with --skip-bad-rows to import the other rows and leave these "
        "28 out."]
