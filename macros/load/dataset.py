"""Read ``data/`` and ``seeds/``, check everything, and build the model: the one way data enters a build."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.load import check_links
from macros.load.boundaries import FILE_NAME as BOUNDARIES_FILE
from macros.load.boundaries import load_boundaries
from macros.load.check_figures import check_figures
from macros.load.check_names import check_names
from macros.load.check_shape import check_shape, may_hold_bidi
from macros.load.problems import DataError, Problem, shown
from macros.load.regular_files import not_regular, refusal
from macros.load.reserved_ids import reserved
from macros.load.schema import FILES, OPTIONAL_FILES
from macros.load.yamlfile import YamlDocument, read_yaml, splice_yaml
from macros.model import PartialDate, parse_date
from macros.model import dataset as model


def _date(text: Any) -> PartialDate:
    date, _error = parse_date(str(text))
    assert date is not None  # check_dates has run
    return date


def _names(values: list[dict[str, Any]] | None) -> tuple[model.Name, ...]:
    names = []
    for value in values or ():
        period = value.get("period") or {}
        names.append(model.Name(
            text=value["text"], lang=value["lang"], script=value.get("script"), romanized=value.get("romanized"),
            used_by=tuple(value.get("used_by", ())),
            period_from=_date(period["from"]) if "from" in period else None,
            period_to=_date(period["to"]) if "to" in period else None, note=value.get("note")))
    return tuple(names)


def _build(entry: check_links.Entry) -> model.Entity | model.Figure:
    value = entry.value
    origin = model.Origin(entry.document.path, entry.line())
    if entry.stem == "sources":
        return model.Source(id=value["id"], publisher=value["publisher"], title=value["title"],
                            date=_date(value["date"]), language=value["language"], url=value.get("url"),
                            archive_url=value.get("archive_url"), author=value.get("author"),
                            title_from_address=value.get("title_from_address", False),
                            source_type=value.get("type"), party=value.get("party"), origin=origin)
    if entry.stem == "actors":
        return model.Actor(id=value["id"], name=value["name"], category=value["kind"],
                           description=value["description"], aliases=tuple(value.get("aliases", ())),
                           names=_names(value.get("names")), part_of=value.get("part_of"),
                           sources=tuple(value.get("sources", ())), origin=origin)
    if entry.stem == "places":
        coordinates = value.get("coordinates")
        return model.Place(
            id=value["id"], name=value["name"], category=value["kind"], description=value["description"],
            names=_names(value["names"]), aliases=tuple(value.get("aliases", ())), located_in=value.get("located_in"),
            coordinates=model.Coordinates(float(coordinates["lat"]), float(coordinates["lon"]), coordinates["source"])
            if coordinates else None,
            sources=tuple(value.get("sources", ())), origin=origin)
    if entry.stem == "events":
        return model.Event(
            id=value["id"], date=_date(value["date"]), category=value["kind"], title=value["title"],
            summary=value["summary"], sources=tuple(value["sources"]),
            end=_date(value["end"]) if "end" in value else None, approximate=bool(value.get("approximate", False)),
            actors=tuple(value.get("actors", ())), places=tuple(value.get("places", ())),
            claims=tuple(model.Claim(by=claim["by"], says=claim["says"], source=claim["source"],
                                     quote=bool(claim.get("quote", False)),
                                     disputed_by=tuple(claim.get("disputed_by", ())),
                                     translation=claim.get("translation"),
                                     translated_by=claim.get("translated_by"))
                         for claim in value.get("claims", ())),
            group=value.get("group"), media=model.Media(**value["media"]) if "media" in value else None,
            outcome=value.get("outcome"), origin=origin)
    if entry.stem == "figures":
        return model.Figure(
            id=value["id"], counts=" ".join(value["counts"].split()), measure=value["measure"],
            date=_date(value["date"]), according_to=value["according_to"], sources=tuple(value["sources"]),
            value=value.get("value"), low=value.get("low"), high=value.get("high"), qualifier=value.get("qualifier"),
            end=_date(value["end"]) if "end" in value else None, events=tuple(value.get("events", ())),
            note=value.get("note"),
            series=tuple(model.Point(_date(point["date"]), point["value"]) for point in value.get("series", ())),
            origin=origin)
    return model.Term(
        id=value["id"], term=value["term"], definition=value["definition"], sources=tuple(value["sources"]),
        aliases=tuple(value.get("aliases", ())), used_by=tuple(value.get("used_by", ())),
        instead=tuple(model.Alternative(term=alt["term"], used_by=tuple(alt["used_by"]), source=alt.get("source"))
                      for alt in value.get("instead", ())),
        related=tuple(value.get("related", ())), origin=origin)


def _check_seed(document: YamlDocument, data_dir: Path, lookup: check_links.Lookup,
                unreadable: set[str], lost: frozenset[str]) -> tuple[list[Problem], model.Seed | None]:
    seed = document.value["seed"]
    problems: list[Problem] = []
    for path, kind, verb in check_links.SEED_REFERENCES:
        if kind in unreadable:
            continue
        for ref, where in check_links._walk(seed, path):
            if str(ref) in lost:
                continue
            label = f"seed note {shown(seed['notes'][where[1]].get('id'))}" if where[0] == "notes" else "the seed"
            message = check_links._reference_problem(label, str(ref), kind, verb, lookup)
            if message:
                problems.append(Problem(document.path, document.line(("seed", *where)), message))
    text_file = data_dir.parent / seed["file"]
    irregular = not_regular(text_file)
    if irregular is not None:
        problems.append(Problem(document.path, document.line(("seed", "file")),
                                f"the seed file {seed['file']!r} is {irregular}, not a regular file, and is not read; "
                                "put the article's text in a regular file"))
        return problems, None
    if _outside(text_file, data_dir.parent):
        problems.append(Problem(document.path, document.line(("seed", "file")),
                                f"the seed file {seed['file']!r} is a link to a file outside the project; put the "
                                "article's text in the file itself"))
        return problems, None
    try:
        raw = text_file.read_bytes()
        text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except OSError as error:
        problems.append(Problem(document.path, document.line(("seed", "file")),
                                f"the seed file {seed['file']!r} cannot be read ({error.strerror}); put the article's "
                                "text there, or correct `file`"))
        return problems, None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(document.path, document.line(("seed", "file")),
                                f"the seed file {seed['file']!r} is not UTF-8 text (byte 0x{raw[error.start]:02X} on "
                                f"its line {line}); save it as UTF-8"))
        return problems, None
    problems += furniture_problems(seed["file"], text)
    notes = []
    for index, note in enumerate(seed.get("notes", ())):
        why = reserved(note["id"])
        if why:
            problems.append(Problem(document.path, document.line(("seed", "notes", index, "id")),
                                    f"seed note {note['id']!r}: the id {why}; choose another, longer and more "
                                    "specific"))
        if note["passage"] not in text:
            problems.append(Problem(document.path, document.line(("seed", "notes", index, "passage")),
                                    f"seed note {note['id']!r}: the passage is not in {seed['file']}; copy the "
                                    "words exactly as the article writes them"))
        notes.append(model.Note(id=note["id"], passage=note["passage"], verdict=note["verdict"], note=note["note"],
                                sources=tuple(note["sources"])))
    chapters = []
    for index, chapter in enumerate(seed.get("chapters", ())):
        problems += check_links.span_problems(document, ("seed", "chapters", index), f"chapter {chapter['title']!r}",
                                              chapter, "from", "to")
        chapters.append(model.Chapter(title=chapter["title"], start=chapter["from"], end=chapter.get("to")))
    return problems, model.Seed(source=seed["source"], file=seed["file"], text=text, notes=tuple(notes),
                                key_events=tuple(seed.get("key_events", ())), chapters=tuple(chapters),
                                site_name=seed.get("site_name"), site_description=seed.get("site_description"),
                                lede=seed.get("lede"), lede_sources=tuple(seed.get("lede_sources", ())),
                                key_figures=tuple(seed.get("key_figures", ())))


# Words of a web page's furniture (comment forms, sharing, newsletters) that a copy-and-paste of an article drags
# along at its end; lower case, matched in the last lines of the seed.
FURNITURE = ("please enter your comment", "please enter your name", "leave a reply", "leave a comment",
             "post comment", "your email address will not be published", "share this", "share on facebook",
             "related posts", "related articles", "you may also like", "subscribe to our newsletter",
             "all rights reserved", "follow us on", "read more", "advertisement", "cookie")
FURNITURE_LINES = 6  # how many of the last non-blank lines are looked at


def furniture_problems(file: str, text: str) -> list[Problem]:
    """The seed's last lines, where they look like the page around the article rather than the article."""
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
    return [Problem(file, number, f"this line looks like the web page's furniture ({phrase!r}), not the article's "
                    "text; delete it from the file")
            for number, line in lines[-FURNITURE_LINES:]
            for phrase in [next((phrase for phrase in FURNITURE if phrase in line.casefold()), None)] if phrase]


@dataclass
class _ReadFile:
    """One data file as read: its document, the problems of its text and shape, and its entries as built."""

    document: YamlDocument | None
    problems: list[Problem]
    shape_problems: list[Problem]
    broken: set[int]
    built: dict[int, model.Entity | model.Figure] = field(default_factory=dict)


@dataclass
class FileMemo:
    """The data files read by the last load, by their bytes: a ``mkdocs serve`` rebuild after an edit of one file
    parses and validates only that one (the checks across files still run on every entry). Kept in memory only
    (``macros.load.cache``); reading is a pure function of a file's bytes and the path shown in messages."""

    files: dict[tuple[str, str, bytes], _ReadFile] = field(default_factory=dict)
    used: dict[tuple[str, str, bytes], _ReadFile] = field(default_factory=dict)
    clean: dict[tuple[str, str], _ReadFile] = field(default_factory=dict)  # each file's last reading without problems

    def read(self, stem: str, file: Path, shown_as: str, key: str) -> _ReadFile:
        try:
            raw = file.read_bytes()
        except OSError:
            return _read(stem, file, shown_as, key)
        memo_key = (stem, shown_as, raw)
        found = self.files.get(memo_key)
        if found is None:
            last = self.clean.get((stem, shown_as))
            found = (_read_again(stem, last, raw, key) if last is not None else None) or _read(stem, file, shown_as,
                                                                                                key)
        self.used[memo_key] = found
        if found.document is not None and not found.problems and not found.shape_problems:
            self.clean[(stem, shown_as)] = found
        return found

    def forget_unused(self) -> None:
        self.files, self.used = self.used, {}


