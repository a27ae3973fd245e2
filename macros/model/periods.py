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
TIMELINE_WHOLE = 80  # up to this many events, the timeline stays one page (its filters work across all of it)
LIST_LIMIT = 100
SOURCES_WHOLE = 125  # a source with what cites it weighs ~1.1 KB: up to this many stay on one page
TERMS_LIMIT = 50  # a glossary entry, with who uses it and the other side's words, weighs about 2 KB
WHOLE = "all"  # the slug of the one period of a list short enough to stay on one page


@dataclass(frozen=True)
class Period(Generic[T]):
    """One page of a split list: ``slug`` names its file ("2023", "2023-09", "2023-09-2"), ``label`` its title."""

    slug: str
    label: str
    items: tuple[T, ...]


def _parts(slug: str, label: str, items: Sequence[T], limit: int) -> list[Period[T]]:
    if len(items) <= limit:
        return [Period(slug, label, tuple(items))]
    count = -(-len(items) // limit)
    return [Period(f"{slug}-{number}", f"{label}, part {number} of {count}",
                   tuple(items[(number - 1) * limit:number * limit])) for number in range(1, count + 1)]


def split_by_date(items: Sequence[T], date_of: Callable[[T], PartialDate], limit: int,
                  whole: int = 0) -> tuple[Period[T], ...]:
    """``items`` (in date order) as one period if there are at most ``whole`` (default ``limit``), else by runs of
    years, by year, by month, then in parts of at most ``limit``."""
    if len(items) <= max(whole, limit):
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
        if len(in_year) <= limit:
            if run and sum(len(years[other]) for other in run) + len(in_year) > limit:
                close_run()
            run.append(year)
            continue
        close_run()
        months: dict[int, list[T]] = {}
        for item in in_year:
            months.setdefault(date_of(item).month or 0, []).append(item)
        for month, in_month in months.items():
            if month == 0:  # dated to the year only: they sort first
                periods += _parts(f"{year}-year", f"{year} (month not known)", in_month, limit)
            else:
                periods += _parts(f"{year}-{month:02d}", f"{MONTHS[month - 1]} {year}", in_month, limit)
    close_run()
    return tuple(periods)


def split_in_parts(slug: str, label: str, items: Sequence[T], limit: int) -> tuple[Period[T], ...]:
    """``items`` as one period named ``slug``, or as numbered parts of at most ``limit``."""
    return tuple(_parts(slug, label, items, limit))


def period_of(periods: Sequence[Period[T]], key: Callable[[T], str]) -> dict[str, str]:
    """For every item's key, the slug of the period that holds it."""
    return {key(item): period.slug for period in periods for item in period.items}
