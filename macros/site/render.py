"""Render the data to HTML strings. Every value from data passes through ``markupsafe`` escaping here.

Each function takes a ``PageContext``: the dataset, a ``link`` function that turns a docs path
(``places/stepanakert.md#x``) into a URL relative to the page being rendered, and the page's numbered
references: citations are numbered per page, and the adapter appends ``references(ctx)`` once at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from markupsafe import Markup, escape

from macros.model import names, naming, periods
from macros.site import pages
from macros.site.passages import place_passages
from macros.model import format_date, format_range
from macros.interop import Download
from macros.model import Actor, Chapter, Claim, Dataset, Entity, Event, Media, Name, Place, Source, Term
from macros.site.safe_html import html

T = TypeVar("T")

# English names of the languages a newsroom's sources are likely to be in; any other code is shown as written.
LANGUAGES = {"en": "English", "hy": "Armenian", "az": "Azerbaijani", "ru": "Russian", "fr": "French",
             "tr": "Turkish", "de": "German", "es": "Spanish", "it": "Italian", "uk": "Ukrainian", "fa": "Persian",
             "ka": "Georgian", "ar": "Arabic", "zh": "Chinese", "sv": "Swedish", "lt": "Lithuanian", "sw": "Swahili",
             "sco": "Scots", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "cs": "Czech", "ro": "Romanian",
             "hu": "Hungarian", "el": "Greek", "bg": "Bulgarian", "sr": "Serbian", "hr": "Croatian", "lv": "Latvian",
             "et": "Estonian", "fi": "Finnish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "he": "Hebrew",
             "hi": "Hindi", "ur": "Urdu", "ja": "Japanese", "ko": "Korean", "kk": "Kazakh", "ky": "Kyrgyz",
             "uz": "Uzbek", "tk": "Turkmen", "be": "Belarusian", "ku": "Kurdish", "id": "Indonesian", "ms": "Malay",
             "th": "Thai", "vi": "Vietnamese", "am": "Amharic", "so": "Somali", "ha": "Hausa", "yo": "Yoruba"}
SCRIPTS = {"Latn": "Latin", "Armn": "Armenian", "Cyrl": "Cyrillic", "Arab": "Arabic", "Geor": "Georgian",
           "Hans": "Chinese"}
KIND_LABELS = pages.KIND_LABELS
FOLD_REFERENCES = 12  # more references than this are folded under their heading


def language_name(code: str) -> str:
    return LANGUAGES.get(code.split("-")[0], code)


@dataclass
class PageContext:
    dataset: Dataset
    link: Callable[[str], str]
    cited: list[str] = field(default_factory=list)
    policy: naming.NamingPolicy = field(default_factory=naming.NamingPolicy)
    backlinks: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # id -> (page, title)
    numbers: dict[str, int] = field(default_factory=dict)  # source id -> its number on this page
    carded: set[str] = field(default_factory=set)  # entities whose card this page has already given
    # An entity's card attribute and shown name, the same on every page: the caller may share one dict for a build.
    parts: dict[tuple[str, str], Markup] = field(default_factory=dict)

    def href(self, entity: Entity) -> str:
        return self.link(pages.page_of(entity, self.dataset))

    def heading_of(self, entity: Entity) -> Markup:
        """A page's title: for a place, the policy's name first, then the other sides' (Stepanakert / Khankendi)."""
        if not isinstance(entity, Place):
            return escape(names.heading(entity))
        first, *rest = naming.heading_parts(entity, self.policy)
        return Markup(" / ").join([self.name_of(entity) if first == naming.shown_text(entity, self.policy)
                                   else escape(first), *rest])

    def name_of(self, entity: Entity) -> Markup:
        """The name an entity is shown by; for a place, the one the naming policy chooses, in its language."""
        if isinstance(entity, Place):
            name = naming.primary_name(entity, self.policy)
            if name is not None and name.lang.split("-")[0] != "en":
                return html('<span lang="{}">{}</span>', name.lang, name.text)
            if name is not None:
                return escape(name.text)
        return escape(names.display_name(entity))


def entity_link(ctx: PageContext, entity_id: str, text: str | None = None) -> Markup:
    """A link to an entity's page, with its short card as the title (a tooltip that works from file://) the first
    time the page links it: on a list page the same card would otherwise repeat with every link (a third of the
    timeline's weight)."""
    entity = ctx.dataset.entity(entity_id)
    if entity is None:
        return escape(text or entity_id)
    href = ctx.href(entity)
    # No card on a link within the page (a glossary entry's related terms): the entry itself is a jump away.
    card = Markup("") if entity.id in ctx.carded or href.startswith("#") else html(' title="{}"', card_title(ctx, entity))
    ctx.carded.add(entity.id)
    return html('<a class="ex-link ex-link--{}" href="{}"{} data-entity="{}">{}</a>',
        entity.kind, href, card, entity.id, text or _part(ctx, "name", entity, lambda: ctx.name_of(entity)))


