"""What the schema cannot say about figures: one number or one range, a series in order within the figure's dates,
and one measure for each thing counted (figures of the same `counts` stand side by side, so they must count alike)."""

from __future__ import annotations

from typing import Any

from macros.load.check_links import Entry, span_problems
from macros.load.problems import Problem, shown
from macros.model import PartialDate, parse_date


def _number_problems(entry: Entry) -> list[Problem]:
    value = entry.value
    has = {key for key in ("value", "low", "high") if key in value}
    label = entry.label
    if not has:
        return [Problem(entry.document.path, entry.line("id"),
                        f"{label} gives no number; write `value: N`, or `low:` and `high:` for a range")]
    if "value" in has and has & {"low", "high"}:
        extra = "low" if "low" in has else "high"
        return [Problem(entry.document.path, entry.line(extra),
                        f"{label} gives both `value` and `{extra}`; keep `value` for one number, or `low` and "
                        "`high` for a range, not both")]
    if has == {"low"} or has == {"high"}:
        [given] = has
        missing = "high" if given == "low" else "low"
        return [Problem(entry.document.path, entry.line(given),
                        f"{label} has `{given}` but no `{missing}`; give both ends of the range, or one `value`")]
    if has == {"low", "high"} and value["low"] > value["high"]:
        return [Problem(entry.document.path, entry.line("high"),
                        f"{label}: `high` ({value['high']}) is below `low` ({value['low']}); swap them")]
    return []


def _date(text: Any) -> PartialDate | None:
    return parse_date(str(text))[0]


def _series_problems(entry: Entry) -> list[Problem]:
    value = entry.value
    start, end = _date(value["date"]), _date(value["end"]) if "end" in value else None
    if start is None or ("end" in value and end is None):
        return []  # the span's own message says what is wrong with it
    problems: list[Problem] = []
    previous: tuple[int, PartialDate] | None = None
    for index, point in enumerate(value.get("series", ())):
        where = ("series", index, "date")
        date, error = parse_date(str(point["date"]))
        if date is None:
            problems.append(Problem(entry.document.path, entry.line(*where),
                                    f"{entry.label}: `series[{index + 1}].date` {error}"))
            continue
        if date.last_day_key() < start.sort_key():
            problems.append(Problem(entry.document.path, entry.line(*where),
                                    f"{entry.label}: series[{index + 1}] is dated {date.iso}, before the figure's "
                                    f"`date` ({start.iso}); correct the date, or start the figure earlier"))
        elif end is not None and date.sort_key() > end.last_day_key():
            problems.append(Problem(entry.document.path, entry.line(*where),
                                    f"{entry.label}: series[{index + 1}] is dated {date.iso}, after the figure's "
                                    f"`end` ({end.iso}); correct the date, or end the figure later"))
        if previous is not None and date.sort_key() < previous[1].sort_key():
            problems.append(Problem(entry.document.path, entry.line(*where),
                                    f"{entry.label}: series[{index + 1}] ({date.iso}) comes before "
                                    f"series[{previous[0] + 1}] ({previous[1].iso}); list the values in date order"))
        previous = (index, date)
    return problems


def check_figures(entries: list[Entry]) -> list[Problem]:
    """Every problem of the figures that the schema and the reference check do not find."""
    problems: list[Problem] = []
    first_of_count: dict[str, Entry] = {}
    for entry in entries:
        if entry.stem != "figures" or not entry.intact:
            continue
        problems += span_problems(entry.document, entry.pointer(), entry.label, entry.value, "date", "end")
        problems += _number_problems(entry)
        problems += _series_problems(entry)
        counts = " ".join(str(entry.value["counts"]).split())
        first = first_of_count.setdefault(counts, entry)
        if first is not entry and first.value["measure"] != entry.value["measure"]:
            problems.append(Problem(
                entry.document.path, entry.line("measure"),
                f"{entry.label} counts {shown(counts)} like {first.label} ({first.document.path}:"
                f"{first.line('measure')}) but as `{entry.value['measure']}`, not `{first.value['measure']}`; "
                "figures of the same count stand side by side and share one measure: correct `measure`, or "
                "reword `counts`"))
    return problems
