"""`mkdocs build` on bad input: it fails with the check's `path:line:` messages, prints no traceback, and
leaves the previous good site exactly as it was.

A failing build costs about a second, so by default this runs a representative case of each kind of
problem (listed in SAMPLE); set ALL_BAD_INPUT_BUILDS=1 to build every case in tests/cases/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import mkdocs
from tests.minisite import leftovers, mini_project, snapshot, with_good_site
from tests.test_check_messages import CASES

SAMPLE = [
    "tab-indent", "unclosed-double-quote", "alias-bomb-refused", "python-tag-refused", "bom-and-error-after",
    "crlf-line-ends-report-right-line", "empty-file", "binary-file", "missing-file", "list-where-mapping-due",
    "duplicate-key", "unknown-key-did-you-mean", "wrong-type-unquoted-year", "id-clash-across-kinds",
    "alias-claimed-by-two-entities", "lookalike-cyrillic-in-reference", "dangling-claim-disputed-by",
    "impossible-date-feb-30-event", "end-before-start", "event-without-sources", "unused-source", "url-javascript",
    "very-long-value", "seed-passage-not-found", "typed-int-bad", "huge-integer", "lone-surrogate", "nan-coordinates",
    "control-escapes", "forgotten-dash-before-id",
]
ALL = sorted(path.name for path in CASES.iterdir() if path.is_dir())
CHOSEN = ALL if os.environ.get("ALL_BAD_INPUT_BUILDS") else SAMPLE


def test_sample_covers_every_kind_of_case() -> None:
    assert set(SAMPLE) <= set(ALL)
    assert len(ALL) >= 50


@pytest.mark.parametrize("case", CHOSEN)
def test_build_fails_with_the_check_messages_and_keeps_the_site(case: str, tmp_path: Path, good_site: Path) -> None:
    project = mini_project(tmp_path, CASES / case)
    before = with_good_site(project, good_site)
    result = mkdocs("build", cwd=project)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    for line in (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert f"ERROR   -  {line}\n" in result.stderr, line
    count = len((CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines())
    assert (f"{count} problems in the data; fix them and build again" if count != 1 else
            "1 problem in the data; fix it and build again") in result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []
