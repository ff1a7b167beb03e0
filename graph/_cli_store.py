"""The store commands: ``conflict-kg ingest``, ``remove``, ``export`` and ``stats``."""

from __future__ import annotations

import argparse
import json
import sys

from conflict_kg.extract import iter_extractions
from conflict_kg.graph import EXPORT_FORMATS, StoreError, export_store, find_format, format_names

from ._cli_common import (
    Subparsers,
    Tally,
    add_extraction_options,
    add_input_options,
    add_store_option,
    open_store_of,
    positive_int,
    progress,
    read_inputs,
    write_output,
)

__all__ = [
    "add_export_command",
    "add_ingest_command",
    "add_remove_command",
    "add_stats_command",
    "run_export",
    "run_ingest",
    "run_remove",
    "run_stats",
]


def run_ingest(args: argparse.Namespace) -> int:
    """Extract events from the inputs straight into a store, one named graph per document."""
    tally = Tally()
    with open_store_of(args, create=True) as store:
        documents = read_inputs(args, tally)
        pairs = tally.count_events(iter_extractions(documents, model=args.model, workers=args.workers))
        store.on_optimize = lambda: print(
            "conflict-kg: compacting the store after a large load ...", file=sys.stderr, flush=True
        )
        report = store.add_extractions(
            progress(pairs, enabled=sys.stderr.isatty()), batch_triples=args.batch_triples, optimize=args.optimize
        )
        stats = store.stats()
    compacted = " (store compacted)" if report.optimized else ""
    write_output(
        [
            f"ingested {report.documents} document(s), {report.triples} statements into {store.location}"
            f"{compacted}; the store holds {stats.documents} documents, {stats.events} events\n"
        ],
        None,
    )
    return tally.finish()


def add_ingest_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg ingest``."""
    parser = subparsers.add_parser(
        "ingest",
        help="extract events from news text into a store",
        description="Extract events from articles straight into a store: an embedded on-disk Oxigraph "
        "database (no server to start) or a SPARQL 1.1 server. Each document is its own named graph, "
        "so ingesting an article again replaces it (and adds nothing when it is unchanged), and the "
        "same actor, target or place across articles is one node.",
    )
    add_input_options(parser)
    add_store_option(parser)
    add_extraction_options(parser)
    parser.add_argument(
        "--batch-triples",
        type=positive_int,
        default=None,
        metavar="N",
        help="statements loaded at a time; memory grows with it (default: 500000 on disk, 20000 remote)",
    )
    parser.add_argument(
        "--optimize",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="compact an on-disk store after loading: smaller, faster look-ups "
        "(default: after loading 1,000,000 statements or more)",
    )
    parser.set_defaults(func=run_ingest)


def run_remove(args: argparse.Namespace) -> int:
    """Remove documents (their named graphs) from a store."""
    with open_store_of(args) as store:
        missing = [doc for doc in args.doc_ids if not store.remove_document(doc)]
        location = store.location
        known = store.documents() if missing else []
    if missing:
        hint = (
            f"it holds {', '.join(map(repr, known))}"
            if len(known) <= 10
            else "list its ids with: conflict-kg query --store ... "
            "'SELECT ?id WHERE { ?d a ckg:Document ; dcterms:identifier ?id }'"
        )
        raise StoreError(f"no document(s) {', '.join(map(repr, missing))} in store {location!r}; {hint}")
    return 0


def add_remove_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg remove``."""
    parser = subparsers.add_parser(
        "remove",
        help="take documents out of a store",
        description="Remove documents, by id, from a store: their named graphs go, and with them "
        "whatever only they said (an actor named in other articles stays).",
    )
    parser.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="document id(s), as ingested")
    add_store_option(parser)
    parser.set_defaults(func=run_remove)


def run_export(args: argparse.Namespace) -> int:
    """Write a store to a file, atomically."""
    hint = f"or pass --format ({'|'.join(format_names(EXPORT_FORMATS))})"
    fmt = find_format(args.format, args.output, among=EXPORT_FORMATS, hint=hint)
    with open_store_of(args) as store:
        export_store(store, fmt.name, args.output, incidents=args.incidents)
    return 0


def add_export_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg export``."""
    parser = subparsers.add_parser(
        "export",
        help="write a store as RDF, GraphML or CSV",
        description="Write a store to a file (atomically: an interrupted export leaves no half file). "
        "turtle and nt hold the merged graph; trig, nquads and jsonld keep one named graph per "
        "document; graphml is the networkx view (entities as nodes, events as edges); csv has one "
        "row per event (with its incident), or with --incidents one row per incident; jsonl has one "
        "prediction line per event, as the evaluation guidelines describe, with its incident.",
    )
    add_store_option(parser)
    parser.add_argument(
        "--format",
        choices=format_names(EXPORT_FORMATS),
        help="output format (default: from the -o suffix: .ttl .trig .nq .nt .jsonld .graphml .csv .jsonl)",
    )
    parser.add_argument(
        "--incidents",
        action="store_true",
        help="with csv: one row per incident (its reports, sources, casualty range, place and date)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    parser.set_defaults(func=run_export)


def run_stats(args: argparse.Namespace) -> int:
    """Print what a store holds."""
    with open_store_of(args) as store:
        stats = store.stats().to_dict()
    if args.json:
        write_output([json.dumps(stats) + "\n"], None)
    else:
        write_output([f"{key:<10} {value}\n" for key, value in stats.items()], None)
    return 0


def add_stats_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg stats``."""
    parser = subparsers.add_parser(
        "stats",
        help="count a store's documents, events, actors, places and statements",
        description="Count the documents, events, actors (targets and sources included), places and "
        "statements of a store (a statement held by several document graphs counts once per graph).",
    )
    add_store_option(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run_stats)
