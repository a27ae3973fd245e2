"""The visual timeline: the whole span of the data as one time axis, drawn at build time as inline SVG.

One mark per event at its date, marks on the same spot stacked upwards; where a year holds too many events to
mark one by one (or the marks would pass ``MAX_MARKS``), one bar per year, as tall as its share of events, so
the picture stays a few kilobytes at 5,000 events. Years without an event stay visibly empty, a run of them named in
words; the seed's chapters are bands behind the marks. Each mark is a link (to the event's page, or to the
timeline page that holds a year) with a label for screen readers; the figure's caption says the same
in a sentence, and the chapters are listed under it. Marks carry the data attributes of the timeline's entries
(kind, actors, places), so the timeline's filters dim the marks they filter out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from macros.model import Chapter, Event, PartialDate, format_range, parse_date, periods
from macros.site import pages
from macros.site.render import PageContext, chapter_anchor, tooltip
from macros.site.safe_html import html

TARGET_WIDTH = 680  # user units across: about the width of the page's text column, so 1 unit ≈ 1 px
MIN_YEAR_WIDTH, MAX_YEAR_WIDTH = 16, 60  # per year; a wider axis scrolls inside its box
MIN_SHOWN_WIDTH = 560  # on a phone the axis keeps this width and scrolls sideways rather than shrink its marks
BREAK_YEARS = 3  # a run of empty years longer than this (plus one) is drawn as wide as this many years
LABEL_ROOM = 26  # a year's label ("2023") needs this much room
MARK = 9  # a mark's side
STEP = 11  # a mark and its gap, across and up a stack
MARGIN = 16
NEXT_PAGE = "next.md"  # the hand-written page that tells the chapters
YEAR_EVENTS = 24  # a year with more events is marked month by month
MAX_MARKS = 200  # past this, every year is one bar: the axis stays small whatever the data's size
BAR_MIN, BAR_MAX = 2 * STEP, 10 * STEP  # a year's bar, from the quietest year to the busiest
AXIS_GAP = 4  # between the lowest mark and the axis line
LABEL_LANE = 14  # year labels under the axis
BAND_LANE = 12  # the chapters' numbered bands under the labels


@dataclass(frozen=True)
class Mark:
    """One mark on the axis: an event, or the events of a month or a year."""

    at: float  # in years, 1988.5 for mid-1988
    label: str  # what a screen reader says, and the tooltip
    href: str
    events: tuple[Event, ...]
    grouped: bool  # stands for several events


def _fraction(date: PartialDate) -> float:
    """Where in its year a date falls: the middle of its month or year when that is all that is known."""
    if date.month is None:
        return 0.5
    if date.day is None:
        return (date.month - 0.5) / 12
    return (date.month - 1 + (date.day - 0.5) / 31) / 12


def _count(events: Sequence[Event]) -> str:
    return f"{len(events):,} event{'' if len(events) == 1 else 's'}"


def _event_mark(ctx: PageContext, event: Event) -> Mark:
    date = event.date.year + _fraction(event.date)
    return Mark(date, f"{format_range(event.date, event.end, event.approximate)}: {event.title}", ctx.href(event),
                (event,), False)


def _group_mark(ctx: PageContext, label: str, at: float, events: Sequence[Event]) -> Mark:
    # The timeline page (or the period's page) that holds the group's first event.
    return Mark(at, f"{label}: {_count(events)}", ctx.link(pages.timeline_page(ctx.dataset, events[0].id)),
                tuple(events), True)


def marks(ctx: PageContext) -> list[Mark]:
    """The axis's marks in date order: one per event; or, when a year holds more than YEAR_EVENTS events or the
    marks would pass MAX_MARKS, one bar per year for every year (one scale for the whole picture)."""
    years: dict[int, list[Event]] = {}
    for event in ctx.dataset.chronology:
        years.setdefault(event.date.year, []).append(event)
    if len(ctx.dataset.chronology) > MAX_MARKS or any(len(events) > YEAR_EVENTS for events in years.values()):
        return [_group_mark(ctx, str(year), year + 0.5, events) for year, events in years.items()]
    return [_event_mark(ctx, event) for event in ctx.dataset.chronology]


def _stack(xs: Sequence[float]) -> list[int]:
    """The row of each mark (0 on the axis): the lowest row whose last mark ends before this one starts."""
    ends: list[float] = []
    rows = []
    for x in xs:
        row = next((index for index, end in enumerate(ends) if end <= x), len(ends))
        if row == len(ends):
            ends.append(x + STEP)
        else:
            ends[row] = x + STEP
        rows.append(row)
    return rows


def _empty_runs(first: int, last: int, full: set[int]) -> list[tuple[int, int]]:
    """Runs of consecutive years without an event, as (first, last) years."""
    runs: list[tuple[int, int]] = []
    for year in range(first, last + 1):
        if year in full:
            continue
        if runs and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _years_text(run: tuple[int, int]) -> str:
    return str(run[0]) if run[0] == run[1] else f"{run[0]}–{run[1]}"


def _mark_link(mark: Mark, box: tuple[float, float, float, float], filterable: bool, facets: bool = True) -> Markup:
    """A mark as an HTML link laid over the drawing, its box (x, y, width, height) in percent of the drawing's:
    Material's instant navigation sets ``href`` on every link of a page, which an SVG ``<a>`` refuses."""
    # A group's actors and places would be thousands of ids at 5,000 events; the filters exist only on a timeline
    # of one page (TIMELINE_WHOLE events at most), so a group carries them only then.
    events = mark.events if filterable or not mark.grouped else ()
    kinds = " ".join(sorted({event.category for event in events}))
    actors = " ".join(sorted({actor for event in events for actor in event.actors}))
    places = " ".join(sorted({place for event in events for place in event.places}))
    count = (html('<span class="ex-axis-count" aria-hidden="true">{}</span>', f"{len(mark.events):,}")
             if mark.grouped else Markup(""))
    data = (html(' data-kind="{}" data-actors="{}" data-places="{}"', kinds, actors, places) if facets
            else Markup(""))  # a page without the filters (the home page) needs none of the ids
    # The title names the link for assistive technology too (a link's name falls back to it) and is Material's
    # tooltip; an aria-label beside it would say the same again (65 of them were 6 KB of the home page). A title
    # holding & < > is escaped once more for the tooltip, so a screen reader would read "&amp;" there: rare in titles.
    return html('<a class="ex-axis-mark" href="{href}"{data} title="{tip}" '
                'style="left:{x:.2f}%;top:{y:.2f}%;width:{w:.2f}%;height:{h:.2f}%">{count}</a>',
                href=mark.href, data=data, tip=tooltip(mark.label),
                x=box[0], y=box[1], w=box[2], h=box[3], count=count)