def card_title(ctx: PageContext, entity: Entity) -> Markup:
    """An entity's card as the value of a ``title`` attribute (see ``tooltip``): links and mentions carry it."""
    return _part(ctx, "card", entity, lambda: escape(tooltip(card_text(entity))))


def _part(ctx: PageContext, what: str, entity: Entity, make: Callable[[], Markup]) -> Markup:
    """A part of a link that is the same on every page (``PageContext.parts``), made the first time."""
    found = ctx.parts.get((what, entity.id))
    if found is None:
        found = ctx.parts[what, entity.id] = make()
    return found


def tooltip(text: str) -> str:
    """Text for a ``title`` attribute. Material's tooltips put the attribute's value in the page as HTML
    (``innerHTML``), so ``&``, ``<`` and ``>`` are escaped here and once more by ``html()``: the tooltip shows the
    text typed. Quotes are left to ``html()`` alone: inside an element they are plain text, and escaping them twice
    would show ``&#39;`` for every apostrophe in a browser's own title tooltip (offline, or without script)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def card_text(entity: Entity) -> str:
    """One line of plain text that says what an entity is."""
    if isinstance(entity, Actor | Place):
        return f"{entity.name} — {entity.description}"
    if isinstance(entity, Event):
        return f"{format_range(entity.date, entity.end, entity.approximate)}: {entity.title}"
    if isinstance(entity, Term):
        return f"{entity.term}: {entity.definition}"
    return f"{entity.publisher}, {entity.title}"


def cite(ctx: PageContext, source_ids: Iterable[str]) -> Markup:
    """Numbered references ``[1][2]`` to sources, numbered in order of first use on the page."""
    parts = []
    for source_id in source_ids:
        number = ctx.numbers.get(source_id)
        if number is None:
            ctx.cited.append(source_id)
            number = ctx.numbers[source_id] = len(ctx.cited)
        source = ctx.dataset.sources[source_id]
        # Like an entity's card, a reference's tooltip is given at its first citation on the page only.
        seen = f"ref:{source_id}" in ctx.carded
        ctx.carded.add(f"ref:{source_id}")
        parts.append(html('<a href="#ref-{}"{}>{}</a>', number, Markup("") if seen else
                          html(' title="{}"', tooltip(f"{source.publisher}: {source.title}")), number))
    if not parts:
        return Markup("")
    return html('<sup class="ex-cite">[{}]</sup>', Markup("][").join(parts))


def source_reference(ctx: PageContext, source: Source) -> Markup:
    """Publisher, title (linked), date, language, and the archived copy where there is one."""
    if source.url:
        title = html('<a href="{}" rel="noopener">{}</a>', source.url, source.title)
    elif ctx.dataset.seed and ctx.dataset.seed.source == source.id:
        title = html('<a href="{}">{}</a>', ctx.link(pages.SEED_PAGE), source.title)
    else:
        title = escape(source.title)
    note = (Markup(' <span class="ex-title-note">(headline not seen: title read from its web address)</span>')
            if source.title_from_address else Markup(""))
    author = html("{}, ", source.author) if source.author else Markup("")
    archive = (html(' · <a href="{}" rel="noopener">archived copy</a>', source.archive_url)
               if source.archive_url else Markup(""))
    return html('{}<span class="ex-publisher">{}</span>{}, “{}”{}, {} ({}){}',
        author, source.publisher, source_type_label(ctx, source), title, note, format_date(source.date),
        language_name(source.language), archive)


SOURCE_TYPE_LABELS = {"official": "official", "state-media": "state media", "independent-media": "independent media",
                      "wire-service": "wire service", "international-organisation": "international organisation",
                      "court": "court", "ngo-research": "NGO or research body", "encyclopedia": "encyclopedia",
                      "document": "document"}


def source_type_label(ctx: PageContext, source: Source) -> Markup:
    """What kind of publisher, beside its name: "(state media: Azerbaijan)", so a reader weighs the source."""
    if source.source_type is None:
        return Markup("")
    party = ctx.dataset.actors.get(source.party) if source.party else None
    whose = html(": {}", party.name) if party else Markup("")
    return html(' <span class="ex-source-type">({}{})</span>', SOURCE_TYPE_LABELS[source.source_type], whose)


def references(ctx: PageContext) -> Markup:
    """The page's numbered reference list, in the order the references were first cited."""
    if not ctx.cited:
        return Markup("")
    items = Markup("").join(
        html('<li id="ref-{}">{} <a class="ex-source-page" href="{}" title="Everything that cites it">↗</a></li>',
             number, source_reference(ctx, ctx.dataset.sources[source_id]),
             ctx.link(pages.source_page(ctx.dataset, source_id)))
        for number, source_id in enumerate(ctx.cited, start=1))
    if len(ctx.cited) <= FOLD_REFERENCES:
        return html('<h2 id="references">References</h2><ol class="ex-refs">{}</ol>', items)
    # A long list is folded so that it does not fill the page under the story; a citation mark still leads to its
    # reference (docs/assets/references.js opens the fold, and browsers open it for find-in-page).
    return html('<details class="ex-refs-fold"><summary><h2 id="references">References ({})</h2></summary>'
                '<ol class="ex-refs">{}</ol></details>', len(ctx.cited), items)


