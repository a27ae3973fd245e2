"""Only regular files are read from ``data/`` and ``seeds/``.

A pull request can add any kind of file there. A link may lead to the build machine's files (``/etc/…``) or to
``/proc/kmsg``, which never ends; a FIFO blocks the first read forever; a device may be endless. Each is refused
by name, from ``lstat`` (which neither follows a link nor opens the file), before anything reads it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

_KINDS = ((stat.S_ISLNK, "a link"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def not_regular(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file ("a link", "a FIFO (named pipe)"…); None for a regular file
    or a missing one (reported as missing where it is needed)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def refusal(what: str) -> str:
    """The message for a data file that is ``what`` (from ``not_regular``)."""
    return f"the file is {what}, not a regular file, and is not read; put the data in a regular file"


def walk_regular(folder: Path) -> Iterator[tuple[Path, bool]]:
    """Every entry under ``folder`` in a stable order, with whether it is a regular file. Links are not followed
    (into a folder or out of it) and nothing is opened."""
    if not_regular(folder) not in (None, "a folder"):
        return
    for parent, folders, files in os.walk(folder, followlinks=False):
        folders.sort()
        linked = [name for name in folders if (Path(parent) / name).is_symlink()]
        for name in sorted([*files, *linked]):
            path = Path(parent) / name
            yield path, not_regular(path) is None
