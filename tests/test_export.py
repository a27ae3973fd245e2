"""The exports: the dataset as JSON, the timeline for TimelineJS (CSV and JSON), places as GeoJSON, JSON-LD in
entity pages, present in every edition of the site, and a round trip through the TimelineJS sheet."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from macros.interop import export, jsonld
from macros.interop.import_timelinejs import import_sheet
from macros.load.dataset import load_dataset
from macros.load.schema import FILES, SEED
from macros.load.yamlfile import read_yaml
from tests.conftest import ROOT, copy_project, mkdocs
from tests.htmlcheck import parse, resolve
from tests.timelinejs_schema import TIMELINEJS_SCHEMA

MINI = ROOT / "tests" / "fixtures" / "mini"
HOSTILE_TITLE = '</script><script>alert(1)</script> & <!-- "x"'
# Events that exercise what the sheet must carry: media, a group, an approximate span, paragraphs, HTML-like text
# and a cell a spreadsheet would run as a formula.
RICH_EVENTS = f"""
  - id: hostile
    date: "1988"
    end: "1989-02"
    approximate: true
    kind: political
    group: Votes & protests
    title: '{HOSTILE_TITLE}'
    summary: |-
      First paragraph with <b>tags</b> & ampersands.

      =SUM(A1) second paragraph.
    sources: [src-one, src-two]
    places: [hill-town]
    actors: [north]
    media:
      url: https://example.org/photo.jpg
      credit: Example & Co
      caption: A <photo>
      thumbnail: https://example.org/thumb.jpg
      alt: Two people, and a flag in Հայերեն
  - id: formula
    date: "2024-02"
    kind: legal
    title: =1+2 is not a formula
    summary: "@mention and -minus stay text."
    sources: [src-one]
"""


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project with the rich events added."""
    project = tmp_path_factory.mktemp("rich")
    for part in ("data", "seeds"):
        shutil.copytree(MINI / part, project / part)
    events = project / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8") + RICH_EVENTS, encoding="utf-8")
    return project


def validate(instance: Any, schema: dict[str, Any]) -> None:
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in Draft202012Validator(schema)
              .iter_errors(instance)]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("project", ["real", "rich"])
def test_timelinejs_json_follows_knight_labs_documented_format(project: str, rich: Path) -> None:
    dataset = load_dataset(ROOT if project == "real" else rich)
    timeline = export.timelinejs_json(dataset, "A title", "A description")
    Draft202012Validator.check_schema(TIMELINEJS_SCHEMA)
    validate(timeline, TIMELINEJS_SCHEMA)
    assert "start_date" not in timeline["title"]
    ids = [slide["unique_id"] for slide in timeline["events"]]
    assert ids == [event.id for event in dataset.chronology]
    for slide, event in zip(timeline["events"], dataset.chronology, strict=True):
        assert slide["start_date"]["year"] == event.date.year
        for source_id in event.sources:
            assert dataset.sources[source_id].publisher.replace("&", "&amp;") in slide["text"]["text"]


def test_timelinejs_json_escapes_text_and_keeps_media(rich: Path) -> None:
    slide = next(slide for slide in export.timelinejs_json(load_dataset(rich), "T", "D")["events"]
                 if slide["unique_id"] == "hostile")
    assert slide["text"]["headline"] == "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- \"x\""
    assert slide["media"] == {"url": "https://example.org/photo.jpg", "caption": "A &lt;photo&gt;",
                              "credit": "Example &amp; Co", "thumbnail": "https://example.org/thumb.jpg",
                              "alt": "Two people, and a flag in Հայերեն", "title": "A <photo>"}
    assert slide["display_date"] == "c. 1988 – February 1989"
    assert slide["end_date"] == {"year": 1989, "month": 2}


@pytest.mark.parametrize("project", ["real", "rich"])
def test_dataset_json_has_a_schema_version_and_the_shape_of_the_data_files(project: str, rich: Path) -> None:
    root = ROOT if project == "real" else rich
    data = export.dataset_json(load_dataset(root), "A title")
    assert data["schema_version"] == export.SCHEMA_VERSION
    for key, schema in FILES.values():
        if key != "seed":
            validate({key: data.get(key, [])}, schema)  # an optional file left out is left out of the export
    validate({"seed": data["seed"]}, SEED)
    document, _problems = read_yaml(root / "data" / "events.yml", "events.yml")
    assert document is not None
    by_id = {event["id"]: event for event in data["events"]}
    for event in document.value["events"]:
        assert by_id[event["id"]] == event  # nothing lost, nothing added


