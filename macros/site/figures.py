"""Key figures: the counts of ``data/figures.yml``, each attributed, and an event's infobox.

Figures that count the same thing (the same ``counts``) stand side by side, each with its own number, counter and
citations: a figure is a claim of whoever gives it, so nothing here adds up, averages or picks between them. A
figure's series is drawn as an inline SVG bar chart (no script, no request: it prints and works from file://) with
its numbers in a table beside it, for screen readers and print.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup

from macros.model import Event, Figure, Point, format_date, format_range
from macros.site.render import PageContext, cite, entity_link, event_date, links
from macros.site.safe_html import html

QUALIFIERS = {"at-least": "at least", "about": "about", "up-to": "up to"}
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def number_text(figure: Figure) -> str:
    """The number as the source words it: ``at least 68``, ``about 89,000``, ``50–1,000``."""
    if figure.value is not None:
        number = f"{figure.value:,}"
    else:
        number = f"{figure.low:,}–{figure.high:,}"
    qualifier = QUALIFIERS.get(figure.qualifier or "")
    return f"{qualifier} {number}" if qualifier else number


def grouped(figures: Iterable[Figure]) -> list[tuple[str, list[Figure]]]:
    """Figures by what they count, in the order each count first appears."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.counts, []).append(figure)
    return list(groups.items())


def _figure(ctx: PageContext, figure: Figure) -> Markup:
    machine = str(figure.value) if figure.value is not None else f"{figure.low}-{figure.high}"
    note = html('<p class="ex-figure-note">{}</p>', figure.note) if figure.note else Markup("")
    chart = series_chart(figure) if figure.series else Markup("")
    return html('<div class="ex-figure" id="figure-{}"><p class="ex-figure-number"><data value="{}">{}</data></p>'
                '<p class="ex-figure-by">according to {}{}</p><p class="ex-figure-when">{}</p>{}{}</div>',
                figure.id, machine, number_text(figure), entity_link(ctx, figure.according_to),
                cite(ctx, figure.sources), format_range(figure.date, figure.end), note, chart)


def figure_groups(ctx: PageContext, figures: Iterable[Figure], level: int = 3) -> Markup:
    """Each count as a heading with its counters' figures side by side under it."""
    return Markup("").join(
        html('<section class="ex-figure-group"><h{level} class="ex-figure-counts">{counts}</h{level}>'
             '<div class="ex-figure-sides" data-sides="{sides}">{items}</div></section>',
             level=level, counts=counts, sides=len(items),
             items=Markup("").join(_figure(ctx, figure) for figure in items))
        for counts, items in grouped(figures))


def home_figures(ctx: PageContext) -> list[Figure]:
    """The seed's ``key_figures``; without them, the figures of its ``key_events``; every figure when it names
    neither."""
    data = ctx.dataset
    if data.seed and data.seed.key_figures:
        return [data.figures[figure_id] for figure_id in data.seed.key_figures]
    key = set(data.seed.key_events) if data.seed and data.seed.key_events else None
    return [figure for figure in data.figures.values() if key is None or key & set(figure.events)]


def key_figures(ctx: PageContext) -> Markup:
    """The home page's "Key figures" box."""
    figures = home_figures(ctx)
    if not figures:
        return Markup("")
    return html('<section class="ex-key-figures" aria-labelledby="key-figures"><h2 id="key-figures">Key figures</h2>'
                '<p class="ex-figures-intro">Each number is given by the side or body named under it; where they '
                'differ, they are shown side by side, not combined.</p>{}</section>', figure_groups(ctx, figures))


def event_infobox(ctx: PageContext, event: Event) -> Markup:
    """An event at a glance: date, places, parties, the outcome where the data states one, and its figures."""
    rows = [html("<tr><th scope=\"row\">Date</th><td>{}</td></tr>", event_date(event))]
    if event.places:
        rows.append(html('<tr><th scope="row">Where</th><td>{}</td></tr>', links(ctx, event.places)))
    if event.actors:
        rows.append(html('<tr><th scope="row">Parties</th><td>{}</td></tr>', links(ctx, event.actors)))
    if event.outcome:
        rows.append(html('<tr><th scope="row">Outcome</th><td>{}</td></tr>', event.outcome))
    figures = ctx.dataset.figures_by_event.get(event.id, ())
    body = html('<table class="ex-infobox-facts"><tbody>{}</tbody></table>', Markup("").join(rows))
    if figures:
        body += html('<h3 class="ex-infobox-figures" id="key-figures">Key figures</h3>{}',
                     figure_groups(ctx, figures, level=4))
    return html('<aside class="ex-infobox" aria-labelledby="at-a-glance"><h2 id="at-a-glance">At a glance</h2>{}'
                '</aside>', body)


