"""Mentions: wherever a page's text names an actor, a place or a glossary term by any of its names, link it.

``MentionIndex`` is built once per build: every surface form (name, aliases, ``names[].text`` and
``romanized``) folded (case, and diacritics on Latin letters, ignored; dashes, apostrophes and spaces made one),
compiled into ONE regular expression shaped as a trie, so a page costs time linear in its length whatever the
number of names, and the longest name wins ("Nagorno-Karabakh Republic" over "Nagorno-Karabakh").

``link_mentions`` rewrites a page's rendered HTML, tokenised with one regular expression (``html.parser`` would
not give the page back byte for byte, and is several times slower). It never touches headings, code, links,
abbreviations, scripts, styles, form controls, or anything inside an element of class ``no-link``; it does not
link an entity on its own page. An actor or place is linked at its first mention on a page, a place with the
other side's names beside it (``macros.model.naming``), except inside a quotation, whose words are not added to; a term
is linked to the glossary at its first use and carries its definition as a tooltip (``<abbr title>``) at its next
``TERM_TOOLTIPS`` uses (a page is not grown without bound by one word).

Where two kinds share a name (the state Armenia, actor; the country Armenia, place), the actor wins.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from macros.model import Actor, Dataset, Place, Term, naming
from macros.site import html, pages, render

KIND_PRIORITY = {"actor": 0, "place": 1, "term": 2}
MIN_LENGTH = 2
# Elements whose text is never linked: headings, code, existing links and tooltips, and non-prose.
TERM_TOOLTIPS = 5  # later uses of a term a page marks with its definition, after the first (a link)
SKIP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "kbd", "samp", "script",
                       "style", "textarea", "button", "select", "option", "label", "title", "svg", "time"})
QUOTE_TAGS = frozenset({"q", "blockquote"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                       "track", "wbr"})
# `no-link` is the authors' switch; the others are names already glossed or tabulated.
SUPPRESS_CLASSES = frozenset({"no-link", "ex-aka", "ex-names"})
# A tag (quoted attribute values may hold ">"), a comment, or a raw-text element kept whole. Read as a browser
# reads them: one way only (possessive, `*+`), and what is left open (a comment, a script, a tag, a quoted value)
# runs to the end of the text. So every "<" starts one token and the tokenizer is linear whatever the page holds:
# an unclosed "<a" followed by 20,000 letters took 9 s, 40 KB of "<!--" 1.6 s. Closed HTML reads as before.
_TOKEN = re.compile(r"<!--(?:.*?-->|.*)|<(script|style)\b(?:.*?</\1\s*>|.*)"
                    r"|</?([A-Za-z][^\s/>]*+)(?:[^>\"']++|\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z))*+(?:>|\Z)",
                    re.DOTALL | re.IGNORECASE)  # group 2: a tag's name
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ENTITY_ATTR = re.compile(r"""\sdata-entity\s*=\s*"([^"]*)\"""")
# What an element passed over whole must not hold (quotations count their depth; comments and scripts hide tags).
_NOT_PASSED_OVER = ("<q", "<Q", "<blockquote", "<BLOCKQUOTE", "<!--", "<script", "<SCRIPT", "<style", "<STYLE")
_APOSTROPHES = frozenset("\u2019\u2018\u02bc\u2032`")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2212")


@functools.cache
def fold_char(char: str) -> str:
    """One character as matching sees it (may be empty or several characters)."""
    if char.isspace():
        return " "
    if char in _DASHES:
        return "-"
    if char in _APOSTROPHES:
        return "'"
    out: list[str] = []
    for part in unicodedata.normalize("NFKD", char.casefold()):
        if unicodedata.combining(part) and out and unicodedata.name(out[-1], "").startswith("LATIN"):
            continue  # a diacritic on a Latin letter: Xankəndi's ə stays, Şuşa's Ş is S
        out.append(part)
    return "".join(out)


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each character the first time it is met (then a C-speed lookup)."""

    def __missing__(self, codepoint: int) -> str:
        folded = self[codepoint] = fold_char(chr(codepoint))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_text(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, when lengths differ, where each folded character came from in ``text``."""
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):
        return folded, None
    origin = [index for index, char in enumerate(text) for _ in _FOLD_TABLE[ord(char)]]
    return folded, origin


def fold_name(name: str) -> str:
    return " ".join(fold_text(name)[0].split())


def _trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` shaped as a trie, the longer continuation tried first."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [(" +" if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True)
class MentionIndex:
    """Every folded surface form and the entity it names, and the one pattern that finds them."""

    owners: dict[str, str]
    pattern: re.Pattern[str] | None
    # Per build: a place's gloss per spelling (the same on every page).
    rendered: dict[tuple[str, ...], str] = field(default_factory=dict, compare=False)

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, entity id) of every mention in ``text``, left to right, longest first."""
        if self.pattern is None:
            return
        folded, origin = fold_text(text)
        for match in self.pattern.finditer(folded):
            owner = self.owners.get(" ".join(match.group().split()))
            if owner is None:
                continue
            start, end = match.span()
            if origin is not None:
                start, end = origin[start], origin[end - 1] + 1
            yield start, end, owner


def surface_forms(dataset: Dataset) -> Iterator[tuple[str, str, str]]:
    """(name, entity id, kind) for every name an actor, place or term can be mentioned by."""
    entities: list[Actor | Place | Term] = [*dataset.actors.values(), *dataset.places.values(),
                                            *dataset.terms.values()]
    for entity in entities:
        for name in entity.all_names:
            yield name, entity.id, entity.kind


def build_index(dataset: Dataset, previous: MentionIndex | None = None) -> MentionIndex:
    """The mention index of a dataset: computed once per build, its pattern taken from ``previous`` (the last
    build of a ``mkdocs serve``) when the names are the same."""
    owners: dict[str, str] = {}
    ranks: dict[str, int] = {}
    for name, entity_id, kind in surface_forms(dataset):
        key = fold_name(name)
        if len(key) < MIN_LENGTH or not any(char.isalnum() for char in key):
            continue
        if key not in owners or KIND_PRIORITY[kind] < ranks[key]:
            owners[key], ranks[key] = entity_id, KIND_PRIORITY[kind]
    if not owners:
        return MentionIndex(owners, None)
    if previous is not None and previous.owners == owners:
        return MentionIndex(owners, previous.pattern)
    return MentionIndex(owners, re.compile(rf"(?<!\w)(?:{_trie_pattern(owners)})(?!\w)"))


@dataclass
class PageMentions:
    """What one page has linked so far, and the entities it must not link (its own)."""

    ctx: render.PageContext
    policy: naming.NamingPolicy
    own: frozenset[str] = frozenset()
    seen: set[str] = field(default_factory=set)
    glossed: set[str] = field(default_factory=set)  # places whose other names the page has shown
    quoting: int = 0  # inside <q> or <blockquote>: someone's words get links, never an inserted gloss
    term_uses: dict[str, int] = field(default_factory=dict)  # each term's later uses marked so far


def name_gloss(place: Place, written: str, policy: naming.NamingPolicy) -> Markup:
    """`` (Azerbaijani: <span lang="az">Xankəndi</span>)`` beside the first mention of a place."""
    names = naming.other_side_names(place, written, policy)
    if not names:
        return Markup("")
    parts = []
    for name in names:
        label = "also" if name.lang.split("-")[0] == "en" else f"{render.language_name(name.lang)}:"
        text = html('<span lang="{}">{}</span>', name.lang, name.text)
        if name.romanized and name.romanized != name.text:
            text += html(', <span lang="{}-Latn">{}</span>', name.lang.split("-")[0], name.romanized)
        parts.append(html("{} {}", label, text))
    # Kept out of the search index: a name searched for should find the place's page, not every first mention.
    # <small>, not <span>: Material's search parser ends an exclusion at the first closing tag of the same name.
    return html(' <small class="ex-aka" data-entity="{}" data-search-exclude>({})</small>',
        place.id, Markup("; ").join(parts))


def mention_html(state: PageMentions, entity_id: str, text: str, index: MentionIndex) -> str | None:
    """The HTML for one mention, or None to leave the text as it is. Built by concatenating escaped parts, and
    cached per build, because a large site renders many thousands of them."""
    ctx = state.ctx
    entity = ctx.dataset.entity(entity_id)
    if entity is None or entity_id in state.own:
        return None
    card = render.card_title(ctx, entity)  # escaped twice, like every title: Material's tooltips insert it as HTML
    if entity_id in state.seen:
        if isinstance(entity, Term):
            # Bounded, so no one term can grow a page past its budget: a word used 500 times carries its
            # definition at its first few uses only.
            uses = state.term_uses[entity_id] = state.term_uses.get(entity_id, 0) + 1
            return f'<abbr class="ex-term" title="{card}">{escape(text)}</abbr>' if uses <= TERM_TOOLTIPS else None
        if isinstance(entity, Place) and entity_id not in state.glossed and not state.quoting:
            gloss = _gloss(state, entity, text, index)  # linked where no gloss could go: gloss it here
            return f"{escape(text)}{gloss}" if gloss else None
        return None
    state.seen.add(entity_id)
    link = (f'<a class="ex-link ex-link--{entity.kind} ex-mention" href="{escape(ctx.href(entity))}" '
            f'title="{card}" data-entity="{escape(entity_id)}">{escape(text)}</a>')
    if isinstance(entity, Place) and not state.quoting:
        link += _gloss(state, entity, text, index)
    return link


def _gloss(state: PageMentions, place: Place, text: str, index: MentionIndex) -> str:
    state.glossed.add(place.id)
    key = ("gloss", place.id, text)
    gloss = index.rendered.get(key)
    if gloss is None:
        gloss = index.rendered[key] = str(name_gloss(place, text, state.policy))
    return gloss


def _link_text(text: str, index: MentionIndex, state: PageMentions) -> str:
    found = list(index.find(htmllib.unescape(text) if "&" in text else text))
    if not found:
        return text
    plain = htmllib.unescape(text) if "&" in text else text
    out: list[str] = []
    position = 0
    for start, end, entity_id in found:
        html = mention_html(state, entity_id, plain[start:end], index)
        if html is None:
            continue
        out.append(str(escape(plain[position:start])))
        out.append(html)
        position = end
    if not out:
        return text
    out.append(str(escape(plain[position:])))
    return "".join(out)


def _skips(tag: str, name: str) -> bool:
    if name in SKIP_TAGS:
        return True
    if "=" not in tag:  # no attribute value, so no class (most tags)
        return False
    match = _CLASS.search(tag)
    return bool(match and SUPPRESS_CLASSES.intersection(next((group for group in match.groups() if group), "").split()))


@functools.cache
def _closing(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An element's closing tag, and its opening tag (to see whether it nests inside itself)."""
    escaped = re.escape(name)
    return (re.compile(rf"</{escaped}\s*>", re.IGNORECASE), re.compile(rf"<{escaped}(?=[\s/>])", re.IGNORECASE))


def _skipped_element_end(html: str, start: int, name: str, state: PageMentions) -> int | None:
    """Where an element whose text is never linked ends (after its closing tag), when it can be passed over whole:
    a link, a heading, a map. Its links to entities still count as their first mention on the page. ``None`` (go
    through it tag by tag) when it holds an element of its own name, a quotation, a comment or a script.

    A generated page is the bulk of a build, and a third of its tags are in such elements. Its values are escaped,
    so no ``</a>`` stands inside an attribute; in hand-written HTML one that did would end the element early."""
    closing, opening = _closing(name)
    close = closing.search(html, start)
    if close is None:
        return None
    inner = html[start:close.start()]
    if "<" in inner:
        if opening.search(inner) or any(marker in inner for marker in _NOT_PASSED_OVER):
            return None
        if "data-entity" in inner:
            for token in _TOKEN.finditer(inner):
                tag = token.group()
                if tag[:3].lower() in ("<a ", "<a\t", "<a\n") and (entity := _ENTITY_ATTR.search(tag)):
                    state.seen.add(entity.group(1))
                    if not state.quoting:
                        state.glossed.add(entity.group(1))
    return close.end()


def link_mentions(html: str, index: MentionIndex, state: PageMentions) -> str:
    """``html`` with its mentions linked (see the module's docstring). Linear in the length of ``html``."""
    out: list[str] = []
    append, search = out.append, _TOKEN.search  # bound once: this loop runs for every tag of every page
    stack: list[tuple[str, bool]] = []  # open elements, and whether each suppresses linking
    state.quoting = 0
    skipping = 0
    position = 0
    while (token := search(html, position)) is not None:
        start, end = token.span()
        if start > position:
            text = html[position:start]
            append(text if skipping or not text.strip() else _link_text(text, index, state))
        tag = html[start:end]
        append(tag)
        position = end
        name = token.group(2)
        if name is None:  # a comment, or a script or style kept whole
            continue
        name = name.lower()
        if tag[1] == "/":
            while stack:
                open_name, skips = stack.pop()
                skipping -= skips
                state.quoting -= open_name in QUOTE_TAGS
                if open_name == name:
                    break
            continue
        if name == "a" and (entity := _ENTITY_ATTR.search(tag)):
            # An explicit link (the `link` and `mention` macros, an entity page's lists) is the entity's first
            # mention: the page names its place as its author chose; only a quotation defers the gloss.
            state.seen.add(entity.group(1))
            if not state.quoting:
                state.glossed.add(entity.group(1))
        state.quoting += name in QUOTE_TAGS
        if name in VOID_TAGS or tag.endswith("/>"):
            continue
        skips = _skips(tag, name)
        if skips and (element_end := _skipped_element_end(html, position, name, state)) is not None:
            append(html[position:element_end])  # nothing inside is linked: the whole element at once
            position = element_end
            continue
        stack.append((name, skips))
        skipping += skips
    tail = html[position:]
    if tail:
        append(tail if skipping or not tail.strip() else _link_text(tail, index, state))
    return "".join(out)


def own_entities(dataset: Dataset, src_uri: str) -> frozenset[str]:
    """The entities a page is the page of: one entity's page, or the glossary for every term."""
    if src_uri == pages.TERMS_PAGE:
        return frozenset(dataset.terms)
    folder, _, rest = src_uri.partition("/")
    entity_id = rest.removesuffix(".md")
    if folder in pages.FOLDERS.values() and dataset.entity(entity_id) is not None:
        return frozenset({entity_id})
    return frozenset()


# What a page's Markdown source shows as prose: code, headings, template tags and suppressed spans are cut.
_NOT_PROSE = re.compile(r"^(?:```|~~~).*?^(?:```|~~~)[^\n]*$|`[^`\n]*`|^#{1,6} [^\n]*$|\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}"
                        r"|<span class=\"no-link\">.*?</span>|<[^>]*>|(?<=\])\([^)\s]*\)", re.DOTALL | re.MULTILINE)
_MACRO_MENTION = re.compile(r"""\b(?:link|mention)\(\s*["']([^"']+)["']""")


def mentioned_ids(markdown: str, index: MentionIndex) -> set[str]:
    """The entities a page's Markdown source mentions in its prose or links with ``link``/``mention``."""
    found = {match.group(1) for match in _MACRO_MENTION.finditer(markdown)}
    prose = _NOT_PROSE.sub(" ", markdown)
    found.update(entity_id for _start, _end, entity_id in index.find(prose))
    return found


def page_heading(markdown: str, fallback: str) -> str:
    """A hand-written page's title: its first ``# `` heading."""
    match = re.search(r"^# +(.+?) *#*$", markdown, re.MULTILINE)
    return match.group(1).strip() if match else fallback


def backlinks(written: Iterable[tuple[str, str, str]], index: MentionIndex,
              dataset: Dataset) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each actor and place: the written pages ``(src_uri, title)`` that mention it, from
    ``(src_uri, title, text)`` triples (hand-written Markdown, and the seed article's text)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for src_uri, title, text in written:
        for entity_id in sorted(mentioned_ids(text, index)):
            if entity_id in dataset.actors or entity_id in dataset.places:
                found.setdefault(entity_id, []).append((src_uri, title))
    return {key: tuple(value) for key, value in found.items()}
