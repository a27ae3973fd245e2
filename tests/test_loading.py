"""Strict YAML: no implicit dates, booleans or base-60 numbers; duplicate keys refused; lines kept."""

from __future__ import annotations

from macros.load.yamlfile import parse_yaml
from macros.model.dates import PartialDate, format_date, format_range, parse_date


def test_dates_times_and_yes_no_stay_text() -> None:
    document, problems = parse_yaml("x.yml", "a: 2023-09-19\nb: no\nc: 12:30\nd: 0755\ne: true\nf: 2023\n")
    assert not problems and document is not None
    assert document.value == {"a": "2023-09-19", "b": "no", "c": "12:30", "d": "0755", "e": True, "f": 2023}


def test_duplicate_key_is_reported_with_both_lines() -> None:
    _document, problems = parse_yaml("x.yml", "a: 1\nb: 2\na: 3\n")
    assert [str(problem) for problem in problems] == [
        "x.yml:3: duplicate key 'a' (first on line 1); keep one of them"]


def test_every_value_keeps_its_line() -> None:
    document, _ = parse_yaml("x.yml", "events:\n  - id: a\n    sources:\n      - s1\n      - s2\n")
    assert document is not None
    assert document.line(("events", 0, "sources", 1)) == 5
    assert document.line(("events", 0, "id")) == 2


def test_bom_and_windows_line_ends_keep_line_numbers() -> None:
    document, problems = parse_yaml("x.yml", "\ufeffa: 1\r\nb: 2\r\nc: 3\r\n")
    assert not problems and document is not None
    assert document.line(("c",)) == 3


def test_dates_at_their_precision() -> None:
    assert format_date(PartialDate(2023, 9, 19)) == "19 September 2023"
    assert format_date(PartialDate(2023, 9)) == "September 2023"
    assert format_date(PartialDate(1988), approximate=True) == "c. 1988"
    assert format_range(PartialDate(2020, 9, 27), PartialDate(2020, 11, 10)) == "27 September – 10 November 2020"
    assert format_range(PartialDate(2023, 9, 19), PartialDate(2023, 9, 20)) == "19–20 September 2023"
    assert format_range(PartialDate(1988, 2, 20), PartialDate(1994, 5, 12)) == "20 February 1988 – 12 May 1994"


def test_impossible_dates_are_refused() -> None:
    assert parse_date("2023-02-30")[0] is None
    assert parse_date("2024-02-29")[0] == PartialDate(2024, 2, 29)
    assert parse_date("2023-13")[0] is None
