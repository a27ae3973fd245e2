"""Strict YAML reading that keeps every value's line.

PyYAML's safe loader follows YAML 1.1: it silently keeps the last of two duplicate keys, reads ``no`` as
False, ``2023-09-19`` as a date and ``12:30`` as 750. Contributors write dates and names, so this loader
knows only YAML 1.2's core types (true/false, decimal numbers, null) and leaves everything else as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.problems import Problem

Pointer = tuple[str | int, ...]


class _CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema resolvers only."""


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


@dataclass
class YamlDocument:
    """A parsed file: its value, and the 1-based line of every value by its path in the tree."""

    path: str
    value: Any
    lines: dict[Pointer, int] = field(default_factory=dict)

    def line(self, pointer: Pointer) -> int:
        """The line of the value at ``pointer``, or of its nearest parent that has one."""
        while pointer not in self.lines and pointer:
            pointer = pointer[:-1]
        return self.lines.get(pointer, 1)


_SYNTAX_FIXES = (
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("found unexpected end of stream", "close the quote that is opened on or above this line"),
    ("while scanning a quoted scalar", "close the quote that is opened on this line"),
    ("mapping values are not allowed here", "put a value containing ': ' in quotes, or fix the indentation"),
    ("did not find expected key", "align this key with the keys above it"),
    ("did not find expected '-' indicator", "align this list item with the items above it"),
    ("expected <block end>, but found", "align this line with the lines above it"),
    ("found undefined alias", "define the &anchor before using *alias, or quote the text"),
)


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    text = f"{error.context or ''} {error.problem or ''}".strip()
    fix = next((fix for needle, fix in _SYNTAX_FIXES if needle in str(error)), "check the YAML syntax on this line")
    return Problem(path, line, f"YAML syntax error: {text}; {fix}")


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.lines: dict[Pointer, int] = {}
        self.problems: list[Problem] = []
        self.loader = _CoreLoader("")

    def build(self, node: yaml.Node, pointer: Pointer) -> Any:
        self.lines[pointer] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pointer)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*pointer, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self.problems.append(Problem(self.path, node.start_mark.line + 1,
                                         f"the tag {node.tag!r} is not allowed; remove it and write plain text"))
            return node.value
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, pointer: Pointer) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem(self.path, line, "a key must be plain text; write `name: value`"))
                continue
            key = str(key_node.value)
            if key in seen:
                self.problems.append(Problem(
                    self.path, line, f"duplicate key {key!r} (first on line {seen[key]}); keep one of them"))
                self.build(value_node, (*pointer, f"{key} (duplicate)"))
                continue
            seen[key] = line
            result[key] = self.build(value_node, (*pointer, key))
            self.lines[(*pointer, key)] = line
        return result


_PLAIN_VALUES: dict[str, Any] = {"tag:yaml.org,2002:bool": lambda text: text in ("true", "True", "TRUE"),
                                 "tag:yaml.org,2002:int": int, "tag:yaml.org,2002:float": float,
                                 "tag:yaml.org,2002:null": lambda text: None}


def _fast_parse(text: str) -> tuple[Any, dict[Pointer, int]] | None:
    """The value and lines of a plain, valid file, straight from libyaml's events (no nodes, one pass): three
    times quicker than composing. None for anything else (a syntax error, a tag, an anchor, a duplicate key, more
    or fewer than one document): the composing path then reads the file and explains what is wrong."""
    if _CLoader is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    lines: dict[Pointer, int] = {}
    stack: list[tuple[Any, Pointer]] = []  # open containers, with where they stand
    keys: list[tuple[str, int] | None] = []  # per open mapping: the key waiting for its value, and its line
    result: list[Any] = []
    resolvers = _CoreLoader.yaml_implicit_resolvers

    def place(value: Any, line: int) -> bool:
        if not stack:
            lines[()] = line
            result.append(value)
            return True
        container, pointer = stack[-1]
        if isinstance(container, list):
            lines[(*pointer, len(container))] = line
            container.append(value)
            return True
        key, key_line = keys[-1] or ("", 0)
        if key in container:
            return False
        container[key] = value
        lines[(*pointer, key)] = key_line
        keys[-1] = None
        return True

    try:
        events: Iterator[Any] = yaml.parse(text, Loader=_CoreCLoader)
        for event in events:
            kind = type(event)
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if kind is yaml.DocumentStartEvent:
                if result:
                    return None
                continue
            if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                stack.pop()
                keys.pop()
                continue
            if kind is yaml.AliasEvent or event.anchor is not None or event.tag is not None:
                return None
            line = event.start_mark.line + 1
            if kind is yaml.ScalarEvent:
                if stack and isinstance(stack[-1][0], dict) and keys[-1] is None:
                    keys[-1] = (event.value, line)  # a key, kept as written, like the composing path
                    continue
                value: Any = event.value
                if event.implicit[0]:
                    for tag, regexp in resolvers.get(value[:1], ()):
                        if regexp.match(value):
                            value = _PLAIN_VALUES[tag](value)
                            break
                if not place(value, line):
                    return None
            else:  # the start of a mapping or a list
                if stack and isinstance(stack[-1][0], dict) and keys[-1] is None:
                    return None  # a mapping or a list as a key
                container: Any = {} if kind is yaml.MappingStartEvent else []
                pointer = _pointer_of_next(stack, keys)
                if not place(container, line):
                    return None
                stack.append((container, pointer))
                keys.append(None)
    except yaml.YAMLError:
        return None
    return (result[0], lines) if result else None


def _pointer_of_next(stack: list[tuple[Any, Pointer]], keys: list[tuple[str, int] | None]) -> Pointer:
    """Where the next value goes: under the waiting key of the open mapping, or at the end of the open list."""
    if not stack:
        return ()
    container, pointer = stack[-1]
    if isinstance(container, list):
        return (*pointer, len(container))
    waiting = keys[-1]
    return (*pointer, waiting[0] if waiting else "")


def _compose(text: str) -> list[yaml.Node]:
    if _CLoader is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return list(yaml.compose_all(text, Loader=_CoreCLoader))
        except yaml.YAMLError:
            pass
    return list(yaml.compose_all(text, Loader=_CoreLoader))


def parse_yaml(path: str, text: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``text`` (the contents of ``path``) strictly; return the document or the problems found."""
    text = text.removeprefix("\ufeff")
    fast = _fast_parse(text)
    if fast is not None:
        return YamlDocument(path, fast[0], fast[1]), []
    try:
        nodes = _compose(text)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error)]
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        return None, [Problem(path, 1, f"YAML cannot be read: {error}; save the file as plain UTF-8 text")]
    if len(nodes) > 1:
        return None, [Problem(path, nodes[1].start_mark.line + 1,
                              "the file holds more than one YAML document; remove the `---` line")]
    if not nodes or nodes[0] is None:
        return None, [Problem(path, 1, "the file is empty; add its top-level key (see the contributor guide)")]
    builder = _Builder(path)
    value = builder.build(nodes[0], ())
    # A duplicate key or a tag is reported, and the rest of the file is still checked (first value kept).
    return YamlDocument(path, value, builder.lines), builder.problems


def read_yaml(file: Path, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse a YAML file; ``shown_as`` is the path printed in messages (relative to the project)."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, [Problem(shown_as, 1, f"cannot be read ({error.strerror}); check the file exists")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "the file is not UTF-8 text; save it with UTF-8 encoding")]
    return parse_yaml(shown_as, text)
