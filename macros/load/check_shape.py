"""Check each data file against its declared schema, in words a contributor can act on."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from macros.load import schema as declared
from macros.load.problems import Problem, did_you_mean, shown
from macros.load.yamlfile import Pointer, YamlDocument

_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping (`key: value` lines)",
               "number": "a number", "boolean": "true or false", "integer": "a whole number"}
_VALIDATORS = {stem: Draft202012Validator(file_schema) for stem, (_key, file_schema) in declared.FILES.items()}
# fastjsonschema compiles each schema to Python, about 20 times faster than jsonschema: it answers "is the file
# valid?" for every build, and jsonschema, whose errors carry what the messages need, explains a refusal.
_FAST = {stem: fastjsonschema.compile(file_schema) for stem, (_key, file_schema) in declared.FILES.items()}
_KIND_OF_FILE = {"sources": "source", "actors": "actor", "places": "place", "events": "event",
                 "glossary": "term", "seed": "seed note", "figures": "figure"}


def _type_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _fix_for_type(field: str, expected: str, value: Any) -> str:
    if expected == "string" and isinstance(value, int | float | bool):
        return f"put the value in quotes: {field}: \"{value}\""
    if expected == "string" and value is None:
        return f"write a value after `{field}:` or remove the line"
    if expected == "string":
        return f"write one piece of text after `{field}:`, in quotes if it starts with [ or {{"
    if expected == "boolean" and isinstance(value, str):
        return f"write `{field}: true` or `{field}: false` (yes, no, on and off are text here)"
    if expected in {"integer", "number"} and isinstance(value, str):
        return "write a number, without quotes or thousands separators"
    if expected == "array":
        return f"write a list: `{field}: [a, b]`"
    if expected == "object":
        return "indent its `key: value` lines under it"
    return f"write {_TYPE_NAMES.get(expected, expected)}"


def _slug(text: str) -> str:
    return "-".join("".join(char if char.isascii() and char.isalnum() else " " for char in text.lower()).split())


def _lookalikes(text: str) -> str:
    odd = [char for char in text if not char.isascii()]
    if not odd:
        return ""
    char = odd[0]
    name = unicodedata.name(char, "unnamed character")
    return f" contains {char!r} (U+{ord(char):04X} {name})"


# Quotes a word processor or a phone types: YAML reads them as part of the text, not as quotes.
_TYPOGRAPHIC_QUOTES = "“”„‟‘’‚‛«»"


def _pattern_message(field: str, value: str, pattern: str) -> str:
    inner = value.strip(_TYPOGRAPHIC_QUOTES)
    if inner != value and re.fullmatch(pattern, inner):
        straight = f'"{inner}"' if pattern == declared.DATE_PATTERN else inner
        return (f"`{field}` {shown(value)} is in typographic quotes ({value[0]} {value[-1]}), which YAML keeps as "
                f"part of the value; write it as {straight}")
    if pattern == declared.ID_PATTERN:
        odd = _lookalikes(value)
        if odd:
            return (f"`{field}` {shown(value)}{odd}, which may look like a plain letter but is not; "
                    "ids use only a-z, 0-9 and single hyphens: retype it")
        slug = _slug(value)
        example = f"such as {shown(slug)}" if slug else "like 'stepanakert' or '2023-09-19-offensive'"
        return f"`{field}` {shown(value)} is not a valid id; use lowercase a-z, 0-9 and single hyphens, {example}"
    if pattern == declared.DATE_PATTERN:
        return f"`{field}` {shown(value)} is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" in quotes"
    if pattern == declared.URL_PATTERN:
        return f"`{field}` {_url_problem(value)}"
    if pattern == declared.LANG["pattern"]:
        return f"`{field}` {shown(value)} is not a language code; write a BCP 47 code such as en, hy, az or ru"
    if pattern == declared.SCRIPT["pattern"]:
        return f"`{field}` {shown(value)} is not a script code; write an ISO 15924 code such as Latn, Armn or Cyrl"
    if pattern == declared.PLAIN_TEXT_PATTERN:
        odd = "".join(sorted({char for char in value if char in declared.MARKUP_CHARACTERS}))
        return f"`{field}` {shown(value)} uses {odd!r}, which pages would read as markup; write plain words"
    if field == "file":
        return f"`{field}` {shown(value)} must name a .txt file in seeds/, like seeds/article.txt"
    return f"`{field}` {shown(value)} does not match {pattern}"


def _url_problem(value: str) -> str:
    scheme = value.split(":", 1)[0] if ":" in value else ""
    if scheme.lower() in {"http", "https"}:
        if any(char.isspace() for char in value):
            return "contains a space or line break; write spaces as %20 and keep the address on one line"
        return f"{shown(value)} is not a complete web address; copy it from the browser's address bar"
    if scheme and scheme.isalpha():
        return (f"is a {scheme}: address; only http:// and https:// links a reader can open are allowed: "
                "link the web page instead")
    return f"{shown(value)} is not a web address; write the full address, starting with https://"


def _message(error: ValidationError, field: str) -> str:
    value = error.instance
    validator = error.validator
    if validator == "required":
        missing = str(error.message).split("'")[1]
        return f"`{missing}` is missing; add `{missing}: ...` (it is required)"
    if validator == "type":
        expected = str(error.validator_value)
        return (f"`{field}` must be {_TYPE_NAMES.get(expected, expected)}, not {_type_of(value)}; "
                f"{_fix_for_type(field, expected, value)}")
    if validator == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        hint = did_you_mean(str(value), error.validator_value)
        return f"`{field}` is {shown(value)}, which is not one of: {choices}{hint}"
    if validator == "pattern":
        return _pattern_message(field, str(value), str(error.validator_value))
    if validator == "minLength":
        return f"`{field}` is empty; write its text or remove the line"
    if validator == "maxLength":
        return (f"`{field}` is {len(value)} characters long, over the limit of {error.validator_value}; "
                "shorten it")
    if validator == "maxItems":
        return (f"`{field}` lists {len(value)} items, over the limit of {error.validator_value}; keep the ones "
                "texts really use")
    if validator == "minItems":
        return f"`{field}` is empty; list at least one id, like `{field}: [an-id]`"
    if validator == "uniqueItems":
        return f"`{field}` lists the same value twice; remove the repeat"
    if validator in {"minimum", "maximum"}:
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        return f"`{field}` is {value}, outside {low} to {high}; write a value from {low} to {high} (decimal degrees)"
    return f"`{field}`: {error.message}"


def _label(stem: str, document: YamlDocument, path: Pointer) -> str:
    if stem == "seed":
        return "the seed" if len(path) < 4 else f"seed note #{int(path[2]) + 1}"
    if len(path) < 2 or not isinstance(path[1], int):
        return ""
    key = declared.FILES[stem][0]
    entry = document.value[key][path[1]]
    entry_id = entry.get("id") if isinstance(entry, dict) else None
    kind = _KIND_OF_FILE[stem]
    if isinstance(entry_id, str) and entry_id:
        return f"{kind} {shown(entry_id)}"
    return f"{kind} #{path[1] + 1}"


# Invisible controls that reorder how the text after them is shown ("Trojan Source", CVE-2021-42574).
_BIDI_CONTROLS = {chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


# What a double-quoted escape (\\0, \\e, \\x7f, \\ud800) can put in a value and a file cannot hold: control
# characters (a page would carry them raw) and lone surrogates (half a UTF-16 pair: no page can be written).
_UNSHOWABLE = {chr(code) for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                                      *range(0xD800, 0xE000), 0xFFFE, 0xFFFF)}
_REFUSED = _BIDI_CONTROLS | _UNSHOWABLE


def may_hold_bidi(text: str) -> bool:
    """Whether a value in ``text`` may hold a refused character: a bidi control as itself, or anything as an escape
    in double quotes. Most files have neither and need no walk; ``in`` finds a character ten times quicker than a
    regular expression."""
    return any(char in text for char in _BIDI_CONTROLS) or "\\" in text


def _what_it_does(char: str) -> str:
    if char in _BIDI_CONTROLS:
        return (f"({unicodedata.name(char)}), an invisible character that changes the order in which the text "
                "after it is shown")
    if 0xD800 <= ord(char) < 0xE000:
        return "(half of a UTF-16 surrogate pair, not a character: a `\\u` escape wrote it), which no page can hold"
    return "(a control character, written by a `\\` escape), which pages cannot show"


def _bidi_problems(stem: str, document: YamlDocument, value: Any, path: Pointer) -> list[Problem]:
    if isinstance(value, dict):
        return [problem for key, item in value.items()
                for problem in _bidi_problems(stem, document, item, (*path, key))]
    if isinstance(value, list):
        return [problem for index, item in enumerate(value)
                for problem in _bidi_problems(stem, document, item, (*path, index))]
    found = next((char for char in value if char in _REFUSED), None) if isinstance(value, str) else None
    if found is None or (path and path[-1] == "id"):  # a bad id is reported once, by the id check
        return []
    label = _label(stem, document, path)
    field = next((str(part) for part in reversed(path) if isinstance(part, str)), "")
    return [Problem(document.path, document.line(path),
                    f"{label + ': ' if label else ''}`{field}` holds U+{ord(found):04X} {_what_it_does(found)}; "
                    "delete it")]


def check_shape(stem: str, document: YamlDocument) -> tuple[list[Problem], set[int]]:
    """Problems in the shape of ``data/<stem>.yml``, and the indexes of the entries that have any."""
    key = declared.FILES[stem][0]
    value = document.value
    if not isinstance(value, dict):
        return [Problem(document.path, 1, f"the file holds {_type_of(value)} where a mapping is due; "
                        f"start it with a line `{key}:` and indent the entries under it")], set()
    try:
        _FAST[stem](value)
        if document.text and not may_hold_bidi(document.text):
            return [], set()
        return _bidi_problems(stem, document, value, ()), set()
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[Problem] = []
    broken: set[int] = set()
    for error in sorted(_VALIDATORS[stem].iter_errors(value), key=lambda e: [str(p) for p in e.absolute_path]):
        path: Pointer = tuple(error.absolute_path)
        if len(path) >= 2 and isinstance(path[1], int):
            broken.add(path[1])
        label = _label(stem, document, path)
        prefix = f"{label}: " if label else ""
        if error.validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for unknown in sorted(set(error.instance) - set(allowed)):
                fix = did_you_mean(unknown, allowed) or f"; the keys allowed here are: {', '.join(allowed)}"
                problems.append(Problem(document.path, document.line((*path, unknown)),
                                        f"{prefix}unknown key {unknown!r}{fix}"))
            continue
        if len(path) == 2 and error.validator == "type" and label:
            problems.append(Problem(document.path, document.line(path),
                                    f"{label} is {_type_of(error.instance)}, not a mapping; write it as `- id: ...` "
                                    "with its other `key: value` lines indented under it"))
            continue
        if path == (key,) and error.validator == "type":
            problems.append(Problem(document.path, document.line(path),
                                    f"`{key}` must be a list, not {_type_of(error.instance)}; start each entry under "
                                    f"it with `- ` (`  - id: ...`)"))
            continue
        field = next((str(part) for part in reversed(path) if isinstance(part, str)), key)
        if path and isinstance(path[-1], int) and len(path) > 2:
            field = f"{field}[{path[-1] + 1}]"
        problems.append(Problem(document.path, document.line(path), prefix + _message(error, field)))
    bidi = _bidi_problems(stem, document, value, ())
    return problems + bidi, broken