def _chapter_dates(chapter: Chapter) -> tuple[PartialDate, PartialDate | None]:
    start, _ = parse_date(chapter.start)
    end = parse_date(chapter.end)[0] if chapter.end else None
    assert start is not None  # the load checks a chapter's dates
    return start, end


def _caption(ctx: PageContext, first: int, last: int, years: dict[int, int], runs: list[tuple[int, int]],
             grouped: bool) -> str:
    total = len(ctx.dataset.chronology)
    busiest = max(years, key=lambda year: (years[year], year))
    sentence = f"{_count(ctx.dataset.chronology)} from {first} to {last}"
    if runs:
        sentence += "; none is recorded in " + ", ".join(_years_text(run) for run in runs)
    if total > 1:
        sentence += f"; the most, {years[busiest]:,}, in {busiest}"
    return sentence + (". Events are many: a bar stands for a year, its number of events above it." if grouped
                       else ".")


@dataclass(frozen=True)
class Scale:
    """Years to x: each year a column, except that a long run of empty years is drawn as a short break (its
    length said in words), so the years with events are wide enough to read and to tap."""

    first: int
    last: int
    starts: tuple[float, ...]  # the x of each year's start, first to last + 1
    breaks: tuple[tuple[int, int], ...]  # the runs of empty years drawn shortened

    @classmethod
    def of(cls, first: int, last: int, runs: Sequence[tuple[int, int]]) -> Scale:
        long_runs = tuple(run for run in runs if run[1] - run[0] + 1 > BREAK_YEARS + 1)
        shortened = {year: BREAK_YEARS / (run[1] - run[0] + 1) for run in long_runs
                     for year in range(run[0], run[1] + 1)}
        units = sum(shortened.get(year, 1.0) for year in range(first, last + 1))
        year_width = min(MAX_YEAR_WIDTH, max(MIN_YEAR_WIDTH, TARGET_WIDTH / units))
        starts = [float(MARGIN)]
        for year in range(first, last + 1):
            starts.append(starts[-1] + shortened.get(year, 1.0) * year_width)
        return cls(first, last, tuple(starts), long_runs)

    @property
    def width(self) -> float:
        return self.starts[-1] + MARGIN

    def year_width(self, year: int) -> float:
        return self.starts[year - self.first + 1] - self.starts[year - self.first]

    def x(self, at: float) -> float:
        at = min(max(at, self.first), self.last + 1)
        year = min(int(at), self.last)
        return self.starts[year - self.first] + (at - year) * self.year_width(year)