def links(ctx: PageContext, ids: Iterable[str]) -> Markup:
    return Markup(", ").join(entity_link(ctx, entity_id) for entity_id in ids)


def event_date(event: Event) -> Markup:
    """The event's date at its precision, in a <time> element machines can read."""
    return html('<time datetime="{}">{}</time>',
        event.date.iso, format_range(event.date, event.end, event.approximate))


def name_label(name: Name) -> Markup:
    """A name in its own language and script: <span lang="hy">Ստեփանակերտ</span> (Step'anakert)."""
    lang = f"{name.lang}-{name.script}" if name.script and "-" not in name.lang else name.lang
    text = html('<span lang="{}">{}</span>', lang, name.text)
    if name.romanized and name.romanized != name.text:
        text += html(' (<span lang="{}-Latn">{}</span>)', name.lang.split("-")[0], name.romanized)
    return text


def names_table(ctx: PageContext, names: Iterable[Name]) -> Markup:
    rows = []
    for name in names:
        period = ""
        if name.period_from or name.period_to:
            period = (f"{format_date(name.period_from) if name.period_from else '…'} – "
                      f"{format_date(name.period_to) if name.period_to else 'today'}")
        rows.append(html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            name_label(name), language_name(name.lang), SCRIPTS.get(name.script or "", name.script or ""),
            links(ctx, name.used_by) if name.used_by else Markup("—"),
            " ".join(part for part in (period, name.note or "") if part) or "—"))
    return html('<table class="ex-names"><thead><tr><th>Name</th><th>Language</th><th>Script</th>'
                '<th>Used by</th><th>Period, note</th></tr></thead><tbody>{}</tbody></table>',
        Markup("").join(rows))


def event_item(ctx: PageContext, event: Event, with_claims: bool = False) -> Markup:
    """One event as a timeline entry: date, linked title, summary, actors, places, claims and citations."""
    meta = []
    if event.actors:
        meta.append(html('<span class="ex-meta-label">Actors:</span> {}', links(ctx, event.actors)))
    if event.places:
        meta.append(html('<span class="ex-meta-label">Places:</span> {}', links(ctx, event.places)))
    claims = claims_block(ctx, event.claims) if with_claims and event.claims else Markup("")
    return html('<article class="ex-event" id="{id}" data-kind="{kind}" data-actors="{actors}" data-places="{places}">'
        '<p class="ex-event-date">{date} · <span class="ex-kind">{kind}</span></p>'
        '<h3 class="ex-event-title"><a href="{href}">{title}</a></h3>'
        '<p>{summary}{cite}</p><p class="ex-event-meta">{meta}</p>{claims}</article>',
        id=event.id, kind=event.category, actors=" ".join(event.actors), places=" ".join(event.places),
        date=event_date(event), href=ctx.href(event), title=event.title, summary=event.summary,
        cite=cite(ctx, event.sources), meta=Markup("<br>").join(meta), claims=claims)


def claims_block(ctx: PageContext, claims: Iterable[Claim]) -> Markup:
    """Claims grouped by who makes them, side by side, each with its source; denied claims marked disputed."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.by, []).append(claim)
    columns = []
    for actor_id, actor_claims in groups.items():
        items = []
        for claim in actor_claims:
            said = quotation(ctx, claim) if claim.quote else html('<span class="ex-summary">{}</span>', claim.says)
            disputed = (html('<span class="ex-disputed">Disputed by {}</span>', links(ctx, claim.disputed_by))
                        if claim.disputed_by else Markup(""))
            items.append(html('<li class="ex-claim{}">{}{} {}</li>',
                " ex-claim--disputed" if claim.disputed_by else "", said, cite(ctx, [claim.source]), disputed))
        columns.append(html('<section class="ex-claims-by"><h4>{} says</h4><ul>{}</ul></section>',
            entity_link(ctx, actor_id), Markup("").join(items)))
    return html('<div class="ex-claims" role="group" aria-label="Claims, by who makes them">{}</div>',
        Markup("").join(columns))


def quotation(ctx: PageContext, claim: Claim) -> Markup:
    """A quoted claim, in the words and so the language of its source: marked with ``lang`` (for screen readers and
    hyphenation) and, when it is not English, with the language's name for the reader."""
    lang = ctx.dataset.sources[claim.source].language
    if lang.split("-")[0] == "en":
        return html("<q>{}</q>", claim.says)
    if claim.translation:
        by = "the source's translation" if claim.translated_by == "source" else "translated by this explainer"
        return html('<q lang="{}">{}</q> <span class="ex-quote-lang">(in {}; in English, {}: <q>{}</q>)</span>',
                    lang, claim.says, language_name(lang), by, claim.translation)
    return html('<q lang="{}">{}</q> <span class="ex-quote-lang">(in {})</span>', lang, claim.says, language_name(lang))


