"""Cutting an article too long for the parser into pieces that fit.

spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters by
default) because parsing it whole would need several gigabytes. An article
that long is cut into pieces of at most ``limit`` characters, preferably at a
paragraph break, else at a line break, else after a sentence, else at a
space; the pieces are parsed one by one and joined back into one ``Doc``
(:func:`spacy.tokens.Doc.from_docs`), so character offsets and the
document-level reading (dateline, coreference) stay those of the whole text.
"""

from __future__ import annotations

import re

__all__ = ["PIECE_CHARS", "split_text"]

#: Size of the pieces a text longer than the model's ``max_length`` is cut into.
#: Small enough that a batch of them costs what a batch of articles costs.
PIECE_CHARS = 20_000

#: Where a piece may end, best first: after a paragraph break, a line break,
#: the end of a sentence, a space.
_BREAKS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def _cut(window: str) -> int:
    """Where to end a piece cut from ``window``: after its last break of the best kind found."""
    for pattern in _BREAKS:
        end = 0
        for match in pattern.finditer(window):
            end = match.end()
        if end > 0:
            return end
    return len(window)


def split_text(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters.

    The pieces, joined, give ``text`` back exactly; each ends after whitespace
    (a paragraph break if one is near enough) unless a run of ``limit``
    characters holds none.

    Examples
    --------
    >>> split_text("One.\\n\\nTwo is longer.\\n\\nThree.", 20)
    ['One.\\n\\n', 'Two is longer.\\n\\n', 'Three.']
    >>> split_text("short", 20)
    ['short']
    >>> split_text("abcdefgh", 3)
    ['abc', 'def', 'gh']
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit!r}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + _cut(text[start : start + limit])
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
