"""Make a macro's HTML inert to Markdown, which reads the page after the macros have run.

Escaping makes data safe for HTML but not for Markdown: Python-Markdown turns ``[x](javascript:…)`` into a
link even inside an attribute value, because its link pattern runs before it sets raw HTML tags aside. So
every character that starts Markdown syntax is written as a character reference: the browser shows the
same text, and Markdown has nothing to act on.
"""

from __future__ import annotations

import re

# In text: everything that opens inline Markdown (links, emphasis, code, escapes, attribute lists, and
# the syntax of common extensions: ~~del~~, ^^ins^^, ==mark==, :emoji:, $math$).
_IN_TEXT = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_{}[]!~^=:|$"})
# In attribute values: the patterns Markdown applies before it sets the tag aside (links, code, escapes).
_IN_ATTRIBUTE = str.maketrans({char: f"&#{ord(char)};" for char in "\\`[]"})
# Escaped HTML holds no raw < or > but the tags' own, and no raw " inside attribute values.
_TAG = re.compile(r"(<[^<>]*>)")
_VALUE = re.compile(r'"[^"]*"')


def markdown_inert(html: str) -> str:
    """``html`` (escaped, as the renderer makes it) with no character Markdown would read as syntax."""
    parts = _TAG.split(html)
    for index, part in enumerate(parts):
        if index % 2:
            parts[index] = _VALUE.sub(lambda value: value.group(0).translate(_IN_ATTRIBUTE), part)
        else:
            parts[index] = part.translate(_IN_TEXT)
    return "".join(parts)
