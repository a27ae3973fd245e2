"""Import a TimelineJS sheet saved as CSV into ``data/events.yml``.

``python -m macros import-timelinejs SHEET.csv [--source-id ID ...] [--kind KIND] [--out data/] [--force]``

Each problem names the sheet's physical line (a cell with line breaks spans several): ``sheet.csv:12: what is
wrong; how to fix``. Nothing is written while a row cannot be mapped, and no source is ever invented: a row
cites the ids in its ``Sources`` cell, or the sheet itself when ``--source-id`` names it as a source.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros import timelinejs
from macros.check_links import fold
from macros.dates import MONTHS, PartialDate, format_range, parse_date
from macros.load import load_dataset
from macros.problems import DataError, Problem, did_you_mean
from macros.schema import EVENT_KINDS, ID_PATTERN
from macros.yamlfile import read_yaml

KNOWN_COLUMNS = {timelinejs.column_key(name): name for name in (*timelinejs.COLUMNS, timelinejs.SOURCES_COLUMN)}
_APPROXIMATE = re.compile(r"^(c\.|ca\.|circa|about|around|approximately|approx\.|~)\s*", re.IGNORECASE)
_MONTH_NAMES = {name.casefold(): number for number, name in enumerate(MONTHS, start=1)} | {
    name[:3].casefold(): number for number, name in enumerate(MONTHS, start=1)}
MAX_TITLE, MAX_SUMMARY, MAX_CAPTION, MAX_CREDIT, MAX_GROUP = 200, 2000, 1000, 500, 100


@dataclass(frozen=True)
class Row:
    line: int  # the physical line the row starts on
    cells: dict[str, str]  # by column key

    def get(self, key: str) -> str:
        return timelinejs.from_spreadsheet_cell(self.cells.get(key, "").strip())


@dataclass(frozen=True)
class SheetSource:
    """The sheet as a source, when the user names it: ``--source-id`` and the fields of a new entry."""

    id: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    language: str = "en"


@dataclass
class Conversion:
    events: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


def read_sheet(text: str, shown: str) -> tuple[list[Row], list[Problem], list[Problem]]:
    """The sheet's rows with the line each starts on; (rows, problems, notes). ``text`` is already decoded."""
    problems: list[Problem] = []
    notes: list[Problem] = []
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=lambda candidate: (
        "headline" in (timelinejs.column_key(cell) for cell in first_line.split(candidate)), candidate == ","))
    # strict: a quote left open would otherwise swallow the rest of the sheet into one cell without a word.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    header: list[str] | None = None
    last_line = 0
    try:
        for cells in reader:
            start, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header, header_problems, header_notes = _read_header(cells, shown, start)
                problems += header_problems
                notes += header_notes
                if header_problems:
                    return [], problems, notes
                continue
            rows.append(Row(start, {key: cell for key, cell in zip(header, cells, strict=False) if key}))
    except csv.Error as error:
        problems.append(Problem(shown, last_line + 1, f"the row that starts here cannot be read as CSV ({error}); "
                                "close the quote opened in it, or export the sheet again as CSV"))
    if header is None and not problems:
        problems.append(Problem(shown, 1, "the sheet is empty; export a TimelineJS sheet with its header row"))
    return rows, problems, notes


def _read_header(cells: list[str], shown: str, line: int) -> tuple[list[str], list[Problem], list[Problem]]:
    problems: list[Problem] = []
    notes: list[Problem] = []
    keys: list[str] = []
    for cell in cells:
        key = timelinejs.column_key(cell)
        if key and key not in KNOWN_COLUMNS:
            notes.append(Problem(shown, line, f"the column {cell.strip()!r} is not a TimelineJS column and is not "
                                 f"imported{did_you_mean(cell.strip(), KNOWN_COLUMNS.values())}"))
            key = ""
        elif key and key in keys:
            problems.append(Problem(shown, line, f"the column {cell.strip()!r} appears twice; keep one of them"))
        keys.append(key)
    for required in ("year", "headline"):
        if required not in keys:
            problems.append(Problem(shown, line, f"the header has no {KNOWN_COLUMNS[required]!r} column; the first "
                                    f"row must name TimelineJS's columns: {', '.join(timelinejs.COLUMNS)}"))
    return keys, problems, notes


def _number(text: str) -> int | None:
    # Knight Lab's clean_integer: spaces and thousands separators removed (ConfigFactory.js).
    cleaned = re.sub(r"[\s,]+", "", text)
    return int(cleaned) if re.fullmatch(r"-?\d+", cleaned) else None


