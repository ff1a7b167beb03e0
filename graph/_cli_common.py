"""What the ``conflict-kg`` commands share: argument types, common options, input and output.

The command modules (:mod:`._cli_extract`, :mod:`._cli_store`, :mod:`._cli_query`)
build on these; :mod:`._cli` assembles them into the program. Like every CLI
module, it uses the public API of both packages only.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from conflict_kg.extract import Document, Event, InputError, InputProblem, iter_documents
from conflict_kg.graph import Store, open_store, write_text

__all__ = [
    "PROG",
    "Subparsers",
    "Tally",
    "add_extraction_options",
    "add_input_options",
    "add_store_option",
    "iso_date",
    "open_store_of",
    "positive_int",
    "progress",
    "read_inputs",
    "say",
    "write_output",
]

#: The program's name, in usage lines and messages.
PROG = "conflict-kg"

_T = TypeVar("_T")
#: argparse's ``_SubParsersAction``, which typeshed keeps private.
Subparsers = Any


# ------------------------------------------------------------------ argument types


def iso_date(value: str) -> dt.date:
    """An ``argparse`` type: an ISO ``YYYY-MM-DD`` date."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date YYYY-MM-DD, got {value!r}") from None


def positive_int(value: str) -> int:
    """An ``argparse`` type: an integer of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {value!r}")
    return number


# ------------------------------------------------------------------ output


def write_output(chunks: Iterable[str], output: str | None) -> None:
    """Write text to ``output`` atomically, or to stdout when it is None or ``-``."""
    if output is None or output == "-":
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    else:
        write_text(output, chunks)


def progress(pairs: Iterable[_T], enabled: bool) -> Iterator[_T]:
    """Pass ``pairs`` through; from the second one on, show a tqdm bar on stderr if ``enabled``."""
    bar = None
    try:
        for count, pair in enumerate(pairs, 1):
            if enabled and count == 2:
                from tqdm import tqdm

                bar = tqdm(initial=1, unit="doc", desc="extract", file=sys.stderr, leave=False)
            if bar is not None:
                bar.update(1)
            yield pair
    finally:
        if bar is not None:
            bar.close()


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The articles to read, their publication date and what to do with bad ones (``extract``, ``ingest``)."""
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help='.txt or .html article(s), folders of them, a .jsonl corpus of {"id", "date", "text"} lines, '
        "or - for stdin",
    )
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="publication date of plain-text articles (default: a date in the file name)",
    )
    parser.add_argument(
        "--id",
        metavar="DOC_ID",
        help="id of the article read from stdin (default: stdin- and 12 hex digits of its text's SHA-256)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first unreadable input (default: report it on stderr, skip it, exit 1 at the end)",
    )
    parser.add_argument(
        "--any-language",
        action="store_true",
        help="read documents that look non-English too (default: skip them with a message)",
    )


@dataclasses.dataclass
class Tally:
    """What a run read, skipped and wrote, for its closing line on stderr."""

    read: int = 0
    skipped: int = 0
    events: int = 0

    def count_events(self, pairs: Iterable[tuple[Document, list[Event]]]) -> Iterator[tuple[Document, list[Event]]]:
        for document, events in pairs:
            self.events += len(events)
            yield document, events

    def finish(self) -> int:
        """Print the summary line; the exit status: 1 when an input was skipped, else 0."""
        say(
            "done",
            f"read {self.read} document(s), skipped {self.skipped} input(s), wrote {self.events} event(s)",
        )
        return 1 if self.skipped else 0


def read_inputs(args: argparse.Namespace, tally: Tally) -> Iterator[Document]:
    """The documents of ``args.inputs``, streamed; each problem is one line on stderr (an error with --strict).

    The options are checked at once, before any document is read or model loaded.
    """
    if args.id is not None and "-" not in args.inputs:
        raise InputError(f"--id {args.id!r} names the article read from stdin; give - among the inputs")
    items = iter_documents(args.inputs, date=args.date, doc_id=args.id, english_only=not args.any_language)
    return _reported(items, args.strict, tally)


def _reported(items: Iterable[Document | InputProblem], strict: bool, tally: Tally) -> Iterator[Document]:
    for item in items:
        if not isinstance(item, InputProblem):
            tally.read += 1
            yield item
        elif item.skipped and strict:
            raise InputError(f"{item} (--strict stops at the first bad input)")
        else:
            tally.skipped += item.skipped
            say("skipped" if item.skipped else "warning", str(item))


def add_extraction_options(parser: argparse.ArgumentParser) -> None:
    """The spaCy pipeline and the number of extraction processes (``extract``, ``evaluate``, ``ingest``)."""
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm)")
    parser.add_argument(
        "--workers", type=positive_int, default=1, metavar="N", help="parallel extraction processes (default: 1)"
    )


# ------------------------------------------------------------------ stores: ingest, remove, export, stats


def add_store_option(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """``--store DIR|URL`` (``ingest``, ``remove``, ``export``, ``stats``, ``serve``, ``plot``)."""
    parser.add_argument(
        "--store",
        metavar="DIR|URL",
        required=required,
        help="an on-disk store directory, or an http(s)://.../sparql endpoint of a SPARQL 1.1 server "
        "(default: $CONFLICT_KG_STORE, else ./conflict-kg-store)",
    )


def open_store_of(args: argparse.Namespace, *, create: bool = False) -> Store:
    """The store ``--store`` names (see :func:`add_store_option`)."""
    return open_store(args.store, create=create)


def say(kind: str, message: str) -> None:
    """One line on stderr: ``conflict-kg: KIND: message`` (the message's own line breaks folded)."""
    sys.stderr.write(f"{PROG}: {kind}: {' '.join(message.split())}\n")
    sys.stderr.flush()
