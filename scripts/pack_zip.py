"""Pack a folder as a zip that is the same, byte for byte, for the same files: ``python scripts/pack_zip.py ZIP DIR``.

``python -m zipfile -c`` stores each file's modification time and takes files in the order the file system lists
them, so two builds of the same input gave different zips. Here files go in sorted order, each with the build's
one date (SOURCE_DATE_EPOCH, else the time of the last git commit: ``macros.build.build_date``) and fixed
permissions; the folder keeps its name inside the zip, as ``python -m zipfile -c`` did.
"""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.build.build_date import build_epoch  # noqa: E402 (the project's code, found from this script's folder)

EARLIEST = 315532800  # 1980-01-01, the first time a zip can hold


def date_time(epoch: str | None) -> tuple[int, int, int, int, int, int]:
    seconds = max(int(epoch) if epoch else EARLIEST, EARLIEST)
    return time.gmtime(seconds)[:6]


def pack(archive: Path, folder: Path, stamp: tuple[int, int, int, int, int, int]) -> None:
    files = sorted(path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in files:
            info = zipfile.ZipInfo((Path(folder.name) / path.relative_to(folder)).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())


def main(argv: list[str]) -> None:
    archive, folder = Path(argv[0]), Path(argv[1])
    pack(archive, folder, date_time(build_epoch(ROOT, os.environ)))


if __name__ == "__main__":
    main(sys.argv[1:])
