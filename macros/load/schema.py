"""The shape of every data file, declared once as JSON Schema.

The same declaration validates the data (``macros.check``), is written to ``schema/*.schema.json`` for
editors (``python -m macros schema``) and is rendered as the contributor reference page.
"""

from __future__ import annotations

import json
from typing import Any

Schema = dict[str, Any]

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
URL_PATTERN = r"^https?://[^\s/\$.?#][^\s]*$"  # \$: fastjsonschema reads a bare $ as an anchor even in a class
MAX_TEXT = 2000
MAX_NAMES_EACH = 30  # names or aliases of one entity: the most in real data is 7

ACTOR_KINDS = ["state", "ministry", "armed-force", "de-facto-authority", "international-body", "person", "media",
               "organization", "peacekeeping-force"]
PLACE_KINDS = ["country", "region", "district", "city", "town", "village", "road", "bridge", "checkpoint", "site"]
EVENT_KINDS = ["military", "diplomatic", "political", "humanitarian", "legal"]
VERDICTS = ["outdated", "incorrect", "imprecise", "disputed", "accurate"]
# What kind of publisher a source is, shown to readers beside it. A party's own outlets (`official`, `state-media`
# with `party`) are cited for that party's position; a fact needs at least one source that is not a party's.
SOURCE_TYPES = ["official", "state-media", "independent-media", "wire-service", "international-organisation",
                "court", "ngo-research", "encyclopedia", "document"]
# The site's name reaches the theme's templates (some print it unescaped, so it is escaped first), link previews
# and the exports: plain words only, no character that HTML, Markdown or Jinja would read as markup.
MARKUP_CHARACTERS = "<>{}[]*_`\\|#"
PLAIN_TEXT_PATTERN = "^[^" + "".join("\\" + char if char in "[]\\^-" else char for char in MARKUP_CHARACTERS) + "]+$"


def _text(description: str, max_length: int = MAX_TEXT) -> Schema:
    return {"type": "string", "minLength": 1, "maxLength": max_length, "description": description}


def _id(description: str) -> Schema:
    return {"type": "string", "pattern": ID_PATTERN, "maxLength": 80, "description": description}


def _ids(description: str, min_items: int = 0) -> Schema:
    schema: Schema = {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN, "maxLength": 80},
                      "uniqueItems": True, "description": description}
    if min_items:
        schema["minItems"] = min_items
    return schema


def _date(description: str) -> Schema:
    return {"type": "string", "pattern": DATE_PATTERN, "description": description + " Quoted: \"2023\", "
            "\"2023-09\" or \"2023-09-19\" (the precision you know)."}


def _url(description: str) -> Schema:
    return {"type": "string", "pattern": URL_PATTERN, "maxLength": MAX_TEXT, "description": description}


def _object(properties: Schema, required: list[str], description: str = "") -> Schema:
    schema: Schema = {"type": "object", "properties": properties, "required": required,
                      "additionalProperties": False}
    if description:
        schema["description"] = description
    return schema


def _file(key: str, item: Schema, description: str) -> Schema:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"data/{key}",
        "description": description,
        **_object({key: {"type": "array", "items": item, "description": description}}, [key]),
    }


LANG = {"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "maxLength": 35,
        "description": "BCP 47 language code: en, hy, az, ru."}
SCRIPT = {"type": "string", "pattern": r"^[A-Z][a-z]{3}$", "description": "ISO 15924 script: Latn, Armn, Cyrl."}

NAME = _object({
    "text": _text("The name as written in its language and script.", 200),
    "lang": LANG,
    "script": SCRIPT,
    "romanized": _text("The name in Latin letters, where the script is not Latin.", 200),
    "used_by": _ids("Actors (sides) that use this name."),
    "period": _object({"from": _date("First used."), "to": _date("Last used.")}, [],
                      "When the name is or was in use."),
    "note": _text("A short note on the name.", 500),
}, ["text", "lang"], "One name of an entity in one language.")

SOURCE = _object({
    "id": _id("Unique id, used by events, claims and terms to cite this source."),
    "publisher": _text("Who published it (the original publisher, not a mirror).", 200),
    "title": _text("The title as published.", 500),
    "title_from_address": {"type": "boolean",
                           "description": "true when the headline was not seen and `title` is read from the `url`."},
    "date": _date("Publication date."),
    "url": _url("Where a reader can open it (http or https)."),
    "archive_url": _url("An archived copy, where one exists."),
    "language": LANG,
    "author": _text("Author, where named.", 200),
    "type": {"enum": SOURCE_TYPES, "description": "What kind of publisher: `official` (a government's, party's or "
             "body's own statement or site), `state-media` (owned or run by a state), `independent-media`, "
             "`wire-service`, `international-organisation`, `court`, `ngo-research`, `encyclopedia`, `document` "
             "(the text of an agreement or law, as republished)."},
    "party": _id("For `official` and `state-media`: the actor (a side of the story, or a third state) whose voice "
                 "it is."),
}, ["id", "publisher", "title", "date", "language"], "A published source that a reader can open.")

