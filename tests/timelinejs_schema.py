"""Knight Lab's TimelineJS JSON format, written down as a JSON Schema to test the export against.

Transcribed from https://timeline.knightlab.com/docs/json-format.html (TimelineJS3
``website/templates/docs/json-format.html``): the object holds ``events`` (required), ``title``, ``eras``
and ``scale`` (human or cosmological); a slide has ``start_date`` (required except for the title slide),
``end_date``, ``text``, ``media``, ``group``, ``display_date``, ``background``, ``autolink`` and ``unique_id``;
an era has ``start_date`` and ``end_date`` (both required) and ``text``; a date needs ``year`` ("A number");
``month`` runs 1-12, ``hour`` 0-23, ``minute`` and ``second`` 0-59; a media object needs ``url``. Properties the
page does not name are refused, so the export cannot drift into a shape TimelineJS ignores.
"""

from __future__ import annotations

from typing import Any

_STRING = {"type": "string"}
_DATE = {"type": "object", "required": ["year"], "additionalProperties": False, "properties": {
    "year": {"type": "number"}, "month": {"type": "number", "minimum": 1, "maximum": 12}, "day": {"type": "number"},
    "hour": {"type": "number", "minimum": 0, "maximum": 23}, "minute": {"type": "number", "minimum": 0, "maximum": 59},
    "second": {"type": "number", "minimum": 0, "maximum": 59}, "millisecond": {"type": "number"},
    "display_date": _STRING}}
_TEXT = {"type": "object", "additionalProperties": False, "properties": {"headline": _STRING, "text": _STRING}}
_MEDIA = {"type": "object", "required": ["url"], "additionalProperties": False, "properties": dict.fromkeys(
    ("url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target"), _STRING)}
_SLIDE = {"type": "object", "additionalProperties": False, "properties": {
    "start_date": {"$ref": "#/$defs/date"}, "end_date": {"$ref": "#/$defs/date"}, "text": {"$ref": "#/$defs/text"},
    "media": {"$ref": "#/$defs/media"}, "group": _STRING, "display_date": _STRING,
    "background": {"type": "object", "additionalProperties": False,
                   "properties": {"url": _STRING, "alt": _STRING, "color": _STRING}},
    "autolink": {"type": "boolean"}, "unique_id": _STRING}}
_ERA = {"type": "object", "required": ["start_date", "end_date"], "additionalProperties": False, "properties": {
    "start_date": {"$ref": "#/$defs/date"}, "end_date": {"$ref": "#/$defs/date"}, "text": {"$ref": "#/$defs/text"}}}

TIMELINEJS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "TimelineJS JSON data format",
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "events": {"type": "array", "items": {"allOf": [{"$ref": "#/$defs/slide"}, {"required": ["start_date"]}]}},
        "title": {"$ref": "#/$defs/slide"},
        "eras": {"type": "array", "items": {"$ref": "#/$defs/era"}},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "$defs": {"date": _DATE, "text": _TEXT, "media": _MEDIA, "slide": _SLIDE, "era": _ERA},
}
