"""The ``conflict-kg`` command line: a thin layer over the library.

Each subcommand is one ``add_<name>_command(subparsers)`` function that adds
its parser and sets ``func`` to the function running it; :data:`COMMANDS`
lists them. Every :class:`ConflictKGError`, :class:`OSError` and Ctrl-C ends
as one line ``conflict-kg: error: ...`` on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from conflict_kg.extract import ConflictKGError, InputError

from ._formats import EXPORT_FORMATS, EXTRACT_FORMATS, QUERY_TEXT_FORMATS, find_format, names

if TYPE_CHECKING:
    from conflict_kg.extract import Document, Event, InputProblem

__all__ = [
    "COMMANDS",
    "PROG",
    "add_evaluate_command",
    "add_export_command",
    "add_extract_command",
    "add_ingest_command",
    "add_plot_command",
    "add_query_command",
    "add_remove_command",
    "add_serve_command",
    "add_stats_command",
    "build_parser",
    "main",
]

PROG = "conflict-kg"


_T = TypeVar("_T")
Subparsers = Any  # argparse's _SubParsersAction, which typeshed keeps private


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message} (see `{self.prog} --help`)\n")


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


def _write(chunks: Iterable[str], output: str | None) -> None:
    """Write text to ``output`` atomically, or to stdout when it is None or ``-``."""
    from ._export import write_text

    if output is None or output == "-":
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    else:
        write_text(output, chunks)


def _progress(pairs: Iterable[_T], enabled: bool) -> Iterator[_T]:
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


# ------------------------------------------------------------------ extract


def extract_format(fmt: str | None, output: str | None) -> str:
    """The ``extract`` output format: ``fmt``, else from ``output``'s suffix, else ``jsonl``."""
    if fmt is None and (output is None or output == "-"):
        return "jsonl"
    hint = f"or pass --format ({'|'.join(names(EXTRACT_FORMATS))})"
    return find_format(fmt, output, among=EXTRACT_FORMATS, what="output format", hint=hint).name


def _event_lines(pairs: Iterable[tuple[Document, list[Event]]]) -> Iterator[str]:
    for _document, events in pairs:
        for event in events:
            yield json.dumps(event.to_dict(), ensure_ascii=False) + "\n"


def run_extract(args: argparse.Namespace) -> int:
    """Extract events from the inputs and write them as JSON lines or RDF."""
    from conflict_kg.extract import check_output, iter_extractions

    fmt = extract_format(args.format, args.output)
    check_output(args.inputs, args.output)
    tally = _Tally()
    pairs = iter_extractions(_read_inputs(args, tally), model=args.model, workers=args.workers)
    pairs = _progress(tally.count_events(pairs), enabled=sys.stderr.isatty())
    if fmt == "jsonl":
        _write(_event_lines(pairs), args.output)
    else:
        from ._export import serialize
        from ._rdf import build_graph, new_graph

        graph = new_graph()
        for document, events in pairs:
            build_graph(events, graph, documents=[document])
        _write([serialize(graph, fmt)], args.output)
    return tally.finish()