def _year_at(date: PartialDate, end: bool = False) -> float:
    """A date as a fractional year: its first day, or with ``end`` its last."""
    if end:
        year, month, day = date.last_day_key()
        return year + (month - 1 + day / 31) / 12
    return date.year + (0.0 if date.month is None else (date.month - 1 + ((date.day or 1) - 1) / 31) / 12)


def _chapters(ctx: PageContext, scale: Scale, axis_y: float) -> tuple[list[Markup], list[Markup]]:
    """The chapters as bands behind the marks and numbered strips under the years; and their list, linked."""
    parts: list[Markup] = []
    legend: list[Markup] = []
    for number, chapter in enumerate(ctx.dataset.seed.chapters if ctx.dataset.seed else (), start=1):
        start, end = _chapter_dates(chapter)
        x0 = scale.x(_year_at(start))
        band = max(scale.x(_year_at(end, end=True) if end else scale.last + 1) - x0, 3.0)
        shade = number % 2
        parts.append(html('<rect class="ex-axis-band ex-axis-band--{}" x="{:.1f}" y="0" width="{:.1f}" '
                          'height="{}"/><rect class="ex-axis-chapter ex-axis-band--{}" x="{:.1f}" y="{}" '
                          'width="{:.1f}" height="{}"/>', shade, x0, band, axis_y, shade, x0, axis_y + LABEL_LANE,
                          band, BAND_LANE - 1))
        if band >= 10:
            parts.append(html('<text class="ex-axis-chapter-number" x="{:.1f}" y="{}">{}</text>',
                              x0 + band / 2, axis_y + LABEL_LANE + BAND_LANE - 3, number))
        legend.append(html('<li><a href="{}#{}">{}</a> ({}{})</li>', ctx.link(NEXT_PAGE), chapter_anchor(chapter),
                           chapter.title, format_range(start, end), "" if end else " on"))
    return parts, legend


def _years(scale: Scale, counts: dict[int, int], runs: Sequence[tuple[int, int]], axis_y: float) -> list[Markup]:
    """The axis line, a tick per year, the years labelled where there is room, and the empty years shown empty."""
    parts = [html('<line class="ex-axis-line" x1="{}" y1="{}" x2="{:.1f}" y2="{}"/>',
                  MARGIN, axis_y, scale.width - MARGIN, axis_y)]
    for run in runs:  # a hatched stretch of axis, named in words where there is room
        x0, x1 = scale.x(run[0]), scale.x(run[1] + 1)
        parts.append(html('<rect class="ex-axis-empty" x="{:.1f}" y="{}" width="{:.1f}" height="6"/>',
                          x0, axis_y - 6, x1 - x0))
        if run in scale.breaks:
            parts.append(html('<path class="ex-axis-break" d="M{:.1f} {} l4 -8 M{:.1f} {} l4 -8"/>',
                              x0 + (x1 - x0) / 2 - 5, axis_y + 4, x0 + (x1 - x0) / 2 + 1, axis_y + 4))
        lines = [_years_text(run), "no event" if run[0] == run[1] else f"no event in {run[1] - run[0] + 1} years"]
        if x1 - x0 >= max(map(len, lines)) * 4.6:
            parts.append(html('<text class="ex-axis-empty-label" x="{x:.1f}" y="{y}">{}<tspan x="{x:.1f}" dy="10">{}'
                              '</tspan></text>', *lines, x=(x0 + x1) / 2, y=axis_y - 20))
    labelled: list[float] = []
    for year in range(scale.first, scale.last + 1):
        if any(run[0] < year <= run[1] for run in scale.breaks):
            continue
        x = scale.x(year)
        parts.append(html('<line class="ex-axis-tick" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y2}"/>',
                          x=x, y=axis_y, y2=axis_y + (4 if year % 10 else 7)))
        centre = x + scale.year_width(year) / 2
        wanted = year in counts or year % 10 == 0 or year in (scale.first, scale.last)
        room = not labelled or centre - labelled[-1] >= LABEL_ROOM
        if wanted and room and (year in counts or scale.year_width(year) >= LABEL_ROOM or year % 10 == 0):
            labelled.append(centre)
            parts.append(html('<text class="ex-axis-year" x="{:.1f}" y="{}">{}</text>',
                              centre, axis_y + LABEL_LANE - 3, year))
    return parts


