"""The quick reading of a valid file keeps only the entries' lines; every other line is read again when a problem
needs it, and is the line the full reading gives. No timings here: speed is measured by `make bench`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import Size, generate
from macros.load import yamlfile
from macros.load.dataset import load_dataset
from tests.conftest import ROOT

TEXTS = [
    'a: 1\nb: [x, "y", 2.5, true, null, ~, -3]\nc:\n  d: |\n    block\n  "q": \'s\'\nf:\n  - {g: h}\n  -\n  - - n\n',
    "a: 0755\nb: 12:30\nc: 1e3\nd: .5\ne: +1\nf: 2023-09-19\ng: no\ntrue: 1\n",
    "events:\n  - id: a\n    sources: [s1, s2]\n  - b\n  - [c]\n  -\n    id: d\nother: [x]\n",
    "- a\n- {b: c}\n", "just text\n",
]
UNUSUAL = ["a: &x 1\nb: *x\n", "a: 1\na: 2\n", "? [a]\n: 1\n", "x: !!str 3\n", "", "a: 1\n---\nb: 2\n", "a:\n\t- b\n",
           "a:\n  b: 1\n  b: 2\n", "a:\n  - x\n  - !tag y\n", "a: [&x 1]\n", "a: {? {b: c} : d}\n", "--- a\n--- b\n",
           # characters YAML does not allow, in a value or a comment (the quick reading leaves them to libyaml)
           "a: \x01\n", "a: 'x\x7f'\n", "# \x9f\na: 1\n", "a: \ud800\n", "a: \ufffe\n", "a: \x00\n"]


def composed(text: str) -> tuple[Any, dict[yamlfile.Pointer, int]]:
    """The full reading: the Python composer and the builder that explains refused files."""
    builder = yamlfile._Builder("x.yml")
    return builder.build(yamlfile._compose(text)[0], ()), builder.lines


def _same_reading(text: str) -> None:
    full = composed(text)
    quick = yamlfile._fast_values(text)
    assert quick is not None
    assert yamlfile._every_line(text) == full[1]
    assert quick[0] == full[0]
    entries = {pointer: line for pointer, line in full[1].items()
               if len(pointer) == 2 and isinstance(pointer[1], int) and isinstance(full[0], dict)
               and isinstance(full[0][pointer[0]][pointer[1]], dict | list)}
    assert quick[1] == entries


@pytest.mark.parametrize("text", TEXTS)
def test_the_quick_reading_gives_the_values_and_the_entries_lines(text: str) -> None:
    _same_reading(text)


@pytest.mark.parametrize("text", UNUSUAL)
def test_the_quick_reading_declines_what_the_full_reading_declines(text: str) -> None:
    assert yamlfile._fast_values(text) is None


def test_real_and_synthetic_data_read_the_same_quickly(tmp_path: Path) -> None:
    synthetic = generate(tmp_path, Size.scaled(200)) / "data"
    for file in [*sorted((ROOT / "data").glob("*.yml")), *sorted(synthetic.glob("*.yml"))]:
        _same_reading(file.read_text(encoding="utf-8"))


def test_a_line_not_kept_is_read_when_asked_for() -> None:
    text = "\ufeffevents:\r\n  - id: a\r\n    sources:\r\n      - s1\r\n      - s2\r\n  - id: b\r\n"
    document, problems = yamlfile.parse_yaml("x.yml", text)
    assert not problems and document is not None and document.partial
    full = composed(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    assert document.line(("events", 1)) == 6 and document.partial  # an entry's line is kept
    assert document.line(("events", 0, "sources", 1)) == 5 and not document.partial
    assert document.lines == full[1]
    assert document.line(("events", 0, "missing")) == 2  # the nearest parent, as before


def test_a_valid_dataset_is_loaded_without_reading_every_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = generate(tmp_path, Size.scaled(60))
    full = composed((project / "data" / "events.yml").read_text(encoding="utf-8"))

    def read_every_line(text: str) -> None:
        raise AssertionError("a valid dataset needs only its entries' lines")

    monkeypatch.setattr(yamlfile, "_every_line", read_every_line)
    dataset = load_dataset(project)
    assert [event.origin.line for event in dataset.events.values()] == [
        full[1][("events", index)] for index in range(len(dataset.events))]


def test_every_golden_case_reads_the_same_quickly() -> None:
    """The golden cases hold the oddest files there are: the quick reading declines them, or reads them like the
    full reading."""
    for file in sorted((ROOT / "tests" / "cases").glob("*/data/*.yml")):
        try:
            text = file.read_bytes().decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
        if yamlfile._fast_values(text) is not None:
            _same_reading(text)
