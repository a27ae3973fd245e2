"""Two builds of the same input give byte-identical sites, wherever and whenever they run."""

from __future__ import annotations

import gzip
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from macros.build.build_date import BadEpoch, build_epoch
from tests.conftest import copy_project, mkdocs

EPOCH = "1700000000"  # 2023-11-14


def build(project: Path, out: Path, **env: str) -> dict[str, bytes]:
    result = mkdocs("build", "--site-dir", out, cwd=project, env=env)
    assert result.returncode == 0, result.stderr
    return {file.relative_to(out).as_posix(): file.read_bytes() for file in sorted(out.rglob("*")) if file.is_file()}


def with_site_url(folder: Path) -> Path:
    """The real project, with a site_url so the sitemap lists every page with its date."""
    folder.mkdir()
    project = copy_project(folder)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('site_url: ""', 'site_url: "https://example.org/x/"'),
                      encoding="utf-8")
    return project


def test_two_builds_in_different_folders_are_byte_identical(tmp_path: Path) -> None:
    first = build(with_site_url(tmp_path / "a"), tmp_path / "site-a", SOURCE_DATE_EPOCH=EPOCH,
                  PYTHONHASHSEED="1")
    second_project = with_site_url(tmp_path / "b")
    for file in (second_project / "data").iterdir():  # other modification times, as after a fresh checkout
        file.touch()
    second = build(second_project, tmp_path / "site-b", SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED="2")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    sitemap = first["sitemap.xml"].decode()
    assert "<lastmod>2023-11-14</lastmod>" in sitemap
    assert len(re.findall("<lastmod>", sitemap)) > 10
    assert gzip.decompress(first["sitemap.xml.gz"]) == first["sitemap.xml"]
    gzip_mtime = int.from_bytes(first["sitemap.xml.gz"][4:8], "little")
    assert datetime.fromtimestamp(gzip_mtime, UTC).date().isoformat() == "2023-11-14"


def test_source_date_epoch_is_taken_as_given_or_from_the_last_commit(tmp_path: Path) -> None:
    assert build_epoch(tmp_path, {"SOURCE_DATE_EPOCH": EPOCH}) == EPOCH
    assert build_epoch(tmp_path, {}) is None  # outside git: MkDocs uses today's date
    for bad in ("", "soon", "-1", "1.5"):
        try:
            build_epoch(tmp_path, {"SOURCE_DATE_EPOCH": bad})
        except BadEpoch as error:
            assert "SOURCE_DATE_EPOCH" in str(error)
        else:
            raise AssertionError(f"{bad!r} was accepted")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "a", "--date", "@1600000000"], check=True,
                   env={"GIT_COMMITTER_DATE": "@1600000000", "PATH": "/usr/bin:/bin"})
    assert build_epoch(tmp_path, {}) == "1600000000"
