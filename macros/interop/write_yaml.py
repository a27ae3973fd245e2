"""Write YAML that the strict loader (``macros.load.yamlfile``) reads back as written: dates always in double quotes,
text with line breaks as literal blocks, list items indented under their key as the data files write them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.load.yamlfile import read_as_text


class _Date(str):
    pass


class _Ids(list[str]):
    pass


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key, as the data files write them


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML quotes what YAML 1.1 would read as another type; the data's loader follows YAML 1.2, where `1e5` is a
    # number too: quoted, a headline `1e5` reads back as the text it is.
    style = "|" if "\n" in value else None if read_as_text(value) else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(_Date, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value),
                                                                             style='"'))
_Dumper.add_representer(_Ids, lambda dumper, value: dumper.represent_sequence("tag:yaml.org,2002:seq", value,
                                                                              flow_style=True))


def events_yaml(events: list[dict[str, Any]], sheet: str) -> str:
    """The text of events.yml for ``events``, with the editor's schema modeline."""
    quoted = [{key: _Date(value) if key in {"date", "end"} else _Ids(value) if key == "sources" else value
               for key, value in event.items()} for event in events]
    body = yaml.dump({"events": quoted}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, indent=2)
    return (f"# yaml-language-server: $schema=../schema/events.schema.json\n# Imported from {Path(sheet).name} by "
            f"`python -m macros import-timelinejs`.\n{body}")


def source_yaml_item(entry: dict[str, Any]) -> str:
    """One entry of sources.yml as a list item indented under ``sources:``."""
    quoted = {key: _Date(value) if key == "date" else value for key, value in entry.items()}
    text = yaml.dump([quoted], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return "".join(f"  {line}" for line in text.splitlines(keepends=True))