def media_link(media: Media) -> Markup:
    """An event's photo or video, linked with its caption and credit, never loaded (no third-party request)."""
    thumbnail = (html(' · <a href="{}" rel="noopener">thumbnail</a>', media.thumbnail)
                 if media.thumbnail else Markup(""))
    credit = html(' · <span class="ex-credit">Credit: {}</span>', media.credit) if media.credit else Markup("")
    # The media is linked, never shown: its alt text tells every reader what it shows, beside a caption too.
    described = media.alt if media.alt and media.caption else None
    alt = html(' · <span class="ex-alt">It shows: {}</span>', described) if described else Markup("")
    return html('<p class="ex-media"><a href="{}" rel="noopener">{}</a>{}{}{}</p>',
        media.url, media.caption or media.alt or media.url, alt, credit, thumbnail)


def event_list(ctx: PageContext, events: Iterable[Event]) -> Markup:
    items = [html("<li>{} — {}</li>", event_date(event), entity_link(ctx, event.id)) for event in events]
    if not items:
        return Markup("<p>No events in the data yet.</p>")
    return html('<ul class="ex-event-list">{}</ul>', Markup("").join(items))


def key_events(ctx: PageContext) -> Markup:
    """The events the seed names as the story's key events: date, linked title, summary and sources."""
    seed = ctx.dataset.seed
    events = [ctx.dataset.events[event_id] for event_id in (seed.key_events if seed else ())]
    if not events:
        return Markup("")
    return html('<ul class="ex-key-events">{}</ul>', Markup("").join(
        html("<li><strong>{}</strong> — {}. {}{}</li>", event_date(event), entity_link(ctx, event.id),
             event.summary, cite(ctx, event.sources)) for event in events))


def chapters(ctx: PageContext) -> Markup:
    """What happened next: each of the seed's chapters as a heading and its events. Without chapters, one list
    of the events dated from the article's date on."""
    seed = ctx.dataset.seed
    parts = seed.chapters if seed and seed.chapters else (
        Chapter("After the article", ctx.dataset.sources[seed.source].date.iso if seed else "0000"),)
    return Markup("").join(
        _section(chapter.title, chapter_anchor(chapter), bounded_event_list(ctx, ctx.dataset.events_between(
            chapter.start, chapter.end))) for chapter in parts)


def bounded_event_list(ctx: PageContext, events: Sequence[Event]) -> Markup:
    """An event list that keeps a hand-written page light: past ``LIST_LIMIT`` events, the rest are counted and
    the timeline, which is split into pages, takes over from the first event not listed."""
    if len(events) <= periods.LIST_LIMIT:
        return event_list(ctx, events)
    rest = events[periods.LIST_LIMIT:]
    return event_list(ctx, events[:periods.LIST_LIMIT]) + html(
        '<p class="ex-more">… and {} more events, {} to {}: <a href="{}">continue on the timeline</a>.</p>',
        f"{len(rest):,}", format_date(rest[0].date), format_date(rest[-1].date),
        ctx.link(pages.timeline_page(ctx.dataset, rest[0].id)))


def chapter_anchor(chapter: Chapter) -> str:
    """The id of a chapter's heading on "What happened next"."""
    return _slug(chapter.title)


def _slug(title: str) -> str:
    return "-".join("".join(char if char.isalnum() else " " for char in title.lower()).split()) or "chapter"


def _section(title: str, anchor: str, body: Markup) -> Markup:
    return html('<h2 id="{}">{}</h2>{}', anchor, title, body)


def _kind_label(category: str) -> str:
    return KIND_LABELS.get(category, category)


def actor_page(ctx: PageContext, actor: Actor) -> Markup:
    data = ctx.dataset
    parts = [html('<p class="ex-lede"><span class="ex-kind">{}</span>{}</p><p>{}{}</p>',
        _kind_label(actor.category),
        html(", part of {}", entity_link(ctx, actor.part_of)) if actor.part_of else Markup(""),
        actor.description, cite(ctx, actor.sources))]
    members = data.members.get(actor.id, ())
    if members:
        parts.append(_section("Includes", "includes", html("<p>{}</p>", links(ctx, members))))
    if actor.aliases or actor.names:
        also = Markup("").join(html("<li>{}</li>", alias) for alias in actor.aliases)
        body = html("<ul>{}</ul>", also) if also else Markup("")
        parts.append(_section("Also called", "names", body + (names_table(ctx, actor.names) if actor.names
                                                              else Markup(""))))
    parts += events_sections(ctx, actor)
    return _page(ctx, actor, parts)