def test_places_geojson_holds_only_located_places_longitude_first(rich: Path) -> None:
    collection = export.places_geojson(load_dataset(rich))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]  # the valley has no coordinates
    assert feature["geometry"] == {"type": "Point", "coordinates": [46.2, 40.1]}
    assert feature["properties"]["name"] == "Hilltown"
    assert feature["properties"]["alternate_names"] == ["Tepekent", "Тепекент"]
    assert feature["properties"]["coordinates_source"]["id"] == "src-two"


def test_json_ld_cannot_close_its_script_element() -> None:
    element = jsonld.script_element({"name": HOSTILE_TITLE, "x": "a&b"})
    inner = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not re.search(r"[<>&]", inner)
    assert json.loads(inner) == {"name": HOSTILE_TITLE, "x": "a&b"}


def _paragraphs(text: str) -> str:
    # HTML, like the rendered page, does not tell one space from a line break inside a paragraph.
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip())


CARRIED = ("date", "end", "approximate", "kind", "group", "title", "summary", "sources", "media")


def event_keys(events: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """What a TimelineJS sheet carries of each event, as written in events.yml; ids are made again from the
    headline, and actors, places and claims have no column, so they are left out."""
    keys = []
    for event in events:
        values = {key: event.get(key) for key in CARRIED}
        values["title"], values["summary"] = _paragraphs(event["title"]), _paragraphs(event["summary"])
        keys.append(tuple(json.dumps(values[key], sort_keys=True) for key in CARRIED))
    return sorted(keys)


@pytest.mark.parametrize("project", ["real", "mini", "rich"])
def test_export_then_import_gives_back_the_same_events(project: str, rich: Path, tmp_path: Path) -> None:
    root = {"real": ROOT, "mini": MINI, "rich": rich}[project]
    before = load_dataset(root)
    sheet = tmp_path / "timeline.csv"
    download = next(file for file in export.downloads(before, "A title", "D") if file.path.endswith(".csv"))
    sheet.write_bytes(download.content)
    for part in ("data", "seeds"):
        shutil.copytree(root / part, tmp_path / part)
    # No --group-kind: the sheet's Kind column gives back each event's kind, whatever its custom Group.
    result, written = import_sheet(sheet, tmp_path / "data", force=True)
    assert not result.problems, "\n".join(map(str, result.problems))
    assert written and result.title == "A title"
    document, problems = read_yaml(tmp_path / "data" / "events.yml", "events.yml")
    assert document is not None and not problems
    assert event_keys(document.value["events"]) == event_keys([export.event_entry(event)
                                                                for event in before.events.values()])
    if project != "real":  # the real data's claims may be a source's only citation, and claims stay behind
        assert len(load_dataset(tmp_path).events) == len(before.events)


def test_timeline_csv_opens_in_excel_as_utf8(rich: Path) -> None:
    download = next(file for file in export.downloads(load_dataset(rich), "T", "D") if file.path.endswith(".csv"))
    # Excel reads a CSV as UTF-8 only after a byte order mark; without it, Հայերեն would show as mojibake.
    assert download.content.startswith(b"\xef\xbb\xbfYear,")
    assert "Հայերեն" in download.content.decode("utf-8-sig")


def test_timeline_csv_has_timelinejs_columns_sources_and_no_formula(rich: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export.timeline_csv(load_dataset(rich), "T", "D"))))
    assert rows[0]["Type"] == "title" and rows[0]["Headline"] == "T"
    formula = next(row for row in rows if "formula" in row["Headline"])
    assert formula["Headline"] == "'=1+2 is not a formula" and formula["Sources"] == "src-one"
    assert formula["Text"] == "'@mention and -minus stay text."
    hostile = next(row for row in rows if row["Group"] == "Votes & protests")
    assert (hostile["Year"], hostile["Month"], hostile["End Year"], hostile["End Month"]) == ("1988", "", "1989", "2")
    assert hostile["Text"].startswith("<p>First paragraph with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands.</p>")


