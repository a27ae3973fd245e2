"""Dates at the precision they are known: a year, a month or a day, written as historians write them."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        """The date as written in the data: 2023, 2023-09 or 2023-09-19."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def last_day_key(self) -> tuple[int, int, int]:
        """The latest day this date can mean, to compare an end against a start."""
        month = self.month or 12
        return (self.year, month, self.day or calendar.monthrange(self.year, month)[1])


@functools.lru_cache(maxsize=4096)  # a dataset repeats its dates: each is parsed once per build
def parse_date(text: str) -> tuple[PartialDate | None, str]:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; return the date, or None and what is wrong with it."""
    match = _DATE.match(text)
    if not match:
        return None, f"{text!r} is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\""
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        return None, f"{text!r} has no month {month}; months run from 01 to 12: correct the month"
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return None, f"{text!r} does not exist: {MONTHS[month - 1]} {year} has {last} days: correct the day"
    return PartialDate(year, month, day), ""


def format_date(date: PartialDate, approximate: bool = False) -> str:
    """``19 September 2023``, ``September 2023``, ``2023``; ``c. 1988`` when approximate."""
    if date.day and date.month:
        text = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    elif date.month:
        text = f"{MONTHS[date.month - 1]} {date.year}"
    else:
        text = str(date.year)
    return f"c. {text}" if approximate else text


def format_range(start: PartialDate, end: PartialDate | None, approximate: bool = False) -> str:
    """A span without repeating what both ends share: ``27 September – 10 November 2020``."""
    if end is None or end == start:
        return format_date(start, approximate)
    prefix = "c. " if approximate else ""
    if start.precision == end.precision == "day" and start.year == end.year:
        assert start.month and end.month
        if start.month == end.month:
            return f"{prefix}{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
        return f"{prefix}{start.day} {MONTHS[start.month - 1]} – {format_date(end)}"
    if start.precision == end.precision == "month" and start.year == end.year:
        assert start.month
        return f"{prefix}{MONTHS[start.month - 1]} – {format_date(end)}"
    return f"{prefix}{format_date(start)} – {format_date(end)}"
