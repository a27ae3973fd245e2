"""What a build prints is what a person needs: its own lines, warnings and errors, not mkdocs-macros' start-up."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import copy_project, mkdocs


def test_a_build_prints_no_macros_start_up_lists_and_keeps_warnings(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[a broken link](no-such-page.md)\n", encoding="utf-8")
    result = mkdocs("build", "-d", tmp_path / "site", cwd=project)
    assert "[macros]" not in result.stderr and "No default module" not in result.stderr
    assert "WARNING -  Doc file 'about.md' contains a link 'no-such-page.md'" in result.stderr
    assert result.returncode == 1  # strict: the warning fails the build
    page.write_text(page.read_text(encoding="utf-8").replace("[a broken link](no-such-page.md)", ""), encoding="utf-8")
    result = mkdocs("build", "-d", tmp_path / "site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "[macros]" not in result.stderr and "Documentation built in" in result.stderr
