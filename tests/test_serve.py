"""`mkdocs serve` on a copy of the project: an edit to a data file or to a core module shows up in the served
page; a broken edit shows its message (no traceback), keeps the server alive, and the fix brings the site back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from devtools.project import stop
from tests.conftest import MINI, copy_project

WAIT = 90.0  # seconds: a bound on each poll, far above a rebuild (~1 s), for a loaded 2-core CI machine


@dataclass
class Served:
    project: Path
    url: str
    log: Path

    def page(self, path: str) -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:  # noqa: S310 (loopback)
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            return ""  # not up yet, or waiting for a good rebuild

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def edit(self, path: str, old: str, new: str) -> None:
        file = self.project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{path} no longer contains {old!r}; update this test"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")


def until(condition: Callable[[], bool], what: str, served: Served) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting until {what}; serve printed:\n{served.output()[-3000:]}")
        time.sleep(0.3)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[Served]:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", data=MINI / "data")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EXPLAINER_CHECK_FRAMES": "1"}
    env.pop("PYTHONPATH", None)  # the copy's own macros/, as a contributor's checkout would use
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    result = Served(project, f"http://127.0.0.1:{port}/", log)
    try:
        until(lambda: "Hilltown" in result.page("places/hill-town/"), "the site is served", result)
        yield result
    finally:
        stop(server)


def test_a_data_edit_reloads_and_a_broken_one_shows_the_check_message(served: Served) -> None:
    served.edit("data/places.yml", "    name: Hilltown\n", "    name: Hilltown-Live\n")
    until(lambda: "Hilltown-Live" in served.page("places/hill-town/"), "the edit is served", served)

    served.edit("data/events.yml", "sources: [src-one]", "sources: [src-on]")
    until(lambda: "cites unknown source 'src-on'" in served.output(), "the problem is shown", served)
    assert "data/events.yml:" in served.output()
    assert "Traceback" not in served.output()
    # The open page (any page) becomes a list of the messages, where the author is looking, as Hugo and Vite do.
    until(lambda: "The site could not be rebuilt" in served.page("places/hill-town/"), "the error page", served)
    error = served.page("places/hill-town/")
    assert "<code class=\"where\">data/events.yml:18:</code> event &#39;operation&#39; cites unknown source" in error
    assert "1 problem in the data; fix it and build again" in error
    assert "/livereload/" in error  # the reload script: the next good build brings the page back by itself

    served.edit("data/events.yml", "sources: [src-on]", "sources: [src-one]")
    served.edit("data/places.yml", "Hilltown-Live", "Hilltown-Again")
    until(lambda: "Hilltown-Again" in served.page("places/hill-town/"), "the fixed site is served", served)


def test_a_core_module_edit_reloads_and_a_broken_one_keeps_serve_alive(served: Served) -> None:
    served.edit("macros/site/reference.py", "<th>Allowed values</th>", "<th>Allowed values (live)</th>")
    until(lambda: "Allowed values (live)" in served.page("contributing/"), "the code edit is served", served)

    served.edit("macros/site/reference.py", "def field_table(", "def field_table(:")  # saved halfway: a syntax error
    until(lambda: "macros/site/reference.py:" in served.output() and "fix it and save again" in served.output(),
          "the syntax error is shown", served)
    assert "Traceback" not in served.output()

    # A macro that raises: mkdocs-macros would exit(); serve must stay up and recover on the next save.
    served.edit("macros/site/reference.py", "def field_table(:", "def field_table(")
    served.edit("macros/site/reference.py", '    key, schema = FILES[stem]\n    return html(',
                '    key, schema = FILES[stem]\n    raise ValueError("broken on purpose")\n    return html(')
    until(lambda: "broken on purpose" in served.output() and "the rebuild failed: the browser lists why"
          in served.output(), "the macro error is reported", served)
    until(lambda: "broken on purpose" in served.page("contributing/"), "the page shows the macro error", served)
    served.edit("macros/site/reference.py", '    raise ValueError("broken on purpose")\n', "")
    served.edit("macros/site/reference.py", "Allowed values (live)", "Allowed values (back)")
    until(lambda: "Allowed values (back)" in served.page("contributing/"), "serve recovers", served)
