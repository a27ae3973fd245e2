"""`python -m macros new DIR`: a new explainer that passes the check and builds as it is, and takes a TimelineJS
sheet with no other file to write (new -> import a sheet -> check -> mkdocs build)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import check, mkdocs, run

SHEET = """Year,Month,Day,Headline,Text,Group
2023,9,19,The operation begins,An operation starts in the valley.,military
2023,9,20,A ceasefire,"The sides agree to stop fighting, says Հայաստան.",diplomatic
"""


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


def test_a_new_explainer_takes_a_sheet_and_builds(tmp_path: Path) -> None:
    folder = tmp_path / "hilltown"
    made = run(sys.executable, "-m", "macros", "new", folder, "--name", "Hilltown: an explainer")
    assert made.returncode == 0, made.stdout + made.stderr
    assert "data is valid: 0 events, 0 actors, 0 places, 0 terms, 1 sources" in made.stdout
    assert (folder / "data" / "events.yml").read_text(encoding="utf-8").endswith("events: []\n")
    assert "Replace this text" in (folder / "seeds" / "article.txt").read_text(encoding="utf-8")
    before = files_of(folder)

    (tmp_path / "sheet.csv").write_text(SHEET, encoding="utf-8")
    imported = run(sys.executable, "-m", "macros", "import-timelinejs", tmp_path / "sheet.csv", "--out", "data",
                   "--add", "--source-id", "newsroom-sheet", "--source-publisher", "Example Newsroom",
                   "--source-title", "Our timeline", "--source-date", "2024-01", cwd=folder)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "the data check passes: 2 events" in imported.stdout
    after = files_of(folder)
    # Only the events and the sheet's source were written: no stub, no other file to make by hand.
    assert {name for name in after if after[name] != before.get(name)} == {"data/events.yml", "data/sources.yml"}
    assert check(cwd=folder).returncode == 0

    built = mkdocs("build", "--strict", "-d", tmp_path / "site", cwd=folder)
    assert built.returncode == 0, built.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Hilltown: an explainer</title>" in home
    timeline = (tmp_path / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "A ceasefire" in timeline and "Հայաստան" in timeline


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text("mine", encoding="utf-8")
    made = run(sys.executable, "-m", "macros", "new", tmp_path)
    assert made.returncode == 1 and "the folder is not empty; name a new folder" in made.stdout
    assert [path.name for path in tmp_path.iterdir()] == ["kept.txt"]
