"""A seed note marks a passage of the article's text, never markup an earlier note inserted (issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

from macros.site.passages import place_passages
from tests.conftest import mkdocs
from tests.htmlcheck import page_text
from tests.minisite import mini_project


def test_a_passage_is_found_in_the_text_only_and_never_twice() -> None:
    pieces = place_passages(["Hilltown is quiet, said the press."], [("Hilltown is quiet", 1), ("ss", 2),
                                                                      ("quiet", 3), ("said", 4)])
    assert pieces == [[("Hilltown is quiet", 1), (", ", None), ("said", 4), (" the pre", None), ("ss", 2),
                       (".", None)]]  # "quiet" is taken: its note is left out
    assert place_passages(["one", "two one"], [("one", "a")]) == [[("one", "a")], [("two one", None)]]


def test_a_note_on_a_short_passage_does_not_break_the_article(tmp_path: Path) -> None:
    project = mini_project(tmp_path / "project")
    seed = project / "data" / "seed.yml"
    seed.write_text(seed.read_text(encoding="utf-8").replace("  chapters:\n", (
        "    - id: note-two\n      passage: ss\n      verdict: disputed\n      note: A short passage.\n"
        "      sources: [src-one]\n"
        "    - id: note-three\n      passage: ex-note\n      verdict: disputed\n      note: Markup's words.\n"
        "      sources: [src-one]\n  chapters:\n")), encoding="utf-8")
    (project / "seeds" / "mini.txt").write_text(
        "Northland launched an operation today. Hilltown is quiet, said the press.\n\nAn ex-note of Tepekent.\n",
        encoding="utf-8")
    result = mkdocs("build", "--strict", "-q", "-d", tmp_path / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "article" / "index.html").read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="ex-note-mark ex-verdict--(\w+)" id="passage-([a-z-]+)">(.*?)</mark>', html)
    marks = [(verdict, note, re.sub("<[^>]+>", "", text)) for verdict, note, text in marks]
    assert marks[1:] == [("disputed", "note-two", "ss"), ("disputed", "note-three", "ex-note")]
    assert marks[0][:2] == ("outdated", "note-one")  # its text holds a mention of Hilltown with its other names
    assert "said the press." in page_text(tmp_path / "site" / "article" / "index.html").replace("[disputed]", "")
