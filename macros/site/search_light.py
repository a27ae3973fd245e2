"""What a large explainer's search index holds of its generated pages: names and titles, not every word.

Material's index holds every section of every page, so it grows with everything the data says: 3.2 KB an event,
16 MB at 5,000 events, which every reader who searches downloads whole. Above ``LIGHT_ABOVE`` events the index
keeps what a reader searches a large explainer for, every entity by any of its names:
- an actor's or place's page: its heading, lede (kind, description) and names (the "names" section, every
  script and romanization);
- an event's page: its title (the heading; its date and summary are on the page the result opens);
- the glossary's pages, hand-written pages and the article: in full, as before.
The pages that only list entries found on their own pages (the timeline's and the sources' periods, an entity's
events by period, actors and places by category) are left out. At 5,000 events the index weighs 1.86 MB.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from macros.model import Dataset
from macros.site import pages

LIGHT_ABOVE = 1000  # events; a smaller explainer's index keeps every word (the seed's: 366 KB)
KEPT_SECTIONS = ("names",)  # the sections of an actor's or place's page that the light index keeps
_LISTINGS = (pages.TIMELINE_FOLDER, pages.SOURCES_FOLDER, pages.KIND_FOLDER)
_H2 = re.compile(r'<h2(?: id="([^"]*)")?>')


def is_light(dataset: Dataset) -> bool:
    return len(dataset.events) > LIGHT_ABOVE


def left_out(generated: pages.GeneratedPage) -> bool:
    """Whether a light index leaves this generated page out: a listing of entries that have pages of their own."""
    folder = generated.src_uri.split("/")[0]
    if generated.entity_id is not None or generated.title is None:
        return False  # an entity's page, an index of a kind, the names page, the article
    if folder in _LISTINGS:
        return True
    return folder in (pages.FOLDERS["actor"], pages.FOLDERS["place"])  # an entity's events by period


def light_view(html: str, kind: str | None, view: Callable[[str], str]) -> str:
    """The part of a page's search ``view`` (``macros.site.search_view``) that a light index keeps, for a page of
    ``kind`` ("event", "actor", "place"; None for other pages, kept whole). An event keeps its heading alone, so
    only the heading is viewed: the rest of the page is never read."""
    if kind is None:
        return view(html)
    if kind == "event":
        end = html.find("</h1>")
        return view(html if end == -1 else html[:end + len("</h1>")])
    parts = _H2.split(view(html))
    kept = [parts[0]]  # the heading and the lede, before the first section
    for index in range(1, len(parts), 2):
        if parts[index] in KEPT_SECTIONS:
            kept.append(f'<h2 id="{parts[index]}">{parts[index + 1]}')
    return "".join(kept)


def trim(entries: list[dict[str, Any]], start: int) -> None:
    """Lighten the search entries of one generated page (``entries[start:]``, as Material's search made them): a
    text that only repeats its title (an event's) is emptied, and empty tags dropped; a page's tags (its names)
    stay on its first entry, which they rank first, and leave the others. 0.3 MB of 2.2 at 5,000 events."""
    for number, entry in enumerate(entries[start:]):
        if entry.get("text") == entry.get("title"):
            entry["text"] = ""
        if "tags" in entry and (number > 0 or not entry["tags"]):
            del entry["tags"]
