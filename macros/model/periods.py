"""Split a long list into pages a reader can load: by year, by month where a year is too long, then in parts;
consecutive short years share a page ("1991–1999").

A newsroom that follows a conflict for years has thousands of events; one page listing them all would weigh
megabytes and every build would spend most of its time on it. Each page of a split list holds at most ``limit``
items, so page size stays bounded and the total work grows with the data, not with its square.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from macros.model.dates import MONTHS, PartialDate

T = TypeVar("T")

# Items per page. An event on the timeline (claims, links with their cards, references) weighs about 2 KB of
# HTML; a line of a list about 0.4 KB: these keep every page well under 150 KB.
TIMELINE_LIMIT = 30  # an event with its claims, glosses and references weighs up to ~4 KB
TIMELINE_WHOLE = 40  # up to this many events, the timeline stays one page if it is light enough (TIMELINE_BUDGET)
# The estimated bytes of HTML (macros.model.weight) a timeline page's events may weigh: with the page's header,
# navigation and footer (~20 KB) a page stays under 150 KB, and with the theme's CSS and scripts (~300 KB) a
# reader's first page under 400 KB. The seed's 37 events weighed 201 KB on one page.
TIMELINE_BUDGET = 65_000
LIST_LIMIT = 100
SOURCES_WHOLE = 125  # a source with what cites it weighs ~1.1 KB: up to this many stay on one page
# A split sources list's pages hold fewer than other lists: with the theme's CSS and scripts (~290 KB), a reader's
# first page stays under 400 KB (a page of 100 sources and their citers weighed 110 KB).
SOURCES_LIMIT = 60
TERMS_LIMIT = 50  # a glossary entry, with who uses it and the other side's words, weighs about 2 KB
WHOLE = "all"  # the slug of the one period of a list short enough to stay on one page


@dataclass(frozen=True)
class Period(Generic[T]):
    """One page of a split list: ``slug`` names its file ("2023", "2023-09", "2023-09-2"), ``label`` its title."""

    slug: str
    label: str
    items: tuple[T, ...]


def _chunks(items: Sequence[T], limit: int, weight: Callable[[T], int] | None, budget: int) -> list[tuple[T, ...]]:
    """``items`` in order, cut where the next item would make a chunk hold more than ``limit`` items or, with
    ``weight``, weigh more than ``budget`` (an item heavier than the budget alone makes a chunk of one)."""
    chunks: list[tuple[T, ...]] = []
    chunk: list[T] = []
    held = 0
    for item in items:
        heft = weight(item) if weight else 0
        if chunk and (len(chunk) >= limit or (weight is not None and held + heft > budget)):
            chunks.append(tuple(chunk))
            chunk, held = [], 0
        chunk.append(item)
        held += heft
    if chunk:
        chunks.append(tuple(chunk))
    return chunks


def _parts(slug: str, label: str, items: Sequence[T], limit: int,
           weight: Callable[[T], int] | None = None, budget: int = 0) -> list[Period[T]]:
    chunks = _chunks(items, limit, weight, budget)
    if len(chunks) == 1:
        return [Period(slug, label, chunks[0])]
    count = len(chunks)
    return [Period(f"{slug}-{number}", f"{label}, part {number} of {count}", chunk)
            for number, chunk in enumerate(chunks, start=1)]


def split_by_date(items: Sequence[T], date_of: Callable[[T], PartialDate], limit: int,
                  whole: int = 0, weight: Callable[[T], int] | None = None, budget: int = 0) -> tuple[Period[T], ...]:
    """``items`` (in date order) as one period if there are at most ``whole`` (default ``limit``), else by runs of
    years, by year, by runs of months, by month, then in parts of at most ``limit``. With ``weight``, a page also
    holds at most ``budget`` of it (an estimate of its bytes of HTML), so a page of long entries is split sooner."""

    def fits(group: Sequence[T], most: int) -> bool:
        return len(group) <= most and (weight is None or sum(map(weight, group)) <= budget)

    if fits(items, max(whole, limit)):
        return (Period(WHOLE, "", tuple(items)),)
    years: dict[int, list[T]] = {}
    for item in items:
        years.setdefault(date_of(item).year, []).append(item)
    periods: list[Period[T]] = []
    run: list[int] = []  # consecutive short years, kept together on one page while they fit

    def close_run() -> None:
        if run:
            first, last = run[0], run[-1]
            slug, label = (str(first), str(first)) if first == last else (f"{first}-{last}", f"{first}–{last}")
            periods.append(Period(slug, label, tuple(item for year in run for item in years[year])))
            run.clear()

    for year, in_year in years.items():
        if fits(in_year, limit):
            if run and not fits([item for other in (*run, year) for item in years[other]], limit):
                close_run()
            run.append(year)
            continue
        close_run()
        periods += _months(year, in_year, date_of, limit, fits, weight, budget)
    close_run()
    return tuple(periods)


def _months(year: int, in_year: Sequence[T], date_of: Callable[[T], PartialDate], limit: int,
            fits: Callable[[Sequence[T], int], bool], weight: Callable[[T], int] | None,
            budget: int) -> list[Period[T]]:
    """One year too long for a page: by runs of consecutive short months ("2023-02-to-06"), a month, or its parts."""
    months: dict[int, list[T]] = {}
    for item in in_year:
        months.setdefault(date_of(item).month or 0, []).append(item)
    periods: list[Period[T]] = []
    run: list[int] = []

    def close_run() -> None:
        if run:
            first, last = run[0], run[-1]
            if first == last:
                slug, label = f"{year}-{first:02d}", f"{MONTHS[first - 1]} {year}"
            else:
                slug, label = f"{year}-{first:02d}-to-{last:02d}", f"{MONTHS[first - 1]}–{MONTHS[last - 1]} {year}"
            periods.append(Period(slug, label, tuple(item for month in run for item in months[month])))
            run.clear()

    for month, in_month in months.items():
        if month == 0:  # dated to the year only: they sort first
            periods.extend(_parts(f"{year}-year", f"{year} (month not known)", in_month, limit, weight, budget))
        elif fits(in_month, limit):
            if run and not fits([item for other in (*run, month) for item in months[other]], limit):
                close_run()
            run.append(month)
            continue
        else:
            close_run()
            periods.extend(_parts(f"{year}-{month:02d}", f"{MONTHS[month - 1]} {year}", in_month, limit, weight,
                                  budget))
    close_run()
    return periods


def split_in_parts(slug: str, label: str, items: Sequence[T], limit: int) -> tuple[Period[T], ...]:
    """``items`` as one period named ``slug``, or as numbered parts of at most ``limit``."""
    return tuple(_parts(slug, label, items, limit))


def period_of(periods: Sequence[Period[T]], key: Callable[[T], str]) -> dict[str, str]:
    """For every item's key, the slug of the period that holds it."""
    return {key(item): period.slug for period in periods for item in period.items}
