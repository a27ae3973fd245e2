"""The data in the formats others use, written with the site into ``downloads/`` and listed on the Data page.

- ``explainer.json``: the whole dataset, each list shaped as its data file (the JSON Schemas in ``schema/``
  validate them), with a ``schema_version`` to bump whenever that shape changes;
- ``timeline.csv``: the timeline as a TimelineJS sheet (Knight Lab's columns, plus ``Kind`` and ``Sources``), which
  ``python -m macros import-timelinejs`` reads back;
- ``timeline.json``: the timeline in TimelineJS's JSON format, for any TimelineJS embed;
- ``places.geojson``: the places that have coordinates, as GeoJSON points (RFC 7946: longitude first).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from macros.interop import timelinejs
from macros.model import Actor, Dataset, Event, Figure, Name, PartialDate, Place, Source, Term, format_range

SCHEMA_VERSION = 2  # 2: figures (data/figures.yml), events' outcome, the seed's lede
FOLDER = "downloads"


@dataclass(frozen=True)
class Download:
    path: str  # in the docs (and the site): downloads/<name>
    content: bytes
    title: str
    description: str


class _Key:
    """A memo's key with its hash computed once: a key is an entry's whole model value (an event with its claims,
    names and sources), and hashing it again for each dictionary it goes into was half the cost of the exports."""

    __slots__ = ("hash", "value")

    def __init__(self, value: Hashable) -> None:
        self.value = value
        self.hash = hash(value)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self.hash == other.hash and self.value == other.value


@dataclass
class ExportMemo:
    """What ``mkdocs serve`` keeps of the exports between rebuilds, in memory: each entry's encoded text (a JSON
    list item, a CSV row), keyed by the model values it was made from. An edit of one event then encodes one entry
    again, not 5,000; the files are byte for byte those a clean build writes (the same encoder, item by item)."""

    pieces: dict[_Key, str] = field(default_factory=dict)
    used: dict[_Key, str] = field(default_factory=dict)

    def piece(self, key: Hashable, make: Callable[[], str]) -> str:
        kept = _Key(key)
        found = self.pieces.get(kept)
        if found is None:
            found = make()
        self.used[kept] = found
        return found

    def forget_unused(self) -> None:
        """Keep only what the last build used, so memory follows the data, not the number of edits."""
        self.pieces, self.used = self.used, {}


@dataclass(frozen=True)
class _Item:
    """A list item of a JSON export, encoded on its own so that a memo can keep it."""

    key: Hashable
    make: Callable[[], Any]


_Wrap = Callable[[Hashable, Callable[[], Any]], Any]


def _plain(key: Hashable, make: Callable[[], Any]) -> Any:
    return make()


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out what the data leaves out: None, empty lists and a false default."""
    return {key: value for key, value in values.items() if value not in (None, [], (), False, "")}


def _name(name: Name) -> dict[str, Any]:
    period = _compact({"from": name.period_from.iso if name.period_from else None,
                       "to": name.period_to.iso if name.period_to else None})
    return _compact({"text": name.text, "lang": name.lang, "script": name.script, "romanized": name.romanized,
                     "used_by": list(name.used_by), "period": period or None, "note": name.note})


def source_entry(source: Source) -> dict[str, Any]:
    return _compact({"id": source.id, "publisher": source.publisher, "title": source.title,
                     "title_from_address": source.title_from_address or None, "date": source.date.iso,
                     "url": source.url, "archive_url": source.archive_url, "language": source.language,
                     "author": source.author, "type": source.source_type, "party": source.party})


def actor_entry(actor: Actor) -> dict[str, Any]:
    return _compact({"id": actor.id, "name": actor.name, "kind": actor.category, "description": actor.description,
                     "aliases": list(actor.aliases), "names": [_name(name) for name in actor.names],
                     "part_of": actor.part_of, "sources": list(actor.sources)})