def _aliases(item: str, description: str) -> Schema:
    """An entity's other names: each one belongs to one entity only (the check says so), at most MAX_NAMES_EACH."""
    return {"type": "array", "items": _text(item, 200), "uniqueItems": True, "maxItems": MAX_NAMES_EACH,
            "description": description}


ACTOR = _object({
    "id": _id("Unique id across all data files."),
    "name": _text("The name to show.", 200),
    "kind": {"enum": ACTOR_KINDS, "description": "What kind of actor."},
    "description": _text("One or two neutral sentences."),
    "aliases": _aliases("Another name.", "Other names a text may use; each belongs to one entity only."),
    "names": {"type": "array", "items": NAME, "maxItems": MAX_NAMES_EACH,
              "description": "Names in other languages."},
    "part_of": _id("The actor this one belongs to."),
    "sources": _ids("Sources for the description."),
}, ["id", "name", "kind", "description"], "A state, body, force, medium or person.")

PLACE = _object({
    "id": _id("Unique id across all data files."),
    "name": _text("The name to show first (common English usage).", 200),
    "kind": {"enum": PLACE_KINDS, "description": "What kind of place."},
    "description": _text("One or two neutral sentences."),
    "aliases": _aliases("Another spelling.", "Other spellings a text may use; each belongs to one entity only."),
    "names": {"type": "array", "items": NAME, "minItems": 1, "maxItems": MAX_NAMES_EACH,
              "description": "Its names, each with language, script and who uses it."},
    "located_in": _id("The place it lies in."),
    "coordinates": _object({
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "lon": {"type": "number", "minimum": -180, "maximum": 180},
        "source": _id("Where the coordinates were read."),
    }, ["lat", "lon", "source"], "Latitude and longitude in decimal degrees, with their source."),
    "sources": _ids("Sources for the description and names."),
}, ["id", "name", "kind", "description", "names"], "A place, with every side's name for it.")

CLAIM = _object({
    "by": _id("The actor who makes the claim."),
    "says": _text("What they say: a quote or a summary.", 1000),
    "quote": {"type": "boolean", "description": "true only when `says` is verbatim in the source."},
    "source": _id("Where the claim was made or reported."),
    "disputed_by": _ids("Actors who deny this claim."),
    "translation": _text("For a quote in another language than English: the same words in English.", 1000),
    "translated_by": {"enum": ["source", "explainer"],
                      "description": "Who translated it: the cited `source` itself, or this explainer's editors."},
}, ["by", "says", "source"], "What one actor says about the event.")

# The fields of a TimelineJS slide's media that a reader can follow (https://timeline.knightlab.com/docs/json-format.html).
MEDIA = _object({
    "url": _url("The photo, video or document (http or https); the page links to it and never loads it."),
    "credit": _text("Who made it.", 500),
    "caption": _text("What it shows.", 1000),
    "thumbnail": _url("A small image of it (http or https), also linked, never loaded."),
    "alt": _text("What it shows, in words, for a reader who cannot see it (a TimelineJS sheet's Alt Text).", 1000),
}, ["url"], "A photo, video or document about the event, linked from its page.")

EVENT = _object({
    "id": _id("Unique id across all data files."),
    "date": _date("When it happened."),
    "end": _date("When it ended, for events that last."),
    "approximate": {"type": "boolean", "description": "true when the date is approximate (shown as c.)."},
    "kind": {"enum": EVENT_KINDS, "description": "What kind of event."},
    "title": _text("A short neutral headline.", 200),
    "summary": _text("Two to four neutral sentences."),
    "actors": _ids("Who took part."),
    "places": _ids("Where it happened."),
    "sources": _ids("Where a reader can check it.", min_items=1),
    "claims": {"type": "array", "items": CLAIM, "description": "What each side says, attributed."},
    "group": _text("A label that groups events in a row, as a TimelineJS sheet's Group column does.", 100),
    "media": MEDIA,
    "outcome": _text("How it ended, in one neutral sentence, where the sources state it (shown in the event's "
                     "infobox).", 300),
}, ["id", "date", "kind", "title", "summary", "sources"], "A dated event with its sources.")

ALTERNATIVE = _object({
    "term": _text("The word the other side uses.", 200),
    "used_by": _ids("Who uses it.", min_items=1),
    "source": _id("Where it is used."),
}, ["term", "used_by"], "Another side's word for the same thing.")

TERM = _object({
    "id": _id("Unique id across all data files."),
    "term": _text("The term as readers meet it.", 200),
    "aliases": {"type": "array", "items": _text("Another form.", 200), "uniqueItems": True,
                "maxItems": MAX_NAMES_EACH,
                "description": "Other forms of the term."},
    "definition": _text("A neutral definition."),
    "used_by": _ids("Who uses this term."),
    "instead": {"type": "array", "items": ALTERNATIVE, "description": "The words others use instead."},
    "related": _ids("Related terms."),
    "sources": _ids("Sources for the definition and usage.", min_items=1),
}, ["id", "term", "definition", "sources"], "A contested or technical term.")

