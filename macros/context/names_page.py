"""The "About the names" page: the naming policy in force, and every place's names by language and side."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from macros.context.mentions import name_gloss
from macros.model import Actor, Place, naming
from macros.site import html, pages, render


def _policy_text(ctx: render.PageContext) -> Markup:
    policy = ctx.policy
    if policy.side:
        actor = ctx.dataset.actors[policy.side]
        chosen = html("the name {} uses, where the data records one, and otherwise the name most used in English",
                      render.entity_link(ctx, actor.id))
    else:
        chosen = Markup("the name most used in English-language reporting, whichever side it comes from")
    return html("<p>Places are called here by {}. The first time a page mentions a place, the names the other "
                "side uses stand beside it, each marked with its language{}.</p>", chosen, _example(ctx))


def _example(ctx: render.PageContext) -> Markup:
    for place in ctx.dataset.places.values():
        shown = naming.shown_text(place, ctx.policy)
        others = naming.other_side_names(place, shown, ctx.policy)
        if others:
            return html(", for example: {}{}", render.entity_link(ctx, place.id, shown),
                                                         name_gloss(place, shown, ctx.policy))
    return Markup("")


def _setting(ctx: render.PageContext) -> Markup:
    users = {actor_id for place in ctx.dataset.places.values() for name in place.names for actor_id in name.used_by}
    sides = [actor.id for actor in ctx.dataset.actors.values() if actor.id in users]
    example = f"{naming.SIDE_PREFIX}{sides[0]}" if sides else f"{naming.SIDE_PREFIX}<actor id>"
    return html('<h2 id="policy">The naming policy</h2><p>The site’s editors choose it with one setting in '
        '<code>mkdocs.yml</code>, <code>extra: {{naming_policy: …}}</code>. It is now <code>{}</code>. '
        '<code>{}</code> shows each place’s usual English name; <code>{}</code> shows the name that actor uses. '
        'Whatever the setting, no name is hidden: each place’s page and the list below give all of them, with who '
        'uses each.</p>', ctx.policy.setting, naming.DEFAULT_POLICY, example)


NAMES_LISTED = 80  # up to this many places and actors with names, the page shows every one's names table


def names_page(ctx: render.PageContext) -> Markup:
    """The policy, then each place and each actor that has names, with its names table."""
    entries: list[Place | Actor] = [*ctx.dataset.places.values(),
                                    *(actor for actor in ctx.dataset.actors.values() if actor.names)]
    if len(entries) > NAMES_LISTED:  # a page of every table would outgrow any reader (and 150 KB)
        body = html('<p>Each <a href="{}">place</a> and actor page lists its names, with language, script and '
                    'who uses them.</p>', ctx.link("places/index.md"))
        return html('<div class="ex-names-page"><h1>{}</h1>{}{}<h2 id="by-place">Names, place by place</h2>{}'
                    '</div>', pages.NAMES_TITLE, _policy_text(ctx), _setting(ctx), body)
    places = _tables(ctx, ctx.dataset.places.values()) or Markup("<p>No names in the data yet.</p>")
    actors = _tables(ctx, ctx.dataset.actors.values())
    if actors:  # a state and its territory may share a name (Azerbaijan): each has its own heading
        actors = html('<h2 id="by-actor">Names of actors</h2>{}', actors)
    return html('<div class="ex-names-page"><h1>{}</h1>{}{}<h2 id="by-place">Names, place by place</h2>{}{}</div>',
                pages.NAMES_TITLE, _policy_text(ctx), _setting(ctx), places, actors)


def _tables(ctx: render.PageContext, entries: Iterable[Place | Actor]) -> Markup:
    """Each entry that has names, in alphabetical order of its shown name, with its names table."""
    named = sorted((entry for entry in entries if entry.names),
                   key=lambda item: ctx.name_of(item).striptags().casefold())
    return Markup("").join(html('<section class="ex-names-of" id="{}"><h3>{}</h3>{}</section>',
        entry.id, render.entity_link(ctx, entry.id), render.names_table(ctx, entry.names)) for entry in named)