def place_entry(place: Place) -> dict[str, Any]:
    coordinates = place.coordinates
    return _compact({
        "id": place.id, "name": place.name, "kind": place.category, "description": place.description,
        "aliases": list(place.aliases), "names": [_name(name) for name in place.names],
        "located_in": place.located_in,
        "coordinates": {"lat": coordinates.lat, "lon": coordinates.lon, "source": coordinates.source}
        if coordinates else None,
        "sources": list(place.sources)})


def event_entry(event: Event) -> dict[str, Any]:
    media = _compact({"url": event.media.url, "credit": event.media.credit, "caption": event.media.caption,
                      "thumbnail": event.media.thumbnail, "alt": event.media.alt}) if event.media else None
    return _compact({
        "id": event.id, "date": event.date.iso, "end": event.end.iso if event.end else None,
        "approximate": event.approximate, "kind": event.category, "title": event.title, "summary": event.summary,
        "actors": list(event.actors), "places": list(event.places), "sources": list(event.sources),
        "claims": [_compact({"by": claim.by, "says": claim.says, "quote": claim.quote, "source": claim.source,
                             "disputed_by": list(claim.disputed_by), "translation": claim.translation,
                             "translated_by": claim.translated_by}) for claim in event.claims],
        "group": event.group, "media": media, "outcome": event.outcome})


def figure_entry(figure: Figure) -> dict[str, Any]:
    return _compact({
        "id": figure.id, "counts": figure.counts, "measure": figure.measure, "value": figure.value,
        "low": figure.low, "high": figure.high, "qualifier": figure.qualifier, "date": figure.date.iso,
        "end": figure.end.iso if figure.end else None, "according_to": figure.according_to,
        "events": list(figure.events), "sources": list(figure.sources), "note": figure.note,
        "series": [{"date": point.date.iso, "value": point.value} for point in figure.series]})


def term_entry(term: Term) -> dict[str, Any]:
    return _compact({
        "id": term.id, "term": term.term, "aliases": list(term.aliases), "definition": term.definition,
        "used_by": list(term.used_by),
        "instead": [_compact({"term": alt.term, "used_by": list(alt.used_by), "source": alt.source})
                    for alt in term.instead],
        "related": list(term.related), "sources": list(term.sources)})


def dataset_json(dataset: Dataset, title: str, item: _Wrap = _plain) -> dict[str, Any]:
    """Everything in ``data/`` as one JSON document; each list has the shape of its YAML file."""
    seed = dataset.seed
    return _compact({
        "schema_version": SCHEMA_VERSION,
        "title": title,
        "sources": [item(source, partial(source_entry, source)) for source in dataset.sources.values()],
        "actors": [item(actor, partial(actor_entry, actor)) for actor in dataset.actors.values()],
        "places": [item(place, partial(place_entry, place)) for place in dataset.places.values()],
        "events": [item(event, partial(event_entry, event)) for event in dataset.chronology],
        "terms": [item(term, partial(term_entry, term)) for term in dataset.terms.values()],
        "figures": [item(figure, partial(figure_entry, figure)) for figure in dataset.figures.values()],
        "seed": _compact({"source": seed.source, "file": seed.file, "lede": seed.lede,
                          "lede_sources": list(seed.lede_sources),
                          "notes": [{"id": note.id, "passage": note.passage, "verdict": note.verdict,
                                     "note": note.note, "sources": list(note.sources)} for note in seed.notes]})
        if seed else None,
    })


def _group(event: Event) -> str:
    return event.group or event.category


_HEADER = [*timelinejs.COLUMNS, timelinejs.KIND_COLUMN, timelinejs.SOURCES_COLUMN]


def _cells(date: PartialDate | None) -> list[str]:
    if date is None:
        return ["", "", ""]
    return [str(date.year), str(date.month or ""), str(date.day or "")]


