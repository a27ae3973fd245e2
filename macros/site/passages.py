"""Where the seed's context notes stand in the article's text.

Each note marks the first place its passage is written in the article, found in the text itself, never in markup
an earlier note inserted (a passage ``ss`` would otherwise land inside ``class="…"`` and break the page), and
never overlapping an earlier note's passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def place_passages(paragraphs: Sequence[str], notes: Sequence[tuple[str, T]]) -> list[list[tuple[str, T | None]]]:
    """Each paragraph cut into pieces of text, each with the note it marks, or None. A note goes to the first
    occurrence of its passage that no earlier note took; a note whose passage is nowhere free is left out."""
    taken: list[list[tuple[int, int, T]]] = [[] for _ in paragraphs]
    for passage, note in notes:
        if not passage:
            continue
        placed = False
        for index, text in enumerate(paragraphs):
            start = text.find(passage)
            while start != -1:
                end = start + len(passage)
                if all(end <= other_start or start >= other_end for other_start, other_end, _ in taken[index]):
                    taken[index].append((start, end, note))
                    placed = True
                    break
                start = text.find(passage, start + 1)
            if placed:
                break
    pieces: list[list[tuple[str, T | None]]] = []
    for text, spans in zip(paragraphs, taken, strict=True):
        cut: list[tuple[str, T | None]] = []
        position = 0
        for start, end, note in sorted(spans, key=lambda span: span[0]):
            if start > position:
                cut.append((text[position:start], None))
            cut.append((text[start:end], note))
            position = end
        if position < len(text) or not cut:
            cut.append((text[position:], None))
        pieces.append(cut)
    return pieces
