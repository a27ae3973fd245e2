"""What Knight Lab's TimelineJS expects, shared by the sheet importer and the exports.

The spreadsheet columns are those of Knight Lab's template, as its own test sheet lists them
(TimelineJS3 ``src/js/core/__tests__/women_in_computing.csv``) and as ``ConfigFactory.js`` reads them
(``extractGoogleEntryData_V3``: names lower-cased, spaces removed). The JSON format is documented at
https://timeline.knightlab.com/docs/json-format.html (TimelineJS3 ``website/templates/docs/json-format.html``).
Headline, text, caption and credit are HTML in both ("Any text. HTML markup is OK."); the explainer keeps
plain text, so text crosses the border through ``html_to_text`` and ``text_to_html``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from macros.load.schema import URL_PATTERN

COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
           "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Alt Text", "Type",
           "Group", "Background")
# Not Knight Lab's (TimelineJS ignores columns it does not know): the explainer's own, so that an exported sheet
# imports again with each event's sources and kind, whatever its Group says.
SOURCES_COLUMN = "Sources"
KIND_COLUMN = "Kind"
_HTTP = re.compile(URL_PATTERN)  # the check's own: what the import keeps, the check accepts (not HTTPS://)
# Elements whose end starts a new paragraph, and elements whose content is never text a reader saw.
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
           "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dl", "dt", "dd"}
_HIDDEN = {"script", "style", "iframe", "noscript", "template", "object", "embed", "svg", "math", "head", "title"}
_BREAK = "\x00"
# A spreadsheet reads a cell that starts with one of these as a formula, also after leading spaces, tabs and line
# breaks (which some trim); a cell starting with a tab or a carriage return is guarded too (OWASP's advice). An
# apostrophe makes it text.
_FORMULA_START = ("=", "+", "-", "@")
_LEADING = " \t\r\n"


def _runs_as_formula(cell: str) -> bool:
    return cell[:1] in ("\t", "\r") or cell.lstrip(_LEADING).startswith(_FORMULA_START)


def column_key(name: str) -> str:
    """A header as TimelineJS compares it: ``End Year`` and ``endyear`` are the same column."""
    return "".join(name.split()).casefold()


def is_http_url(text: str) -> bool:
    return bool(_HTTP.match(text))


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.links: list[tuple[str | None, int]] = []  # (http href or None, where the link text starts)
        self.spans: list[bool] = []  # for each open <span>: whether it is a note, a paragraph of its own

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append(_BREAK)
        elif tag == "span":
            # Knight Lab's template ends a slide's text with <span class='tl-note'>: a note, not the same sentence.
            note = "tl-note" in (dict(attrs).get("class") or "").split()
            self.spans.append(note)
            if note:
                self.parts.append(_BREAK)
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append((href.strip() if is_http_url(href.strip()) else None, len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append(_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS or (tag == "span" and self.spans and self.spans.pop()):
            self.parts.append(_BREAK)
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            shown = " ".join("".join(self.parts[start:]).replace(_BREAK, " ").split())
            if href and href not in shown:
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text from a TimelineJS cell: tags dropped, entities decoded, paragraphs kept as blank lines.

    A link keeps its text and, when its address is http(s), the address in brackets; scripts, styles and
    embeds are dropped with their content. Whitespace inside a paragraph becomes one space.
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    joined = "".join(parser.parts)
    joined = re.sub(r"\n[ \t\r\f\v]*\n", _BREAK, joined)  # a blank line in the cell is a paragraph break too
    paragraphs = (" ".join(part.split()) for part in joined.split(_BREAK))
    return "\n\n".join(part for part in paragraphs if part)


def text_to_html(text: str) -> str:
    """Plain text as TimelineJS HTML: escaped, one ``<p>`` per paragraph when there are several."""
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    escaped = [html.escape(part, quote=False) for part in paragraphs]
    if len(escaped) <= 1:
        return escaped[0] if escaped else ""
    return "".join(f"<p>{part}</p>" for part in escaped)


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (CSV injection)."""
    return "'" + cell if _runs_as_formula(cell) else cell


def from_spreadsheet_cell(cell: str) -> str:
    """Undo ``spreadsheet_safe``."""
    return cell[1:] if cell.startswith("'") and _runs_as_formula(cell[1:]) else cell
