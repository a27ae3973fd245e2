"""An estimate of the bytes of HTML an event takes on a timeline page, so the timeline can be split by weight.

The timeline's entries vary from 1.5 KB (a date, a title, one source) to 12 KB (an operation with a dozen
claims): a page of 30 light events weighs 60 KB, a page of 30 heavy ones 250 KB. The estimate counts what the
renderer writes for each part of an event; measured on the seed timeline it is within 0.7–2.7× of the real entry
(mentions and glossary tooltips added after rendering are the difference), 1.33× over a whole page, which
``WEIGHT_FACTOR`` covers with room to spare.
"""

from __future__ import annotations

from macros.model.dataset import Event

ENTRY = 300  # the article, its date, kind, data attributes and meta labels
LINK = 150  # a link to an actor or place, with its card the first time a page links it
CLAIM = 350  # a claim's list item, its "says" heading and its maker's link
CITATION = 130  # a numbered reference with its tooltip (publisher: title)
REFERENCE = 450  # a line of the page's reference list; counted once per event (a page shares some: an upper bound)
WEIGHT_FACTOR = 1.5  # mentions linked and glossary terms marked after rendering, names glossed in other scripts


def _bytes(text: str | None) -> int:
    return len(text.encode()) if text else 0


def event_weight(event: Event) -> int:
    """About how many bytes of HTML ``event`` adds to a timeline page, references included (an overestimate)."""
    size = ENTRY + _bytes(event.title) + _bytes(event.summary) + LINK * (len(event.actors) + len(event.places))
    sources = set(event.sources)
    citations = len(event.sources)
    for claim in event.claims:
        size += CLAIM + _bytes(claim.says) + _bytes(claim.translation) + LINK * len(claim.disputed_by)
        sources.add(claim.source)
        citations += 1
    return int(WEIGHT_FACTOR * (size + CITATION * citations)) + REFERENCE * len(sources)
