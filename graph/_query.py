"""Loading RDF files, running SPARQL, and formatting results as table, CSV or JSON.

:func:`load_graph` and :func:`run_query` are the I/O and evaluation steps; the
formatters (:func:`format_table`, :func:`format_csv`, :func:`format_json`,
:func:`format_result`) are pure: a result in, text chunks (each ending in a
newline) out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from conflict_kg.extract import InputError
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD, NamespaceManager
from rdflib.query import Result, ResultRow
from rdflib.term import Node

from ._errors import QueryError
from ._formats import (
    GRAPH_FORMATS,
    QUERY_TEXT_FORMATS,
    READ_FORMATS,
    RESULTS_CSV,
    RESULTS_JSON,
    TABLE,
    find_format,
    format_names,
)
from ._namespaces import bind_prefixes

__all__ = [
    "QUAD_FORMATS",
    "format_csv",
    "format_json",
    "format_result",
    "format_table",
    "load_graph",
    "rdf_format",
    "run_query",
    "shorten",
]

#: rdflib formats that carry named graphs.
QUAD_FORMATS = frozenset(str(f.rdflib) for f in READ_FORMATS if f.quads)


def rdf_format(path: str | Path) -> str:
    """The rdflib parser name for ``path``'s suffix.

    >>> rdf_format("events.ttl")
    'turtle'
    >>> rdf_format("events.csv")
    Traceback (most recent call last):
    ...
    conflict_kg.extract._exceptions.InputError: cannot tell the RDF format of 'events.csv' \
from its suffix '.csv'; use one of .ttl, .turtle, .nt, .ntriples, .n3, .jsonld, .json, .rdf, .owl, .xml, .nq, .trig
    """
    return str(find_format(path=path, among=READ_FORMATS, what="RDF format", error=InputError).rdflib)


def load_graph(paths: Iterable[str | Path], graph: Graph | None = None) -> Graph:
    """Parse RDF files into one graph (a :class:`~rdflib.Dataset` when any holds quads).

    The format comes from each file's suffix (see :data:`~._formats.READ_FORMATS`). A
    dataset's default graph is the union of its graphs, so queries see all.

    Raises
    ------
    InputError
        Naming the file, when it is missing, has an unknown suffix or does not parse.
    """
    files = [Path(p) for p in paths]
    formats = [rdf_format(p) for p in files]
    if graph is None:
        graph = Dataset(default_union=True) if QUAD_FORMATS & set(formats) else Graph(bind_namespaces="core")
    for path, fmt in zip(files, formats, strict=True):
        if not path.is_file():
            raise InputError(f"graph file {str(path)!r} does not exist")
        target = graph
        if isinstance(graph, Dataset) and fmt not in QUAD_FORMATS:
            target = graph.graph(DATASET_DEFAULT_GRAPH_ID)
        try:
            target.parse(path, format=fmt)
        except OSError:
            raise
        except Exception as exc:  # rdflib parsers raise many unrelated types
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise InputError(f"cannot parse {str(path)!r} as {fmt}: {detail}") from None
    return bind_prefixes(graph)


def run_query(graph: Graph, query: str, *, init_ns: Mapping[str, Any] | None = None) -> Result:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) over ``graph``.

    The graph's bound prefixes (``sem:``, ``ckg:``, ``ckga:``...) may be used
    without ``PREFIX`` lines.

    Raises
    ------
    QueryError
        Naming the line and column of a syntax error, or why evaluation failed.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> from conflict_kg.graph import build_graph
    >>> g = build_graph([Event("d1", 0, Action("shelled", "shell"), Mention("Rebels"), Mention("Taiz"))])
    >>> [str(r.who) for r in run_query(g, "SELECT ?who WHERE { ?a ckga:shell ?t . ?a rdfs:label ?who }")]
    ['Rebels']
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    namespaces = dict(graph.namespaces())
    namespaces.update(init_ns or {})
    try:
        prepared = prepareQuery(query, initNs=namespaces)
    except ParseException as exc:
        raise QueryError(
            f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg} "
            f"(the line reads {exc.line.strip()!r})"
        ) from None
    except Exception as exc:  # e.g. "Unknown namespace prefix : foo"
        raise QueryError(f"bad SPARQL query: {' '.join(str(exc).split())}") from None
    try:
        result = graph.query(prepared)
        if result.type == "SELECT":
            result.bindings  # noqa: B018 - evaluate now, so errors surface here
    except Exception as exc:
        raise QueryError(f"SPARQL query failed: {' '.join(str(exc).split())}") from None
    return result


def shorten(term: Node | None, namespace_manager: NamespaceManager | None = None) -> str:
    """A term for display: IRIs as ``prefix:local`` where a bound prefix fits, literals as text.

    >>> from conflict_kg.graph import new_graph
    >>> shorten(URIRef("https://w3id.org/conflict-kg/action/recapture"), new_graph().namespace_manager)
    'ckga:recapture'
    >>> shorten(Literal(3)), shorten(None)
    ('3', '')
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        if namespace_manager is not None:
            iri, best = str(term), ""
            for prefix, ns in namespace_manager.namespaces():
                if iri.startswith(ns) and len(ns) > len(best) and len(iri) > len(ns):
                    best, name = str(ns), f"{prefix}:{iri[len(ns) :]}"
            if best:
                return name
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(
    result: Result, namespace_manager: NamespaceManager | None = None, *, max_width: int = 60
) -> Iterator[str]:
    """SELECT rows as an aligned text table, IRIs shortened, cells clipped to ``max_width``.

    >>> from conflict_kg.graph import new_graph
    >>> r = new_graph().query('SELECT ?a ?b WHERE { VALUES (?a ?b) { (1 "x") (22 UNDEF) } }')
    >>> print("".join(format_table(r)), end="")
    a   b
    --  -
    1   x
    22
    (2 rows)
    """
    names = [str(v) for v in result.vars or ()]
    rows = [
        [_clip(shorten(row[i], namespace_manager), max_width) for i in range(len(names))]
        for row in cast(Iterable[ResultRow], result)
    ]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    for cells in ([*names], ["-" * w for w in widths], *rows):
        yield "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"
    yield f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n"


