"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml): a shim that hands every event to
``macros.mkdocs_adapter``.

MkDocs caches a hook module for the life of ``mkdocs serve`` and Python caches imported packages, so an
edit to the core or the adapter would not show until a restart. On a build's ``on_config`` this shim drops the
project's modules from ``sys.modules`` and imports them afresh whenever a file of ``macros/`` changed since they
were imported (a data edit keeps them: importing them again is a tenth of a rebuild); it holds no logic to go stale.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.plugins import CombinedEvent, event_priority

_adapter: ModuleType | None = None
# on_startup runs once, before the adapter is imported: kept here and handed to each build's fresh adapter.
_startup: dict[str, Any] = {"command": "build", "dirty": False}
_imported: tuple[tuple[str, int, int], ...] = ()  # the macros/ files (path, mtime, size) the loaded modules came from


def _fingerprint(project_root: str) -> tuple[tuple[str, int, int], ...]:
    files = sorted(Path(project_root, "macros").rglob("*.py"))
    return tuple((str(file), stat.st_mtime_ns, stat.st_size) for file in files for stat in [file.stat()])


def _fresh_adapter(project_root: str) -> ModuleType:
    global _imported
    if project_root not in sys.path:
        sys.path.insert(0, project_root)
    fingerprint = _fingerprint(project_root)
    loaded = sys.modules.get("macros.mkdocs_adapter")
    if loaded is not None and fingerprint == _imported:
        return loaded
    for name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
        del sys.modules[name]
    _imported = ()
    try:
        adapter = importlib.import_module("macros.mkdocs_adapter")
        _imported = fingerprint
        return adapter
    except SyntaxError as error:  # an edit saved halfway during `mkdocs serve`: a message, not a traceback
        from mkdocs.exceptions import PluginError

        where = Path(os.path.relpath(error.filename or "macros", project_root)).as_posix()
        raise PluginError(f"{where}:{error.lineno}: {error.msg}; fix it and save again") from None


def on_startup(command: str, dirty: bool) -> None:
    _startup.update(command=command, dirty=dirty)
    # mkdocs-macros logs its start-up (four lists of macros, "No default module `main` found") at INFO, and they
    # bury a build's own messages; here, before its on_config, they are kept for `mkdocs -v` (DEBUG) only.
    # Its warnings and errors still show.
    if not logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


def on_config(config: Any) -> Any:
    global _adapter
    _adapter = _fresh_adapter(str(Path(config.config_file_path).parent))
    _adapter.on_startup(**_startup)
    return _adapter.on_config(config)


def on_build_error(error: Exception) -> None:
    if _adapter is not None:  # None when the adapter itself failed to import
        _adapter.on_build_error(error)


def _forward(event: str) -> Any:
    def hook(*args: Any, **kwargs: Any) -> Any:
        assert _adapter is not None, "on_config runs first"
        return getattr(_adapter, event)(*args, **kwargs)
    hook.__name__ = event
    return hook


on_files = _forward("on_files")
on_env = _forward("on_env")
on_pre_page = _forward("on_pre_page")
# Before mkdocs-macros (priority 0): a generated page is rendered by the adapter, so Jinja never compiles it.
on_page_markdown = event_priority(50)(_forward("on_page_markdown"))
on_page_content = _forward("on_page_content")
# Around Material's search plugin (priority 0): it indexes a light view of a generated page, the theme the page.
on_page_context = CombinedEvent(event_priority(50)(_forward("on_page_context_before_search")),
                                event_priority(-50)(_forward("on_page_context_after_search")))
on_post_page = _forward("on_post_page")
# Before the search plugin writes its index (serve --dirty hands it every page's entries), and after.
on_post_build = CombinedEvent(event_priority(50)(_forward("on_post_build_before_search")),
                              _forward("on_post_build"))
on_serve = _forward("on_serve")