def _read_again(stem: str, last: _ReadFile, raw: bytes, key: str) -> _ReadFile | None:
    """A new version of a file read cleanly before, by parsing and validating only its entries whose text changed
    (``splice_yaml``); None when that does not apply or they have a problem (the whole file is then read, and
    its problems reported with their lines)."""
    assert last.document is not None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    splice = splice_yaml(last.document, text, key)
    if splice is None:
        return None
    if may_hold_bidi(text):
        return None
    # The changed entries are validated alone: a data file's schema constrains each entry, not their list.
    shape_problems, _broken = check_shape(stem, YamlDocument(last.document.path, {key: list(splice.changed)}))
    if shape_problems:
        return None
    document = splice.document
    count, old_count = len(document.value[key]), len(last.document.value[key])
    built = {index: last.built[index] for index in range(splice.kept_before) if index in last.built}
    for index in range(count - splice.kept_after, count):  # kept, unless the entry moved to another line
        old_index = index - count + old_count
        if old_index in last.built and document.lines.get((key, index)) == last.document.lines.get((key, old_index)):
            built[index] = last.built[old_index]
    return _ReadFile(document, [], [], set(), built)


def _read(stem: str, file: Path, shown_as: str, key: str) -> _ReadFile:
    document, problems = read_yaml(file, shown_as, key)
    shape_problems, broken = check_shape(stem, document) if document is not None else ([], set())
    return _ReadFile(document, problems, shape_problems, broken)