def _date(row: Row, prefix: str) -> tuple[PartialDate | None, str | None]:
    """The date in the Year/Month/Day (or End ...) columns at the precision filled in; (date, problem)."""
    label = "End " if prefix else ""
    year_text, month_text, day_text = (row.get(prefix + part) for part in ("year", "month", "day"))
    if not year_text:
        if month_text or day_text:
            return None, f"`{label}Month` or `{label}Day` is filled but `{label}Year` is empty; add the year"
        return None, None
    year = _number(year_text)
    if year is None or not 1 <= year <= 9999:
        return None, (f"`{label}Year` {year_text!r} is not a year from 1 to 9999; write the year as a number "
                      "(such as 2023) and put the month and day in their own columns")
    month: int | None = None
    if month_text:
        month = _number(month_text) or _MONTH_NAMES.get(month_text.casefold().rstrip("."))
        if month is None or not 1 <= month <= 12:
            return None, f"`{label}Month` {month_text!r} is not a month; write a number from 1 to 12"
    if day_text:
        day = _number(day_text)
        if month is None:
            return None, f"`{label}Day` is filled but `{label}Month` is empty; add the month or remove the day"
        if day is None:
            return None, f"`{label}Day` {day_text!r} is not a day; write a number from 1 to 31"
        date, error = parse_date(f"{year:04d}-{month:02d}-{day:02d}")
        return date, (f"`{label}Day`: {error}" if error else None)
    return PartialDate(year, month), None


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain)
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 50:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def make_id(date: PartialDate, headline: str, taken: set[str]) -> str:
    """``2023-09-19-ceasefire-agreed``: the date and the headline's first words, numbered when taken."""
    slug = _slug(headline)
    base = f"{date.iso}-{slug}" if slug else date.iso
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _kind(group: str, group_kinds: dict[str, str], default_kind: str | None) -> str | None:
    folded = fold(group)
    if folded in EVENT_KINDS:
        return folded
    if folded in group_kinds:
        return group_kinds[folded]
    return default_kind


