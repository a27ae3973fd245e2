"""The contributor reference: each data file's fields, rendered as HTML tables from the JSON Schema in
``macros.load.schema`` (the declaration the check uses), so the documentation cannot drift from the check."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.site.safe_html import html
from macros.load.schema import DATE_PATTERN, FILES, ID_PATTERN, URL_PATTERN, Schema


@dataclass(frozen=True)
class Field:
    path: str
    type: str
    required: bool
    description: str
    allowed: str


def _kind(schema: Schema) -> str:
    if "enum" in schema:
        return "choice"
    if schema.get("type") == "array":
        item: Schema = schema.get("items", {})
        if item.get("type") == "object":
            return "list of entries"
        kind = _kind(item)
        return f"list of {kind}s" if kind == "id" else f"list of {kind}"
    if schema.get("type") == "object":
        return "mapping"
    if schema.get("type") == "boolean":
        return "true or false"
    named = {ID_PATTERN: "id", DATE_PATTERN: "date", URL_PATTERN: "URL"}
    pattern = str(schema.get("pattern", ""))
    return named.get(pattern) or str(schema.get("type", "any")).replace("string", "text")


def _allowed(schema: Schema) -> str:
    if "enum" in schema:
        return ", ".join(str(value) for value in schema["enum"])
    rules = []
    if schema.get("type") == "array":
        item_rules = _allowed(schema.get("items", {}))
        if item_rules and schema.get("items", {}).get("type") != "object":
            rules.append(f"each: {item_rules}")
        if "minItems" in schema:
            rules.append(f"at least {schema['minItems']}")
        if schema.get("uniqueItems"):
            rules.append("no repeats")
    if schema.get("pattern") == ID_PATTERN:
        rules.append("lowercase letters, digits and single hyphens")
    if "minimum" in schema and "maximum" in schema:
        rules.append(f"{schema['minimum']} to {schema['maximum']}")
    if "maxLength" in schema and schema.get("pattern") not in {ID_PATTERN, URL_PATTERN}:
        rules.append(f"up to {schema['maxLength']} characters")
    return "; ".join(rules)


def fields(schema: Schema, prefix: str = "") -> list[Field]:
    """Every field of an object schema, nested ones as ``names[].text`` or ``coordinates.lat``."""
    rows: list[Field] = []
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        rows.append(Field(path, _kind(prop), name in required, prop.get("description", ""), _allowed(prop)))
        if prop.get("type") == "object":
            rows.extend(fields(prop, f"{path}."))
        elif prop.get("type") == "array" and prop.get("items", {}).get("type") == "object":
            rows.extend(fields(prop["items"], f"{path}[]."))
    return rows


def entry_schema(stem: str) -> Schema:
    """The schema of one entry of ``data/<stem>.yml`` (the seed file holds one mapping, not a list)."""
    key, schema = FILES[stem]
    top: Schema = schema["properties"][key]
    item: Schema = top["items"] if top.get("type") == "array" else top
    return item


def field_table(stem: str) -> Markup:
    """An HTML table of every field of an entry of ``data/<stem>.yml``: field, type, required, description,
    allowed values."""
    rows = Markup("").join(
        html("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
             row.path, row.type, "yes" if row.required else "", row.description, row.allowed)
        for row in fields(entry_schema(stem)))
    key, schema = FILES[stem]
    return html('<p class="ex-reference-file">{} Top-level key: <code>{}</code>. Schema: <code>schema/{}.schema.json'
                '</code>.</p><div class="ex-reference"><table><thead><tr><th>Field</th><th>Type</th><th>Required</th>'
                "<th>Description</th><th>Allowed values</th></tr></thead><tbody>{}</tbody></table></div>",
                schema["description"], key, stem, rows)
