"""The home page's opening: the lede, a few plain sentences from the seed, cited like any other statement."""

from __future__ import annotations

from markupsafe import Markup

from macros.site.render import PageContext, cite
from macros.site.safe_html import html


def lede(ctx: PageContext) -> Markup:
    """The seed's ``lede`` as the page's first paragraph, with its ``lede_sources`` cited after it."""
    seed = ctx.dataset.seed
    if seed is None or not seed.lede:
        return Markup("")
    return html('<p class="ex-front-lede">{}{}</p>', seed.lede, cite(ctx, seed.lede_sources))
