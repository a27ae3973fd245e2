"""Names that could take over the site or pass for another's: refused by the check.

Every name and alias of an actor or place is linked wherever it is written, and every use of a glossary term
carries its definition. A name that is a common word (``the``), one letter, or a term found on a large share of
the event pages would turn the whole site into the author's links and tooltips; a name that only looks like
another's (a Cyrillic ``А``, a zero-width space) would let an impostor stand beside the real entity. Lengths are
judged after folding, since some characters fold to many (U+FDFA to 18 letters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from macros.load.check_links import Entry, entity_names
from macros.load.problems import Problem, shown
from macros.model import fold

MAX_FOLDED = 200  # characters of a name once folded; the schema caps the name as written at 200
MAX_NAMES = 50_000  # names and aliases in the whole dataset; the 20,000-event benchmark (6,000 entities) has 27,500
MIN_PAGES, MAX_SHARE = 10, 0.4  # a term used on more event pages than both is a word, not a term
SAMPLE = 500  # event pages read to judge that
# English words a text is made of: as a name or an alias each would be linked or marked on every page.
COMMON_WORDS = frozenset(re.findall(r"\w+", """
a about after all also an and any are as at be been before but by can could did do does for from had has have he
her here his i if in into is it its may more most new no not now of on one or other our out over said says she so
some than that the their them then there these they this those to two under up was we were what when where which
who will with would you your day days year years people state war man men time way part side
"""))
# Letters drawn alike in Latin, Cyrillic, Greek and Armenian, read as the Latin letter (a small table of Unicode's
# confusables: the ones these scripts share in lower case, after folding).
_CONFUSABLE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
    "ӏ": "l", "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "γ": "y", "η": "n", "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n", "լ": "l", "ա": "w", "զ": "q",
    "ɡ": "g", "ı": "i", "ℓ": "l",
})


def skeleton(name: str) -> str:
    """What a name looks like on screen: folded, look-alike letters read as Latin, invisible characters (zero-width
    spaces and joiners, bidi marks: format characters) dropped."""
    if name.isascii():
        return fold(name)
    visible = "".join(char for char in name if unicodedata.category(char) != "Cf")
    return fold(visible).translate(_CONFUSABLE)


def _word_count(words: Iterable[str], texts: list[str]) -> dict[str, int]:
    """On how many of ``texts`` (folded) each of ``words`` (folded) stands as a whole word: one pass per text."""
    words = sorted(set(words), key=len, reverse=True)
    counts = dict.fromkeys(words, 0)
    if not words:
        return counts
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    for text in texts:
        for word in set(pattern.findall(text)):
            counts[word] += 1
    return counts


Named = list[tuple[Entry, str, tuple[str | int, ...], bool, str]]  # entry, name, where, is it an alias, folded


def _named(entries: list[Entry]) -> Named:
    return [(entry, name, where, is_alias, fold(name)) for entry in entries
            if entry.intact and entry.stem in {"actors", "places", "glossary"}
            for name, where, is_alias in entity_names(entry)]


def check_names(entries: list[Entry]) -> list[Problem]:
    """Names too long once folded, too short, common words, terms on too many pages, too many names, and names
    that only look like another entity's."""
    named = _named(entries)
    problems: list[Problem] = []
    if len(named) > MAX_NAMES:
        entry = named[MAX_NAMES][0]
        return [Problem(entry.document.path, entry.line(), f"the data holds {len(named):,} names and aliases, over "
                        f"the limit of {MAX_NAMES:,} the site links on every page; remove the ones no text uses")]
    for entry, name, where, is_alias, folded in named:
        message = None
        if len(folded) > MAX_FOLDED:
            message = (f"is {len(folded)} characters long once folded for matching (over {MAX_FOLDED}); "
                       "shorten it")
        elif (is_alias or entry.stem == "glossary") and sum(char.isalnum() for char in folded) < 2:
            message = "is too short to be matched safely in running text; give at least two letters"
        elif folded in COMMON_WORDS:
            message = ("is a common word: every use of it on every page would point here; "
                       "remove it, or write the longer phrase it stands for")
        if message:
            problems.append(Problem(entry.document.path, entry.line(*where),
                                    f"{entry.label}: the name {shown(name)} {message}"))
    return problems + _term_share_problems(entries, named) + _lookalike_problems(named)


def _term_share_problems(entries: list[Entry], named: Named) -> list[Problem]:
    """A term marked on most event pages is a common word of the story: every use carries its definition. Judged on
    at most SAMPLE event pages spread over the file, so the check stays quick on any number of events."""
    events = [entry for entry in entries if entry.stem == "events"]
    sample = events[:: max(1, len(events) // SAMPLE)]
    texts = [" ".join(f"{entry.value.get('title', '')} {entry.value.get('summary', '')}".casefold().split())
             for entry in sample]
    terms = [(entry, name, where, folded) for entry, name, where, _alias, folded in named if entry.stem == "glossary"]
    counts = _word_count((folded for *_rest, folded in terms), texts)
    limit = max(MIN_PAGES, int(len(texts) * MAX_SHARE))
    of = f"{len(texts)} event pages" + (f" (a sample of {len(events)})" if len(texts) < len(events) else "")
    return [Problem(entry.document.path, entry.line(*where),
                    f"{entry.label}: {shown(name)} is used on {counts[folded]} of {of}, over the limit of {limit}: "
                    "every use would carry the definition; mark a longer, rarer phrase instead")
            for entry, name, where, folded in terms if counts[folded] > limit]


def _lookalike_problems(named: Named) -> list[Problem]:
    """Two entities whose names differ only by look-alike letters or invisible characters."""
    first: dict[str, tuple[Entry, str, tuple[str | int, ...], str]] = {}
    problems: list[Problem] = []
    for entry, name, where, _alias, folded in named:
        key = skeleton(name)
        other = first.setdefault(key, (entry, name, where, folded))
        other_entry, other_name, other_where, other_folded = other
        if other_entry is entry or other_folded == folded:
            continue  # its own names, or the same name (check_aliases judges a name given twice)
        problems.append(Problem(
            entry.document.path, entry.line(*where),
            f"{entry.label}: the name {shown(name)} looks the same as {shown(other_name)} of {other_entry.label} "
            f"({other_entry.document.path}:{other_entry.line(*other_where)}) but differs in look-alike or "
            "invisible characters; retype it in one script, or remove it"))
    return problems
