"""A build that fails at any stage leaves the output folder exactly as it was; a good build replaces it whole."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.build import staging
from tests.conftest import mkdocs
from tests.minisite import leftovers, mini_project, snapshot, with_good_site


def break_page(project: Path, text: str) -> None:
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


@pytest.mark.parametrize(("stage", "text", "says"), [
    ("undefined variable in a page", "{{ no_such_variable }}", "'no_such_variable' is undefined"),
    ("macro refusing an unknown id", '{{ link("no-such-id") }}', "link('no-such-id'): no entity has this id"),
    ("strict warning after every page is written", "[a broken link](nowhere.md)", "Aborted with 1 warnings"),
])
def test_a_failed_build_keeps_the_previous_site(stage: str, text: str, says: str, tmp_path: Path,
                                                good_site: Path) -> None:
    project = mini_project(tmp_path)
    before = with_good_site(project, good_site)
    break_page(project, text)
    result = mkdocs("build", cwd=project)
    assert result.returncode != 0, stage
    assert says in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_failed_first_build_writes_no_site(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    break_page(project, "[a broken link](nowhere.md)")
    assert mkdocs("build", cwd=project).returncode != 0
    assert not (project / "site").exists()
    assert leftovers(project) == []


def test_a_bad_source_date_epoch_is_refused_clearly(tmp_path: Path, good_site: Path) -> None:
    project = mini_project(tmp_path)
    before = with_good_site(project, good_site)
    result = mkdocs("build", cwd=project, env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH is 'yesterday', not a number of seconds" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == before


def test_a_good_build_replaces_the_whole_site(tmp_path: Path, good_site: Path) -> None:
    project = mini_project(tmp_path)
    with_good_site(project, good_site)
    (project / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
    result = mkdocs("build", "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "stale.html").exists()
    assert (project / "site" / "places" / "hill-town" / "index.html").exists()
    assert leftovers(project) == []


def test_serve_and_dirty_builds_write_in_place(tmp_path: Path) -> None:
    from macros import mkdocs_adapter

    for command, dirty in (("serve", False), ("build", True)):
        config = SimpleNamespace(site_dir=str(tmp_path / "site"))
        mkdocs_adapter.on_startup(command=command, dirty=dirty)
        mkdocs_adapter._stage(config)  # type: ignore[arg-type]
        assert config.site_dir == str(tmp_path / "site")
    mkdocs_adapter.on_startup(command="build", dirty=False)


def test_swap_in_puts_the_new_site_in_place_and_removes_the_old(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    staged = staging.new_staging_folder(target)
    (staged / "new.html").write_text("new", encoding="utf-8")
    staging.swap_in(staged, target)
    assert sorted(path.name for path in target.iterdir()) == ["new.html"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_folder_that_cannot_be_renamed_gets_its_contents_replaced(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    staged = staging.new_staging_folder(target)
    (staged / "new.html").write_text("new", encoding="utf-8")
    real_rename = Path.rename

    def busy(self: Path, destination: Path) -> Path:  # what renaming a mount point does
        if self == target:
            raise OSError(16, "Device or resource busy")
        return real_rename(self, destination)

    monkeypatch.setattr(Path, "rename", busy)
    staging.swap_in(staged, target)
    assert sorted(path.name for path in target.iterdir()) == ["new.html"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
