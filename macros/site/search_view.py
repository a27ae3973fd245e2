"""What the site search reads of a generated page: its text, headings and block structure, without inline markup.

Material's search plugin parses every page's HTML with Python's ``HTMLParser`` and keeps only text, headings (with
their ids) and a few block tags (``p``, lists, ``sup``/``sub``, code). A generated page is dense with inline markup
(links with tooltips, citations, names in other scripts), so parsing it was a quarter of a large build. The parser
is handed this view instead: inline elements are unwrapped, attributes dropped except a heading's ``id``, and what
is marked ``data-search-exclude`` is cut, as the parser would skip it. Block elements stay, so sections are split
and nested as before, and the index holds the same words (table cells, which the parser would run together, are
kept apart by a space).
"""

from __future__ import annotations

import re

# Elements the search parser neither keeps in the index nor uses to find sections: unwrapped.
INLINE = frozenset({"a", "abbr", "b", "bdi", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small", "span",
                    "strong", "time", "u"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Table cells are unwrapped too, with a space: the parser would join "Name" and "Language" into "NameLanguage".
_CELLS = frozenset({"td", "th"})
# Attribute values from data are escaped, so a ">" never stands inside a tag.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
_ID = re.compile(r'\bid="([^"]*)"')
# Like Material's parser, an exclusion ends at the first closing tag of the same name.
_EXCLUDED = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b[^>]*\bdata-search-exclude\b[^>]*>.*?</\1\s*>", re.DOTALL)
_RAW = re.compile(r"<(script|style)\b", re.IGNORECASE)


def _tag(match: re.Match[str]) -> str:
    closing, name, attributes = match.groups()
    name = name.lower()
    if name in INLINE:
        return ""
    if name in _CELLS:
        return " " if closing else ""
    if name in _HEADINGS and not closing and (heading_id := _ID.search(attributes)):
        return f'<{name} id="{heading_id.group(1)}">'
    return f"<{closing}{name}>"


def search_view(html: str) -> str:
    """``html`` as the search index needs it. A page with a script or style is returned as it is."""
    if _RAW.search(html):
        return html
    return _TAG.sub(_tag, _EXCLUDED.sub("", html))
