"""The reading commands: ``conflict-kg query``, ``serve`` (a read-only SPARQL endpoint) and ``plot``.

The query process guard and the endpoint (:class:`~conflict_kg.graph.QueryProcess`,
:func:`~conflict_kg.graph.serve`) are imported when their command runs or registers:
they are slow to import and the other commands never need them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from conflict_kg.extract import InputError
from conflict_kg.graph import (
    CLASS_COLOURS,
    PICTURES,
    QUERY_TEXT_FORMATS,
    default_store_location,
    format_names,
    is_remote,
    load_graph,
    map_figure,
    network_figure,
    picture_format,
    plot_events,
    timeline_figure,
    write_figure,
)

from ._cli_common import PROG, Subparsers, add_store_option, iso_date, open_store_of, positive_int, write_output

__all__ = [
    "add_plot_command",
    "add_query_command",
    "add_serve_command",
    "run_plot",
    "run_query_command",
    "run_serve",
]


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
    from conflict_kg.graph import QueryProcess, QueryRequest, QuerySource

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
    write_output([answer.body.decode("utf-8")], None)
    if answer.truncated:
        sys.stderr.write(f"{PROG}: note: output cut at {limit} rows; pass --limit N for more, or --limit 0 for all\n")
    return 0


def add_query_command(subparsers: Subparsers) -> None:
    """Register ``conflict-kg query``."""
    from conflict_kg.graph import DEFAULT_LIMIT, DEFAULT_TIMEOUT

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
        choices=format_names(QUERY_TEXT_FORMATS),
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


def _store_query_text(args: argparse.Namespace) -> str:
    """``conflict-kg query --store``: the one query, from the arguments or ``-f``."""
    if args.query_file is not None:
        if args.args:
            raise InputError(f"with -f, give no query text; got {args.args!r}")
        return sys.stdin.read() if args.query_file == "-" else Path(args.query_file).read_text(encoding="utf-8")
    if len(args.args) == 1:
        return str(args.args[0])
    raise InputError(f"with --store, give exactly one query (or -f FILE.rq), not files; got {args.args!r}")


# ------------------------------------------------------------------ serve


def run_serve(args: argparse.Namespace) -> int:
    """Serve a store read-only over the SPARQL 1.1 Protocol, with the query page at ``/``."""
    from conflict_kg.graph import TOKEN_ENV, ServeConfig, check_exposure, serve

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
    from conflict_kg.graph import DEFAULT_PORT, TOKEN_ENV

    parser = subparsers.add_parser(
        "serve",
        help="serve a store as a read-only SPARQL endpoint with a query page",
        description="Serve a store read-only: a SPARQL 1.1 Protocol endpoint at /sparql (GET, POST form, "
        "POST application/sparql-query; JSON, XML, CSV, TSV, Turtle, N-Triples, JSON-LD by Accept) and a "
        "query page at / (works offline). Updates are refused (403), SERVICE is refused, every query is "
        "stopped at --timeout and cut at --max-rows (said in the X-SPARQL-Truncated header). The store "
        "may be ingested into meanwhile by another process; queries see the new documents.",
    )
    add_store_option(parser)
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
    picture_format(args.output)  # a bad suffix fails before the reading
    if args.graph_files and args.store is not None:
        raise InputError(f"give graph files or --store, not both; got {args.graph_files!r} and {args.store!r}")
    if args.graph_files:
        events = plot_events(load_graph(args.graph_files))
    else:
        with open_store_of(args) as store:
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
    add_store_option(parser)
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
