"""Write YAML that the strict loader (``macros.load.yamlfile``) reads back as written, in the layout of the file it
goes into: dates always quoted, text with line breaks as literal blocks.

Data files are written by hand, in one of two common layouts (``- id:`` at column 0 under the top key, as this
repository's ``data/`` has it, or indented ``  - id:``), with lists of ids as ``[a, b]`` or one ``- a`` a line.
``Layout.of`` reads which one a file uses, and ``add_entries`` appends entries to it in that layout, leaving every
line already there (comments included) as it was: an import must never leave a file that no longer parses.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.load.yamlfile import read_as_text


@dataclass(frozen=True)
class Layout:
    """How a data file lays out its entries."""

    item_indent: str = "  "  # before the `- ` of each entry under the top key
    indented_lists: bool = True  # a list under a key: `key:` then `  - a` (True) or `- a` at the key's column
    flow_ids: bool = True  # a list of ids as `[a, b]`
    quote: str = '"'  # around dates

    @classmethod
    def of(cls, text: str, key: str, default: Layout | None = None) -> Layout:
        """The layout ``text`` uses for the entries under ``key`` (``default`` for what it does not show)."""
        base = default or cls()
        lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        item_indent = base.item_indent
        for number, line in enumerate(lines):
            if re.match(rf"{re.escape(key)}:\s*(#.*)?$", line) and number + 1 < len(lines):
                item = re.match(r"( *)- ", lines[number + 1])
                if item:
                    item_indent = item.group(1)
                break
        flow = sum(1 for line in lines if re.match(r" +[a-z_]+: \[", line))
        indented = []  # for each block list under a key: whether its dashes stand right of the key
        for line, after in itertools.pairwise(lines):
            opened, item = re.fullmatch(r"( *)(- )?[a-z_]+:\s*", line), re.match(r"( *)- ", after)
            if opened and item and line.startswith(" "):
                key_at = len(opened.group(1)) + (2 if opened.group(2) else 0)
                indented.append(len(item.group(1)) > key_at)
        quote = re.search(r"""^\s*(?:- )?(?:date|end|from|to):\s*(['"])""", text, re.MULTILINE)
        return cls(item_indent=item_indent,
                   indented_lists=(sum(indented) * 2 >= len(indented)) if indented else base.indented_lists,
                   flow_ids=flow >= len(indented) if flow or indented else base.flow_ids,
                   quote=quote.group(1) if quote else base.quote)


class _Date(str):
    pass


class _Ids(list[str]):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML quotes what YAML 1.1 would read as another type; the data's loader follows YAML 1.2, where `1e5` is a
    # number too: quoted, a headline `1e5` reads back as the text it is.
    style = "|" if "\n" in value else None if read_as_text(value) else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _dumper(layout: Layout) -> type[yaml.SafeDumper]:
    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, indentless and not layout.indented_lists)

    Dumper.add_representer(str, _text)
    Dumper.add_representer(_Date, lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", str(value), style=layout.quote))
    Dumper.add_representer(_Ids, lambda dumper, value: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", value, flow_style=layout.flow_ids))
    return Dumper


_DATES = {"date", "end"}
_IDS = {"sources", "actors", "places"}


def entries_yaml(entries: Sequence[dict[str, Any]], layout: Layout) -> str:
    """``entries`` as the list items of a data file, each line indented as ``layout`` says."""
    if not entries:
        return ""
    marked = [{key: _Date(value) if key in _DATES else _Ids(value) if key in _IDS else value
               for key, value in entry.items()} for entry in entries]
    text = yaml.dump(marked, Dumper=_dumper(layout), allow_unicode=True, sort_keys=False, width=110, indent=2)
    return "".join(layout.item_indent + line if line.strip() else line for line in text.splitlines(keepends=True))


def add_entries(text: str, key: str, entries: Sequence[dict[str, Any]], layout: Layout) -> str:
    """``text`` (a data file holding the list under ``key``) with ``entries`` added at the end of that list.

    Every line already there is kept as it was; ``key: []`` (or a bare ``key:``) becomes the start of the list.
    """
    items = entries_yaml(entries, layout)
    empty = re.compile(rf"^{re.escape(key)}:[ \t]*(\[[ \t]*\])?[ \t]*(#.*)?$", re.MULTILINE)
    found = empty.search(text)
    if found and not _has_items_after(text, found.end()):
        comment = f" {found.group(2)}" if found.group(2) else ""
        return f"{text[:found.start()]}{key}:{comment}\n{items}{text[found.end():].lstrip(chr(10))}"
    if not found and not re.search(rf"^{re.escape(key)}:", text, re.MULTILINE):
        return text + ("" if text.endswith("\n") or not text else "\n") + f"{key}:\n{items}"
    return text + ("" if text.endswith("\n") or not text else "\n") + items


def _has_items_after(text: str, position: int) -> bool:
    return any(line.lstrip().startswith("- ") for line in text[position:].splitlines()
               if line.strip() and not line.lstrip().startswith("#"))


def events_yaml(events: list[dict[str, Any]], sheet: str, layout: Layout | None = None) -> str:
    """The text of a new events.yml holding ``events``, with the editor's schema modeline."""
    return (f"# yaml-language-server: $schema=../schema/events.schema.json\n# Imported from {Path(sheet).name} by "
            f"`python -m macros import-timelinejs`.\nevents:\n{entries_yaml(events, layout or Layout())}")


def new_file(stem: str, key: str, entries: Sequence[dict[str, Any]], layout: Layout | None = None) -> str:
    """A new data file holding ``entries`` (``key: []`` when there are none), with the schema modeline."""
    head = f"# yaml-language-server: $schema=../schema/{stem}.schema.json\n"
    if not entries:
        return f"{head}{key}: []\n"
    return f"{head}{key}:\n{entries_yaml(entries, layout or Layout())}"