def _claims_of(actor_id: str, events: Iterable[Event]) -> list[tuple[Event, Claim]]:
    return [(event, claim) for event in events for claim in event.claims if claim.by == actor_id]


def _claims_section(ctx: PageContext, claims: list[tuple[Event, Claim]]) -> list[Markup]:
    if not claims:
        return []
    items = Markup("").join(html("<li>On {}: {}{}</li>",
        entity_link(ctx, event.id), quotation(ctx, claim) if claim.quote else claim.says,
        cite(ctx, [claim.source])) for event, claim in claims)
    return [_section("What it says", "claims", html("<ul>{}</ul>", items))]


def events_sections(ctx: PageContext, entity: Actor | Place) -> list[Markup]:
    """What an actor says and the events of an actor or place; by period, on pages of their own, when they are
    too many for one page (a hub actor can take part in thousands)."""
    split = ctx.dataset.event_periods[entity.id]
    if split[0].slug == periods.WHOLE:
        return [*_claims_section(ctx, _claims_of(entity.id, split[0].items) if entity.kind == "actor" else []),
                _section("Events", "events", event_list(ctx, split[0].items))]
    rows = []
    for period in split:
        said = len(_claims_of(entity.id, period.items)) if entity.kind == "actor" else 0
        rows.append(html('<li><a href="{}">{}</a> — {} event{}{}</li>',
            ctx.link(pages.entity_events_page(entity, period.slug)), period.label, len(period.items),
            "" if len(period.items) == 1 else "s", f", {said} statement{'' if said == 1 else 's'}" if said else ""))
    total = len(ctx.dataset.events_by_entity.get(entity.id, ()))
    return [_section("Events", "events", html('<p>{} events, by period:</p><ul class="ex-periods">{}</ul>',
        total, Markup("").join(rows)))]


def entity_events(ctx: PageContext, entity_id: str, slug: str) -> Markup:
    """One period of an actor's or a place's events, with what the actor says in them."""
    entity = ctx.dataset.entity(entity_id)
    assert isinstance(entity, Actor | Place)
    split = ctx.dataset.event_periods[entity.id]
    index = next(index for index, period in enumerate(split) if period.slug == slug)
    period = split[index]
    parts = [html('<p class="ex-lede">Events of {} — {}</p>', entity_link(ctx, entity.id), period.label)]
    if entity.kind == "actor":
        parts += _claims_section(ctx, _claims_of(entity.id, period.items))
    parts.append(_section("Events", "events", event_list(ctx, period.items)))
    parts.append(_period_nav(ctx, [pages.entity_events_page(entity, other.slug) for other in split],
                             [other.label for other in split], index))
    return html('<div class="ex-entity ex-entity--{}"><h1>{}: {}</h1>{}</div>',
        entity.kind, names.display_name(entity), period.label, Markup("").join(parts))


def _period_nav(ctx: PageContext, targets: list[str], labels: list[str], index: int) -> Markup:
    """Links to the previous and next pages of a split list."""
    around = []
    if index > 0:
        around.append(html('<a href="{}" rel="prev">← {}</a>', ctx.link(targets[index - 1]),
                                                                        labels[index - 1]))
    if index + 1 < len(targets):
        around.append(html('<a href="{}" rel="next">{} →</a>', ctx.link(targets[index + 1]),
                                                                        labels[index + 1]))
    return html('<p class="ex-around">{}</p>', Markup(" · ").join(around))


def coordinates_text(lat: float, lon: float) -> str:
    """``39.8153° N, 46.7519° E``: the hemisphere by letter, never by a minus sign."""
    return f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.4f}° {'E' if lon >= 0 else 'W'}"


def place_page(ctx: PageContext, place: Place) -> Markup:
    data = ctx.dataset
    where = html(", in {}", entity_link(ctx, place.located_in)) if place.located_in else Markup("")
    parts = [html('<p class="ex-lede"><span class="ex-kind">{}</span>{}</p><p>{}{}</p>',
        place.category, where, place.description, cite(ctx, place.sources))]
    parts.append(_section("Names", "names", names_table(ctx, place.names) + (
        html('<p>Also written: {}</p>', ", ".join(place.aliases)) if place.aliases else Markup(""))))
    from macros.site import map_views  # (it imports this module)
    if place.coordinates:
        coords = place.coordinates
        parts.append(_section("Location", "location", html(
            '<p class="ex-coordinates"><data value="{},{}">{}</data>{}</p>',
            coords.lat, coords.lon, coordinates_text(coords.lat, coords.lon), cite(ctx, [coords.source]))
            + map_views.place_map(ctx, place)))
    else:
        parts.append(_section("Location", "location", map_views.place_map(ctx, place)))
    within = data.places_within.get(place.id, ())
    if within:
        parts.append(_section("Places in it", "within", html("<p>{}</p>",
            links(ctx, [other.id for other in within]))))
    parts += events_sections(ctx, place)
    return _page(ctx, place, parts)