def convert(rows: list[Row], shown: str, *, known_sources: dict[str, str | None], taken_ids: set[str],
            sheet_source: str | None = None, group_kinds: dict[str, str] | None = None,
            default_kind: str | None = None) -> Conversion:
    """Map every row to an event entry (as written to events.yml), or report why it cannot be.

    ``known_sources`` maps source ids to their URL (a ``Sources`` cell may name either); ``taken_ids`` are ids
    already used in the data, which imported ids avoid; ``sheet_source`` is cited by rows without sources.
    """
    result = Conversion()
    group_kinds = {fold(key): value for key, value in (group_kinds or {}).items()}
    by_url = {url.rstrip("/"): source_id for source_id, url in known_sources.items() if url}
    backgrounds = [row.line for row in rows if row.get("background")]
    if backgrounds:
        result.notes.append(Problem(shown, backgrounds[0], f"{len(backgrounds)} row(s) have a Background; "
                                    "backgrounds are not imported (the explainer shows no slide backgrounds)"))
    for row in rows:
        problems: list[str] = []
        notes: list[str] = []
        kind_of_row = fold(row.get("type"))
        headline = " ".join(timelinejs.html_to_text(row.get("headline")).split())  # a headline is one line
        if kind_of_row == "title":
            if result.title is not None:
                result.problems.append(Problem(shown, row.line, "a second title slide (TimelineJS shows only the "
                                               "first); empty its Type to make it an event, or remove the row"))
                continue
            result.title = headline or None
            result.notes.append(Problem(shown, row.line, f"title slide {headline!r}: used as the sheet's title "
                                        "(the title of the --source-id source, unless --source-title is given)"))
            continue
        elif kind_of_row == "era":
            result.notes.append(Problem(shown, row.line, f"era {headline!r} is not imported: the explainer has no "
                                        "eras; to keep it on the timeline, empty its Type to make it an event"))
            continue
        elif kind_of_row and kind_of_row != "event":
            notes.append(f"Type {row.get('type')!r} is neither title nor era: imported as an event")
        date, problem = _date(row, "")
        if problem:
            problems.append(problem)
        elif date is None:
            problems.append("`Year` is empty; every event needs at least a year (only the title slide has none)")
        end, problem = _date(row, "end")
        if problem:
            problems.append(problem)
        if date and end and end.last_day_key() < date.sort_key():
            problems.append(f"the end ({end.iso}) is before the start ({date.iso}); swap or correct the dates")
        if end is not None and end == date:
            end = None
        for column in ("time", "endtime"):
            if row.get(column):
                notes.append(f"`{KNOWN_COLUMNS[column]}` {row.get(column)!r} is dropped: the explainer dates events "
                             "to the day")
        approximate = False
        display = timelinejs.html_to_text(row.get("displaydate"))
        if display and date:
            approximate = bool(_APPROXIMATE.match(display))
            shown_date = format_range(date, end, approximate)
            if not approximate and display.casefold() != shown_date.casefold():
                notes.append(f"`Display Date` {display!r} is not kept: the explainer writes {shown_date!r}; start "
                             "it with 'c.' when the date is approximate")
        if not headline:
            problems.append("`Headline` is empty; write a short neutral headline")
        elif len(headline) > MAX_TITLE:
            problems.append(f"`Headline` is {len(headline)} characters long; shorten it to {MAX_TITLE} and move "
                            "the rest to Text")
        summary = timelinejs.html_to_text(row.get("text"))
        if not summary:
            problems.append("`Text` is empty; write two to four neutral sentences (the event's summary)")
        elif len(summary) > MAX_SUMMARY:
            problems.append(f"`Text` is {len(summary)} characters long; shorten it to {MAX_SUMMARY}")
        kind = _kind(row.get("group"), group_kinds, default_kind)
        if kind is None:
            group = row.get("group")
            problems.append(
                (f"`Group` {group!r} is not an event kind ({', '.join(EVENT_KINDS)}); map it with "
                 f"--group-kind '{group}=KIND' or give every such row a kind with --kind KIND") if group else
                f"`Group` is empty, so the event has no kind; write one of {', '.join(EVENT_KINDS)} in Group, or "
                "give such rows a kind with --kind KIND")
        if len(row.get("group")) > MAX_GROUP:
            problems.append(f"`Group` is longer than {MAX_GROUP} characters; shorten it")
        sources, source_problems = _sources(row.get("sources"), known_sources, by_url, sheet_source)
        problems += source_problems
        media, media_problems, media_notes = _media(row)
        problems += media_problems
        notes += media_notes
        result.notes += [Problem(shown, row.line, note) for note in notes]
        if problems:
            result.problems += [Problem(shown, row.line, problem) for problem in problems]
            continue
        assert date is not None and kind is not None
        event: dict[str, Any] = {"id": make_id(date, headline, taken_ids), "date": date.iso}
        if end:
            event["end"] = end.iso
        if approximate:
            event["approximate"] = True
        event["kind"] = kind
        group = " ".join(timelinejs.html_to_text(row.get("group")).split())
        if group and fold(group) != kind:
            event["group"] = group
        event.update({"title": headline, "summary": summary, "sources": sources})
        if media:
            event["media"] = media
        result.events.append(event)
    return result


def _sources(cell: str, known: dict[str, str | None], by_url: dict[str, str],
             sheet_source: str | None) -> tuple[list[str], list[str]]:
    ids: list[str] = []
    problems: list[str] = []
    for token in (token for token in re.split(r"[\s,;]+", cell) if token):
        source_id = by_url.get(token.rstrip("/")) if timelinejs.is_http_url(token) else token
        if source_id in known:
            if source_id not in ids:
                ids.append(source_id)
        elif source_id is None:
            problems.append(f"`Sources` names {token!r}, which no source in sources.yml has as its url; add the "
                            "source to sources.yml and write its id here")
        else:
            problems.append(f"`Sources` names unknown source {token!r}"
                            f"{did_you_mean(token, known) or '; add it to sources.yml or correct the id'}")
    if not ids and not problems:
        if sheet_source is None:
            problems.append("the row has no source; write source ids in a `Sources` column, or name the sheet "
                            "itself as the source with --source-id (and --source-publisher, --source-date)")
        else:
            ids.append(sheet_source)
    return ids, problems


def _media(row: Row) -> tuple[dict[str, str] | None, list[str], list[str]]:
    url = row.get("media")
    credit = timelinejs.html_to_text(row.get("mediacredit"))
    caption = timelinejs.html_to_text(row.get("mediacaption"))
    thumbnail = row.get("mediathumbnail")
    if not url:
        if credit or caption or thumbnail:
            return None, [], ["`Media Credit`, `Media Caption` or `Media Thumbnail` without `Media` is dropped"]
        return None, [], []
    if not timelinejs.is_http_url(url):
        return None, [], [f"`Media` is not an http(s) address ({url[:40]!r}…) and is dropped; the explainer "
                          "links media and embeds nothing"]
    problems = []
    media = {"url": url}
    if credit:
        media["credit"] = credit
        if len(credit) > MAX_CREDIT:
            problems.append(f"`Media Credit` is longer than {MAX_CREDIT} characters; shorten it")
    if caption:
        media["caption"] = caption
        if len(caption) > MAX_CAPTION:
            problems.append(f"`Media Caption` is longer than {MAX_CAPTION} characters; shorten it")
    notes = []
    if thumbnail:
        if timelinejs.is_http_url(thumbnail):
            media["thumbnail"] = thumbnail
        else:
            notes.append(f"`Media Thumbnail` {thumbnail!r} is not an http(s) address and is dropped")
    return media, problems, notes


