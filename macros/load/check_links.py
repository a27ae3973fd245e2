"""Integrity across the data files: unique ids, references that resolve, one owner per alias, valid dates,
every source cited."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from macros.load.problems import Problem, did_you_mean, shown
from macros.load.reserved_ids import reserved
from macros.load.yamlfile import Pointer, YamlDocument
from macros.model import fold, parse_date

KIND_OF_FILE = {"sources": "source", "actors": "actor", "places": "place", "events": "event", "glossary": "term",
                "figures": "figure"}
FILE_OF_KIND = {kind: stem for stem, kind in KIND_OF_FILE.items()}

# (field path inside one entry, the kind it refers to, the verb of the message). "*" stands for each item.
REFERENCES: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]] = {
    "events": (
        (("actors", "*"), "actor", "names"), (("places", "*"), "place", "names"),
        (("sources", "*"), "source", "cites"), (("claims", "*", "by"), "actor", "attributes a claim to"),
        (("claims", "*", "source"), "source", "cites"),
        (("claims", "*", "disputed_by", "*"), "actor", "has a claim disputed by"),
    ),
    "actors": (
        (("part_of",), "actor", "is part of"), (("sources", "*"), "source", "cites"),
        (("names", "*", "used_by", "*"), "actor", "has a name used by"),
    ),
    "places": (
        (("located_in",), "place", "lies in"), (("coordinates", "source"), "source", "cites"),
        (("sources", "*"), "source", "cites"), (("names", "*", "used_by", "*"), "actor", "has a name used by"),
    ),
    "glossary": (
        (("used_by", "*"), "actor", "is used by"), (("instead", "*", "used_by", "*"), "actor", "has a word used by"),
        (("instead", "*", "source"), "source", "cites"), (("related", "*"), "term", "relates to"),
        (("sources", "*"), "source", "cites"),
    ),
    "sources": ((("party",), "actor", "speaks for"),),
    "figures": (
        (("according_to",), "actor", "is given by"), (("events", "*"), "event", "belongs to"),
        (("sources", "*"), "source", "cites"),
    ),
}
SEED_REFERENCES = ((("source",), "source", "names as its article"), (("notes", "*", "sources", "*"), "source", "cites"),
                   (("lede_sources", "*"), "source", "has a lede citing"),
                   (("key_events", "*"), "event", "opens the home page with"),
                   (("key_figures", "*"), "figure", "shows on the home page"))
DATE_FIELDS = {"sources": (("date",),),  # an event's date and end are a span: span_problems
               "actors": (("names", "*", "period", "from"), ("names", "*", "period", "to")),
               "places": (("names", "*", "period", "from"), ("names", "*", "period", "to"))}


@dataclass(frozen=True)
class Entry:
    """One entry of a data file, as read, with where it stands."""

    stem: str
    index: int
    value: dict[str, Any]
    document: YamlDocument
    intact: bool

    @cached_property  # asked for every reference to the entry
    def id(self) -> str:
        return str(self.value.get("id", ""))

    @property
    def kind(self) -> str:
        return KIND_OF_FILE[self.stem]

    @property
    def label(self) -> str:
        return f"{self.kind} {shown(self.id)}"

    def pointer(self, *rest: str | int) -> Pointer:
        key = "terms" if self.stem == "glossary" else self.stem
        return (key, self.index, *rest)

    def line(self, *rest: str | int) -> int:
        return self.document.line(self.pointer(*rest))


def _walk(value: Any, path: tuple[str, ...], where: tuple[str | int, ...] = ()) -> list[tuple[Any, Pointer]]:
    """Every value at ``path`` in ``value``, with where it is."""
    found: list[tuple[Any, Pointer]] = [(value, where)]
    for head in path:  # one level at a time, not a generator per level: this runs for every reference
        if head == "*":
            found = [(item, (*at, index)) for node, at in found if isinstance(node, list)
                     for index, item in enumerate(node)]
        else:
            found = [(node[head], (*at, head)) for node, at in found if isinstance(node, dict) and head in node]
    return found


def _values(value: Any, path: tuple[str, ...]) -> list[Any]:
    """Every value at ``path`` in ``value``, without where it is: enough for the common case, where nothing is
    wrong with them."""
    found = [value]
    for head in path:
        if head == "*":
            found = [item for node in found if isinstance(node, list) for item in node]
        else:
            found = [node[head] for node in found if isinstance(node, dict) and head in node]
    return found


def check_ids(entries: list[Entry]) -> tuple[list[Problem], dict[str, Entry]]:
    problems: list[Problem] = []
    owners: dict[str, Entry] = {}
    for entry in entries:
        if not entry.id:
            continue
        why = reserved(entry.id)
        if why:
            problems.append(Problem(entry.document.path, entry.line("id"),
                                    f"{entry.label}: the id {why}; choose another, longer and more specific"))
        first = owners.get(entry.id)
        if first is None:
            owners[entry.id] = entry
            continue
        problems.append(Problem(entry.document.path, entry.line("id"),
                                f"id {entry.id!r} is already used by the {first.kind} on "
                                f"{first.document.path}:{first.line('id')}; ids must be unique across all data "
                                "files: rename one"))
    return problems, owners


_VALID_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Letters of other scripts drawn like Latin ones: an id typed on another keyboard looks right and is not.
_LOOKALIKES = str.maketrans("\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u0261"
                            "\u03bf\u03b1\u03bd", "aeopcyxijsdgoav")


def _skeleton(text: str) -> str:
    """What an id looks like on screen: look-alike letters read as Latin, invisible characters dropped."""
    plain = unicodedata.normalize("NFKD", text.casefold().translate(_LOOKALIKES))
    kept = "".join(char if char.isascii() and char.isalnum() else " " for char in plain
                   if unicodedata.category(char) not in {"Cf", "Mn"})
    return "-".join(kept.split())


def _an(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


# "Did you mean" compares a reference with every id of its kind: 3,000 dangling references to 5,000 ids took the
# check 226 s. The first SUGGESTIONS unknown references of a run get a suggestion; the rest are listed plainly.
SUGGESTIONS = 25


@dataclass
class Lookup:
    """What the messages for unknown references compare with, made once per check, and the suggestions left."""

    owners: dict[str, Entry]
    suggestions: int = SUGGESTIONS
    _kinds: dict[str, tuple[list[str], dict[str, Entry]]] = field(default_factory=dict)

    def of_kind(self, kind: str) -> tuple[list[str], dict[str, Entry]]:
        """The valid ids of ``kind``, and its invalid ids (a look-alike letter, a capital) by what they look like."""
        if kind not in self._kinds:
            valid: list[str] = []
            lookalike: dict[str, Entry] = {}
            for owner in self.owners.values():
                if owner.kind == kind:
                    if _VALID_ID.match(owner.id):
                        valid.append(owner.id)
                    else:
                        lookalike.setdefault(_skeleton(owner.id), owner)
            self._kinds[kind] = (valid, lookalike)
        return self._kinds[kind]


def _reference_problem(entry_label: str, ref: str, kind: str, verb: str, lookup: Lookup) -> str | None:
    target = lookup.owners.get(ref)
    if target is None:
        valid, lookalike = lookup.of_kind(kind)
        # An id broken by a look-alike letter or a capital is reported where it is written; point there.
        near = lookalike.get(ref)
        if near is not None:
            return (f"{entry_label} {verb} unknown {kind} {shown(ref)}; the {kind} on "
                    f"{near.document.path}:{near.line('id')} has the id {shown(near.id)}, which only looks like it: "
                    "retype that id")
        hint = ""
        if lookup.suggestions > 0:
            lookup.suggestions -= 1
            hint = did_you_mean(ref, valid)
        hint = hint or f"; add it to data/{FILE_OF_KIND[kind]}.yml or correct the id"
        return f"{entry_label} {verb} unknown {kind} {shown(ref)}{hint}"
    if target.kind != kind:
        return (f"{entry_label} {verb} {shown(ref)} as {_an(kind)}, but it is {_an(target.kind)} "
                f"({target.document.path}:{target.line('id')}); use the id of {_an(kind)}")
    return None


def _resolve(value: dict[str, Any], path: tuple[str, ...], kind: str, owners: dict[str, Entry]) -> bool:
    """Whether every reference at ``path`` names an entry of ``kind`` (and no claim is disputed by its author):
    the common case, decided without building where each reference is or a message."""
    stem = FILE_OF_KIND[kind]
    for ref in _values(value, path):
        target = owners.get(str(ref))
        if target is None or target.stem != stem:
            return False
    if path[0] == "claims" and path[-1] == "*":
        return not any(isinstance(claim, dict) and claim.get("by") in (claim.get("disputed_by") or ())
                       for claim in value["claims"])
    return True


def check_references(entries: list[Entry], lookup: Lookup, unreadable: set[str],
                     lost: frozenset[str] = frozenset()) -> list[Problem]:
    """References that do not resolve. Kinds whose file could not be read are not judged, nor references to the
    ``lost`` ids of entries a syntax slip hid (their problem is already reported where the slip is)."""
    owners = lookup.owners
    problems: list[Problem] = []
    for entry in entries:
        if not entry.intact:
            continue
        for path, kind, verb in REFERENCES[entry.stem]:
            if kind in unreadable or path[0] not in entry.value or _resolve(entry.value, path, kind, owners):
                continue
            for ref, where in _walk(entry.value, path):
                message = None if str(ref) in lost else _reference_problem(entry.label, str(ref), kind, verb, lookup)
                if message:
                    problems.append(Problem(entry.document.path, entry.line(*where), message))
                elif path[0] == "claims" and path[-1] == "*":
                    claim = entry.value["claims"][where[1]]
                    if ref == claim["by"]:
                        problems.append(Problem(entry.document.path, entry.line(*where),
                                                f"{entry.label} has a claim by {shown(ref)} disputed by itself; "
                                                "remove it from `disputed_by`"))
        if entry.stem == "places" and entry.value.get("located_in") == entry.id:
            problems.append(Problem(entry.document.path, entry.line("located_in"),
                                    f"{entry.label} lies in itself; name the place that contains it"))
    return problems


def span_problems(document: YamlDocument, at: Pointer, label: str, span: dict[str, Any], start: str,
                  end: str) -> list[Problem]:
    """The problems of the span of dates at ``at`` in ``document`` (an event, a chapter): a bound that is not a
    date, an end before the start."""
    problems: list[Problem] = []
    parsed = {}
    for key in (start, end):
        if key in span:
            date, error = parse_date(str(span[key]))
            if date is None:
                problems.append(Problem(document.path, document.line((*at, key)), f"{label}: `{key}` {error}"))
            else:
                parsed[key] = date
    if len(parsed) == 2 and parsed[end].last_day_key() < parsed[start].sort_key():
        problems.append(Problem(document.path, document.line((*at, end)),
                                f"{label} ends ({parsed[end].iso}) before it starts ({parsed[start].iso}); "
                                "swap or correct the dates"))
    return problems


def check_dates(entries: list[Entry]) -> list[Problem]:
    problems: list[Problem] = []
    for entry in entries:
        if not entry.intact:
            continue
        if entry.stem == "events":
            problems += span_problems(entry.document, entry.pointer(), entry.label, entry.value, "date", "end")
            continue
        for path in DATE_FIELDS.get(entry.stem, ()):
            if path[0] not in entry.value:
                continue
            for text, where in _walk(entry.value, path):
                date, error = parse_date(str(text))
                if date is None:
                    problems.append(Problem(entry.document.path, entry.line(*where),
                                            f"{entry.label}: `{where[-1]}` {error}"))
    return problems


def entity_names(entry: Entry) -> Iterator[tuple[str, Pointer, bool]]:
    """Every name an entry can be mentioned by: (name, where, is_alias)."""
    value = entry.value
    main = "term" if entry.stem == "glossary" else "name"
    if entry.stem in {"actors", "places", "glossary"} and isinstance(value.get(main), str):
        yield value[main], (main,), False
    for index, alias in enumerate(value.get("aliases", ()) or ()):
        yield str(alias), ("aliases", index), True
    for index, name in enumerate(value.get("names", ()) or ()):
        if isinstance(name, dict):
            for key in ("text", "romanized"):
                if isinstance(name.get(key), str):
                    yield name[key], ("names", index, key), False


def check_aliases(entries: list[Entry]) -> list[Problem]:
    """An alias names one entity only. Two kinds may share a name (the state Armenia and the country)."""
    problems: list[Problem] = []
    seen: dict[str, tuple[Entry, Pointer, bool]] = {}
    reported: set[tuple[int, str]] = set()  # one message per entry and name, though it lists the name twice
    for entry in entries:
        if not entry.intact or entry.stem not in {"actors", "places", "glossary"}:
            continue
        for name, where, is_alias in entity_names(entry):
            key = fold(name)
            first = seen.get(key)
            if first is None:
                seen[key] = (entry, where, is_alias)
                continue
            other, other_where, other_is_alias = first
            if other is entry:
                continue
            if (is_alias or other_is_alias or other.kind == entry.kind) and (id(entry), key) not in reported:
                reported.add((id(entry), key))
                if is_alias != other_is_alias:  # an alias repeating another's own name: the alias is wrong
                    alias, alias_where, owner, owner_where = ((entry, where, other, other_where) if is_alias
                                                              else (other, other_where, entry, where))
                    problems.append(Problem(
                        alias.document.path, alias.line(*alias_where),
                        f"{alias.label}: the alias {shown(name)} is the name of {owner.label} "
                        f"({owner.document.path}:{owner.line(*owner_where)}); a name may point to one entity only: "
                        f"remove it from the aliases of {alias.label}"))
                    continue
                problems.append(Problem(
                    entry.document.path, entry.line(*where),
                    f"{entry.label}: the name {shown(name)} already belongs to {other.label} "
                    f"({other.document.path}:{other.line(*other_where)}); a name may point to one entity only: "
                    "remove it from one of them"))
    return problems


def check_citations(entries: list[Entry], seed: dict[str, Any] | None,
                    also_cited: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    """Every source is cited by something (``also_cited``: by the maps' outlines), so nothing in sources.yml is
    dead weight."""
    cited: set[str] = set(also_cited)
    for entry in entries:
        for path, kind, _verb in REFERENCES[entry.stem]:
            if kind == "source":
                cited.update(str(ref) for ref in _values(entry.value, path))
    if seed:
        for path, _kind, _verb in SEED_REFERENCES:
            cited.update(str(ref) for ref in _values(seed, path))
    return [Problem(entry.document.path, entry.line("id"),
                    f"{entry.label} is cited by nothing; cite it from an event, claim, term or note, or remove it")
            for entry in entries if entry.stem == "sources" and entry.intact and entry.id not in cited]
