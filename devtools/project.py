"""A copy of the project to build or serve elsewhere, and a clean stop for a server started on it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "seeds", "data")


def copy_project(target: Path) -> Path:
    """The project (configuration, pages, theme, code, article, data) copied into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(source, target / part)
    return target


def stop(server: subprocess.Popen[bytes]) -> None:
    """End a server process: politely, then by force if it does not exit within ten seconds."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
