"""Strict YAML reading that keeps every value's line.

PyYAML's safe loader follows YAML 1.1: it silently keeps the last of two duplicate keys, reads ``no`` as
False, ``2023-09-19`` as a date and ``12:30`` as 750. Contributors write dates and names, so this loader
knows only YAML 1.2's core types (true/false, decimal numbers, null) and leaves everything else as text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.load.problems import Problem

Pointer = tuple[str | int, ...]


class _CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema resolvers only, and no aliases."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # An alias shares a node: nested aliases expand exponentially ("billion laughs") or loop forever.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, f"found the alias *{event.anchor}", event.start_mark)
        return super().compose_node(parent, index)


_CoreLoader.yaml_implicit_resolvers = {}
_CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))
_CoreLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                  list("-+0123456789"))
_CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?|(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+)$"),
    list("-+.0123456789"),
)
_CoreLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                  ["~", "n", "N", ""])

# libyaml (PyYAML's C parser, when built with it) composes the same nodes about 20 times faster. Its error texts
# differ from the Python parser's, so a file it refuses is parsed again in Python for the message.
_CLoader = getattr(yaml, "CSafeLoader", None)
if _CLoader is not None:
    class _CoreCLoader(_CLoader):  # type: ignore[misc, valid-type]
        """CSafeLoader with the same YAML 1.2 core-schema resolvers."""

        def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
            # The common case made quick: a plain scalar is matched only against the resolvers of its first
            # character; no path resolvers are registered, so the result is the same as Resolver.resolve.
            if kind is yaml.ScalarNode and implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
                return "tag:yaml.org,2002:str"
            return str(super().resolve(kind, value, implicit))

    _CoreCLoader.yaml_implicit_resolvers = _CoreLoader.yaml_implicit_resolvers

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}
_PLAIN_TAGS = _SCALAR_TAGS | {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


@dataclass
class YamlDocument:
    """A parsed file: its value, and the 1-based line of every value by its path in the tree."""

    path: str
    value: Any
    lines: dict[Pointer, int] = field(default_factory=dict)
    text: str = field(default="", repr=False, compare=False)  # as parsed: without a byte order mark
    # Whether ``lines`` holds only the entries' lines: the others are read again when a problem needs one.
    partial: bool = field(default=False, repr=False, compare=False)
    # The ids of entries lost to a missing `- ` (read as duplicate keys of the entry above): references to them
    # follow from that one problem and are not reported as new ones.
    lost_ids: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def line(self, pointer: Pointer) -> int:
        """The line of the value at ``pointer``, or of its nearest parent that has one."""
        if self.partial and pointer not in self.lines:
            self.lines, self.partial = _every_line(self.text), False
        while pointer not in self.lines and pointer:
            pointer = pointer[:-1]
        return self.lines.get(pointer, 1)


# (words in PyYAML's message, what is wrong in a contributor's words, how to fix it)
_SYNTAX_FIXES = (
    ("found character '\\t'", "a tab character", "indent with spaces, not tabs"),
    ("found the alias", "an alias (*name)", "anchors (&name) and aliases (*name) are not allowed in data files: "
                                            "write the value out in full, or put text starting with * or & in quotes"),
    ("mapping values are not allowed here", "a `key: value` where none can be",
     "align the key with the keys above it, or put a value that contains ': ' in quotes"),
    ("did not find expected key", "a line out of line with the keys above it", "align it with the keys above it"),
    ("did not find expected '-' indicator", "a line out of line with the list above it",
     "align it with the `- ` items above it"),
    ("expected <block end>, but found", "a line indented differently from the lines above it",
     "align it with the lines above it"),
    ("found unexpected end of stream", "the file ends inside a quoted value", "close the quote"),
)
# A value opening a quote it does not close on the same line: `title: "The first war`.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[^\s#"'][^:#]*:\s+(["'])""")


