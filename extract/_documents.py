"""Reading documents: plain-text and HTML articles, directories of them, JSON Lines corpora, stdin.

The parsing functions (:func:`parse_jsonl`, :func:`document_from_text`) are pure;
:func:`iter_documents` streams documents from paths, one at a time, so a corpus
larger than memory is never held whole. Bad input costs only itself: each
unreadable file or line, each document in another language than English and
each repeated document id comes out as an :class:`InputProblem` (one line saying
where, what and what to do) in place of its document, and reading goes on.
:func:`read_documents` is the strict form that raises at the first problem.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ._encoding import BINARY, decode_bytes
from ._exceptions import DocumentError, InputError
from ._language import foreign_language
from ._markup import html_to_text, looks_like_html
from ._model import Document

__all__ = [
    "InputProblem",
    "check_output",
    "date_from_name",
    "document_from_text",
    "iter_documents",
    "iter_input_paths",
    "iter_json_lines",
    "parse_jsonl",
    "read_documents",
    "stdin_id",
]

#: File suffixes read as one plain-text article each.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
#: File suffixes read as one HTML page (one article) each.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: File suffixes read as JSON Lines corpora of ``{"id", "date", "text"}``.
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_JSONL_FIELDS = '{"id", "date", "text"}'
#: Byte-order marks of encodings that JSON Lines may not use (JSON is UTF-8).
_WIDE_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}

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


@dataclasses.dataclass(frozen=True)
class InputProblem:
    """An input that was skipped (``skipped``), or read with a caveat: one line, where, what, what to do.

    >>> str(InputProblem("corpus.jsonl:3", "not valid JSON; fix or remove the line"))
    'corpus.jsonl:3: not valid JSON; fix or remove the line'
    """

    location: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def document_from_text(doc_id: str, text: str, date: dt.date | None = None, origin: str | None = None) -> Document:
    """One plain-text article as a :class:`Document`; HTML markup becomes its text (:func:`html_to_text`)."""
    if looks_like_html(text):
        text = html_to_text(text, source=origin or doc_id)
    return Document(doc_id, text, date, origin)


def stdin_id(text: str) -> str:
    """The id of a document read from stdin: ``stdin-`` and 12 hex digits of its text's SHA-256.

    Two different texts piped in get two ids, so the second does not replace the first.

    >>> stdin_id("Rebels shelled Taiz.")
    'stdin-3a3e5d16c744'
    """
    return "stdin-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def iter_json_lines(lines: Iterable[str], *, source: str, expected: str) -> Iterator[tuple[int, object]]:
    """Yield ``(line number, value)`` for each non-blank JSON line.

    Raises :class:`DocumentError` naming the source, the line and what was ``expected``.
    """
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            yield lineno, _json_value(line, f"{source}:{lineno}", expected)


def parse_jsonl(
    lines: Iterable[str], *, source: str = "<jsonl>", default_date: dt.date | None = None
) -> Iterator[Document]:
    """Yield a :class:`Document` for each non-blank ``{"id", "date", "text"}`` line.

    Raises :class:`DocumentError` naming the source and line number of a bad line.
    """
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            yield _jsonl_document(line, f"{source}:{lineno}", default_date)


def iter_input_paths(inputs: Iterable[str | Path]) -> Iterator[Path | None]:
    """Expand inputs to files: directories give their article and JSONL files, sorted; ``-`` gives None (stdin).

    Raises :class:`InputError` for a missing path or a directory without articles.
    """
    for item in inputs:
        if str(item) == "-":
            yield None
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _ARTICLE_SUFFIXES)
            if not files:
                raise InputError(f"directory {str(path)!r} holds no .txt, .html or .jsonl files; give one that does")
            yield from files
        elif path.is_file():
            yield path
        else:
            raise InputError(
                f"input {str(path)!r} does not exist; give a .txt or .html file, a directory, a .jsonl corpus or -"
            )


def check_output(inputs: Iterable[str | Path], output: str | Path | None) -> None:
    """Refuse an ``output`` file that is one of the inputs (or a file in an input directory).

    Call it before any work: writing the output would replace an input that is
    still being read. Missing inputs are left to the reading to report.

    Raises
    ------
    InputError
        Naming the output and the input it would overwrite.
    """
    if output is None or str(output) == "-" or not Path(output).exists():
        return
    for item in inputs:
        try:
            paths = list(iter_input_paths([item]))
        except InputError:
            continue
        for path in paths:
            if path is not None and os.path.samefile(path, output):
                raise InputError(
                    f"the output {str(output)!r} is the input {str(path)!r}: writing it would destroy the input; "
                    "choose another output file"
                )


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    date: dt.date | str | None = None,
    doc_id: str | None = None,
    english_only: bool = True,
) -> Iterator[Document | InputProblem]:
    """Stream documents from paths (``.txt``, ``.html``, ``.jsonl``, directories) and ``-`` (stdin).

    Each input that cannot be read gives an :class:`InputProblem` in place of its
    documents (a missing path, binary data, a malformed JSON line or record, a
    JSON Lines file in UTF-16, ...) and reading goes on; so does a document that
    repeats an id already read (both places are named) and, with ``english_only``,
    one whose text is confidently not English. Text that is not UTF-8 is decoded
    in the encoding charset-normalizer detects, with a problem that is not
    ``skipped`` saying so; a UTF-8 byte-order mark is dropped; HTML becomes text.

    Parameters
    ----------
    inputs : iterable of str or Path
        Files, directories (their articles and corpora, sorted) and ``-`` for stdin.
    date : date or str, optional
        Publication date of plain-text articles, the default of JSONL lines;
        without it a ``YYYY-MM-DD`` in the file name is used.
    doc_id : str, optional
        The id of a plain-text document read from stdin (default: :func:`stdin_id`).
    english_only : bool
        Skip documents in another language (see :func:`foreign_language`).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Rebels shelled Taiz.")
    >>> _ = (folder / "b.jsonl").write_text('{"id": "a.txt", "text": "Troops entered Aden."}\\n{oops\\n')
    >>> for item in iter_documents([folder]):
    ...     print(item if isinstance(item, InputProblem) else item.id)  # doctest: +ELLIPSIS
    a.txt
    .../b.jsonl:1: document id 'a.txt' was already read from .../a.txt; give one of them another id ...
    .../b.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes); expected ...
    """
    date = _as_date(date)
    seen: dict[str, str] = {}
    for item in _located_documents(inputs, date, doc_id):
        if isinstance(item, InputProblem):
            yield item
            continue
        document, location = item
        first = seen.get(document.id)
        if first is not None:
            yield InputProblem(
                location,
                f"document id {document.id!r} was already read from {first}; give one of them another id "
                '(rename the file, change its "id", or --id for stdin)',
            )
            continue
        language = foreign_language(document.text) if english_only else None
        if language is not None:
            yield InputProblem(
                location,
                f"the text looks {language}, not English, which is all the extractor reads; "
                "translate it first, or pass --any-language to read it anyway",
            )
            continue
        seen[document.id] = location
        yield document


def read_documents(
    inputs: Iterable[str | Path], *, date: dt.date | str | None = None, doc_id: str | None = None, **options: bool
) -> Iterator[Document]:
    """Stream documents like :func:`iter_documents`, but raise at the first input it would skip.

    Raises
    ------
    InputError
        With the problem's one line (where, what, what to do).
    """
    for item in iter_documents(inputs, date=date, doc_id=doc_id, **options):
        if isinstance(item, InputProblem):
            if item.skipped:
                raise InputError(str(item))
            continue
        yield item


def _as_date(date: dt.date | str | None) -> dt.date | None:
    if isinstance(date, str):
        try:
            return dt.date.fromisoformat(date)
        except ValueError:
            raise InputError(f"--date must be YYYY-MM-DD, got {date!r}") from None
    return date


_Located = tuple[Document, str]


def _located_documents(
    inputs: Iterable[str | Path], date: dt.date | None, doc_id: str | None
) -> Iterator[_Located | InputProblem]:
    """``(document, where it was read)`` or a problem, input by input."""
    for item in inputs:
        try:
            paths = list(iter_input_paths([item]))
        except InputError as exc:
            yield InputProblem(str(item), str(exc).removeprefix(f"input {str(item)!r} "))
            continue
        for path in paths:
            if path is None:
                yield from _stdin_documents(date, doc_id)
            elif path.suffix.lower() in JSONL_SUFFIXES:
                yield from _jsonl_file_documents(path, date)
            else:
                yield from _file_document(path, date)


def _decode(data: bytes, location: str) -> tuple[str, InputProblem | None]:
    """Text of ``data`` and, when it was not UTF-8, the problem saying which encoding was detected."""
    decoded = decode_bytes(data, source=location)
    note = None
    if decoded.detected:
        note = InputProblem(
            location,
            f"not UTF-8; read as {decoded.encoding} (detected by charset-normalizer); "
            "save it as UTF-8 to be sure of its text",
            skipped=False,
        )
    return decoded.text, note


def _file_document(path: Path, date: dt.date | None) -> Iterator[_Located | InputProblem]:
    location = str(path)
    try:
        text, note = _decode(path.read_bytes(), location)
        if path.suffix.lower() in HTML_SUFFIXES:
            text = html_to_text(text, source=location)
        document = document_from_text(path.name, text, date or date_from_name(path.name), origin=location)
    except OSError as exc:
        yield InputProblem(location, f"cannot be read ({exc.strerror}); check its permissions")
        return
    except DocumentError as exc:
        yield InputProblem(location, str(exc).removeprefix(f"{location}: "))
        return
    if note is not None:
        yield note
    yield document, location


def _stdin_documents(date: dt.date | None, doc_id: str | None) -> Iterator[_Located | InputProblem]:
    buffer = getattr(sys.stdin, "buffer", None)
    try:
        text, note = _decode(buffer.read(), "<stdin>") if buffer is not None else (sys.stdin.read(), None)
    except DocumentError as exc:
        yield InputProblem("<stdin>", str(exc).removeprefix("<stdin>: "))
        return
    if note is not None:
        yield note
    if text.lstrip().startswith("{"):
        yield from _jsonl_documents(enumerate(text.splitlines(), 1), "<stdin>", date)
        return
    try:
        yield document_from_text(doc_id or stdin_id(text), text, date, origin="<stdin>"), "<stdin>"
    except DocumentError as exc:
        yield InputProblem("<stdin>", str(exc).removeprefix("<stdin>: "))


def _jsonl_file_documents(path: Path, date: dt.date | None) -> Iterator[_Located | InputProblem]:
    """The documents of a JSON Lines file, read line by line as bytes (a line need not be UTF-8)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            wide = next((name for bom, name in _WIDE_BOMS.items() if head.startswith(bom)), None)
            if wide is not None:
                yield InputProblem(
                    str(path),
                    f"JSON Lines must be UTF-8, this file is {wide}; convert it "
                    f"(iconv -f {wide} -t UTF-8 {path.name} > {path.stem}.utf8{path.suffix})",
                )
                return
            if b"\x00" in head:  # no text has NULs: refuse the file once, not each of its "lines"
                yield InputProblem(str(path), BINARY)
                return
            handle.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
            yield from _jsonl_documents(_decoded_lines(handle, path), str(path), date)
    except OSError as exc:
        yield InputProblem(str(path), f"cannot be read ({exc.strerror}); check its permissions")