def load_dataset(root: Path, data_dir: Path | None = None, memo: FileMemo | None = None) -> model.Dataset:
    """Read and check every data file under ``data_dir`` (default ``root/data``); ``memo``: the files read by
    the last load of this process (see ``FileMemo``).

    Raises ``DataError`` with every problem found in one run; returns the checked dataset otherwise.
    """
    with without_cycle_collection():
        try:
            return _load(root, data_dir or root / "data", memo)
        finally:
            if memo is not None:
                memo.forget_unused()


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while a dataset is made. Reading 5,000 events makes some 200,000 lists,
    dicts and objects, and no garbage cycle: the collector would walk the growing heap over and over (a tenth of
    the time of a load, half that of unpickling one) and find nothing to free."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load(root: Path, data_dir: Path, memo: FileMemo | None) -> model.Dataset:
    if not_regular(data_dir) == "a link":  # its files would be read from wherever it leads
        raise DataError([Problem(_shown(data_dir, root), 1, "the data folder is a link, and is not read; put the "
                                                              "data files in a folder of the project")])
    problems: list[Problem] = []
    entries: list[check_links.Entry] = []
    seed_document: YamlDocument | None = None
    seed_intact = False
    unreadable: set[str] = set()  # kinds whose file could not be read: references to them are not judged
    lost: frozenset[str] = frozenset()  # ids of entries hidden by a missing `- `: see YamlDocument.lost_ids
    read_files: dict[int, _ReadFile] = {}  # by id() of their document, to find an entry's built value
    for stem, (key, _schema) in FILES.items():
        file = data_dir / f"{stem}.yml"
        shown = _shown(file, root)
        irregular = not_regular(file)
        if irregular is not None:
            problems.append(Problem(shown, 1, refusal(irregular)))
            unreadable.add(check_links.KIND_OF_FILE.get(stem, stem))
            continue
        if not file.exists() and stem in OPTIONAL_FILES:
            continue
        if not file.exists():
            problems.append(Problem(shown, 1, f"the file is missing; create it holding the line `{key}: []`, then "
                                              "add entries under it" if stem != "seed" else
                                              "the file is missing; create it as `python -m macros new` writes it "
                                              "(`seed:` with the site's `site_name`, the article's `source` id and "
                                              "its text's `file`)"))
            continue
        if _outside(file, data_dir):
            problems.append(Problem(shown, 1, "the file is a link to a file outside the data folder; put the data "
                                              "in the file itself"))
            continue
        read = memo.read(stem, file, shown, key) if memo is not None else _read(stem, file, shown, key)
        document, broken = read.document, read.broken
        problems += read.problems
        if document is not None:
            lost |= document.lost_ids
        if document is None:
            unreadable.add(check_links.KIND_OF_FILE.get(stem, stem))
            continue
        read_files[id(document)] = read
        shape_problems = read.shape_problems
        problems += shape_problems
        if stem == "seed":
            seed_document, seed_intact = document, not shape_problems
            continue
        if not isinstance(document.value, dict) or not isinstance(document.value.get(key), list):
            unreadable.add(check_links.KIND_OF_FILE[stem])
            continue
        for index, value in enumerate(document.value[key]):
            if isinstance(value, dict):
                entries.append(check_links.Entry(stem, index, value, document, index not in broken))
    id_problems, owners = check_links.check_ids(entries)
    problems += id_problems
    lookup = check_links.Lookup(owners)
    problems += check_links.check_references(entries, lookup, unreadable, lost)
    problems += check_links.check_dates(entries)
    problems += check_links.check_aliases(entries)
    problems += check_names(entries)
    problems += check_figures(entries)
    seed: model.Seed | None = None
    if seed_document is not None and seed_intact:
        seed_problems, seed = _check_seed(seed_document, data_dir, lookup, unreadable, lost)
        problems += seed_problems
    boundary_file = data_dir / BOUNDARIES_FILE
    boundary_problems, boundaries = load_boundaries(
        boundary_file, _shown(boundary_file, root),
        {entry.id: bool(entry.value.get("coordinates")) for entry in entries if entry.stem == "places"},
        {entry.id for entry in entries if entry.stem == "sources"}, unreadable)
    problems += boundary_problems
    if not unreadable and seed_intact and not lost:  # a hidden entry's citations are not seen
        problems += check_links.check_citations(entries, seed_document.value.get("seed") if seed_document else None,
                                                {boundary.source for boundary in boundaries})
    if problems:
        raise DataError(problems)
    tables: dict[str, dict[str, Any]] = {stem: {} for stem in check_links.KIND_OF_FILE}
    for entry in entries:
        built = read_files[id(entry.document)].built
        value = built.get(entry.index)
        if value is None:
            value = built[entry.index] = _build(entry)
        tables[entry.stem][entry.id] = value
    return model.Dataset(sources=tables["sources"], actors=tables["actors"], places=tables["places"],
                         events=tables["events"], terms=tables["glossary"], seed=seed, boundaries=boundaries,
                         figures=tables["figures"])


def _outside(file: Path, folder: Path) -> bool:
    """Whether ``file`` is a link leading out of ``folder``: a build must not publish the machine's files."""
    return not file.resolve().is_relative_to(folder.resolve())


def _shown(file: Path, root: Path) -> str:
    try:
        return (file.parent.resolve() / file.name).relative_to(root.resolve()).as_posix()  # a link keeps its name
    except ValueError:
        return file.as_posix()
