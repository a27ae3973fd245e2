"""The one date a build may write (sitemap ``lastmod``, the gzip header of ``sitemap.xml.gz``).

MkDocs stamps both with today's date unless ``SOURCE_DATE_EPOCH`` is set (reproducible-builds.org), so
two builds of the same commit on different days would differ. Here the date defaults to the time of the
project's last git commit: the same input then gives the same bytes, whenever and wherever it is built.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"


class BadEpoch(ValueError):
    """SOURCE_DATE_EPOCH is set to something that is not a count of seconds."""


def last_commit_time(root: Path) -> str | None:
    """Seconds since 1970 of the last commit of the git work tree holding ``root``, or None outside git."""
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True,
                                text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def build_epoch(root: Path, environ: Mapping[str, str]) -> str | None:
    """The value SOURCE_DATE_EPOCH should have for this build: the one given, else the last commit's time.

    Raises ``BadEpoch`` when the variable is set but is not a whole number (MkDocs would crash on it).
    """
    given = environ.get(VARIABLE)
    if given is not None:
        if not given.strip().isdigit():
            raise BadEpoch(f"{VARIABLE} is {given!r}, not a number of seconds since 1970-01-01; unset it or set "
                           f"it to a whole number such as `git log -1 --format=%ct`")
        return given.strip()
    return last_commit_time(root)