def _unclosed_quote(text: str, last_line: int) -> int | None:
    """The line of a value that opens a quote still unclosed at ``last_line``, if there is one."""
    opened: tuple[str, int] | None = None
    for number, line in enumerate(text.splitlines()[:last_line], start=1):
        if opened is not None:
            if line.count(opened[0]) % 2:
                opened = None
            continue
        match = _OPEN_QUOTE.match(line)
        if match and line[match.end():].count(match.group(1)) % 2 == 0:
            opened = (match.group(1), number)
    return opened[1] if opened else None


_DASH_WITHOUT_SPACE = re.compile(r"^( *)-([^\s\-][^\n]*)$")
_ITEM = re.compile(r"^( *)- ")
_KEY = re.compile(r"^( *)(- +)?[^\s#:\-\[{'\"][^:#]*:(\s|$)")


def _significant(lines: list[str], before: int) -> list[tuple[int, str]]:
    """The (line number, text) of the lines before ``before`` (1-based) that hold YAML, not comments."""
    return [(number, line) for number, line in enumerate(lines[:before - 1], start=1)
            if line.strip() and not line.lstrip().startswith("#")]


def _dash_without_space(lines: list[str], last_line: int) -> Problem | None:
    """`-value` under a list of `- value` items: YAML reads it as text, not as a list item."""
    previous: str | None = None
    for number, line in enumerate(lines[:last_line], start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found = _DASH_WITHOUT_SPACE.match(line)
        if found and previous is not None:
            item = _ITEM.match(previous)
            key = _KEY.match(previous)
            if (item and len(item.group(1)) == len(found.group(1))) or (key and previous.rstrip().endswith(":")):
                return Problem("", number, f"`-{found.group(2).strip()}` has no space after its dash, so YAML "
                                           f"does not read it as a list item; write `- {found.group(2).strip()}`")
        previous = line
    return None


def _key_column(line: str) -> int:
    """Where a line's key (or value) starts: after the indentation and any `- `."""
    item = re.match(r"^( *)((?:- +)*)", line)
    return len(item.group(1)) + len(item.group(2)) if item else 0


def _misindented(lines: list[str], line_number: int) -> Problem | None:
    """A line that lines up with nothing above it: a `- ` item between the columns of the items above it, or a key
    between the columns of the keys above it. It is moved to the nearest of them (the latest line on a tie)."""
    if not 0 < line_number <= len(lines):
        return None
    line = lines[line_number - 1]
    indent = len(line) - len(line.lstrip(" "))
    above = _significant(lines, line_number)
    if _ITEM.match(line):
        columns = [(len(found.group(1)), number) for number, text in above if (found := _ITEM.match(text))]
        what = "`- ` item"
    elif _KEY.match(line):
        columns = [(_key_column(text), number) for number, text in above if _KEY.match(text)]
        what = "key"
    else:
        return None
    if not columns or any(column == indent for column, _number in columns):
        return None
    column, number = min(columns, key=lambda found: (abs(found[0] - indent), -found[1]))
    extra = abs(indent - column)
    spaces = f"{extra} space{'s' if extra != 1 else ''}"
    if indent > column:
        return Problem("", line_number, f"YAML syntax error: this {what} is indented {spaces} further than the "
                                        f"{what} on line {number}; remove {spaces} from the start of the line")
    return Problem("", line_number, f"YAML syntax error: this {what} is indented {spaces} less than the {what} on "
                                    f"line {number}; add {spaces} at the start of the line")


def _syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    # An unclosed quote swallows the lines after it; PyYAML notices only where the quoted text ends.
    opened = _unclosed_quote(text, line)
    if opened is not None:
        return Problem(path, opened, "YAML syntax error: this value opens a quote that is not closed on its line; "
                                     "add the closing quote")
    lines = text.splitlines()
    for explained in (_dash_without_space(lines, line), _misindented(lines, line)):
        if explained is not None:
            return Problem(path, explained.line, explained.message)
    found = next((entry for entry in _SYNTAX_FIXES if entry[0] in str(error)), None)
    if found is None:
        what = f"{error.context or ''} {error.problem or ''}".strip()
        return Problem(path, line, f"YAML syntax error: {what}; check the YAML syntax on this line")
    return Problem(path, line, f"YAML syntax error: {found[1]}; {found[2]}")


# The line ends YAML counts. U+0085, U+2028 and U+2029 end a line for YAML but not in most editors.
_YAML_LINE_END = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_EDITOR_LINE_END = re.compile("\r\n|[\r\n]")
_ODD_LINE_ENDS = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def _odd_line_end(path: str, text: str) -> Problem | None:
    """A line end that YAML counts and editors do not: every line number after it would be wrong."""
    found = [(text.find(char), char) for char in _ODD_LINE_ENDS if char in text]
    if not found:
        return None
    position, char = min(found)
    line = len(_EDITOR_LINE_END.findall(text, 0, position)) + 1
    return Problem(path, line, f"the file holds the invisible character U+{ord(char):04X} ({_ODD_LINE_ENDS[char]}), "
                               "which YAML reads as a line end; delete it or replace it with a space")


def _character_problem(path: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    line = len(_YAML_LINE_END.findall(text, 0, error.position)) + 1
    char = chr(error.character) if isinstance(error.character, int) else str(error.character)
    name = unicodedata.name(char, "a control character")
    if char == "\0":
        return Problem(path, line, "the file holds a NUL byte (U+0000), so it is binary, not YAML text; replace it "
                                   "with the YAML text file it should be")
    return Problem(path, line, f"the file holds the invisible character U+{ord(char):04X} ({name}), which YAML "
                               "does not allow; delete it (it often comes from copying out of another program)")


class _Builder:
    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text_lines = text.splitlines()
        self.lines: dict[Pointer, int] = {}
        self.problems: list[Problem] = []
        self.loader = _CoreLoader("")
        self.seen: set[int] = set()
        self.lost_ids: set[str] = set()

    def build(self, node: yaml.Node, pointer: Pointer) -> Any:
        self.lines[pointer] = node.start_mark.line + 1
        # A node met twice is an alias; whatever parser composed it, it is never expanded (nor followed round a loop).
        if id(node) in self.seen:
            self.problems.append(Problem(self.path, self.lines.get(pointer[:-1], 1) if pointer else 1,
                                         "an alias (*name) is used here; anchors (&name) and aliases are not "
                                         "allowed in data files: write the value out in full"))
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(Problem(self.path, node.start_mark.line + 1,
                                         f"the tag {tag!r} is not allowed (data is text, never code); remove it"))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pointer)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*pointer, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        if node.tag not in _SCALAR_TAGS:
            return node.value
        try:
            return _typed_value(node.tag, node.value)
        except ValueError as error:
            self.problems.append(Problem(self.path, node.start_mark.line + 1, str(error)))
            return node.value

    def _mapping(self, node: yaml.MappingNode, pointer: Pointer) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        new_entry = False  # an `id:` met twice in a list item: the rest is another entry, missing its `- `
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem(self.path, line, "a key must be plain text; write `name: value`"))
                continue
            key = str(key_node.value)
            if key == "id" and key in seen and pointer and isinstance(pointer[-1], int) \
                    and key_node.start_mark.column >= 2:
                new_entry = True
                if isinstance(value_node, yaml.ScalarNode):
                    self.lost_ids.add(str(value_node.value))
                written = self.text_lines[line - 1] if line <= len(self.text_lines) else ""
                column = key_node.start_mark.column
                fixed = f"{written[:column - 2]}- {written[column:].rstrip()}"
                self.problems.append(Problem(
                    self.path, line, f"a second `id:` in the entry that starts on line {seen[key]}: a new entry "
                                     f"starts here without its `- `; write this line as `{fixed}`"))
                self.build(value_node, (*pointer, f"{key} (duplicate)"))
                continue
            if key in seen:
                if not new_entry:  # after a missing `- `, the repeated keys are the new entry's own
                    self.problems.append(Problem(
                        self.path, line, f"duplicate key {key!r} (first on line {seen[key]}); keep one of them"))
                self.build(value_node, (*pointer, f"{key} (duplicate)"))
                continue
            seen[key] = line
            result[key] = self.build(value_node, (*pointer, key))
            self.lines[(*pointer, key)] = line
        return result