def add_extract_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg extract``."""
    parser = subparsers.add_parser(
        "extract",
        help="extract events from news text",
        description="Extract events (who did what to whom, where, when) from articles, "
        "as JSON lines (one event a line) or as an RDF graph.",
    )
    _add_input_options(parser)
    parser.add_argument(
        "--format", choices=names(EXTRACT_FORMATS), help="output format (default: from the -o suffix, else jsonl)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    _add_extraction_options(parser)
    parser.set_defaults(func=run_extract)


def _add_input_options(parser: argparse.ArgumentParser) -> None:
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
class _Tally:
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
        _say(
            "done",
            f"read {self.read} document(s), skipped {self.skipped} input(s), wrote {self.events} event(s)",
        )
        return 1 if self.skipped else 0


def _read_inputs(args: argparse.Namespace, tally: _Tally) -> Iterator[Document]:
    """The documents of ``args.inputs``, streamed; each problem is one line on stderr (an error with --strict).

    The options are checked at once, before any document is read or model loaded.
    """
    from conflict_kg.extract import iter_documents

    if args.id is not None and "-" not in args.inputs:
        raise InputError(f"--id {args.id!r} names the article read from stdin; give - among the inputs")
    items = iter_documents(args.inputs, date=args.date, doc_id=args.id, english_only=not args.any_language)
    return _reported(items, args.strict, tally)


def _reported(items: Iterable[Document | InputProblem], strict: bool, tally: _Tally) -> Iterator[Document]:
    from conflict_kg.extract import InputProblem

    for item in items:
        if not isinstance(item, InputProblem):
            tally.read += 1
            yield item
        elif item.skipped and strict:
            raise InputError(f"{item} (--strict stops at the first bad input)")
        else:
            tally.skipped += item.skipped
            _say("skipped" if item.skipped else "warning", str(item))


def _add_extraction_options(parser: argparse.ArgumentParser) -> None:
    """The spaCy pipeline and the number of extraction processes (``extract``, ``evaluate``, ``ingest``)."""
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm)")
    parser.add_argument(
        "--workers", type=positive_int, default=1, metavar="N", help="parallel extraction processes (default: 1)"
    )


# ------------------------------------------------------------------ query


def _read_query(args: argparse.Namespace) -> tuple[list[str], str]:
    """Split the positionals into graph files and the query text."""
    files = list(args.args)
    if args.query_file is not None:
        if args.query_file == "-":
            return files, sys.stdin.read()
        return files, Path(args.query_file).read_text(encoding="utf-8")
    if len(files) < 2:
        raise InputError("give one or more graph files and then a SPARQL query, or the query with -f FILE.rq")
    return files[:-1], files[-1]


def run_query_command(args: argparse.Namespace) -> int:
    """Run a SPARQL query over graph files or a store, in a child process stopped at ``--timeout``."""
    from ._guard import QueryProcess, QueryRequest, QuerySource

    if args.store is not None:
        source, query = QuerySource(store=args.store), _store_query_text(args)
    else:
        files, query = _read_query(args)
        if not files:
            raise InputError("give one or more graph files before the query, or --store DIR|URL")
        source = QuerySource(files=tuple(files))
    limit = args.limit or None
    request = QueryRequest(query, limit=limit, text_format=args.format, allow_service=args.allow_service)
    with QueryProcess(source, context="fork") as process:
        answer = process.run(request, args.timeout or None)
    _write([answer.body.decode("utf-8")], None)
    if answer.truncated:
        sys.stderr.write(f"{PROG}: note: output cut at {limit} rows; pass --limit N for more, or --limit 0 for all\n")
    return 0


def add_query_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg query``."""
    from ._guard import DEFAULT_LIMIT, DEFAULT_TIMEOUT

    parser = subparsers.add_parser(
        "query",
        usage=f"{PROG} query (GRAPH_FILE... | --store DIR|URL) (QUERY | -f FILE.rq) [--format {{table,csv,json}}] "
        "[--limit N] [--timeout SECONDS]",
        help="run SPARQL over graph files or a store",
        description="Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over RDF files "
        "(.ttl, .nt, .jsonld, .nq, .trig) or a store. The prefixes sem:, ckg:, ckga:, plover:, prov:, "
        "dcterms:, geo:, wgs:, rdfs: and owl: need no PREFIX line. Queries only read: updates are "
        "refused (use ingest/remove), a store is opened read-only (several queries may share it "
        "while an ingest writes), and SERVICE clauses are refused unless --allow-service.",
    )
    parser.add_argument(
        "args",
        nargs="*",
        metavar="ARG",
        help="graph files, then the query text (unless -f is given); with --store, the query only",
    )
    parser.add_argument(
        "--store",
        metavar="DIR|URL",
        help="query this store (a directory or an http(s)://.../sparql endpoint) instead of files",
    )
    parser.add_argument("-f", "--query-file", metavar="FILE.rq", help="read the query from a file (- for stdin)")
    parser.add_argument(
        "--format",
        choices=names(QUERY_TEXT_FORMATS),
        default="table",
        help="result format (default: table; CONSTRUCT gives Turtle, N-Triples or JSON-LD)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"print at most N rows (or triples), and say so on stderr when cut (default: {DEFAULT_LIMIT}; 0: all)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop the query (its process is killed) after this long (default: {DEFAULT_TIMEOUT:g}; 0: never)",
    )
    parser.add_argument(
        "--allow-service",
        action="store_true",
        help="let SERVICE clauses query other endpoints (refused by default: they send requests anywhere)",
    )
    parser.set_defaults(func=run_query_command)


