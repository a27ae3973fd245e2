"""Build into a staging folder and swap it into place only when the build succeeded.

MkDocs writes pages straight into ``site_dir`` and ``--strict`` aborts only after writing every page, so a
failed build would leave a half-written or warning-laden site where the last good one was. The adapter
points MkDocs at a fresh folder next to the target; the target changes only by ``swap_in``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

STAGING_MARK = ".building-"
OLD_MARK = ".replaced-"


def new_staging_folder(target: Path) -> Path:
    """A fresh empty folder beside ``target`` (same filesystem, so the swap is a rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING_MARK}", dir=target.parent))


def swap_in(staged: Path, target: Path) -> None:
    """Put ``staged`` where ``target`` is: rename the old site away, rename the new one in, delete the old.

    Between the two renames the target is absent for an instant; it is never half-written.
    """
    old: Path | None = None
    if target.exists() or target.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}{OLD_MARK}", dir=target.parent)) / target.name
        try:
            target.rename(old)
        except OSError:  # a mount point (a container volume) cannot be renamed: replace what it holds
            old.parent.rmdir()
            _replace_contents(staged, target)
            return
    try:
        staged.rename(target)
    except OSError:
        if old is not None:  # put the previous site back before reporting the failure
            old.rename(target)
            old.parent.rmdir()
        raise
    if old is not None:
        _remove(old.parent)


def _replace_contents(staged: Path, target: Path) -> None:
    for child in target.iterdir():
        _remove(child)
    for child in staged.iterdir():
        child.rename(target / child.name)
    staged.rmdir()


def discard(staged: Path) -> None:
    """Remove a staging folder after a failed build; the target is left as it was."""
    _remove(staged)


def _remove(folder: Path) -> None:
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    elif folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