# No value in the data needs a longer number (coordinates have a dozen digits); Python refuses to read an integer
# of more than 4,300 digits at all, and a long one costs time quadratic in its length.
MAX_DIGITS = 40


def _int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise ValueError(f"the number {text[:12]}… has {len(text)} digits, more than any value here needs "
                         f"({MAX_DIGITS}); put it in quotes if it is text")
    return int(text)


def _float(text: str) -> float:
    number = _int(text) if len(text) > MAX_DIGITS else float(text)
    if not math.isfinite(number):
        raise ValueError(f"the number {text[:40]!r} is too large to be a number the site can show; write a decimal "
                         "number such as 40.25, or put it in quotes if it is text")
    return float(number)


_PLAIN_VALUES: dict[str, Any] = {"tag:yaml.org,2002:bool": lambda text: text in ("true", "True", "TRUE"),
                                 "tag:yaml.org,2002:int": _int, "tag:yaml.org,2002:float": _float,
                                 "tag:yaml.org,2002:null": lambda text: None}
_TAG_MEANS = {"tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:int": "a whole number",
              "tag:yaml.org,2002:float": "a decimal number", "tag:yaml.org,2002:null": "empty (null)"}


def _typed_value(tag: str, text: str) -> Any:
    """The value of a scalar of a core type, resolved (``12``) or tagged (``!!int 12``). A tagged one must read
    as its type would untagged: ``!!int abc``, ``!!bool maybe``, ``!!float .nan`` are refused (ValueError with the
    message), not handed to PyYAML's constructors, which raise or make NaN and infinity."""
    forms = [regexp for regexp_tag, regexp in _CORE_FORMS if regexp_tag == tag]
    if tag == "tag:yaml.org,2002:float":  # `!!float 1` is a float
        forms += [regexp for regexp_tag, regexp in _CORE_FORMS if regexp_tag == "tag:yaml.org,2002:int"]
    if not any(regexp.match(text) for regexp in forms):
        short = tag.replace("tag:yaml.org,2002:", "!!")
        raise ValueError(f"the value {text[:40]!r} is tagged {short} but is not {_TAG_MEANS[tag]}; remove the tag "
                         "(and write the value plainly, or in quotes if it is text)")
    return _PLAIN_VALUES[tag](text)


