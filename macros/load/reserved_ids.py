"""Ids that belong to the site: an entry may not take them.

An entry's id names its page (``actors/<id>/``) and its anchor on shared pages (the timeline, the glossary, the
sources, the article). An actor ``index`` would replace the actors' index page; an event ``ref-1`` or ``y2023``
would capture a citation or a year's anchor on the timeline; ``con`` or ``nul`` make a folder Windows cannot hold
(the offline zip is unpacked there).
"""

from __future__ import annotations

import re

# Names of pages and folders the site makes beside entity pages, and anchors its pages make (macros/site).
SITE_NAMES = frozenset({"index", "by-kind", "references", "policy", "by-place", "by-actor", "search", "assets",
                        "downloads", "404", "sitemap"})
_SITE_PATTERN = re.compile(r"^(?:ref-\d+|y\d{4}|passage-.*|ex-.*)$")
# Names Windows reserves for devices, with or without an extension (con, nul, com1, lpt9...).
_WINDOWS = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def reserved(entry_id: str) -> str | None:
    """Why ``entry_id`` cannot be an id, or None."""
    if entry_id in SITE_NAMES or _SITE_PATTERN.match(entry_id):
        return "is a name the site gives its own pages or anchors"
    if _WINDOWS.match(entry_id):
        return "is a name Windows reserves for a device, so the offline edition could not be unpacked there"
    return None