def _short_date(point: Point) -> str:
    date = point.date
    if date.day and date.month:
        return f"{date.day} {MONTHS_SHORT[date.month - 1]}"
    if date.month:
        return f"{MONTHS_SHORT[date.month - 1]} {date.year}"
    return str(date.year)


def _compact(value: int) -> str:
    """An axis label short enough for a phone: 100,417 → 100k."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.3g}M"
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    return f"{value:,}"


def _scale_top(highest: int) -> int:
    """A round top for the axis, close above the highest value (100,417 → 120,000)."""
    step = 1
    while True:
        for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8):
            if step * factor >= highest:
                return max(int(step * factor), 1)
        step *= 10


# The chart's drawing box, in SVG units; the SVG scales to its container, so these are proportions. The text is
# 13 units high in a box 340 wide: on a 390 px phone it is drawn at about 13 px.
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 340, 190, 44, 8, 22, 34


def series_chart(figure: Figure) -> Markup:
    """A bar chart of a figure's series, with the same numbers as a table."""
    points: Sequence[Point] = figure.series
    top = _scale_top(max(point.value for point in points))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / len(points)
    bar = min(slot * 0.6, 48)
    marks = []
    for index, point in enumerate(points):
        height = plot_height * point.value / top
        x = LEFT + slot * index + (slot - bar) / 2
        y = TOP + plot_height - height
        middle = x + bar / 2
        label = _compact(point.value) if len(points) > 6 else f"{point.value:,}"
        marks.append(html('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" class="ex-chart-bar"/>'
                          '<text x="{:.1f}" y="{:.1f}" class="ex-chart-value" text-anchor="middle">{}</text>'
                          '<text x="{:.1f}" y="{:.1f}" class="ex-chart-date" text-anchor="middle">{}</text>',
                          x, y, bar, height, middle, y - 5, label, middle, HEIGHT - BOTTOM + 16,
                          _short_date(point)))
    axis = html('<line x1="{}" y1="{}" x2="{}" y2="{}" class="ex-chart-axis"/>'
                '<line x1="{}" y1="{}" x2="{}" y2="{}" class="ex-chart-grid"/>'
                '<text x="{}" y="{}" class="ex-chart-tick" text-anchor="end">0</text>'
                '<text x="{}" y="{}" class="ex-chart-tick" text-anchor="end">{}</text>',
                LEFT, TOP + plot_height, WIDTH - RIGHT, TOP + plot_height,
                LEFT, TOP, WIDTH - RIGHT, TOP,
                LEFT - 5, TOP + plot_height + 4, LEFT - 5, TOP + 4, _compact(top))
    years = sorted({point.date.year for point in points})
    year_note = f" ({years[0]})" if len(years) == 1 and points[0].date.month else ""
    title = f"{figure.counts}, by date{year_note}"
    description = "; ".join(f"{format_date(point.date)}: {point.value:,}" for point in points)
    rows = Markup("").join(html('<tr><td>{}</td><td>{}</td></tr>', format_date(point.date), f"{point.value:,}")
                           for point in points)
    return html('<figure class="ex-chart"><svg viewBox="0 0 {} {}" role="img" aria-labelledby="{id}-title {id}-desc" '
                'xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>'
                '{}{}</svg><figcaption>{}</figcaption><table class="ex-chart-table"><thead><tr><th scope="col">Date'
                '</th><th scope="col">Count</th></tr></thead><tbody>{}</tbody></table></figure>',
                WIDTH, HEIGHT, title, description, axis, Markup("").join(marks), title, rows,
                id=f"chart-{figure.id}")