def _every_line(text: str) -> dict[Pointer, int]:
    """Every value's line in a file ``_fast_values`` read: composed by libyaml and kept by the builder that
    explains a refused file (a quarter slower than walking the events, and only needed to report a problem)."""
    builder = _Builder("")
    node = yaml.compose(text, Loader=_CoreCLoader)
    if node is not None:  # _fast_values read one document
        builder.build(node, ())
    return builder.lines


# The converter of each YAML 1.2 core type, by the first characters that can start it: a plain scalar is tried
# only against the types its first character allows, as Resolver.resolve does.
_CORE_FORMS = [(tag, regexp) for resolvers in _CoreLoader.yaml_implicit_resolvers.values()
               for tag, regexp in resolvers]
_CONVERTERS: dict[str, tuple[tuple[Any, re.Pattern[str]], ...]] = {
    first: tuple((_PLAIN_VALUES[tag], regexp) for tag, regexp in resolvers)
    for first, resolvers in _CoreLoader.yaml_implicit_resolvers.items()
}


def _fast_values(text: str) -> tuple[Any, dict[Pointer, int]] | None:
    """The value of a plain, valid file straight from libyaml's events (no nodes, one pass), with only the lines
    of the top-level list's entries (an entity's origin). None for anything else (a syntax error, a tag, an anchor,
    a duplicate key, more or fewer than one document): the composing path then reads the file and explains what is
    wrong.

    Lines are needed only to report a problem, and most builds have none: ``YamlDocument`` reads them all
    (``_every_line``) the first time another one is asked for. libyaml refuses the very characters
    ``Reader.NON_PRINTABLE`` matches (checked for every code point), so this pass leaves that search to libyaml,
    and a lone surrogate cannot even be encoded for it.
    """
    if _CLoader is None:
        return None
    scalar, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    converters = _CONVERTERS
    root: list[Any] = []
    # The open container, whether it is a mapping, and the key waiting for its value there (None: the next
    # scalar is a key); the enclosing containers are kept in the same form.
    container: Any = root
    in_mapping = False
    key: str | None = None
    parents: list[tuple[Any, bool, str | None]] = []
    entries: dict[Pointer, int] = {}
    try:
        loader = _CoreCLoader(text)
    except UnicodeEncodeError:
        return None
    try:
        get = loader.get_event
        if type(get()) is not yaml.StreamStartEvent or type(get()) is not yaml.DocumentStartEvent:
            return None
        while True:
            event = get()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None or event.tag is not None:
                    return None
                value: Any = event.value
                if in_mapping:
                    if key is None:
                        key = value  # a key, kept as written
                        continue
                    if key in container:
                        return None  # a duplicate key: the composing path reports it
                if event.implicit[0]:
                    for convert, regexp in converters.get(value[:1], ()):
                        if regexp.match(value):
                            try:
                                value = convert(value)
                            except ValueError:
                                return None  # a number too long or too large: the composing path explains it
                            break
                if in_mapping:
                    container[key] = value
                    key = None
                else:
                    container.append(value)
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag is not None:
                    return None
                opened: Any = {} if kind is mapping_start else []
                if in_mapping:
                    if key is None or key in container:
                        return None  # a mapping or a list as a key, or a duplicate key
                    container[key] = opened
                else:
                    if len(parents) == 2 and parents[1][1]:  # an entry of the list under a top-level key
                        entries[(str(parents[1][2]), len(container))] = event.start_mark.line + 1
                    container.append(opened)
                parents.append((container, in_mapping, key))
                container, in_mapping, key = opened, kind is mapping_start, None
            elif kind is mapping_end or kind is sequence_end:
                container, in_mapping, _done = parents.pop()
                key = None
            elif kind is yaml.DocumentEndEvent:
                break
            else:
                return None  # an alias
        if type(get()) is not yaml.StreamEndEvent:
            return None  # more than one document
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return (root[0], entries) if root else None


