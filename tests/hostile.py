"""Hostile text for every text field: markup, scripts, template syntax and invisible characters that must
reach the reader as the characters typed, never as code."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from macros.load import schema

PWN = "window.__pwned=1"
# Each payload, if it ever ran, would set window.__pwned or open a dialog.
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "<script>alert(1)</script>",
    '<img src=x onerror="window.__pwned=1">',
    "<img src=x onerror=alert(1)>",
    '"><svg onload=window.__pwned=1>',
    "'><svg/onload=alert(1)>",
    '<a href="javascript:window.__pwned=1">click</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    '<body onload="window.__pwned=1">',
    '<details open ontoggle="window.__pwned=1">',
    "<style>*{background:url(javascript:alert(1))}</style>",
    '<div style="width:expression(alert(1))">css</div>',
    "[x](javascript:window.__pwned=1)",
    "[y](javascript:alert(1) \"t\")",
    '![](x" onerror="window.__pwned=1)',
    "![z](javascript:alert(1))",
    "<javascript:alert(1)>",
    "{{ 6*7 }}",
    "{{ config.site_name }}",
    "{% raw %}raw{% endraw %}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{# comment #}",
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
    "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "</title><script>window.__pwned=1</script>",
    "</textarea><script>alert(1)</script>",
    "</script><script>window.__pwned=1</script>",
    "\u200fright-to-left\u200e marks",
    "zero\u200bwidth\u200cjoin\u200d\ufeffchars",
    "*emph* _under_ `code` **bold**",
    "<!-- comment --> --> <![CDATA[x]]>",
    "\\<script\\>alert(1)\\</script\\>",
    "${alert(1)} `${window.__pwned=1}`",
    "javascript:alert(1)",
    "' onmouseover='window.__pwned=1' x='",
]
# What a URL field may hold and the check must refuse: every one is a script or a local file.
HOSTILE_URLS = ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
                "//evil.example/x", "javascript://example.org/%0Aalert(1)", "https://example.org/\nalert(1)"]
# Direction overrides reorder what a reader sees ("Trojan Source"): the check refuses them in any text.
BIDI_OVERRIDES = ["\u202eevil\u202c", "\u2066isolate\u2069", "\u202bembedding\u202c"]
# A URL the check accepts although it holds a quote: the page must keep it inside its attribute.
QUOTED_URL = 'https://example.org/a"onmouseover="window.__pwned=1'

MINI = Path(__file__).parent / "fixtures" / "mini"


Path_ = tuple[str, ...]


def _is_text(node: dict[str, Any]) -> bool:
    return node.get("type") == "string" and node.get("minLength") == 1 and "pattern" not in node


def schema_text_fields(node: dict[str, Any], path: Path_ = ()) -> Iterator[Path_]:
    """The path (``*`` for list items) of every free-text field the schema declares: text with no pattern."""
    if _is_text(node):
        yield path
    for key, child in node.get("properties", {}).items():
        yield from schema_text_fields(child, (*path, key))
    if "items" in node:
        yield from schema_text_fields(node["items"], (*path, "*"))


def text_fields(value: Any, node: dict[str, Any], path: Path_ = ()) -> Iterator[tuple[Any, Any, int, Path_]]:
    """(container, key, max length, schema path) of every free-text value in ``value``."""
    children: list[tuple[Any, Any, dict[str, Any], str]] = []
    if isinstance(value, dict):
        children = [(key, item, node.get("properties", {}).get(key, {}), key) for key, item in value.items()]
    elif isinstance(value, list):
        children = [(index, item, node.get("items", {}), "*") for index, item in enumerate(value)]
    for key, item, child, step in children:
        if isinstance(item, str) and _is_text(child):
            yield value, key, child["maxLength"], (*path, step)
        else:
            yield from text_fields(item, child, (*path, step))


# Optional text fields the mini dataset leaves out, so that every field the schema declares gets a payload.
OPTIONAL = {
    # src-one's quote is in Russian, so that its translation is shown
    "sources": lambda data: [source.update(author="A. Author", **({"language": "ru"} if source["id"] == "src-one"
                                                                  else {})) for source in data["sources"]],
    "actors": lambda data: data["actors"][2].setdefault(
        "names", [{"text": "Southland", "lang": "en", "romanized": "Sautlend", "note": "Its own name."}]),
    "places": lambda data: [name.setdefault("note", "A note.") for place in data["places"] for name in place["names"]],
    "glossary": lambda data: data["terms"][0].setdefault("aliases", ["local measure"]),
    "events": lambda data: (data["events"][0].update(
        group="A group", media={"url": "https://example.org/photo.jpg", "credit": "A credit", "caption": "A caption",
                                "alt": "An alt text"}),
        next(event for event in data["events"] if "claims" in event)["claims"][0].update(
            translation="Local measures.", translated_by="explainer"),
        data["events"][0].update(outcome="An outcome.")),
    "seed": lambda data: data["seed"].update(lede="A lede.", lede_sources=["src-one"]),
}
# Optional files the mini dataset leaves out, written here so that their text fields get payloads too.
SAMPLES = {"figures": {"figures": [{"id": "toll", "counts": "People killed", "measure": "killed", "value": 200,
                                    "qualifier": "at-least", "date": "2023-09-19", "according_to": "south",
                                    "events": ["operation"], "sources": ["src-one"], "note": "A note.",
                                    "series": [{"date": "2023-09-19", "value": 100}, {"date": "2023-09-20",
                                                                                    "value": 200}]}]}}
COVERED: set[tuple[str, Path_]] = set()  # (file stem, schema path) of every field hostile_dataset filled


def hostile_dataset(target: Path, payloads: list[str] = PAYLOADS) -> list[str]:
    """Write the mini dataset with payloads in every text field into ``target`` (data/ and seeds/).

    A long field gets every payload; a short one as many as fit, starting at a different payload each time,
    so every payload lands in short fields too. Returns the texts written, to look for on the pages.
    """
    written: list[str] = []
    start = 0
    (target / "data").mkdir(parents=True, exist_ok=True)
    (target / "seeds").mkdir(exist_ok=True)
    seed_text = (MINI / "seeds" / "mini.txt").read_text(encoding="utf-8")
    for stem, (_key, file_schema) in schema.FILES.items():
        mini_file = MINI / "data" / f"{stem}.yml"
        data = (yaml.safe_load(mini_file.read_text(encoding="utf-8")) if mini_file.exists()
                else copy.deepcopy(SAMPLES[stem]))  # a copy: payloads are written into it
        if stem in OPTIONAL:
            OPTIONAL[stem](data)
        for container, key, limit, path in list(text_fields(data, file_schema)):
            COVERED.add((stem, path))
            text = str(container[key])
            for offset in range(len(payloads)):
                payload = payloads[(start + offset) % len(payloads)]
                if len(text) + 1 + len(payload) > limit:
                    break
                text += " " + payload
            start += 3
            container[key] = text
            written.append(text)
        if stem == "seed":
            seed_text += "\n\n" + "\n\n".join(payloads) + "\n"
            for note in data["seed"]["notes"]:
                seed_text = seed_text.replace("Hilltown is quiet", note["passage"])
        if stem == "sources":
            data["sources"][0]["url"] = QUOTED_URL
        (target / "data" / f"{stem}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, width=10_000),
                                                     encoding="utf-8")
    (target / "seeds" / "mini.txt").write_text(seed_text, encoding="utf-8")
    return written