class _BinaryLine(Exception):
    """A JSON Lines line that is binary data: the rest of the file is not read."""

    def __init__(self, lineno: int, message: str) -> None:
        super().__init__(message)
        self.lineno = lineno


def _decoded_lines(handle: Iterable[bytes], path: Path) -> Iterator[tuple[int, str | InputProblem]]:
    """``(line number, text)`` of each line, a detected encoding's note before its line's text."""
    for lineno, raw in enumerate(handle, 1):
        if not raw.strip():
            continue
        location = f"{path}:{lineno}"
        try:
            text, note = _decode(raw, location)
        except DocumentError as exc:
            raise _BinaryLine(lineno, str(exc).removeprefix(f"{location}: ")) from None
        if note is not None:
            yield lineno, note
        yield lineno, text


def _jsonl_documents(
    lines: Iterable[tuple[int, str | InputProblem]], source: str, date: dt.date | None
) -> Iterator[_Located | InputProblem]:
    """A document, or the problem of its line, for each non-blank numbered line."""
    numbered = iter(lines)
    while True:
        try:
            lineno, line = next(numbered)
        except StopIteration:
            return
        except _BinaryLine as exc:
            yield InputProblem(f"{source}:{exc.lineno}", f"{exc}; the rest of the file is not read")
            return
        if isinstance(line, InputProblem):
            yield line
            continue
        if not line.strip():
            continue
        location = f"{source}:{lineno}"
        try:
            document = _jsonl_document(line, location, date)
        except DocumentError as exc:
            yield InputProblem(location, str(exc).removeprefix(f"{location}: "))
            continue
        yield document, location


def _json_value(line: str, location: str, expected: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"{location}: not valid JSON ({exc.msg}); expected {expected}; fix or remove the line"
        ) from None


def _jsonl_document(line: str, location: str, date: dt.date | None) -> Document:
    """The document of one ``{"id", "date", "text"}`` line; HTML in its text becomes text."""
    record = _json_value(line, location, _JSONL_FIELDS)
    try:
        document = Document.from_dict(record, default_date=date)  # type: ignore[arg-type]
    except InputError as exc:
        raise DocumentError(f"{location}: {exc}; fix or remove the line") from None
    if looks_like_html(document.text):
        return dataclasses.replace(document, text=html_to_text(document.text, source=location))
    return document