def _event_row(event: Event) -> list[str]:
    start, end = _cells(event.date), _cells(event.end)
    media = event.media
    return _row(_HEADER, {
        "Year": start[0], "Month": start[1], "Day": start[2],
        "End Year": end[0], "End Month": end[1], "End Day": end[2],
        "Display Date": format_range(event.date, event.end, True) if event.approximate else "",
        "Headline": timelinejs.text_to_html(event.title), "Text": timelinejs.text_to_html(event.summary),
        "Media": media.url if media else "",
        "Media Credit": timelinejs.text_to_html(media.credit or "") if media else "",
        "Media Caption": timelinejs.text_to_html(media.caption or "") if media else "",
        "Media Thumbnail": (media.thumbnail or "") if media else "",
        "Alt Text": (media.alt or "") if media else "",
        "Group": _group(event), "Kind": event.category, "Sources": " ".join(event.sources)})


def timeline_rows(dataset: Dataset, title: str, description: str) -> list[list[str]]:
    """The timeline as a TimelineJS sheet: a title row, then one row per event in date order."""
    return [_HEADER, _title_row(title, description), *(_event_row(event) for event in dataset.chronology)]


def _title_row(title: str, description: str) -> list[str]:
    return _row(_HEADER, {"Headline": timelinejs.text_to_html(title),
                          "Text": timelinejs.text_to_html(description), "Type": "title"})


def _row(header: list[str], values: dict[str, str]) -> list[str]:
    return [timelinejs.spreadsheet_safe(values.get(column, "")) for column in header]