def event_page(ctx: PageContext, event: Event) -> Markup:
    group = html(' · <span class="ex-group">{}</span>', event.group) if event.group else Markup("")
    parts = [html('<p class="ex-lede">{} · <span class="ex-kind">{}</span>{}</p><p>{}{}</p>',
        event_date(event), event.category, group, event.summary, cite(ctx, event.sources))]
    from macros.site.figures import event_infobox  # figures draws with this module's links and citations
    parts.append(event_infobox(ctx, event))  # date, places, parties (the actors), outcome, figures
    if event.places:
        from macros.site import map_views  # (it imports this module)
        parts.append(_section("Map", "map", map_views.event_map(ctx, event)))
    if event.claims:
        parts.append(_section("Who says what", "claims", claims_block(ctx, event.claims)))
    if event.media:
        parts.append(_section("Media", "media", media_link(event.media)))
    chronology = ctx.dataset.chronology
    position = ctx.dataset.positions[event.id]
    around = []
    if position > 0:
        around.append(html("Before: {}", entity_link(ctx, chronology[position - 1].id)))
    if position + 1 < len(chronology):
        around.append(html("After: {}", entity_link(ctx, chronology[position + 1].id)))
    around.append(html('<a href="{}">On the timeline</a>',
        ctx.link(pages.timeline_page(ctx.dataset, event.id))))
    parts.append(html('<p class="ex-around">{}</p>', Markup(" · ").join(around)))
    return _page(ctx, event, parts)


def mentioned_in(ctx: PageContext, entity: Entity) -> Markup:
    """The written pages (the article, hand-written pages) that mention an entity by any of its names."""
    found = ctx.backlinks.get(entity.id, ())
    if not found:
        return Markup("")
    items = Markup("").join(html('<li><a href="{}">{}</a></li>', ctx.link(page), title)
                            for page, title in found)
    return _section("Mentioned in", "mentioned-in", html('<ul class="ex-mentioned-in">{}</ul>', items))


def _page(ctx: PageContext, entity: Entity, parts: list[Markup]) -> Markup:
    return html('<div class="ex-entity ex-entity--{}"><h1>{}</h1>{}{}</div>',
        entity.kind, ctx.heading_of(entity), Markup("").join(parts), mentioned_in(ctx, entity))


def entity_page(ctx: PageContext, entity_id: str) -> Markup:
    """The whole page of one actor, place or event."""
    entity = ctx.dataset.entity(entity_id)
    if isinstance(entity, Actor):
        return actor_page(ctx, entity)
    if isinstance(entity, Place):
        return place_page(ctx, entity)
    if isinstance(entity, Event):
        return event_page(ctx, entity)
    raise KeyError(f"no actor, place or event has the id {entity_id!r}")


def entity_index(ctx: PageContext, kind: str) -> Markup:
    """The index page of one kind: every actor, place or event, with what it is."""
    data = ctx.dataset
    if kind == "event":
        if data.timeline_periods[0].slug != periods.WHOLE:
            body = _overview(ctx, data.timeline_periods, pages.timeline_period_page, "event")
        else:
            body = event_list(ctx, data.chronology)
        return html('<div class="ex-index"><h1>{}</h1>{}</div>', pages.INDEX_TITLES[kind], body)
    split = pages.kind_periods(data, kind)
    if split[0].slug != periods.WHOLE:
        rows = Markup("").join(html('<li><a href="{}">{}</a> — {}</li>',
            ctx.link(pages.kind_page(kind, period.slug)), period.label.capitalize(), len(period.items))
            for period in split)
        body = html('<ul class="ex-periods">{}</ul>', rows)
    else:
        body = _by_category(ctx, split[0].items)
    return html('<div class="ex-index"><h1>{}</h1>{}</div>', pages.INDEX_TITLES[kind], body)


def _by_category(ctx: PageContext, entities: Iterable[Actor | Place]) -> Markup:
    groups: dict[str, list[Markup]] = {}
    for entity in entities:
        groups.setdefault(_kind_label(entity.category), []).append(html("<li>{} — {}</li>",
            entity_link(ctx, entity.id), entity.description))
    return Markup("").join(html("<h2>{}</h2><ul>{}</ul>", group.capitalize(), Markup("").join(items))
                           for group, items in sorted(groups.items()))


