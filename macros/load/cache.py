"""The checked dataset, kept in memory between the rebuilds of one ``mkdocs serve``.

``load_dataset`` is a pure function of the files under ``data/`` and ``seeds/``, so a rebuild that changes none
of them (a template, a hand-written page) reuses the last result. The cache lives only in this process: it was a
pickle under ``.cache/explainer/``, which a pull request could plant (``git add -f``) and which ran code when
unpickled. Nothing is read back from disk now. What that costs was measured (README, "Bad input, hostile
input"): about half a second of a 37-second build of 5,000 events, nothing measurable on the seed site.
The serve process drops its modules when the core's source changes (macros/hooks.py), and this cache with them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from macros.load.dataset import FileMemo, load_dataset
from macros.load.regular_files import walk_regular
from macros.model import Dataset

_last: dict[str, Dataset] = {}  # at most one entry: the key of the last dataset loaded, and the dataset
_files = FileMemo()


def _key(root: Path) -> str:
    """A hash of every regular file under ``data/`` and ``seeds/``, and of the names of anything else there (a
    link or a FIFO is never read: the load refuses it)."""
    digest = hashlib.sha256(str(root.resolve()).encode())
    for folder in ("data", "seeds"):
        for path, regular in walk_regular(root / folder):
            digest.update(path.relative_to(root).as_posix().encode() + (b"\0f\0" if regular else b"\0x\0"))
            if regular:
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_dataset_cached(root: Path, keep_files: bool = False) -> Dataset:
    """``load_dataset(root)``, reused while the data is unchanged in this process. Raises ``DataError`` like it.
    ``keep_files``: keep each file as read, so the next load parses only the files that changed (``FileMemo``;
    ``mkdocs serve --dirty``, where a save changes one file)."""
    key = _key(root)
    if key in _last:
        return _last[key]
    if not keep_files:
        _files.files.clear()
    dataset = load_dataset(root, memo=_files if keep_files else None)
    _last.clear()
    _last[key] = dataset
    return dataset
