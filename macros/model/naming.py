"""The naming policy: which of a place's names the site shows first, and which names of the other side go beside it.

The policy is one setting in mkdocs.yml (``extra: {naming_policy: ...}``):

- ``english-common`` (the default): the place's ``name`` in ``data/places.yml``, the form English-language
  reporting uses most;
- ``used-by:<actor id>``: the name that actor uses (``names[].used_by``), e.g. ``used-by:azerbaijan``; a place
  for which the data records no name used by that actor keeps its ``name``.

Whatever the policy, a place's first mention on a page also shows the names the other side uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.model.dataset import Dataset, Name, Place
from macros.model.names import fold, letters
from macros.model.names import heading as page_heading

DEFAULT_POLICY = "english-common"
SIDE_PREFIX = "used-by:"


@dataclass(frozen=True)
class NamingPolicy:
    """``side`` is None for ``english-common``, else the id of the actor whose names are shown first."""

    side: str | None = None

    @property
    def setting(self) -> str:
        return f"{SIDE_PREFIX}{self.side}" if self.side else DEFAULT_POLICY


def parse_policy(value: object, dataset: Dataset) -> tuple[NamingPolicy | None, str]:
    """The policy a setting names, or None and what is wrong with it."""
    if value is None or value == DEFAULT_POLICY:
        return NamingPolicy(), ""
    if isinstance(value, str) and value.startswith(SIDE_PREFIX):
        side = value[len(SIDE_PREFIX):]
        if side in dataset.actors:
            return NamingPolicy(side), ""
        return None, (f"mkdocs.yml: extra.naming_policy {value!r} names no actor {side!r}; "
                      f"use the id of an actor in data/actors.yml")
    return None, (f"mkdocs.yml: extra.naming_policy is {value!r}; write {DEFAULT_POLICY!r} or "
                  f"'{SIDE_PREFIX}<actor id>' (e.g. '{SIDE_PREFIX}{next(iter(dataset.actors), 'actor-id')}')")


def primary_name(place: Place, policy: NamingPolicy) -> Name | None:
    """The entry of ``names`` the policy shows first, or None when the place's plain ``name`` is shown."""
    if policy.side:
        for name in place.names:
            if policy.side in name.used_by:
                return name
    return None


def shown_text(place: Place, policy: NamingPolicy) -> str:
    name = primary_name(place, policy)
    return name.text if name else place.name


def heading_parts(place: Place, policy: NamingPolicy) -> list[str]:
    """The names in a place's title, the policy's first: ``pages.heading`` (the name, then the other sides'
    names among the aliases) reordered, without repeating a spelling of the name shown first."""
    common = page_heading(place).split(" / ")
    name = primary_name(place, policy)
    if name is None:
        return common
    shown = _spellings(name)
    return [name.text, *(part for part in common if fold(part) not in shown)]


def heading(place: Place, policy: NamingPolicy) -> str:
    return " / ".join(heading_parts(place, policy))


def _spellings(name: Name) -> set[str]:
    return {letters(name.text), *((letters(name.romanized),) if name.romanized else ())}


def other_side_names(place: Place, written: str, policy: NamingPolicy, limit: int = 2) -> list[Name]:
    """The names to show beside a mention written ``written``: the policy's name if the text is not it, then
    the names used by a side other than the one whose name was written, at most ``limit``. Spellings already
    shown are left out, and each language appears once."""
    key = letters(written)
    sides = {side for name in place.names if key in _spellings(name) for side in name.used_by}
    first = primary_name(place, policy) or next((name for name in place.names if letters(name.text) ==
                                                 letters(place.name)), None) or Name(place.name, "en")
    chosen: list[Name] = [first] if key not in _spellings(first) else []
    shown = {key, *(spelling for name in chosen for spelling in _spellings(name))}
    for name in place.names:
        if len(chosen) >= limit:
            break
        if not name.used_by or sides.intersection(name.used_by) or name.period_to is not None:
            continue  # (a former name is history, not the other side's word)
        if shown.intersection(_spellings(name)):
            if chosen and chosen[0] is first and first.lang.startswith("en") and not name.lang.startswith("en"):
                chosen[0] = name  # the same name in its own script: Armenian Ստեփանակերտ for Stepanakert
            continue
        if all(name.lang != other.lang for other in chosen):
            chosen.append(name)
            shown.update(_spellings(name))
    return chosen
