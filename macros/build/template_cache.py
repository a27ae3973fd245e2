"""Compiled templates kept in memory for the life of one process (``mkdocs serve`` rebuilds in it).

Jinja's file-system bytecode cache in ``.cache/jinja/`` read files back that start with a pickled checksum
followed by marshalled code: a pull request could plant one (``git add -f``) and run code in the next build.
Templates compiled by this process are the only ones it runs; a fresh process compiles Material's templates
again (a few tenths of a second, lost in the noise of a seed build: README, "Bad input, hostile input").
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache

_compiled: dict[str, bytes] = {}  # bucket key (template name and file) -> Jinja's checksum and code


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache without a file: Jinja still checks each entry against its template's source."""

    def load_bytecode(self, bucket: Bucket) -> None:
        data = _compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        _compiled[bucket.key] = bucket.bytecode_to_string()
