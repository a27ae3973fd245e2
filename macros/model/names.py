"""Names as the site compares and shows them: folding for matching, an entity's display name and page title."""

from __future__ import annotations

import functools
import unicodedata

from macros.model.dataset import Entity, Place


@functools.lru_cache(maxsize=1 << 17)  # the checks fold each of up to 50,000 names several times
def fold(name: str) -> str:
    """A name as matching sees it: case and diacritics ignored, spaces and dashes made one."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.replace("\u2010", "-").replace("\u2011", "-").replace("\u2013", "-").split())


def letters(text: str) -> str:
    """Only the letters and digits of a folded name: Step'anakert and Stepanakert are one spelling to a reader."""
    return "".join(char for char in fold(text) if char.isalnum())


def display_name(entity: Entity) -> str:
    """The name an entity is shown by: a place with the other side's name too, so search finds either."""
    if entity.kind == "event":
        return entity.title  # type: ignore[union-attr]
    if entity.kind == "term":
        return entity.term  # type: ignore[union-attr]
    if entity.kind == "source":
        return entity.title  # type: ignore[union-attr]
    return entity.name  # type: ignore[union-attr]


def heading(entity: Entity) -> str:
    """A page's title. A place's also carries the names other sides use for it, among its English aliases
    (Stepanakert / Khankendi), so a reader, and the search index, find it under any of them."""
    if not isinstance(entity, Place):
        return display_name(entity)

    side_names = {letters(name.romanized or name.text) for name in entity.names if name.used_by}
    others = [alias for alias in entity.aliases if letters(alias) in side_names and letters(alias) != letters(
        entity.name)]
    return " / ".join([entity.name, *others[:2]])

