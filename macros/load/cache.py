"""The checked dataset, kept between builds while neither the data nor the code that checks it changes.

Reading and checking 5,000 events takes a few seconds, most of it parsing YAML. ``load_dataset`` is a pure
function of the files under ``data/`` and ``seeds/`` and of the core's source, so its result is stored under
``.cache/explainer/`` keyed by a hash of all of them: a build or a ``mkdocs serve`` rebuild that changes none of
them (a template, a hand-written page) skips the work, and any change to either means a full check.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import tempfile
from pathlib import Path

from macros.load.dataset import load_dataset, without_cycle_collection
from macros.model import Dataset

CACHE_DIR = Path(".cache") / "explainer"
# The whole core: since the restructuring, the classes a cached dataset is made of live in macros/model/, beside
# this part (a changed model must not be answered with an old pickle).
MACROS = Path(__file__).resolve().parent.parent
NOT_CORE = {"mkdocs_adapter.py", "hooks.py"}


def _key(root: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    inputs = [*sorted((root / "data").rglob("*")), *sorted((root / "seeds").rglob("*")),
              *sorted(path for path in MACROS.rglob("*.py") if path.name not in NOT_CORE)]
    for path in inputs:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load_dataset_cached(root: Path) -> Dataset:
    """``load_dataset(root)``, from the cache when its inputs are unchanged. Raises ``DataError`` like it."""
    folder = root / CACHE_DIR
    file = folder / f"dataset-{_key(root)}.pickle"
    try:
        # Only this module writes here, from a checked Dataset; a file it cannot read is simply rebuilt.
        with without_cycle_collection():
            cached = pickle.loads(file.read_bytes())  # noqa: S301
        if isinstance(cached, Dataset):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    dataset = load_dataset(root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("dataset-*.pickle"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as handle:
            handle.write(pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL))
        Path(handle.name).replace(file)
    except OSError:
        pass  # a read-only checkout builds without the cache
    return dataset
