"""`mkdocs serve` shows a failed rebuild in the browser: every page becomes a page listing the messages, and the
next good build brings the site back (MkDocs itself keeps the browser waiting on the last good site).

Duck-typed on MkDocs' ``LiveReloadServer`` (its ``builder`` attribute and the WSGI application of
``wsgiref``'s ``get_app``/``set_app``), so this module needs no MkDocs import; the adapter wires it in ``on_serve``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from macros.site.error_page import error_page

ERROR_FILE = ".explainer-rebuild-failed.html"  # written into serve's site folder, served for every page
log = logging.getLogger("mkdocs.plugins.explainer")


class _Messages(logging.Handler):
    """The warnings and errors logged during one build, as the terminal shows them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class ServeErrors:
    """Wraps a serve's builder and its WSGI application; ``failed`` holds the last build's messages, if it failed."""

    def __init__(self, builder: Callable[..., Any], application: Callable[..., Iterable[bytes]], site_dir: Path,
                 mount_path: str) -> None:
        self.builder, self.application = builder, application
        self.site_dir, self.mount_path = site_dir, mount_path.rstrip("/") + "/"
        self.failed: list[str] = []

    def build(self, *args: Any, **kwargs: Any) -> None:
        messages = _Messages()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(messages)
        try:
            self.builder(*args, **kwargs)
            self.failed = []
        except (Exception, SystemExit) as error:  # SystemExit: a plugin's exit(), which would end serve
            said = str(error).strip()
            lines = [*messages.lines, *([said] if said and said not in messages.lines else [])]
            self.failed = lines or ["the build failed without a message; see the terminal"]
            self.site_dir.mkdir(parents=True, exist_ok=True)
            (self.site_dir / ERROR_FILE).write_text(error_page(self.failed), encoding="utf-8")
            # Not raised on: MkDocs would then hold every request until a good build; the browser reloads now and
            # shows the messages, and reloads again after the next good save.
            log.error("the rebuild failed: the browser lists why until the next good save")
        finally:
            logger.removeHandler(messages)

    def serve(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        if self.failed and not path.startswith("/livereload/") and (path.endswith(("/", ".html"))):
            environ = {**environ, "PATH_INFO": self.mount_path + ERROR_FILE}  # served with the reload script
        return self.application(environ, start_response)


def show_errors_in_browser(server: Any, site_dir: Path, mount_path: str) -> ServeErrors:
    """Make ``server`` (MkDocs' LiveReloadServer) show a failed rebuild's messages in place of every page."""
    errors = ServeErrors(server.builder, server.get_app(), site_dir, mount_path)
    server.builder = errors.build
    server.set_app(errors.serve)
    return errors
