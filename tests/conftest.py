"""Shared fixtures: a real build of the site into a temporary folder, a local web server, and Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools import project as project_copy

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command as a user would, in ``cwd``; output is captured as text."""
    # Builds link to a repository of the tests' own naming, whatever remote the checkout has (or none), and render
    # each page made from a theme frame by the theme too: a difference fails the build (macros/build/frame_cache.py).
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "EXPLAINER_CHECK_FRAMES": "1",
                "EXPLAINER_EDIT_URI": "https://github.com/owner/repo/edit/main/docs/", **(env or {})}
    return subprocess.run([str(arg) for arg in args], cwd=cwd, env=full_env, capture_output=True, text=True,
                          check=False, timeout=600)


def mkdocs(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "mkdocs", *args, cwd=cwd, env=env)


def check(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "macros", "check", *args, cwd=cwd)


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A copy of the project in ``target``, optionally with another data folder."""
    project_copy.copy_project(target)
    if data is not None:
        shutil.rmtree(target / "data")
        shutil.copytree(data, target / "data")
        if (data.parent / "seeds").is_dir():  # a fixture's article lies beside its data
            shutil.copytree(data.parent / "seeds", target / "seeds", dirs_exist_ok=True)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly from the project's own data into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs("build", "--strict", "--site-dir", out)
    assert result.returncode == 0, result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[str]:
    """The built site over HTTP on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, not a skip: `make test` installs it."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"no Chromium at {CHROMIUM}; run scripts/ensure-chromium or set CHROMIUM_PATH"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from the valid mini dataset: the 'previous good site' a failing build must keep."""
    from tests.minisite import mini_project

    project = mini_project(tmp_path_factory.mktemp("good"))
    result = mkdocs("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"