# ------------------------------------------------------------------ evaluate


def run_evaluate(args: argparse.Namespace) -> int:
    """Extract events from a gold set's documents (or read --pred) and score them."""
    from conflict_kg.extract import Document, iter_extractions
    from conflict_kg.extract._evaluate import format_errors, parse_gold, parse_predictions, score

    with open(args.gold, encoding="utf-8") as f:
        gold = parse_gold(f, source=args.gold)
    if args.pred is not None:
        with open(args.pred, encoding="utf-8") as f:
            predictions = parse_predictions(f, source=args.pred)
    else:
        documents = [Document.from_dict(record) for record in gold]
        pairs = _progress(iter_extractions(documents, model=args.model, workers=args.workers), sys.stderr.isatty())
        predictions = [event.to_dict() for _document, events in pairs for event in events]
    result = score(gold, predictions)
    lines = [f"{line}\n" for line in format_errors(result)] if args.show_errors else []
    figures = result.as_dict()
    lines.append(json.dumps(figures) + "\n" if args.json else " ".join(f"{k}={v}" for k, v in figures.items()) + "\n")
    _write(lines, None)
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
    _add_extraction_options(parser)
    parser.set_defaults(func=run_evaluate)


# ------------------------------------------------------------------ stores: ingest, remove, export, stats


def _add_store_option(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "--store",
        metavar="DIR|URL",
        required=required,
        help="an on-disk store directory, or an http(s)://.../sparql endpoint of a SPARQL 1.1 server "
        "(default: $CONFLICT_KG_STORE, else ./conflict-kg-store)",
    )


def _open_store(args: argparse.Namespace, *, create: bool = False) -> Any:
    from ._open import open_store

    return open_store(args.store, create=create)