def timeline_axis(ctx: PageContext, facets: bool = True) -> Markup:
    """The whole span of the data as a time axis: a mark per event (or month, or year), the chapters as bands,
    the years without an event left empty. Nothing when there are no events. ``facets``: the marks carry what the
    timeline filters read (a page without the filters leaves it out)."""
    chronology = ctx.dataset.chronology
    if not chronology:
        return Markup("")
    found = marks(ctx)
    first, last = chronology[0].date.year, max(event.date.year for event in chronology)
    counts: dict[int, int] = {}
    for event in chronology:
        counts[event.date.year] = counts.get(event.date.year, 0) + 1
    runs = _empty_runs(first, last, set(counts))
    scale = Scale.of(first, last, runs)
    xs = [scale.x(mark.at) - MARK / 2 for mark in found]
    rows = _stack([x for x, mark in zip(xs, found, strict=True) if not mark.grouped])
    busiest = max((len(mark.events) for mark in found if mark.grouped), default=0)
    heights = [BAR_MIN + (BAR_MAX - BAR_MIN) * len(mark.events) / busiest if mark.grouped else MARK
               for mark in found]
    top = max([(max(rows) + 1) * STEP if rows else 0, *(height + 12 for height in heights)])
    axis_y = max(top + AXIS_GAP, 34)  # room for the empty years' words
    height = axis_y + LABEL_LANE + BAND_LANE + 2
    bands, legend = _chapters(ctx, scale, axis_y)
    parts = [*bands, *_years(scale, counts, runs, axis_y)]
    filterable = ctx.dataset.timeline_periods[0].slug == periods.WHOLE
    width = round(scale.width)
    stacked = iter(rows)
    links = []
    for mark, x, tall in zip(found, xs, heights, strict=True):
        y = axis_y - AXIS_GAP - tall if mark.grouped else axis_y - AXIS_GAP - (next(stacked) + 1) * STEP + STEP - MARK
        links.append(_mark_link(mark, (100 * x / width, 100 * y / height, 100 * MARK / width, 100 * tall / height),
                                filterable, facets))
    grouped = any(mark.grouped for mark in found)
    caption = _caption(ctx, first, last, counts, runs, grouped)
    chapters_list = (html('<ol class="ex-axis-chapters" aria-label="Chapters">{}</ol>', Markup("").join(legend))
                     if legend else Markup(""))
    return html('<figure class="ex-axis" data-search-exclude><div class="ex-axis-scroll">'
                '<div class="ex-axis-plot" role="group" aria-label="Time axis: {caption}" style="min-width:{min_w}px">'
                '<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true" focusable="false">{parts}</svg>'
                '{links}</div></div>'
                '<figcaption><strong>Time axis.</strong> {caption} Each mark links to {target}{chapters_note}.'
                '</figcaption>{chapters}</figure>',
                w=width, h=height, min_w=min(width, MIN_SHOWN_WIDTH), caption=caption, parts=Markup("").join(parts),
                links=Markup("").join(links),
                target="its events on the timeline" if grouped else "its event",
                chapters_note="; the chapters are shaded and numbered" if legend else "", chapters=chapters_list)
