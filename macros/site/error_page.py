"""The page `mkdocs serve` shows in place of every page while the last rebuild failed, as Hugo's and Vite's
servers do: the author sees the `path:line` messages where they are looking, and the next good save (which
reloads the browser) brings the site back."""

from __future__ import annotations

import re

from markupsafe import Markup

from macros.site.safe_html import html

_WHERE = re.compile(r"^((?:[\w.\-]+/)*[\w.\-]+\.\w+:\d+):\s(.*)$", re.DOTALL)
_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff8f6; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem; }
h1 { font-size: 1.5rem; color: #8c1d18; margin: 0 0 .5rem; }
ol { padding-left: 1.5rem; } li { margin: .6rem 0; overflow-wrap: anywhere; }
code { font: .95em/1.4 ui-monospace, monospace; background: #f3e3df; padding: .1em .3em; border-radius: 3px;
       white-space: pre-wrap; }
code.where { font-weight: 600; }
"""


def _words(text: str) -> Markup:
    """Text with its `quoted` parts as code, spaces kept (`  - id: x` tells where the dash goes)."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an odd backtick: no code spans
        return html("{}", text)
    return Markup("").join(html("<code>{}</code>", part) if index % 2 else html("{}", part)
                           for index, part in enumerate(parts))


def _item(message: str) -> Markup:
    found = _WHERE.match(message)
    if found:
        return html('<li><code class="where">{}:</code> {}</li>', found.group(1), _words(found.group(2)))
    return html("<li>{}</li>", _words(message))


def error_page(messages: list[str]) -> str:
    """A whole HTML page listing ``messages`` (escaped), each ``path:line`` set apart."""
    items = Markup("").join(_item(message) for message in messages)
    return str(html(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>The site could not be rebuilt</title><style>{}</style></head><body><main>"
        "<h1>The site could not be rebuilt</h1><p>Fix what is listed below and save: this page shows the site again "
        "by itself.</p><ol>{}</ol></main></body></html>", Markup(_STYLE), items))