def kind_index(ctx: PageContext, kind: str, slug: str) -> Markup:
    """One category of actors or places (or part of one), when there are too many for one index page."""
    split = pages.kind_periods(ctx.dataset, kind)
    index = next(index for index, period in enumerate(split) if period.slug == slug)
    nav = _period_nav(ctx, [pages.kind_page(kind, period.slug) for period in split],
                      [period.label.capitalize() for period in split], index)
    return html('<div class="ex-index"><h1>{}: {}</h1><p><a href="{}">All {}</a></p>{}{}</div>',
        pages.INDEX_TITLES[kind], split[index].label, ctx.link(f"{pages.FOLDERS[kind]}/index.md"),
        pages.INDEX_TITLES[kind].lower(), _by_category(ctx, split[index].items), nav)


def _overview(ctx: PageContext, split: Iterable[periods.Period[Event]] | Iterable[periods.Period[Source]],
              page: Callable[[str], str], noun: str) -> Markup:
    """The pages of a list split by period, each with how many entries it holds; the first page of each year is
    its anchor (#y2023)."""
    items = []
    seen: set[str] = set()
    for period in split:
        count, year = len(period.items), period.slug[:4]
        anchor = html(' id="y{}"', year) if year not in seen else Markup("")
        seen.add(year)
        items.append(html('<li{}><a href="{}">{}</a> — {} {}{}</li>',
            anchor, ctx.link(page(period.slug)), period.label, count, noun, "" if count == 1 else "s"))
    return html('<ul class="ex-periods">{}</ul>', Markup("").join(items))


def timeline(ctx: PageContext, events: Iterable[Event] | None = None) -> Markup:
    """Every event in date order, by year, with actors, places, claims and numbered references; or, when the
    events are too many for one page, the list of the timeline's pages by period."""
    if events is None and ctx.dataset.timeline_periods[0].slug != periods.WHOLE:
        return html('<div class="ex-timeline">{}</div>',
            _overview(ctx, ctx.dataset.timeline_periods, pages.timeline_period_page, "event"))
    years: dict[int, list[Markup]] = {}
    for event in events if events is not None else ctx.dataset.chronology:
        years.setdefault(event.date.year, []).append(event_item(ctx, event, with_claims=True))
    body = Markup("").join(html('<section class="ex-year"><h2 id="y{year}">{year}</h2>{items}</section>',
        year=year, items=Markup("").join(items)) for year, items in years.items())
    return html('<div class="ex-timeline">{}</div>', body)


def glossary(ctx: PageContext, terms: Iterable[Term] | None = None) -> Markup:
    """Every term: definition, who uses it, and the words the other side uses instead; or, when the terms are too
    many for one page, every term linked to its entry on the glossary's alphabetical pages."""
    split = ctx.dataset.term_periods
    if terms is None and split[0].slug != periods.WHOLE:
        return Markup("").join(html('<h2 id="{}">{}</h2><p>{}</p>',
            part.slug, part.label, links(ctx, [term.id for term in part.items])) for part in split)
    entries = []
    for term in sorted(ctx.dataset.terms.values() if terms is None else terms, key=lambda item: item.term.casefold()):
        rows = []
        if term.aliases:
            rows.append(html("<p>Also: {}</p>", ", ".join(term.aliases)))
        if term.used_by:
            rows.append(html('<p><span class="ex-meta-label">Used by:</span> {}</p>',
                links(ctx, term.used_by)))
        if term.instead:
            alternatives = Markup("").join(html("<li><em>{}</em> — {}{}</li>",
                alt.term, links(ctx, alt.used_by), cite(ctx, [alt.source]) if alt.source else Markup(""))
                for alt in term.instead)
            rows.append(html('<p class="ex-meta-label">Others say instead:</p><ul>{}</ul>', alternatives))
        if term.related:
            rows.append(html('<p>Related: {}</p>', links(ctx, term.related)))
        entries.append(html('<section class="ex-term" id="{id}"><h2>{term}</h2><p>{definition}{cite}</p>{rows}'
                            '</section>', id=term.id, term=term.term, definition=term.definition,
                                                   cite=cite(ctx, term.sources), rows=Markup("").join(rows)))
    return html('<div class="ex-glossary">{}</div>', Markup("").join(entries))


def _split_page(ctx: PageContext, split: Sequence[periods.Period[T]], slug: str, page_of: Callable[[str], str],
                heading: str, whole: tuple[str, str], body: Callable[[PageContext, Sequence[T]], Markup],
                intro: Markup = Markup("")) -> Markup:
    """One page of a list too long for one page: its items in full, a link to the whole, and to the other pages;
    ``intro`` goes before the items (the timeline's filters)."""
    index = next(index for index, part in enumerate(split) if part.slug == slug)
    nav = _period_nav(ctx, [page_of(part.slug) for part in split], [part.label for part in split], index)
    return html('<h1>{}: {}</h1><p><a href="{}">{}</a></p>{}{}{}',
        heading, split[index].label, ctx.link(whole[0]), whole[1], intro, body(ctx, split[index].items), nav)


