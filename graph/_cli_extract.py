"""``conflict-kg extract`` and ``conflict-kg evaluate``: articles to events, and events scored against gold."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator

from conflict_kg.extract import (
    Document,
    Event,
    check_output,
    format_errors,
    iter_extractions,
    parse_gold,
    parse_predictions,
    score,
)
from conflict_kg.graph import EXTRACT_FORMATS, build_graph, find_format, format_names, new_graph, serialize

from ._cli_common import (
    Subparsers,
    Tally,
    add_extraction_options,
    add_input_options,
    progress,
    read_inputs,
    write_output,
)

__all__ = ["add_evaluate_command", "add_extract_command", "extract_format", "run_evaluate", "run_extract"]


def extract_format(fmt: str | None, output: str | None) -> str:
    """The ``extract`` output format: ``fmt``, else from ``output``'s suffix, else ``jsonl``."""
    if fmt is None and (output is None or output == "-"):
        return "jsonl"
    hint = f"or pass --format ({'|'.join(format_names(EXTRACT_FORMATS))})"
    return find_format(fmt, output, among=EXTRACT_FORMATS, what="output format", hint=hint).name


def _event_lines(pairs: Iterable[tuple[Document, list[Event]]]) -> Iterator[str]:
    for _document, events in pairs:
        for event in events:
            yield json.dumps(event.to_dict(), ensure_ascii=False) + "\n"


def run_extract(args: argparse.Namespace) -> int:
    """Extract events from the inputs and write them as JSON lines or RDF."""
    fmt = extract_format(args.format, args.output)
    check_output(args.inputs, args.output)
    tally = Tally()
    pairs = iter_extractions(read_inputs(args, tally), model=args.model, workers=args.workers)
    pairs = progress(tally.count_events(pairs), enabled=sys.stderr.isatty())
    if fmt == "jsonl":
        write_output(_event_lines(pairs), args.output)
    else:
        graph = new_graph()
        for document, events in pairs:
            build_graph(events, graph, documents=[document])
        write_output([serialize(graph, fmt)], args.output)
    return tally.finish()


def add_extract_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg extract``."""
    parser = subparsers.add_parser(
        "extract",
        help="extract events from news text",
        description="Extract events (who did what to whom, where, when) from articles, "
        "as JSON lines (one event a line) or as an RDF graph.",
    )
    add_input_options(parser)
    parser.add_argument(
        "--format",
        choices=format_names(EXTRACT_FORMATS),
        help="output format (default: from the -o suffix, else jsonl)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    add_extraction_options(parser)
    parser.set_defaults(func=run_extract)


def run_evaluate(args: argparse.Namespace) -> int:
    """Extract events from a gold set's documents (or read --pred) and score them."""
    with open(args.gold, encoding="utf-8") as f:
        gold = parse_gold(f, source=args.gold)
    if args.pred is not None:
        with open(args.pred, encoding="utf-8") as f:
            predictions = parse_predictions(f, source=args.pred)
    else:
        documents = [Document.from_dict(record) for record in gold]
        pairs = progress(iter_extractions(documents, model=args.model, workers=args.workers), sys.stderr.isatty())
        predictions = [event.to_dict() for _document, events in pairs for event in events]
    result = score(gold, predictions)
    lines = [f"{line}\n" for line in format_errors(result)] if args.show_errors else []
    figures = result.as_dict()
    lines.append(json.dumps(figures) + "\n" if args.json else " ".join(f"{k}={v}" for k, v in figures.items()) + "\n")
    write_output(lines, None)
    return 0


def add_evaluate_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg evaluate``."""
    parser = subparsers.add_parser(
        "evaluate",
        help="score the extractor on a gold set and list its errors",
        description="Extract events from the documents of a gold set (JSON lines of "
        '{"id", "date", "text", "events"}) and score them: event precision, recall and F1, place, '
        "date (over every matched event) and modality accuracy, strict F1, actor/target country accuracy and "
        "the share of events with no known class; --show-errors lists misses, extras and wrong fields.",
    )
    parser.add_argument("gold", metavar="GOLD.jsonl", help="the gold set")
    parser.add_argument("--pred", metavar="PRED.jsonl", help="score these prediction lines instead of extracting")
    parser.add_argument(
        "--show-errors", action="store_true", help="list MISS, EXTRA and wrong PLACE, DATE, MODALITY, COUNTRY"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    add_extraction_options(parser)
    parser.set_defaults(func=run_evaluate)
