"""The project with the mini dataset (tests/fixtures/mini) laid in, and what tests compare of a built site."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import copy_project
from tests.test_check_messages import MINI, make_case


def mini_project(target: Path, case: Path | None = None) -> Path:
    """The project (pages, theme, code) with the mini dataset, and a case's files laid over it."""
    copy_project(target)
    shutil.rmtree(target / "data")
    shutil.rmtree(target / "seeds")
    return make_case(case or MINI / "none", target)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and modification time."""
    return {file.relative_to(folder).as_posix(): (file.read_bytes(), file.stat().st_mtime_ns)
            for file in sorted(folder.rglob("*")) if file.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir() if ".building-" in path.name or ".replaced-" in path.name)


def with_good_site(project: Path, good_site: Path) -> dict[str, tuple[bytes, int]]:
    shutil.copytree(good_site, project / "site")
    return snapshot(project / "site")