def _compose(text: str) -> list[yaml.Node]:
    # Only files the fast path declined get here (an error, a tag, an anchor): the Python composer refuses
    # aliases at once and words its errors best.
    return list(yaml.compose_all(text, Loader=_CoreLoader))


def read_as_text(value: str) -> bool:
    """Whether ``value``, written unquoted, reads back as this text (not ``1e5`` or ``true``, numbers and booleans
    here): a writer of data files quotes the others."""
    return not any(regexp.match(value) for _tag, regexp in _CORE_FORMS if _tag != "tag:yaml.org,2002:str")


def parse_yaml(path: str, text: str, top_key: str = "") -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``text`` (the contents of ``path``) strictly; return the document or the problems found.

    ``top_key`` is the key the file must start with, named in the message for an empty file.
    """
    text = text.removeprefix("\ufeff")
    odd = _odd_line_end(path, text)
    if odd is not None:
        return None, [odd]
    fast = _fast_values(text)
    if fast is not None:
        return YamlDocument(path, fast[0], fast[1], text, partial=True), []
    try:
        nodes = _compose(text)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, text, error)]
    except yaml.reader.ReaderError as error:  # control characters, NUL bytes of a binary file
        return None, [_character_problem(path, text, error)]
    except RecursionError:
        return None, [Problem(path, 1, "the file nests lists or mappings too deeply to read; a data file needs "
                                       "three or four levels: flatten it")]
    if len(nodes) > 1:
        return None, [Problem(path, nodes[1].start_mark.line + 1,
                              "the file holds more than one YAML document; remove the `---` line")]
    if not nodes or nodes[0] is None:
        start = f"a first line `{top_key}:` and the entries under it" if top_key else "its top-level key"
        return None, [Problem(path, 1, f"the file is empty; write {start}")]
    builder = _Builder(path, text)
    value = builder.build(nodes[0], ())
    # A duplicate key or a tag is reported, and the rest of the file is still checked (first value kept).
    return YamlDocument(path, value, builder.lines, text, lost_ids=frozenset(builder.lost_ids)), builder.problems


def read_yaml(file: Path, shown_as: str, top_key: str = "") -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse a YAML file; ``shown_as`` is the path printed in messages (relative to the project)."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, [Problem(shown_as, 1, f"cannot be read ({error.strerror}); check the file exists")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, f"the byte 0x{raw[error.start]:02X} is not UTF-8 text (the file was "
                                              "saved in another encoding, or is not text); save it as UTF-8")]
    return parse_yaml(shown_as, text, top_key)


_ENTRY_START = re.compile(r"^- ", re.MULTILINE)


@dataclass(frozen=True)
class Splice:
    """A file read again from the last reading of it: its document, and which entries are the same values."""

    document: YamlDocument
    kept_before: int  # the first entries, the same
    kept_after: int  # the last entries, the same (at indexes moved by the entries added or removed)
    changed: tuple[Any, ...]  # the entries parsed again, in order


def splice_yaml(old: YamlDocument, text: str, top_key: str) -> Splice | None:
    """``text``, a new version of ``old``'s file, read by parsing again only the entries whose text changed: a
    file of entries written one after another (``top_key:``, then ``- `` at the start of each entry's first
    line), that ``old`` read cleanly on the fast path. None when anything else changed or the file is written
    otherwise (a change of the lines above the entries, an entry that does not parse alone): then the file is
    read whole, which reports what is wrong.

    An entry's text between two lines starting with ``- `` is a whole entry: inside an entry every line is
    indented, a block scalar's too, and the fast path has refused anchors, aliases and tags, so no entry reads
    another."""
    if not old.partial or old.lost_ids or "\r" in text or text.startswith("\ufeff"):
        return None
    value = old.value
    if not isinstance(value, dict) or list(value) != [top_key] or not isinstance(value[top_key], list):
        return None
    old_split, new_split = _entry_texts(old.text), _entry_texts(text)
    if old_split is None or new_split is None or old_split[0] != new_split[0]:
        return None
    head, old_texts, new_texts, entries = new_split[0], old_split[1], new_split[1], value[top_key]
    if len(old_texts) != len(entries) or _odd_line_end(old.path, text) is not None:
        return None
    before = 0
    limit = min(len(old_texts), len(new_texts))
    while before < limit and old_texts[before] == new_texts[before]:
        before += 1
    after = 0
    while after < limit - before and old_texts[-1 - after] == new_texts[-1 - after]:
        after += 1
    changed = []
    for entry_text in new_texts[before:len(new_texts) - after]:
        parsed = _fast_values(head + entry_text)
        if parsed is None or not isinstance(parsed[0], dict) or list(parsed[0]) != [top_key]:
            return None
        items = parsed[0][top_key]
        if not isinstance(items, list) or len(items) != 1:
            return None
        changed.append(items[0])
    new_entries = [*entries[:before], *changed, *entries[len(entries) - after:]]
    lines: dict[Pointer, int] = {}
    line = head.count("\n") + 1
    for index, entry_text in enumerate(new_texts):
        if isinstance(new_entries[index], dict | list):  # as the fast path: an entry that is a mapping or list
            lines[(top_key, index)] = line
        line += entry_text.count("\n")
    return Splice(YamlDocument(old.path, {top_key: new_entries}, lines, text, partial=True), before, after,
                  tuple(changed))


def _entry_texts(text: str) -> tuple[str, list[str]] | None:
    """The text above the first entry, and each entry's text (from its ``- `` to the next)."""
    starts = [match.start() for match in _ENTRY_START.finditer(text)]
    if not starts:
        return None
    ends = [*starts[1:], len(text)]
    return text[:starts[0]], [text[start:end] for start, end in zip(starts, ends, strict=True)]
