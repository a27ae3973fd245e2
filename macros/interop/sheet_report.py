"""What the import says about a sheet: a problem or a note that repeats on many rows is said once, with a count,
the lines it is on and the fix, so that a 300-row sheet with no Group column gets one line, not 300."""

from __future__ import annotations

from collections.abc import Mapping

from macros.load import Problem

MANY = 3  # from this many rows on, one line says it for all


def lines_text(lines: list[int], shown: int = 3) -> str:
    """``lines 2, 5, 9 and 318 more``."""
    listed = ", ".join(str(line) for line in lines[:shown])
    more = len(lines) - shown
    return f"lines {listed}" + (f" and {more} more" if more > 0 else "")


def said_once(problems: list[Problem], plural: Mapping[str, str] | None = None) -> list[Problem]:
    """``problems`` with every message found on ``MANY`` rows or more said once, at the first of its lines.

    ``plural`` gives the many-rows wording of a message (``{count}`` and ``{lines}`` filled in); any other
    message is prefixed with ``N rows (lines ...):``.
    """
    by_message: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        by_message.setdefault((problem.path, problem.message), []).append(problem)
    result: list[Problem] = []
    for (path, message), found in by_message.items():
        lines = sorted({problem.line for problem in found})
        if len(lines) < MANY:
            result += found
            continue
        template = (plural or {}).get(message)
        text = (template.format(count=len(lines), lines=lines_text(lines)) if template
                else f"{len(lines)} rows ({lines_text(lines)}): {message}")
        result.append(Problem(path, lines[0], text))
    return result
