"""Read a TimelineJS sheet saved as CSV, and map its rows to event entries as events.yml holds them.

The columns are Knight Lab's (see ``macros.interop.timelinejs``). Each problem names the physical line a row starts on
(a cell with line breaks spans several): ``sheet.csv:12: what is wrong; how to fix``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from macros.interop import timelinejs
from macros.load import Problem, did_you_mean
from macros.load.schema import EVENT_KINDS
from macros.model import MONTHS, PartialDate, fold, format_range, parse_date

KNOWN_COLUMNS = {timelinejs.column_key(name): name
                 for name in (*timelinejs.COLUMNS, timelinejs.KIND_COLUMN, timelinejs.SOURCES_COLUMN)}
_APPROXIMATE = re.compile(r"^(c\.|ca\.|circa|about|around|approximately|approx\.|~)\s*", re.IGNORECASE)
_MONTH_NAMES = {name.casefold(): number for number, name in enumerate(MONTHS, start=1)} | {
    name[:3].casefold(): number for number, name in enumerate(MONTHS, start=1)}
MAX_TITLE, MAX_SUMMARY, MAX_CAPTION, MAX_CREDIT, MAX_GROUP = 200, 2000, 1000, 500, 100
# A cell holding a whole date (2023-09-21, 21/09/2023, 21 Sept. 2023), where one part of a date is due.
_FULL_DATE = re.compile(r"\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}|[a-z]{3,}\.?\s+\d{1,2},?\s+\d{3,4}"
                        r"|\d{1,2}\s+[a-z]{3,}\.?,?\s+\d{3,4}", re.IGNORECASE)
_DATE_WORDS = {"to", "and", "from", "until", "till", "th", "st", "nd", "rd", "of", "the", "on"}
NO_GROUP = ("`Group` is empty, so the event has no kind; write one of {kinds} in Group, or give such rows a kind "
            "with --kind KIND").format(kinds=", ".join(EVENT_KINDS))
NO_SOURCE = ("the row has no source; write source ids in a `Sources` column, or name the sheet itself as the source "
             "with --source-id (and --source-publisher, --source-date)")
# How a problem found on many rows is said once ({count} rows, {lines} where they start).
PLURAL = {
    NO_GROUP: "{count} rows have no Group, so their events have no kind ({lines}); give them a kind with --kind KIND, "
              f"or write one of {', '.join(EVENT_KINDS)} in Group",
    NO_SOURCE: "{count} rows have no source ({lines}); name the sheet itself as their source with --source-id (and "
               "--source-publisher, --source-date), or write source ids in a `Sources` column",
}


@dataclass(frozen=True)
class Row:
    line: int  # the physical line the row starts on
    cells: dict[str, str]  # by column key

    def get(self, key: str) -> str:
        return timelinejs.from_spreadsheet_cell(self.cells.get(key, "").strip())


@dataclass
class Conversion:
    events: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    refused: set[int] = field(default_factory=set)  # the lines of the rows left out for a problem


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
    return int(cleaned) if re.fullmatch(r"-?\d{1,9}", cleaned) else None  # no int() of 5,000 digits


def _date(row: Row, prefix: str) -> tuple[PartialDate | None, str | None]:
    """The date in the Year/Month/Day (or End ...) columns at the precision filled in; (date, problem)."""
    label = "End " if prefix else ""
    year_text, month_text, day_text = (row.get(prefix + part) for part in ("year", "month", "day"))
    misplaced = _misplaced(label, year_text, month_text, day_text, row.get(prefix + "time"))
    if misplaced:
        return None, misplaced
    if not year_text:
        if month_text or day_text:
            return None, f"`{label}Month` or `{label}Day` is filled but `{label}Year` is empty; add the year"
        return None, None
    year = _number(year_text)
    if year is not None and year < 1:
        return None, (f"`{label}Year` {year_text!r} is before 1 AD, and the explainer dates events from year 1 to "
                      "9999 (TimelineJS's years BC have no place in its dates); leave the row out, or date it from "
                      "year 1 and say the real date in Text")
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


def _misplaced(label: str, year: str, month: str, day: str, time: str) -> str | None:
    """A date that stands in the wrong columns: a whole date in Month or Day, or every part one column right."""
    for part, text in (("Month", month), ("Day", day)):
        if _FULL_DATE.search(text):
            return (f"`{label}{part}` holds a full date ({text!r}): is the {label.lower()}date one column to the "
                    f"right? Write its year, month and day in `{label}Year`, `{label}Month` and `{label}Day`")
    month_number, day_number = _number(month), _number(day)
    if not year and month_number is not None and month_number > 31 and (day or time):
        return (f"`{label}Year` is empty and `{label}Month` holds a year ({month!r}): is the {label.lower()}date one "
                f"column to the right? Move `{label}Month`, `{label}Day` and `{label}Time` one column left")
    if year and month and day_number is not None and day_number > 31 and _number(year) is not None \
            and (_number(year) or 0) <= 12:
        return (f"`{label}Day` holds a year ({day!r}) and `{label}Year` a month: are the {label.lower()}date's "
                f"columns swapped? Write the year in `{label}Year`, the month in `{label}Month`, the day in "
                f"`{label}Day`")
    return None


def _date_tokens(text: str) -> set[str]:
    """What a written date says, whatever its punctuation and spelling: numbers, and months as m1..m12."""
    tokens = set()
    for word in re.findall(r"[^\W\d_]+|\d+", text.casefold()):
        if word.isdigit():
            tokens.add(str(int(word)))
        elif word not in _DATE_WORDS:
            month = next((number for number, name in enumerate(MONTHS, start=1)
                          if len(word) >= 3 and name.casefold().startswith(word)), None)
            tokens.add(f"m{month}" if month else word)
    return tokens


def same_date(display: str, start: PartialDate, end: PartialDate | None) -> bool:
    """Whether a Display Date says the dates and nothing else ("Sept. 19-21, 2023" is 19–21 September 2023)."""
    dates = [date for date in (start, end) if date]
    named = {str(date.year) for date in dates} | {f"m{date.month}" for date in dates if date.month} | {
        str(date.day) for date in dates if date.day}
    numeric = {str(date.year) for date in dates} | {str(date.month) for date in dates if date.month} | {
        str(date.day) for date in dates if date.day}
    return _date_tokens(display) in (named, numeric)


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


def _kind(group: str, group_kinds: dict[str, str], default_kind: str | None, written: str = "") -> str | None:
    if fold(written) in EVENT_KINDS:  # an exported sheet's own Kind column
        return fold(written)
    folded = fold(group)
    if folded in EVENT_KINDS:
        return folded
    if folded in group_kinds:
        return group_kinds[folded]
    return default_kind


def _when(row: Row, problems: list[str], notes: list[str]) -> tuple[PartialDate | None, PartialDate | None, bool]:
    """The start, the end and whether the date is approximate (a Display Date such as "c. 1988")."""
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
            notes.append(f"`{KNOWN_COLUMNS[column]}` {row.get(column)!r} is dropped: the explainer dates events to "
                         "the day")
    approximate = False
    display = timelinejs.html_to_text(row.get("displaydate"))
    if display and date:
        approximate = bool(_APPROXIMATE.match(display))
        shown_date = format_range(date, end, approximate)
        if not approximate and not same_date(display, date, end):
            notes.append(f"`Display Date` {display!r} is not kept: the explainer writes {shown_date!r}; start it "
                         "with 'c.' when the date is approximate")
    return date, end, approximate


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
                result.refused.add(row.line)
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
        date, end, approximate = _when(row, problems, notes)
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
        kind = _kind(row.get("group"), group_kinds, default_kind, row.get("kind"))
        if row.get("kind") and fold(row.get("kind")) not in EVENT_KINDS:
            problems.append(f"`Kind` {row.get('kind')!r} is not an event kind; write one of {', '.join(EVENT_KINDS)}")
        elif kind is None:
            group = row.get("group")
            problems.append(
                (f"`Group` {group!r} is not an event kind ({', '.join(EVENT_KINDS)}); map it with "
                 f"--group-kind '{group}=KIND' or give every such row a kind with --kind KIND") if group else NO_GROUP)
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
            result.refused.add(row.line)
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
            problems.append(NO_SOURCE)
        else:
            ids.append(sheet_source)
    return ids, problems


def _media(row: Row) -> tuple[dict[str, str] | None, list[str], list[str]]:
    url = row.get("media")
    credit = timelinejs.html_to_text(row.get("mediacredit"))
    caption = timelinejs.html_to_text(row.get("mediacaption"))
    thumbnail = row.get("mediathumbnail")
    alt = " ".join(timelinejs.html_to_text(row.get("alttext")).split())
    if not url:
        if credit or caption or thumbnail or alt:
            return None, [], ["`Media Credit`, `Media Caption`, `Media Thumbnail` or `Alt Text` without `Media` is "
                              "dropped"]
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
    if alt:
        media["alt"] = alt
        if len(alt) > MAX_CAPTION:
            problems.append(f"`Alt Text` is longer than {MAX_CAPTION} characters; shorten it")
    notes = []
    if thumbnail:
        if timelinejs.is_http_url(thumbnail):
            media["thumbnail"] = thumbnail
        else:
            notes.append(f"`Media Thumbnail` {thumbnail!r} is not an http(s) address and is dropped")
    return media, problems, notes
