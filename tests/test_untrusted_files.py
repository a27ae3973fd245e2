"""A pull request can put any file in the checkout. The build runs nothing it did not write (no cache is read
back from disk), and reads only regular files under data/ and seeds/ (issue 18)."""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import time
from pathlib import Path

import jinja2
import material
import pytest

from tests.conftest import ROOT, check, mkdocs
from tests.minisite import mini_project

MARKER = "PAYLOAD-RAN"


class _Payload:
    """Unpickling this runs ``touch <marker>``: what a planted cache file would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def _old_dataset_key(root: Path) -> str:
    """The name the dataset cache used to give its pickle (``.cache/explainer/dataset-<key>.pickle``)."""
    digest = hashlib.sha256(sys.version.encode())
    macros = root / "macros" / "load"
    inputs = [*sorted((root / "data").rglob("*")), *sorted((root / "seeds").rglob("*")),
              *sorted(path for path in macros.glob("*.py") if path.name not in {"mkdocs_adapter.py", "hooks.py"})]
    for path in inputs:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _jinja_cache_names(root: Path) -> list[str]:
    """The file name Jinja's FileSystemBytecodeCache gives each template the theme and the overrides hold."""
    cache = jinja2.FileSystemBytecodeCache()
    names = []
    for folder in (Path(material.__file__).parent / "templates", root / "overrides"):
        for template in folder.rglob("*.html"):
            name = template.relative_to(folder).as_posix()
            names.append(cache.pattern % cache.get_cache_key(name, str(template)))
            names.append(cache.pattern % cache.get_cache_key(name, os.path.normpath(template)))
    return names


def _plant(folder: Path, names: list[str], payload: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(payload)


def test_planted_caches_never_run(tmp_path: Path) -> None:
    project = mini_project(tmp_path / "project")
    home = tmp_path / "home"
    marker = tmp_path / MARKER
    payload = pickle.dumps(_Payload(marker))
    # A marshalled code object after Jinja's header would run too; a pickle in the header runs first.
    jinja_payload = jinja2.bccache.bc_magic + payload
    names = _jinja_cache_names(project)
    assert len(names) > 50
    for base in (project / ".cache", home / ".cache", tmp_path / "xdg"):
        _plant(base / "explainer", [f"dataset-{_old_dataset_key(project)}.pickle", "dataset.pickle"], payload)
        _plant(base / "jinja", names, jinja_payload)
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    for _ in range(2):  # a second build would find what the first wrote, if anything were kept
        result = mkdocs("build", "--strict", "-q", "-d", tmp_path / "site", cwd=project, env=env)
        assert result.returncode == 0, result.stderr
        assert not marker.exists(), "a planted cache file ran"
    assert (tmp_path / "site" / "index.html").is_file()
    assert sorted(path.name for path in (project / ".cache").iterdir()) == ["explainer", "jinja"]  # only ours


def _refused(project: Path, seconds: float = 20) -> str:
    start = time.monotonic()
    result = check(cwd=project)
    assert time.monotonic() - start < seconds
    assert result.returncode == 1
    return result.stdout


def _fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.unlink(missing_ok=True)
    try:
        os.mknod(path, 0o644 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero: endless
    except PermissionError:
        pytest.skip("this machine does not allow making a device file")


def _link(target: str) -> object:
    def make(path: Path) -> None:
        path.unlink(missing_ok=True)
        path.symlink_to(target)
    return make


@pytest.mark.parametrize(("maker", "what"), [
    (_fifo, "a FIFO (named pipe)"), (_device, "a device"), (_link("/dev/zero"), "a link"),
    (_link("/proc/kmsg"), "a link"), (_link("places.yml"), "a link")])
def test_only_regular_data_files_are_read(tmp_path: Path, maker: object, what: str) -> None:
    project = mini_project(tmp_path / "project")
    maker(project / "data" / "glossary.yml")  # type: ignore[operator]
    out = _refused(project)
    assert out.startswith(f"data/glossary.yml:1: the file is {what}, not a regular file, and is not read;"), out
    # The build refuses it the same way, and its cache key (a hash of data/ and seeds/) does not read it either.
    start = time.monotonic()
    result = mkdocs("build", "--strict", "-q", "-d", tmp_path / "site", cwd=project)
    assert time.monotonic() - start < 30
    assert result.returncode == 1 and f"the file is {what}" in result.stderr


@pytest.mark.parametrize("maker", [_fifo, _device, _link("/dev/zero")])
def test_the_seed_file_and_extra_files_are_never_read(tmp_path: Path, maker: object) -> None:
    project = mini_project(tmp_path / "project")
    maker(project / "seeds" / "mini.txt")  # type: ignore[operator]
    maker(project / "data" / "notes.yml")  # type: ignore[operator]  # no data file: only the cache key sees it
    (project / "seeds" / "more").symlink_to("/proc")
    out = _refused(project)
    assert "data/seed.yml:5: the seed file 'seeds/mini.txt' is " in out and "not a regular file" in out
    start = time.monotonic()
    result = mkdocs("build", "--strict", "-q", "-d", tmp_path / "site", cwd=project)
    assert time.monotonic() - start < 30
    assert result.returncode == 1 and "not a regular file" in result.stderr


def test_nothing_in_the_core_unpickles_or_reads_bytecode() -> None:
    for path in (ROOT / "macros").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in ("pickle", "marshal", "FileSystemBytecodeCache"):
            assert f"import {word}" not in text and f"{word}.load" not in text, path


def test_a_data_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    project = mini_project(tmp_path / "project")
    (project / "data").rename(tmp_path / "elsewhere")
    (project / "data").symlink_to(tmp_path / "elsewhere")
    assert _refused(project) == "data:1: the data folder is a link, and is not read; put the data files in a folder " \
                                "of the project\n"


@pytest.mark.parametrize("maker", [_fifo, _link("/dev/zero")])
def test_the_map_outlines_are_read_only_from_a_regular_file(tmp_path: Path, maker: object) -> None:
    project = mini_project(tmp_path / "project")
    maker(project / "data" / "boundaries.geojson")  # type: ignore[operator]
    start = time.monotonic()
    out = _refused(project)
    assert time.monotonic() - start < 30
    assert out.startswith("data/boundaries.geojson:1: the file is ") and "not a regular file" in out, out