def run_ingest(args: argparse.Namespace) -> int:
    """Extract events from the inputs straight into a store, one named graph per document."""
    from conflict_kg.extract import iter_extractions

    tally = _Tally()
    with _open_store(args, create=True) as store:
        documents = _read_inputs(args, tally)
        pairs = tally.count_events(iter_extractions(documents, model=args.model, workers=args.workers))
        store.on_optimize = lambda: print(
            "conflict-kg: compacting the store after a large load ...", file=sys.stderr, flush=True
        )
        report = store.add_extractions(
            _progress(pairs, enabled=sys.stderr.isatty()), batch_triples=args.batch_triples, optimize=args.optimize
        )
        stats = store.stats()
    compacted = " (store compacted)" if report.optimized else ""
    _write(
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
    _add_input_options(parser)
    _add_store_option(parser)
    _add_extraction_options(parser)
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
    from ._errors import StoreError

    with _open_store(args) as store:
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
    _add_store_option(parser)
    parser.set_defaults(func=run_remove)


def _store_query_text(args: argparse.Namespace) -> str:
    """``conflict-kg query --store``: the one query, from the arguments or ``-f``."""
    if args.query_file is not None:
        if args.args:
            raise InputError(f"with -f, give no query text; got {args.args!r}")
        return sys.stdin.read() if args.query_file == "-" else Path(args.query_file).read_text(encoding="utf-8")
    if len(args.args) == 1:
        return str(args.args[0])
    raise InputError(f"with --store, give exactly one query (or -f FILE.rq), not files; got {args.args!r}")


def run_export(args: argparse.Namespace) -> int:
    """Write a store to a file, atomically."""
    from ._export import export_store

    hint = f"or pass --format ({'|'.join(names(EXPORT_FORMATS))})"
    fmt = find_format(args.format, args.output, among=EXPORT_FORMATS, hint=hint)
    with _open_store(args) as store:
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
    _add_store_option(parser)
    parser.add_argument(
        "--format",
        choices=names(EXPORT_FORMATS),
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
    with _open_store(args) as store:
        stats = store.stats().to_dict()
    if args.json:
        _write([json.dumps(stats) + "\n"], None)
    else:
        _write([f"{key:<10} {value}\n" for key, value in stats.items()], None)
    return 0


def add_stats_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg stats``."""
    parser = subparsers.add_parser(
        "stats",
        help="count a store's documents, events, actors, places and statements",
        description="Count the documents, events, actors (targets and sources included), places and "
        "statements of a store (a statement held by several document graphs counts once per graph).",
    )
    _add_store_option(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run_stats)


# ------------------------------------------------------------------ serve


def run_serve(args: argparse.Namespace) -> int:
    """Serve a store read-only over the SPARQL 1.1 Protocol, with the query page at ``/``."""
    from ._serve import TOKEN_ENV, ServeConfig, check_exposure, serve
    from ._store import default_store_location, is_remote

    store = args.store or default_store_location()
    if not is_remote(store) and not (Path(store) / "CURRENT").is_file():
        raise InputError(f"no store at {store!r}; ingest documents first (conflict-kg ingest ... --store DIR)")
    config = ServeConfig(
        store=store,
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        max_rows=args.max_rows,
        cors=tuple(args.cors),
        token=args.token or os.environ.get(TOKEN_ENV) or None,
        public=args.public,
        max_request_bytes=args.max_request_bytes,
        workers=args.workers,
    )
    check_exposure(config)
    where = f"http://{'[' + config.host + ']' if ':' in config.host else config.host}:{config.port}/"
    print(
        f"{PROG}: serving {store!r} read-only at {where} (SPARQL endpoint: {where}sparql); Ctrl-C stops",
        file=sys.stderr,
        flush=True,
    )
    serve(config)
    return 0


def add_serve_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg serve``."""
    from ._serve import DEFAULT_PORT, TOKEN_ENV

    parser = subparsers.add_parser(
        "serve",
        help="serve a store as a read-only SPARQL endpoint with a query page",
        description="Serve a store read-only: a SPARQL 1.1 Protocol endpoint at /sparql (GET, POST form, "
        "POST application/sparql-query; JSON, XML, CSV, TSV, Turtle, N-Triples, JSON-LD by Accept) and a "
        "query page at / (works offline). Updates are refused (403), SERVICE is refused, every query is "
        "stopped at --timeout and cut at --max-rows (said in the X-SPARQL-Truncated header). The store "
        "may be ingested into meanwhile by another process; queries see the new documents.",
    )
    _add_store_option(parser)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    parser.add_argument("--port", type=positive_int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    parser.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS", help="stop each query after this long (default: 30)"
    )
    parser.add_argument(
        "--max-rows",
        type=positive_int,
        default=10_000,
        metavar="N",
        help="rows (or triples) per answer (default: 10000)",
    )
    parser.add_argument(
        "--cors",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let pages from this origin (e.g. https://yasgui.example.org) query from a browser; repeatable",
    )
    parser.add_argument(
        "--token", help=f"access token clients send as 'Authorization: Bearer TOKEN' (default: ${TOKEN_ENV})"
    )
    parser.add_argument(
        "--public", action="store_true", help="serve another --host without a token (anyone who reaches it may query)"
    )
    parser.add_argument(
        "--max-request-bytes",
        type=positive_int,
        default=1_000_000,
        metavar="N",
        help="refuse requests larger than this (default: 1000000)",
    )
    parser.add_argument(
        "--workers", type=positive_int, default=2, metavar="N", help="query processes running at once (default: 2)"
    )
    parser.set_defaults(func=run_serve)


# ------------------------------------------------------------------ plot


def run_plot(args: argparse.Namespace) -> int:
    """Draw a timeline, map or network from graph files or a store and save it as PNG, SVG or PDF."""
    from ._plot import map_figure, network_figure, picture_format, plot_events, timeline_figure, write_figure
    from ._query import load_graph

    picture_format(args.output)  # a bad suffix fails before the reading
    if args.graph_files and args.store is not None:
        raise InputError(f"give graph files or --store, not both; got {args.graph_files!r} and {args.store!r}")
    if args.graph_files:
        events = plot_events(load_graph(args.graph_files))
    else:
        with _open_store(args) as store:
            events = plot_events(store)
    filters = {
        "actor": args.actor,
        "place": args.place,
        "plover": args.plover,
        "since": args.since,
        "until": args.until,
    }
    if args.picture == "timeline":
        fig = timeline_figure(events, period=args.period, **filters)
    elif args.picture == "map":
        fig = map_figure(events, size_by=args.size_by, **filters)
    else:
        fig = network_figure(events, k=args.k, **filters)
    write_figure(fig, args.output)
    return 0


def add_plot_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg plot``."""
    from ._plot import CLASS_COLOURS, PICTURES

    parser = subparsers.add_parser(
        "plot",
        usage=f"{PROG} plot {{{','.join(PICTURES)}}} [--store DIR|URL | GRAPH_FILE...] [filters] -o FILE.png|svg|pdf",
        help="draw a timeline, a map or a network of the events",
        description="Draw the events of a store (or of graph files) offline: a timeline of events per "
        "day, week or month stacked by PLOVER class, a map of events at their places over country "
        "outlines, or a network of who acted on whom. The filters narrow any picture.",
    )
    parser.add_argument("picture", choices=PICTURES, help="which picture")
    parser.add_argument("graph_files", nargs="*", metavar="GRAPH_FILE", help="read these RDF files instead of a store")
    _add_store_option(parser)
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the picture to write (.png, .svg, .pdf)")
    parser.add_argument("--actor", metavar="NAME", help="only events whose actor or target label contains NAME")
    parser.add_argument(
        "--place", metavar="NAME", help="only events at a place whose name contains NAME, or in a country"
    )
    parser.add_argument(
        "--class",
        dest="plover",
        choices=[c for c in CLASS_COLOURS if c],
        metavar="PLOVER",
        help="only events of this class",
    )
    parser.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="only events on or after this date")
    parser.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="only events on or before this date")
    parser.add_argument(
        "--period", choices=("auto", "day", "week", "month"), default="auto", help="timeline bars (default: auto)"
    )
    parser.add_argument(
        "--size-by", choices=("count", "killed"), default="count", help="map circle area (default: count)"
    )
    parser.add_argument(
        "-k", type=positive_int, default=12, metavar="N", help="network: the N most active actors (default: 12)"
    )
    parser.set_defaults(func=run_plot)


# ------------------------------------------------------------------ the program

#: One function per subcommand; to add a command, write ``add_<name>_command`` and list it here.
COMMANDS: list[Callable[[Subparsers], None]] = [
    add_extract_command,
    add_query_command,
    add_evaluate_command,
    add_ingest_command,
    add_remove_command,
    add_export_command,
    add_stats_command,
    add_serve_command,
    add_plot_command,
]


def _version() -> str:
    """The installed distribution's version (``0+unknown`` when run from an uninstalled tree)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(PROG)
    except PackageNotFoundError:
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    """The ``conflict-kg`` parser with every subcommand of :data:`COMMANDS`."""
    parser = _Parser(prog=PROG, description="Turn conflict news into a queryable knowledge graph.")
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)
    for register in COMMANDS:
        register(subparsers)
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; ``query`` also takes its query text after an option (``query G --format csv 'Q'``)."""
    args, extra = parser.parse_known_args(argv)
    if extra and args.command == "query" and not any(e.startswith("-") and e != "-" for e in extra):
        args.args = [*args.args, *extra]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _say(kind: str, message: str) -> None:
    """One line on stderr: ``conflict-kg: KIND: message`` (the message's own line breaks folded)."""
    sys.stderr.write(f"{PROG}: {kind}: {' '.join(message.split())}\n")
    sys.stderr.flush()


def _fail(message: str) -> None:
    _say("error", message)


class _Stopped(KeyboardInterrupt):
    """Raised by the SIGTERM/SIGHUP handler, so that ``finally`` blocks run (no ``.part`` file stays)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stopped(signum)


def _on_termination(handler: Any) -> dict[int, Any]:
    """Install ``handler`` for SIGTERM and SIGHUP (main thread only); the handlers it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    return {signum: signal.signal(signum, handler) for signum in wanted}


def _os_message(exc: OSError) -> str:
    if exc.filename is not None:
        return f"{exc.strerror or exc}: {str(exc.filename)!r}"
    return exc.strerror or str(exc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``conflict-kg`` with ``argv`` (default: the command line); return the exit status.

    SIGTERM and SIGHUP stop it like Ctrl-C: temporary files are removed and the
    exit status is 128 plus the signal's number.
    """
    previous = _on_termination(_stop)
    try:
        args = _parse(build_parser(), argv)
        return int(args.func(args) or 0)
    except SystemExit as exc:  # --help, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except BrokenPipeError:  # `conflict-kg ... | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except ConflictKGError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(_os_message(exc))
    except _Stopped as exc:
        _fail(f"stopped by {signal.Signals(exc.signum).name}")
        return 128 + exc.signum
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
