"""Reading documents: plain-text articles, directories of them, JSON Lines corpora, stdin.

The parsing functions (:func:`parse_jsonl`, :func:`document_from_text`) are pure;
:func:`read_documents` is the thin I/O wrapper that streams documents from paths,
one at a time, so a corpus larger than memory is never held whole.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ._exceptions import DocumentError, InputError
from ._model import Document

__all__ = [
    "date_from_name",
    "document_from_text",
    "iter_input_paths",
    "iter_json_lines",
    "parse_jsonl",
    "read_documents",
]

#: File suffixes read as one plain-text article each.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
#: File suffixes read as JSON Lines corpora of ``{"id", "date", "text"}``.
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def date_from_name(name: str) -> dt.date | None:
    """The ``YYYY-MM-DD`` date embedded in a file name, if any.

    >>> date_from_name("fallujah-2016-06-17.txt")
    datetime.date(2016, 6, 17)
    >>> date_from_name("notes.txt") is None
    True
    """
    m = _DATE_IN_NAME.search(name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def document_from_text(doc_id: str, text: str, date: dt.date | None = None, origin: str | None = None) -> Document:
    """One plain-text article as a :class:`Document`."""
    return Document(doc_id, text, date, origin)


def iter_json_lines(lines: Iterable[str], *, source: str, expected: str) -> Iterator[tuple[int, object]]:
    """Yield ``(line number, value)`` for each non-blank JSON line.

    Raises :class:`DocumentError` naming the source, the line and what was ``expected``.
    """
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            raise DocumentError(f"{source}:{lineno}: not valid JSON ({exc.msg}); expected {expected}") from None


def parse_jsonl(
    lines: Iterable[str], *, source: str = "<jsonl>", default_date: dt.date | None = None
) -> Iterator[Document]:
    """Yield a :class:`Document` for each non-blank ``{"id", "date", "text"}`` line.

    Raises :class:`DocumentError` naming the source and line number of a bad line.
    """
    for lineno, record in iter_json_lines(lines, source=source, expected='{"id", "date", "text"}'):
        try:
            yield Document.from_dict(record, default_date=default_date)  # type: ignore[arg-type]
        except InputError as exc:
            raise DocumentError(f"{source}:{lineno}: {exc}") from None


def iter_input_paths(inputs: Iterable[str | Path]) -> Iterator[Path | None]:
    """Expand inputs to files: directories give their text and JSONL files, sorted; ``-`` gives None (stdin)."""
    for item in inputs:
        if str(item) == "-":
            yield None
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES
            )
            if not files:
                raise InputError(f"directory {str(path)!r} holds no .txt or .jsonl files")
            yield from files
        elif path.is_file():
            yield path
        else:
            raise InputError(f"input {str(path)!r} does not exist; give a .txt file, a directory, a .jsonl corpus or -")


def _read_stream(stream: TextIO, name: str, doc_id: str, date: dt.date | None) -> Iterator[Document]:
    text = stream.read()
    if text.lstrip().startswith("{"):
        yield from parse_jsonl(text.splitlines(), source=name, default_date=date)
    else:
        yield document_from_text(doc_id, text, date, origin=name)


def read_documents(inputs: Iterable[str | Path], *, date: dt.date | str | None = None) -> Iterator[Document]:
    """Stream documents from paths (``.txt``, ``.jsonl``, directories) and ``-`` (stdin).

    ``date`` is the publication date of plain-text articles (JSONL lines carry
    their own; it is their default). Without it a ``YYYY-MM-DD`` in the file
    name is used.
    """
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise InputError(f"--date must be YYYY-MM-DD, got {date!r}") from None
    for path in iter_input_paths(inputs):
        if path is None:
            yield from _read_stream(sys.stdin, "<stdin>", "stdin", date)
            continue
        try:
            if path.suffix.lower() in JSONL_SUFFIXES:
                with path.open(encoding="utf-8") as f:
                    yield from parse_jsonl(f, source=str(path), default_date=date)
            else:
                text = path.read_text(encoding="utf-8")
                yield document_from_text(path.name, text, date or date_from_name(path.name), origin=str(path))
        except UnicodeDecodeError as exc:
            raise InputError(f"{str(path)!r} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
