"""Problems as GitHub Actions workflow commands, so a pull request shows them on the lines they are about.

Format and escaping follow GitHub's runner (``toolkit/packages/core/src/command.ts``): in the message, ``%``,
CR and LF are percent-encoded; in a property such as ``file`` also ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Sequence

from macros.load import Problem

# GitHub shows at most 10 error annotations per step (and 50 per job); the rest are dropped silently.
MAX_ANNOTATIONS = 10


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (``file=``, ``title=``), escaped as GitHub's toolkit does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """``::error file=data/events.yml,line=42::message`` for one problem."""
    return (f"::error file={escape_property(problem.path)},line={problem.line}::"
            f"{escape_data(problem.message)}")


def github_report(problems: Sequence[Problem]) -> list[str]:
    """The first problems as annotations (as many as GitHub shows), then every problem as plain text."""
    lines = [annotation(problem) for problem in problems[:MAX_ANNOTATIONS]]
    if len(problems) > MAX_ANNOTATIONS:
        lines.append(f"GitHub shows the first {MAX_ANNOTATIONS} problems as annotations; "
                     f"all {len(problems)} are listed below.")
    lines.extend(str(problem) for problem in problems)
    return lines
