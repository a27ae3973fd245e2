"""Fast escaping of values into an HTML template: ``html(template, *args)`` is ``Markup(template).format(*args)``.

``Markup.format`` escapes each argument through Python's ``string.Formatter``, which walks the template in Python;
at thousands of pages it was an eighth of a build. Here each argument is escaped by markupsafe's C ``escape`` and
the template is filled by ``str.format``, in C. Numbers are passed as they are, so that ``{:.4f}`` still works.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def _escaped(value: object) -> object:
    if isinstance(value, int | float):
        return value
    return escape(value)


def html(template: str, *args: object, **kwargs: object) -> Markup:
    """``template`` (trusted HTML with ``{}`` fields) filled with ``args`` and ``kwargs``, each HTML-escaped
    unless it is already ``Markup``."""
    filled = template.format(*map(_escaped, args), **{key: _escaped(value) for key, value in kwargs.items()})
    return Markup(filled)  # noqa: S704 (every argument was escaped just above; the template is trusted code)