# What a figure counts, so that figures of one kind can be told apart and charted together.
MEASURES = ["killed", "wounded", "missing", "displaced", "arrived", "detained", "troops", "destroyed", "other"]
QUALIFIERS = ["at-least", "about", "up-to"]
COUNT = {"type": "integer", "minimum": 0, "description": "A whole number, as the source gives it (no commas)."}

FIGURE = _object({
    "id": _id("Unique id across all data files."),
    "counts": _text("What is counted, of whom, when: figures with the same `counts` (word for word) are shown side "
                    "by side, each attributed, never added up or averaged.", 300),
    "measure": {"enum": MEASURES, "description": "What kind of count it is."},
    "value": {**COUNT, "description": "The number. Give either `value`, or `low` and `high` for a range."},
    "low": {**COUNT, "description": "The lower end of a range (with `high`, instead of `value`)."},
    "high": {**COUNT, "description": "The upper end of a range (with `low`, instead of `value`)."},
    "qualifier": {"enum": QUALIFIERS, "description": "How the source words it: at least, about, up to."},
    "date": _date("The first day (or month, or year) the count covers."),
    "end": _date("The last day it covers."),
    "according_to": _id("Who gives the number: the actor (a side, or an independent body) in actors.yml."),
    "events": _ids("The events it belongs to: it is shown on their pages."),
    "sources": _ids("The pages that state the number (a newspaper reporting it counts; name the counter in "
                    "`according_to`).", min_items=1),
    "note": _text("One sentence of context (what it includes, as of when).", 500),
    "series": {"type": "array", "minItems": 2, "description": "Dated values of the same count, drawn as a chart "
               "(arrivals by date, deaths by year), in date order, within `date` to `end`.",
               "items": _object({"date": _date("The day (or month, or year) of this value."), "value": COUNT},
                                ["date", "value"])},
}, ["id", "counts", "measure", "date", "according_to", "sources"], "One count by one counter, with its sources.")

SEED = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "data/seed",
    "description": "The article the explainer explains, and context notes on its statements.",
    **_object({"seed": _object({
        "site_name": {**_text("The explainer's name, shown on every page (it replaces `site_name` in mkdocs.yml).",
                              120), "pattern": PLAIN_TEXT_PATTERN},
        "site_description": {**_text("One sentence on what the explainer covers, for search engines and link "
                                     "previews.", 300), "pattern": PLAIN_TEXT_PATTERN},
        "source": _id("The article's entry in sources.yml."),
        "file": {"type": "string", "pattern": r"^seeds/[A-Za-z0-9_.-]+\.txt$",
                 "description": "The article's text, in seeds/."},
        "notes": {"type": "array", "items": _object({
            "id": _id("Unique id across all data files."),
            "passage": _text("The exact words of the article the note is about.", 500),
            "verdict": {"enum": VERDICTS, "description": "How the passage stands."},
            "note": _text("The context, neutral, with sources."),
            "sources": _ids("Sources for the note.", min_items=1),
        }, ["id", "passage", "verdict", "note", "sources"])},
        "lede": _text("The home page's opening: two to four plain sentences from the data, saying what happened, "
                      "where, and why it matters.", 1200),
        "lede_sources": _ids("The sources of the lede, cited after it."),
        "key_figures": _ids("The figures the home page shows (ids in figures.yml), in this order; without it, the "
                            "figures of the key events."),
        "key_events": _ids("The events the home page opens with, in this order: what the article reports and what "
                           "came of it."),
        "chapters": {"type": "array", "description": "The \"What happened next\" page: the story after the "
                     "article, in chapters, each listing the events of its dates.", "items": _object({
                         "title": _text("The chapter's heading.", 120),
                         "from": _date("The chapter's first date."),
                         "to": _date("The chapter's last date; without it, the chapter runs to the last event."),
                     }, ["title", "from"])},
    }, ["source", "file"])}, ["seed"]),
}

# The data files, in the order they are read and reported. Key: file stem; value: (top-level key, schema).
FILES: dict[str, tuple[str, Schema]] = {
    "sources": ("sources", _file("sources", SOURCE, "Published sources that events, claims and terms cite.")),
    "actors": ("actors", _file("actors", ACTOR, "States, bodies, forces, media and people.")),
    "places": ("places", _file("places", PLACE, "Places, with each side's names.")),
    "events": ("events", _file("events", EVENT, "Dated events, with sources and attributed claims.")),
    "glossary": ("terms", _file("terms", TERM, "Contested and technical terms.")),
    "seed": ("seed", SEED),
    "figures": ("figures", _file("figures", FIGURE, "Key figures: counts (killed, displaced, arrived…), each "
                                 "attributed to who gives it, with sources.")),
}
# Files a newsroom may leave out: without them, nothing is missing.
OPTIONAL_FILES = {"figures"}


def schema_json(stem: str) -> str:
    """The JSON Schema of ``data/<stem>.yml`` as written to ``schema/<stem>.schema.json``."""
    return json.dumps(FILES[stem][1], indent=2, ensure_ascii=False) + "\n"