# Writing YAML the strict loader reads back as written: dates always in double quotes.
class _Date(str):
    pass


class _Ids(list[str]):
    pass


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key, as the data files write them


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


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


def _existing(out: Path, force: bool) -> tuple[dict[str, str | None], set[str], list[dict[str, Any]], list[Problem]]:
    """Sources (id → url), every id in use outside events.yml, and the events already there (unless replaced)."""
    sources: dict[str, str | None] = {}
    ids: set[str] = set()
    events: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for stem, key in (("sources", "sources"), ("actors", "actors"), ("places", "places"), ("glossary", "terms"),
                      ("events", "events")):
        file = out / f"{stem}.yml"
        if not file.exists() or (stem == "events" and force):
            continue
        document, read_problems = read_yaml(file, file.as_posix())
        problems += read_problems
        entries = document.value.get(key) if document and isinstance(document.value, dict) else None
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict):
                continue
            if stem == "events":
                events.append(entry)
                continue
            ids.add(str(entry.get("id")))
            if stem == "sources":
                sources[str(entry.get("id"))] = entry.get("url")
    return sources, ids, events, problems


def _sheet_source_entry(option: SheetSource, title: str | None, shown: str) -> tuple[dict[str, Any], list[Problem]]:
    problems = []
    entry: dict[str, Any] = {"id": option.id, "publisher": option.publisher, "title": option.title or title,
                             "date": option.date, "language": option.language}
    if option.url:
        entry["url"] = option.url
    if not re.match(ID_PATTERN, option.id):
        problems.append(Problem(shown, 1, f"--source-id {option.id!r} is not an id; use lower-case letters, digits "
                                "and dashes, such as 'newsroom-timeline-2023'"))
    missing = [f"--source-{name}" for name in ("publisher", "title", "date") if not entry[name]]
    if missing:
        problems.append(Problem(shown, 1, f"--source-id {option.id!r} is not in sources.yml, so it is a new source: "
                                f"give {', '.join(missing)} too (the title defaults to the sheet's title slide)"))
    if option.date and parse_date(option.date)[0] is None:
        problems.append(Problem(shown, 1, f"--source-date: {parse_date(option.date)[1]}"))
    if option.url and not timelinejs.is_http_url(option.url):
        problems.append(Problem(shown, 1, f"--source-url {option.url!r} is not an http(s) address; give the "
                                "address where a reader can open the sheet, or leave it out"))
    return entry, problems


def import_sheet(sheet: Path, out: Path, *, shown: str | None = None, sheet_source: SheetSource | None = None,
                 group_kinds: dict[str, str] | None = None, default_kind: str | None = None,
                 force: bool = False) -> tuple[Conversion, list[str]]:
    """Read ``sheet``, convert it and, when nothing is wrong, write ``out/events.yml`` (and the sheet's source).

    Returns the conversion (problems and notes) and the paths written; nothing is written when there is a problem.
    """
    shown = shown or sheet.as_posix()
    result = Conversion()
    try:
        raw = sheet.read_bytes()
    except OSError as error:
        result.problems.append(Problem(shown, 1, f"cannot be read ({error.strerror}); check the path"))
        return result, []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        result.problems.append(Problem(shown, raw[:error.start].count(b"\n") + 1, "the sheet is not UTF-8 text; "
                                       "export it as 'CSV UTF-8' (Excel) or File > Download > CSV (Google Sheets)"))
        return result, []
    rows, problems, notes = read_sheet(text, shown)
    sources, taken, existing_events, existing_problems = _existing(out, force)
    if problems or existing_problems:
        result.problems += problems + existing_problems
        result.notes += notes
        return result, []
    if existing_events and not force:
        problems.append(Problem((out / "events.yml").as_posix(), 1, f"already holds {len(existing_events)} "
                                "event(s); import into another --out folder, or pass --force to replace them"))
    new_source = sheet_source is not None and sheet_source.id not in sources
    if sheet_source is not None:
        sources = {**sources, sheet_source.id: sheet_source.url}
    result = convert(rows, shown, known_sources=sources, taken_ids=set(taken),
                     sheet_source=sheet_source.id if sheet_source else None, group_kinds=group_kinds,
                     default_kind=default_kind)
    result.problems = problems + result.problems
    result.notes = notes + result.notes
    entry: dict[str, Any] | None = None
    if sheet_source is not None and new_source:
        entry, source_problems = _sheet_source_entry(sheet_source, result.title, shown)
        result.problems += source_problems
    if sheet_source is not None and not any(sheet_source.id in event["sources"] for event in result.events):
        entry = None  # no row needed it: a source cited by nothing would fail the check
    if result.problems:
        return result, []
    out.mkdir(parents=True, exist_ok=True)
    written = [(out / "events.yml").as_posix()]
    (out / "events.yml").write_text(events_yaml(result.events, shown), encoding="utf-8")
    if entry is not None:
        _append_source(out / "sources.yml", entry)
        written.append((out / "sources.yml").as_posix())
    return result, written