def _csv_lines(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _event_line(event: Event) -> str:
    return _csv_lines([_event_row(event)])


def timeline_csv(dataset: Dataset, title: str, description: str, memo: ExportMemo | None = None) -> str:
    if memo is None:
        return _csv_lines(timeline_rows(dataset, title, description))
    # A CSV writer keeps nothing from one row to the next: the rows written one by one make the same text.
    return _csv_lines([_HEADER, _title_row(title, description)]) + "".join(
        memo.piece(("row", event), partial(_event_line, event))
        for event in dataset.chronology)


def _slide_date(date: PartialDate) -> dict[str, int]:
    # Knight Lab: "year: A number ... month: A number from 1-12 ... day: A number".
    return {key: value for key, value in (("year", date.year), ("month", date.month), ("day", date.day)) if value}


def _sources_html(dataset: Dataset, event: Event) -> str:
    items = []
    for source_id in event.sources:
        source = dataset.sources[source_id]
        label = timelinejs.text_to_html(f"{source.publisher}: {source.title} ({source.date.iso})")
        items.append(f'<a href="{html.escape(source.url)}">{label}</a>' if source.url else label)
    return "<p>Sources: " + "; ".join(items) + "</p>"


def timelinejs_json(dataset: Dataset, title: str, description: str, item: _Wrap = _plain) -> dict[str, Any]:
    """The timeline in Knight Lab's JSON format (https://timeline.knightlab.com/docs/json-format.html).

    Text is escaped HTML; each slide ends with its sources, since a TimelineJS slide has no field for them.
    """
    events = [item(("slide", event, *(dataset.sources[source_id] for source_id in event.sources)),
                   partial(_slide, dataset, event)) for event in dataset.chronology]
    return {"title": {"text": {"headline": timelinejs.text_to_html(title),
                               "text": timelinejs.text_to_html(description)}},
            "events": events, "scale": "human"}


def _slide(dataset: Dataset, event: Event) -> dict[str, Any]:
    slide: dict[str, Any] = {"start_date": _slide_date(event.date)}
    if event.end:
        slide["end_date"] = _slide_date(event.end)
    summary = timelinejs.text_to_html(event.summary)
    if not summary.startswith("<p>"):
        summary = f"<p>{summary}</p>"
    slide["text"] = {"headline": timelinejs.text_to_html(event.title),
                     "text": summary + _sources_html(dataset, event)}
    if event.media:
        # TimelineJS writes caption and credit as HTML, but alt and title as DOM properties: plain text there.
        slide["media"] = _compact({
            "url": event.media.url, "caption": timelinejs.text_to_html(event.media.caption or ""),
            "credit": timelinejs.text_to_html(event.media.credit or ""), "thumbnail": event.media.thumbnail,
            "alt": event.media.alt or event.media.caption, "title": event.media.caption})
    slide["group"] = _group(event)
    if event.approximate:
        slide["display_date"] = format_range(event.date, event.end, True)
    slide["unique_id"] = event.id
    return slide


def places_geojson(dataset: Dataset, item: _Wrap = _plain) -> dict[str, Any]:
    """A FeatureCollection of the places with coordinates, each with its names on every side."""
    return {"type": "FeatureCollection", "features": [
        item(("feature", place, dataset.sources[place.coordinates.source]),
             partial(_feature, dataset, place))
        for place in dataset.places.values() if place.coordinates is not None]}


def _feature(dataset: Dataset, place: Place) -> dict[str, Any]:
    assert place.coordinates is not None
    alternate = list(dict.fromkeys(name for name in place.all_names if name != place.name))
    source = dataset.sources[place.coordinates.source]
    return {
        "type": "Feature", "id": place.id,
        "geometry": {"type": "Point", "coordinates": [place.coordinates.lon, place.coordinates.lat]},
        "properties": _compact({
            "id": place.id, "name": place.name, "alternate_names": alternate, "kind": place.category,
            "description": place.description, "names": [_name(name) for name in place.names],
            "located_in": place.located_in,
            "coordinates_source": _compact({"id": source.id, "publisher": source.publisher,
                                            "title": source.title, "url": source.url})}),
    }


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _indented(value: Any, memo: ExportMemo, indent: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` where each ``_Item`` is encoded on its own, once per
    value (``memo``). A JSON string holds no raw line break, so an item's text is indented by its lines."""
    inner = indent + "  "
    if isinstance(value, _Item):
        text = memo.piece(value.key, lambda: json.dumps(value.make(), ensure_ascii=False, indent=2))
        return text.replace("\n", "\n" + indent)
    if isinstance(value, dict) and value:
        return "{\n" + ",\n".join(f"{inner}{json.dumps(str(key), ensure_ascii=False)}: "
                                  f"{_indented(item, memo, inner)}" for key, item in value.items()) + f"\n{indent}}}"
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(inner + _indented(item, memo, inner) for item in value) + f"\n{indent}]"
    return json.dumps(value, ensure_ascii=False)


def _memo_json(value: Any, memo: ExportMemo) -> bytes:
    return (_indented(value, memo) + "\n").encode("utf-8")


def downloads(dataset: Dataset, title: str, description: str, memo: ExportMemo | None = None) -> list[Download]:
    """Every export file, in the order the Data page lists them. ``memo``: encoded entries kept from the last
    build of a ``mkdocs serve`` (see ``ExportMemo``); the files are the same with it or without."""
    located = sum(1 for place in dataset.places.values() if place.coordinates)
    if memo is None:
        explainer = _json(dataset_json(dataset, title))
        timeline = _json(timelinejs_json(dataset, title, description))
        geojson = _json(places_geojson(dataset))
    else:
        explainer = _memo_json(dataset_json(dataset, title, _Item), memo)
        timeline = _memo_json(timelinejs_json(dataset, title, description, _Item), memo)
        geojson = _memo_json(places_geojson(dataset, _Item), memo)
    return [
        Download(f"{FOLDER}/explainer.json", explainer, "The whole dataset (JSON)",
                 f"Every source, actor, place, event and term, shaped as the data files (schema version "
                 f"{SCHEMA_VERSION})."),
        # With a byte order mark, Excel reads the file as UTF-8; without one, in the machine's legacy code page.
        Download(f"{FOLDER}/timeline.csv", timeline_csv(dataset, title, description, memo).encode("utf-8-sig"),
                 "The timeline as a TimelineJS sheet (CSV)",
                 f"{len(dataset.events)} events in Knight Lab's TimelineJS columns, plus a Sources column with "
                 "source ids. Open it in a spreadsheet, or import it into another explainer."),
        Download(f"{FOLDER}/timeline.json", timeline,
                 "The timeline in TimelineJS's JSON format", "For a TimelineJS embed; each slide ends with its "
                 "sources."),
        Download(f"{FOLDER}/places.geojson", geojson, "Places (GeoJSON)",
                 f"{located} place(s) with coordinates, as points with their names on every side."),
    ]
