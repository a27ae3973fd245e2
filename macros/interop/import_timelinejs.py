"""The command ``python -m macros import-timelinejs SHEET.csv [--source-id ID ...] [--kind KIND] [--out data/]
[--add | --force] [--skip-bad-rows]``: a TimelineJS sheet saved as CSV becomes events in ``data/events.yml``.

Nothing is written while a row cannot be mapped (``macros.interop.timelinejs_sheet`` says why, with the line), unless
``--skip-bad-rows`` leaves such rows out; existing events are kept and added to with ``--add``, replaced only with
``--force``; and no source is ever invented: a row cites the ids in its ``Sources`` cell, or the sheet itself when
``--source-id`` names it as a source. What is written keeps each file's own layout (``macros.interop.write_yaml``).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.interop import timelinejs
from macros.interop.sheet_report import said_once
from macros.interop.timelinejs_sheet import PLURAL, Conversion, convert, read_sheet
from macros.interop.write_yaml import Layout, add_entries, events_yaml
from macros.load import DataError, Problem, load_dataset
from macros.load.schema import EVENT_KINDS, ID_PATTERN
from macros.load.yamlfile import read_yaml
from macros.model import parse_date


@dataclass(frozen=True)
class SheetSource:
    """The sheet as a source, when the user names it: ``--source-id`` and the fields of a new entry."""

    # Not ``model.Source``: this is what the command line says, before any check. Only the id is required (it may
    # name a source already in sources.yml); the other fields make a new entry and are checked when it is written.

    id: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    language: str = "en"


# The exit status when the import wrote the sheet's good rows and left out others (--skip-bad-rows).
ROWS_LEFT_OUT = 3


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
                 force: bool = False, add: bool = False, skip_bad_rows: bool = False) -> tuple[Conversion, list[str]]:
    """Read ``sheet``, convert it and, when nothing is wrong, write ``out/events.yml`` (and the sheet's source).

    ``add`` keeps the events already there and adds the sheet's after them; ``force`` replaces them. With
    ``skip_bad_rows``, a row that cannot be mapped is left out (its problems stay in the result, its line in
    ``refused``) and the others are written. Returns the conversion (problems and notes) and the paths written;
    nothing is written while a problem outside the left-out rows remains.
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
    if existing_events and not force and not add:
        problems.append(Problem((out / "events.yml").as_posix(), 1, f"already holds {len(existing_events)} "
                                "event(s); pass --add to add the sheet's events after them, --force to replace "
                                "them, or import into another --out folder"))
    if add:
        taken |= {str(event.get("id")) for event in existing_events}
    new_source = sheet_source is not None and sheet_source.id not in sources
    if sheet_source is not None and new_source:
        sources = {**sources, sheet_source.id: sheet_source.url}
    elif sheet_source is not None and (sheet_source.title or sheet_source.publisher or sheet_source.date
                                       or sheet_source.url):
        notes.append(Problem(shown, 1, f"--source-id {sheet_source.id!r} is already in sources.yml: its entry there "
                             "is cited as it is, and the other --source-* options are not used"))
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
    blocking = [problem for problem in result.problems
                if not (skip_bad_rows and problem.path == shown and problem.line in result.refused)]
    if blocking or not result.events:
        return result, []
    out.mkdir(parents=True, exist_ok=True)
    written = [(out / "events.yml").as_posix()]
    _write_events(out, result.events, shown, keep=bool(existing_events) and add)
    if entry is not None:
        _write_entries(out / "sources.yml", "sources", [entry], _folder_layout(out))
        written.append((out / "sources.yml").as_posix())
    return result, written


def _folder_layout(out: Path) -> Layout:
    """The layout the data folder's files use (the first that shows one), for a file that has none yet."""
    for stem, key in (("events", "events"), ("sources", "sources"), ("actors", "actors"), ("places", "places")):
        file = out / f"{stem}.yml"
        if file.exists():
            text = file.read_text(encoding="utf-8")
            if re.search(r"^\s*- ", text, re.MULTILINE):
                return Layout.of(text, key)
    return Layout()


def _write_events(out: Path, events: list[dict[str, Any]], shown: str, keep: bool) -> None:
    file = out / "events.yml"
    if keep or (file.exists() and not re.search(r"^\s*- ", file.read_text(encoding="utf-8"), re.MULTILINE)):
        _write_entries(file, "events", events, _folder_layout(out))  # added after the events (or `events: []`)
    else:
        file.write_text(events_yaml(events, shown, _folder_layout(out)), encoding="utf-8")


def _write_entries(file: Path, key: str, entries: list[dict[str, Any]], default: Layout) -> None:
    """Add ``entries`` to the list in ``file`` (made when missing), in the file's own layout."""
    text = file.read_text(encoding="utf-8-sig") if file.exists() else (
        f"# yaml-language-server: $schema=../schema/{file.stem}.schema.json\n")
    file.write_text(add_entries(text, key, entries, Layout.of(text, key, default)), encoding="utf-8")


def add_arguments(commands: Any) -> None:
    parser = commands.add_parser(
        "import-timelinejs", help="import a TimelineJS sheet saved as CSV into events.yml",
        description="Import a TimelineJS sheet (File > Download > CSV) into OUT/events.yml. Rows cite the source "
                    "ids in a `Sources` column, or the sheet itself when --source-id names it.")
    parser.add_argument("sheet", type=Path, help="the sheet saved as CSV (UTF-8)")
    parser.add_argument("--out", type=Path, default=Path("data"), help="the data folder to write (default: data/)")
    keep = parser.add_mutually_exclusive_group()
    keep.add_argument("--add", action="store_true", help="add the sheet's events after those in OUT/events.yml")
    keep.add_argument("--force", action="store_true", help="replace the events already in OUT/events.yml")
    parser.add_argument("--skip-bad-rows", action="store_true",
                        help=f"import every row that can be, list the others, and exit with {ROWS_LEFT_OUT}")
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
                                   default_kind=args.kind, force=args.force, add=args.add,
                                   skip_bad_rows=args.skip_bad_rows)
    for note in said_once(result.notes, PLURAL):
        print(f"{note.path}:{note.line}: note: {note.message}")
    problems = said_once(result.problems, PLURAL)
    for problem in sorted(problems):
        print(problem)
    if not written:
        count = len(problems)
        skipping = (f"; rerun with --skip-bad-rows to import the other rows and leave these {len(result.refused)} "
                    "out" if result.refused and not args.skip_bad_rows else "")
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written{skipping}."
              if count else "the sheet holds no event; nothing was written.")
        return 1
    print(f"imported {len(result.events)} events into {', '.join(written)}"
          + (f" (sheet title: {result.title!r})" if result.title else ""))
    if result.refused:
        rows = len(result.refused)
        print(f"{rows} row{'s were' if rows != 1 else ' was'} left out (listed above); fix them in the sheet and "
              "import it again into another folder, or add them to events.yml by hand")
    checked = _check_after(args.out)
    return checked if checked or not result.refused else ROWS_LEFT_OUT


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