def glossary_part(ctx: PageContext, slug: str) -> Markup:
    """One alphabetical page of a glossary too long for one page."""
    return _split_page(ctx, ctx.dataset.term_periods, slug, pages.term_period_page, "Glossary",
                       (pages.TERMS_PAGE, "The whole glossary"), glossary)


def timeline_period(ctx: PageContext, slug: str, filters: Markup = Markup("")) -> Markup:
    """One page of a timeline split by period: its events in full, and links to the pages before and after."""
    return _split_page(ctx, ctx.dataset.timeline_periods, slug, pages.timeline_period_page, "Timeline",
                       (pages.TIMELINE_PAGE, "The whole timeline"), timeline, filters)


def source_period(ctx: PageContext, slug: str) -> Markup:
    """The sources published in one period, when they are too many for one page."""
    return _split_page(ctx, ctx.dataset.source_periods, slug, pages.source_period_page, "Sources",
                       (pages.SOURCES_PAGE, "All sources"), source_list)


def source_list(ctx: PageContext, sources: Iterable[Source] | None = None) -> Markup:
    """Every source, with the events and entries that cite it; or, when they are too many for one page, the
    list of the pages of sources by date of publication."""
    data = ctx.dataset
    if sources is None:
        if data.source_periods[0].slug != periods.WHOLE:
            return _overview(ctx, data.source_periods, pages.source_period_page, "source")
        sources = data.sources.values()
    items = []
    for source in sorted(sources, key=lambda item: (item.publisher.casefold(), item.date.sort_key())):
        citing = [event.id for event in data.events_by_entity.get(source.id, ())]
        others = [entry for entry in data.citations.get(source.id, ()) if entry not in {"seed", "maps"}]
        cited_by = links(ctx, [*citing, *others])
        if "seed" in data.citations.get(source.id, ()):
            seed_link = html('<a href="{}">the article’s context notes</a>', ctx.link(pages.SEED_PAGE))
            cited_by = Markup(", ").join(part for part in (cited_by, seed_link) if part)
        if "maps" in data.citations.get(source.id, ()):  # an outline or line in data/boundaries.geojson
            cited_by = Markup(", ").join(part for part in (cited_by, Markup("the maps")) if part)
        items.append(html('<li id="{}">{}<br><span class="ex-meta-label">Cited by:</span> {}</li>',
            source.id, source_reference(ctx, source), cited_by or Markup("—")))
    return html('<ul class="ex-sources">{}</ul>', Markup("").join(items))


def seed_article(ctx: PageContext) -> Markup:
    """The seed article's text, escaped, paragraph by paragraph, with its context notes."""
    seed = ctx.dataset.seed
    if seed is None:
        return Markup("")
    source = ctx.dataset.sources[seed.source]
    paragraphs = [para.strip() for para in seed.text.split("\n\n") if para.strip()]
    rendered = []
    for pieces in place_passages(paragraphs, [(note.passage, note) for note in seed.notes]):
        text = Markup("").join(
            escape(piece) if note is None else
            html('<mark class="ex-note-mark ex-verdict--{}" id="passage-{}">{}</mark>'
                 '<a class="ex-note-ref" href="#{}" title="Context note: {}">[{}]</a>',
                 note.verdict, note.id, piece, note.id, note.verdict, note.verdict)
            for piece, note in pieces)
        rendered.append(html('<p>{}</p>', text))
    note_items = Markup("").join(
        html('<li id="{id}"><a href="#passage-{id}">“{passage}”</a> — <strong class="ex-verdict--{verdict}">'
             '{verdict}</strong>. {note}{cite}</li>', id=note.id, passage=note.passage, verdict=note.verdict,
             note=note.note, cite=cite(ctx, note.sources)) for note in seed.notes)
    header = html('<p class="ex-lede">{}</p>', source_reference(ctx, source))
    body = html('<div class="ex-seed"><h1>{}</h1>{}<div class="ex-article">{}</div>',
        source.title, header, Markup("").join(rendered))
    if seed.notes:
        body += _section("Context notes", "context-notes", html('<ol class="ex-notes">{}</ol>', note_items))
    return body + Markup("</div>")


def download_list(ctx: PageContext, downloads: Iterable[Download]) -> Markup:
    """The exported files, each linked with its size and what it holds."""
    items = Markup("").join(html('<li><a href="{}" download><code>{}</code></a>, {}: <strong>{}</strong>. {}</li>',
        ctx.link(item.path), item.path.rsplit("/", 1)[-1], _size(len(item.content)), item.title, item.description)
        for item in downloads)
    return html('<ul class="ex-downloads">{}</ul>', items)


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.1f} KB"