def _append_source(file: Path, entry: dict[str, Any]) -> None:
    item = source_yaml_item(entry)
    if not file.exists():
        file.write_text("# yaml-language-server: $schema=../schema/sources.schema.json\nsources:\n" + item,
                        encoding="utf-8")
        return
    text = file.read_text(encoding="utf-8")
    document, _problems = read_yaml(file, file.as_posix())
    if document is None or not document.value.get("sources"):  # `sources: []` or empty: start the list afresh
        kept = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
        file.write_text(f"{kept}sources:\n{item}", encoding="utf-8")
        return
    file.write_text(text + ("" if text.endswith("\n") else "\n") + item, encoding="utf-8")


def add_arguments(commands: Any) -> None:
    parser = commands.add_parser(
        "import-timelinejs", help="import a TimelineJS sheet saved as CSV into events.yml",
        description="Import a TimelineJS sheet (File > Download > CSV) into OUT/events.yml. Rows cite the source "
                    "ids in a `Sources` column, or the sheet itself when --source-id names it.")
    parser.add_argument("sheet", type=Path, help="the sheet saved as CSV (UTF-8)")
    parser.add_argument("--out", type=Path, default=Path("data"), help="the data folder to write (default: data/)")
    parser.add_argument("--force", action="store_true", help="replace the events already in OUT/events.yml")
    parser.add_argument("--kind", choices=EVENT_KINDS, help="the kind of events whose Group is empty or unmapped")
    parser.add_argument("--group-kind", action="append", default=[], metavar="GROUP=KIND",
                        help="the kind of the events of one Group (repeat for each group)")
    parser.add_argument("--source-id", help="cite the sheet itself as this source where a row names none")
    parser.add_argument("--source-title", help="the sheet's title as a source (default: its title slide)")
    parser.add_argument("--source-publisher", help="who publishes the sheet")
    parser.add_argument("--source-date", help="when it was published: YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--source-url", help="where a reader can open it (http or https)")
    parser.add_argument("--source-language", default="en", help="its language code (default: en)")


def run(args: argparse.Namespace) -> int:
    """The command: print notes and problems as ``sheet.csv:LINE: ...``, write, then run the check."""
    group_kinds: dict[str, str] = {}
    for pair in args.group_kind:
        group, _, kind = pair.rpartition("=")
        if not group or kind not in EVENT_KINDS:
            print(f"--group-kind {pair!r}: write GROUP=KIND with KIND one of {', '.join(EVENT_KINDS)}")
            return 2
        group_kinds[group] = kind
    sheet_source = SheetSource(args.source_id, args.source_title, args.source_publisher, args.source_date,
                               args.source_url, args.source_language) if args.source_id else None
    result, written = import_sheet(args.sheet, args.out, sheet_source=sheet_source, group_kinds=group_kinds,
                                   default_kind=args.kind, force=args.force)
    for note in result.notes:
        print(f"{note.path}:{note.line}: note: {note.message}")
    for problem in sorted(result.problems):
        print(problem)
    if result.problems:
        count = len(result.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        return 1
    print(f"imported {len(result.events)} events into {', '.join(written)}"
          + (f" (sheet title: {result.title!r})" if result.title else ""))
    return _check_after(args.out)


def _check_after(out: Path) -> int:
    try:
        dataset = load_dataset(Path.cwd(), out)
    except DataError as error:
        print("the data check now reports (fix these before building):")
        for problem in error.problems:
            print(problem)
        return 1
    print(f"the data check passes: {len(dataset.events)} events")
    return 0