def format_csv(result: Result) -> Iterator[str]:
    """SELECT rows as SPARQL 1.1 CSV results: a header, full IRIs, literal text, CRLF lines."""
    names = [str(v) for v in result.vars or ()]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    rows = cast(Iterable[ResultRow], result)
    for cells in (names, *([shorten(row[i]) for i in range(len(names))] for row in rows)):
        writer.writerow(cells)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    raise QueryError(f"cannot write {term!r} as a SPARQL JSON result term")


def format_json(result: Result) -> Iterator[str]:
    """SELECT rows (or an ASK answer) as SPARQL 1.1 Query Results JSON."""
    if result.type == "ASK":
        doc: dict[str, Any] = {"head": {}, "boolean": bool(result.askAnswer)}
    else:
        names = [str(v) for v in result.vars or ()]
        bindings = [
            {n: _json_term(row[i]) for i, n in enumerate(names) if row[i] is not None}
            for row in cast(Iterable[ResultRow], result)
        ]
        doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
    yield json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


#: Output formats of :func:`format_result`.
RESULT_FORMATS = format_names(QUERY_TEXT_FORMATS)


def format_result(
    result: Result, fmt: str = "table", namespace_manager: NamespaceManager | None = None
) -> Iterator[str]:
    """Any query result as text: ``fmt`` is ``table``, ``csv`` or ``json``.

    SELECT rows go through the formatter of ``fmt``; an ASK answer is ``true``
    or ``false`` (JSON: ``{"boolean": ...}``); a CONSTRUCT or DESCRIBE graph
    is written as Turtle (table), N-Triples (csv) or JSON-LD (json).
    """
    found = find_format(fmt, among=QUERY_TEXT_FORMATS, what="result format", error=QueryError)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        graph = result.graph
        if namespace_manager is not None:
            for prefix, ns in namespace_manager.namespaces():
                graph.bind(prefix, ns, override=True, replace=True)
        yield graph.serialize(format=str(find_format(found.graphs_as, among=GRAPH_FORMATS).rdflib))
    elif result.type == "ASK" and found is not RESULTS_JSON:
        yield ("true" if result.askAnswer else "false") + "\n"
    elif found is TABLE:
        yield from format_table(result, namespace_manager)
    elif found is RESULTS_CSV:
        yield from format_csv(result)
    else:
        yield from format_json(result)
