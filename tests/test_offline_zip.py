"""The offline zip is the same, byte for byte, for the same input (issue 18): fixed file times and order."""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT, copy_project, run

sys.path.insert(0, str(ROOT / "scripts"))
from pack_zip import date_time, pack


def _folder(base: Path, names: list[str], mtime: int) -> Path:
    folder = base / "site-offline"
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"the file {name}\n", encoding="utf-8")
        os.utime(folder / name, (mtime, mtime))
    return folder


def test_same_files_make_the_same_zip_whatever_their_times_and_order(tmp_path: Path) -> None:
    stamp = date_time("1700000000")
    one = _folder(tmp_path / "one", ["index.html", "a/b.html", "z.js"], 1_000_000_000)
    two = _folder(tmp_path / "two", ["z.js", "a/b.html", "index.html"], 1_600_000_000)
    pack(tmp_path / "one.zip", one, stamp)
    pack(tmp_path / "two.zip", two, stamp)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as bundle:
        assert bundle.namelist() == ["site-offline/a/b.html", "site-offline/index.html", "site-offline/z.js"]
        assert {info.date_time for info in bundle.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert date_time(None) == (1980, 1, 1, 0, 0, 0)


def test_two_offline_builds_give_the_same_zip(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "mkdocs.offline.yml", project)
    shutil.copytree(ROOT / "scripts", project / "scripts", dirs_exist_ok=True)
    zips = []
    for _ in range(2):
        result = run(project / "scripts" / "build-offline", cwd=project,
                     env={"PYTHON": sys.executable, "SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stdout + result.stderr
        zips.append((project / "dist" / "explainer-offline.zip").read_bytes())
    assert zips[0] == zips[1]