def test_data_page_lists_every_export_with_its_size(site: Path) -> None:
    html = (site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("explainer.json", "timeline.csv", "timeline.json", "places.geojson"):
        file = site / "downloads" / name
        assert file.exists() and f'href="../downloads/{name}"' in html
    size = (site / "downloads" / "explainer.json").stat().st_size
    assert f"{size / 1024:.1f} KB" in html
    data = json.loads((site / "downloads" / "explainer.json").read_text(encoding="utf-8"))
    assert len(data["events"]) == len(load_dataset(ROOT).events)
    validate(json.loads((site / "downloads" / "timeline.json").read_text(encoding="utf-8")), TIMELINEJS_SCHEMA)


def test_entity_pages_describe_themselves_in_json_ld(site: Path) -> None:
    html = (site / "events" / "2023-09-19-azerbaijani-operation" / "index.html").read_text(encoding="utf-8")
    head = html[:html.index("</head>")]
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head)
    data = json.loads(payload)
    assert (data["@type"], data["startDate"]) == ("Event", "2023-09-19")
    assert {place["name"] for place in data["location"]} == {"Nagorno-Karabakh", "Stepanakert"}
    assert data["about"] and data["subjectOf"][0]["publisher"]["name"] == "OC Media"


OFFLINE = """INHERIT: mkdocs.yml
use_directory_urls: false
plugins:
  - search
  - offline
  - macros:
      on_undefined: strict
      on_error_fail: true
      include_yaml: []
"""


def test_offline_edition_carries_the_exports_and_escapes_hostile_json_ld(rich: Path, tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", data=rich / "data")
    shutil.rmtree(project / "seeds")
    shutil.copytree(rich / "seeds", project / "seeds")
    (project / "mkdocs.offline.yml").write_text(OFFLINE, encoding="utf-8")
    out = tmp_path / "offline"
    result = mkdocs("build", "--strict", "-f", "mkdocs.offline.yml", "--site-dir", out, cwd=project)
    assert result.returncode == 0, result.stderr
    data_page = out / "data.html"
    targets = [resolve(out, data_page, url) for tag, _attr, url in parse(data_page).links if "downloads/" in url]
    assert len(targets) == 4 and all(target and target[0].is_file() for target in targets)
    html = (out / "events" / "hostile.html").read_text(encoding="utf-8")
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    assert "<" not in payload and json.loads(payload)["name"] == HOSTILE_TITLE
    assert html.count("<script>alert(1)") == 0
    place = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>',
                                  (out / "places" / "hill-town.html").read_text(encoding="utf-8"))[0])
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 40.1, "longitude": 46.2}
    assert place["alternateName"] == ["Tepekent", "Тепекент"]
    assert place["containedInPlace"]["name"] == "The Valley"
    actor = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>',
                                  (out / "actors" / "north-mod.html").read_text(encoding="utf-8"))[0])
    assert (actor["@type"], actor["parentOrganization"]["name"]) == ("GovernmentOrganization", "Northland")
    assert 'href="https://example.org/photo.jpg"' in html and "<img" not in html.split('class="ex-media"')[1][:400]


@pytest.mark.parametrize("project", ["real", "rich"])
def test_exports_kept_by_serve_are_those_of_a_clean_build(project: str, rich: Path) -> None:
    """`serve --dirty` encodes only the entries it has not encoded before (export.ExportMemo): byte for byte the
    files a clean build writes, after an edit too."""
    before = load_dataset({"real": ROOT, "rich": rich}[project])
    event = before.chronology[0]
    events = {**before.events, event.id: type(event)(**{**{name: getattr(event, name) for name in
                                                           event.__dataclass_fields__ if name != "kind"},
                                                        "title": event.title + " Retitled"})}
    after = type(before)(before.sources, before.actors, before.places, events, before.terms, before.seed,
                         before.boundaries, before.figures)
    memo = export.ExportMemo()
    for dataset in (before, before, after):
        kept = export.downloads(dataset, "A title", "D", memo)
        memo.forget_unused()
        assert [file.content for file in kept] == [file.content for file in export.downloads(dataset, "A title", "D")]
    assert b" Retitled" in kept[0].content
