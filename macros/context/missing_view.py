"""The About page's "What is still missing": the gaps of ``macros.load.gaps``, told to a reader, each entry linked."""

from __future__ import annotations

from markupsafe import Markup

from macros.load.gaps import Gap, gaps
from macros.site import html, pages, render


def _item(ctx: render.PageContext, gap: Gap) -> Markup:
    link = render.entity_link
    if gap.kind == "coordinates":
        return html("{} has no coordinates from a source a reader can open yet.", link(ctx, gap.entity))
    if gap.kind == "title":
        source = ctx.dataset.sources[gap.entity]
        return html('The headline of <a href="{}">{}’s “{}”</a> could not be seen: its title is read from the '
                    "page’s web address.", ctx.link(pages.source_page(ctx.dataset, source.id)), source.publisher,
                    source.title)
    if gap.kind == "translation":
        return html("On {}, the words of {} are quoted in their language without an English translation yet.",
                    link(ctx, gap.entity), link(ctx, gap.side))
    if gap.kind == "party-only":
        return html("{} rests only on the outlets of a party to the conflict so far.", link(ctx, gap.entity))
    return html("On {}, {} disputes what {} says, but its own words are not given yet.",
                link(ctx, gap.entity), link(ctx, gap.side), link(ctx, gap.disputed))


MISSING_LISTED = 50  # a long-running explainer may lack hundreds of things: the page stays readable (and small)


def missing_list(ctx: render.PageContext) -> Markup:
    """Each gap as a sentence (the first ``MISSING_LISTED``, then a count), or a line saying none is known."""
    found = gaps(ctx.dataset)
    if not found:
        return Markup("<p>Nothing is known to be missing.</p>")
    items = Markup("").join(html("<li>{}</li>", _item(ctx, gap)) for gap in found[:MISSING_LISTED])
    more = len(found) - MISSING_LISTED
    rest = html("<p>… and {} more of the same kinds.</p>", f"{more:,}") if more > 0 else Markup("")
    return html('<ul class="ex-missing">{}</ul>{}', items, rest)
