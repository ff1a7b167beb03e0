"""Queries that cannot run away: read-only checks, a row cap, and a time limit that stops the work.

``conflict-kg query`` and the HTTP endpoint (:mod:`._serve`) share this module:

- :func:`check_query` refuses updates ("queries are read-only; use ingest/remove")
  and ``SERVICE`` clauses (which would send requests anywhere) unless allowed,
  before anything runs;
- :func:`answer_query` runs one :class:`QueryRequest` over a :class:`QueryReader`
  (graph files, an embedded store opened read-only, or a remote endpoint) and
  renders at most ``limit`` rows (or triples) in one format, saying whether it cut;
- a :class:`QueryProcess` runs :func:`answer_query` in a child process and kills the
  child when the time limit passes, so the work stops, not only the wait; a
  :class:`QueryPool` keeps several of them busy for a server.

An embedded store is opened with :meth:`pyoxigraph.Store.read_only`, which takes no
lock: any number of readers share a store while one writer (``ingest``) holds it. A
reader's view is a snapshot; it is reopened when the store's files change, so
readers see what an ingest in another process has written.

Examples
--------
>>> check_query("SELECT * WHERE { ?s ?p ?o }")
>>> check_query("PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }")
Traceback (most recent call last):
...
conflict_kg.graph._guard.QueryRefusedError: queries are read-only; use ingest/remove \
(this request is a SPARQL update: INSERT)
>>> media_types("text/csv;q=0.5, application/sparql-results+json")
('application/sparql-results+json', 'text/csv')
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import queue
import re
import signal
import time
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from conflict_kg.extract import ConflictKGError
from rdflib import Graph
from rdflib.query import Result, ResultRow

from ._errors import QueryError, StoreError
from ._formats import GRAPH_MEDIA_TYPES, RESULT_MEDIA_TYPES

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_TIMEOUT",
    "GRAPH_MEDIA_TYPES",
    "RESULT_MEDIA_TYPES",
    "UPDATE_KEYWORDS",
    "Answer",
    "NotAcceptableError",
    "QueryPool",
    "QueryProcess",
    "QueryReader",
    "QueryRefusedError",
    "QueryRequest",
    "QuerySource",
    "QueryTimeoutError",
    "Rows",
    "answer_query",
    "check_query",
    "media_types",
    "query_keywords",
]

#: Rows (or triples) a query returns unless told otherwise.
DEFAULT_LIMIT = 10_000
#: Seconds a query may run unless told otherwise.
DEFAULT_TIMEOUT = 60.0
#: Keywords that open a SPARQL 1.1 update operation.
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})

#: Seconds a new query process may take to start (import its libraries) before its first query.
_START_LIMIT = 120.0
#: Tries to open (or query) a store that a writer is changing, before giving up.
_OPEN_ATTEMPTS = 5

# comments, strings, IRIs and words (keywords, variables, prefixed names), in the order SPARQL's
# tokenizer would see them, so that "SERVICE" inside a string, an IRI or a comment is not a keyword
_LEXEME = re.compile(
    r"""
      \#[^\n]*
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | <[^<>"{}|^`\\\s]*>
    | (?P<word>[?$]?[A-Za-z_\d][\w.-]*(?::[\w.%-]*)?|:[\w.%-]*)
    """,
    re.VERBOSE,
)


class QueryRefusedError(QueryError):
    """A query asks for what a reader may not do: an update, or a ``SERVICE`` call."""


class QueryTimeoutError(QueryError):
    """A query ran past its time limit and was stopped."""


class NotAcceptableError(QueryError):
    """No result format the client accepts fits the query's kind of result."""


def query_keywords(text: str) -> list[str]:
    """The SPARQL keywords of ``text``, upper-cased: no strings, IRIs, comments, variables or prefixed names.

    >>> query_keywords('SELECT ?service WHERE { ?s ex:service "SERVICE" } # SERVICE')
    ['SELECT', 'WHERE']
    """
    words = (m.group("word") for m in _LEXEME.finditer(text))
    return [w.upper() for w in words if w and w[0] not in "?$:" and ":" not in w and not w[0].isdigit()]


def check_query(text: str, *, allow_service: bool = False) -> None:
    """Refuse an update, or a query with ``SERVICE`` unless ``allow_service``.

    Raises
    ------
    QueryRefusedError
        Saying what was refused and what to do instead.
    """
    keywords = query_keywords(text)
    operation = next((k for k in keywords if k not in ("PREFIX", "BASE")), None)
    if operation in UPDATE_KEYWORDS:
        raise QueryRefusedError(
            f"queries are read-only; use ingest/remove (this request is a SPARQL update: {operation})"
        )
    if not allow_service and "SERVICE" in keywords:
        raise QueryRefusedError(
            "SERVICE clauses are refused: they would make this machine send requests to other servers; "
            "query the other endpoint yourself (or, on the command line, pass --allow-service)"
        )


def media_types(accept: str | None) -> tuple[str, ...]:
    """The media types of an HTTP ``Accept`` header, best first (ties keep their order; ``q=0`` dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept or "").split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return tuple(media for _q, _p, media in sorted(ranked))


def _choose(accept: tuple[str, ...], offered: dict[str, str]) -> str:
    """The media type of ``offered`` that ``accept`` prefers (the first offered one when ``accept`` is empty)."""
    if not accept:
        return next(iter(offered))
    for media in accept:
        if media in offered:
            return media
        kind, _, sub = media.partition("/")
        if sub == "*":
            for candidate in offered:
                if kind == "*" or candidate.startswith(kind + "/"):
                    return candidate
    raise NotAcceptableError(f"cannot answer in any of {', '.join(accept)!r}; ask for one of {', '.join(offered)}")


@dataclass(frozen=True)
class QuerySource:
    """What a query reads: graph files, or a store (a directory or an ``http(s)://`` endpoint)."""

    store: str | None = None
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryRequest:
    """One query and how to answer it.

    ``accept`` lists HTTP media types, best first; ``text_format`` (``table``,
    ``csv`` or ``json``) asks for the command line's formats instead. ``limit``
    caps rows (or triples); None means no cap.
    """

    query: str
    limit: int | None = DEFAULT_LIMIT
    accept: tuple[str, ...] = ()
    text_format: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    allow_service: bool = False


@dataclass(frozen=True)
class Answer:
    """A rendered query result: ``kind`` is SELECT, ASK, CONSTRUCT or DESCRIBE; ``rows`` counts what was kept."""

    kind: str
    body: bytes
    media_type: str
    rows: int
    truncated: bool


def _store_stamp(path: Path) -> tuple[int, int]:
    """The newest modification time and the number of the store directory's files: a change means new data."""
    newest, count = 0, 0
    with os.scandir(path) as entries:
        for entry in entries:
            try:
                newest = max(newest, entry.stat().st_mtime_ns)
            except FileNotFoundError:  # the writer removed it between listing and looking: a change too
                continue
            count += 1
    return newest, count


class QueryReader:
    """Opens a :class:`QuerySource` for reading and runs queries on it (in whatever process holds it)."""

    def __init__(self, source: QuerySource) -> None:
        self.source = source
        self._graph: Graph | None = None
        self._oxigraph: Any = None
        self._stamp: tuple[int, int] | None = None

    @property
    def embedded(self) -> bool:
        """Whether the source is an on-disk Oxigraph store."""
        from ._store import is_remote

        return self.source.store is not None and not is_remote(self.source.store)

    def _open_embedded(self) -> Any:
        import pyoxigraph as ox

        location = cast(str, self.source.store)
        path = Path(location)
        if not path.is_dir():
            raise StoreError(f"no store at {location!r}; ingest documents first (conflict-kg ingest ... --store DIR)")
        stamp = _store_stamp(path)
        if self._oxigraph is None or stamp != self._stamp:
            for attempt in range(_OPEN_ATTEMPTS):
                try:
                    self._oxigraph = ox.Store.read_only(str(path))
                    break
                except (OSError, RuntimeError) as exc:  # a writer moved files under us: look again
                    if attempt == _OPEN_ATTEMPTS - 1:
                        raise StoreError(f"cannot open store {location!r} for reading: {exc}") from None
                    time.sleep(0.05 * (attempt + 1))
                    stamp = _store_stamp(path)
            self._stamp = stamp
        return self._oxigraph

    def query(self, request: QueryRequest, *, raw_rows: bool = False) -> Result | Rows:
        """Run ``request.query`` and return at most ``limit + 1`` rows (or triples), so a cut can be told.

        With ``raw_rows``, SELECT rows of an embedded store come as :class:`Rows` of
        pyoxigraph terms (for the fast writers), not as an rdflib result.
        """
        check_query(request.query, allow_service=request.allow_service)
        keep = None if request.limit is None else request.limit + 1
        if self.embedded:
            return self._query_embedded(request, keep, raw_rows)
        if self.source.store is not None:
            from ._open import open_store

            if request.default_graphs or request.named_graphs:
                raise QueryError("default-graph-uri and named-graph-uri need an embedded store")
            with open_store(self.source.store, create=False) as store:
                return _cap(store.query(request.query), keep)
        from ._query import load_graph, run_query

        if request.default_graphs or request.named_graphs:
            raise QueryError("default-graph-uri and named-graph-uri need a store, not graph files")
        if self._graph is None:
            self._graph = load_graph(self.source.files)
        return _cap(run_query(self._graph, request.query), keep)

    def _query_embedded(self, request: QueryRequest, keep: int | None, raw_rows: bool) -> Result | Rows:
        import pyoxigraph as ox

        from ._store import result_from_oxigraph, with_prefixes

        options: dict[str, Any] = {"use_default_graph_as_union": not request.default_graphs}
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
        text = with_prefixes(request.query)
        for attempt in range(_OPEN_ATTEMPTS):
            store = self._open_embedded()
            try:
                raw = store.query(text, **options)
                if raw_rows and isinstance(raw, ox.QuerySolutions):
                    names = [v.value for v in raw.variables]
                    return Rows(names, list(islice(raw, keep)))
                return result_from_oxigraph(raw, limit=keep)
            except SyntaxError as exc:
                raise QueryError(f"SPARQL syntax error: {exc}") from None
            except (ValueError, TypeError) as exc:
                raise QueryError(f"SPARQL query failed: {exc}") from None
            except (OSError, RuntimeError) as exc:  # a file the writer compacted away: read the new state
                if attempt == _OPEN_ATTEMPTS - 1:
                    raise StoreError(f"reading store {self.source.store!r} failed: {exc}") from None
                self._oxigraph = None
        raise AssertionError("unreachable")


@dataclass(frozen=True)
class Rows:
    """SELECT rows as pyoxigraph gives them: the variable names and the solutions (terms or None)."""

    variables: list[str]
    solutions: list[Any]


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _ox_json_term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}  # an RDF-star triple, as text


def _ox_json(rows: Rows) -> bytes:
    """SPARQL 1.1 JSON results of pyoxigraph rows (each term converted once)."""
    cache: dict[Any, dict[str, str]] = {}
    bindings = []
    for solution in rows.solutions:
        binding = {}
        for name, term in zip(rows.variables, solution, strict=True):
            if term is not None:
                value = cache.get(term)
                if value is None:
                    value = cache[term] = _ox_json_term(term)
                binding[name] = value
        bindings.append(binding)
    doc = {"head": {"vars": rows.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _ox_csv(rows: Rows) -> bytes:
    """SPARQL 1.1 CSV results of pyoxigraph rows: IRIs and literal values as text, ``_:`` blank nodes."""
    import pyoxigraph as ox

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(rows.variables)
    for solution in rows.solutions:
        writer.writerow(
            ["" if t is None else f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value for t in solution]
        )
    return buffer.getvalue().encode("utf-8")


def _ox_tsv(rows: Rows) -> bytes:
    """SPARQL 1.1 TSV results of pyoxigraph rows: terms in N-Triples syntax (tabs escaped)."""
    lines = ["\t".join(f"?{n}" for n in rows.variables)]
    for solution in rows.solutions:
        lines.append("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in solution))
    return ("\n".join(lines) + "\n").encode("utf-8")


#: The SELECT formats written straight from pyoxigraph terms (no rdflib result in between).
_FAST_WRITERS = {"json": _ox_json, "csv": _ox_csv, "tsv": _ox_tsv}


def _cap(result: Result, keep: int | None) -> Result:
    """``result`` with at most ``keep`` rows or triples."""
    if keep is None:
        return result
    if result.type == "SELECT":
        result.bindings = list(islice(result.bindings, keep))
    elif result.type in ("CONSTRUCT", "DESCRIBE") and result.graph is not None and len(result.graph) > keep:
        graph = Graph(namespace_manager=result.graph.namespace_manager)
        for triple in islice(result.graph, keep):
            graph.add(triple)
        result.graph = graph
    return result


def _tsv(result: Result) -> bytes:
    """SPARQL 1.1 TSV results: ``?name`` headers, terms in N-Triples syntax."""
    from ._ntriples import nt_term

    names = [str(v) for v in result.vars or ()]
    lines = ["\t".join(f"?{n}" for n in names)]
    for row in cast(Iterable[ResultRow], result):
        lines.append("\t".join("" if row[i] is None else nt_term(row[i]) for i in range(len(names))))
    return ("\n".join(lines) + "\n").encode("utf-8")


def answer_query(reader: QueryReader, request: QueryRequest) -> Answer:
    """Run ``request`` with ``reader`` and render it: the command line's text, or the best accepted media type."""
    fast = None
    if request.text_format is None and reader.embedded:
        try:
            fast = _choose(request.accept, RESULT_MEDIA_TYPES)
        except NotAcceptableError:
            fast = None
    answer = reader.query(request, raw_rows=fast is not None and RESULT_MEDIA_TYPES[fast] in _FAST_WRITERS)
    if isinstance(answer, Rows):
        media = cast(str, fast)
        truncated = request.limit is not None and len(answer.solutions) > request.limit
        if truncated:
            answer = Rows(answer.variables, answer.solutions[: request.limit])
        body = _FAST_WRITERS[RESULT_MEDIA_TYPES[media]](answer)
        charset = "" if media.endswith("json") else "; charset=utf-8"
        return Answer("SELECT", body, media + charset, len(answer.solutions), truncated)
    result = answer
    kind = result.type
    graph_kind = kind in ("CONSTRUCT", "DESCRIBE")
    if kind == "ASK":
        size = 1
    else:
        size = len(result.graph) if graph_kind and result.graph is not None else len(result.bindings)
    truncated = request.limit is not None and size > request.limit
    if truncated:
        _cap(result, request.limit)
        size = cast(int, request.limit)
    if request.text_format is not None:
        from ._query import format_result
        from ._rdf import new_graph

        text = "".join(format_result(result, request.text_format, new_graph().namespace_manager))
        return Answer(kind, text.encode("utf-8"), "text/plain; charset=utf-8", size, truncated)
    if graph_kind:
        media = _choose(request.accept, GRAPH_MEDIA_TYPES)
        assert result.graph is not None
        body = result.graph.serialize(format=GRAPH_MEDIA_TYPES[media], encoding="utf-8")
    else:
        media = _choose(request.accept, RESULT_MEDIA_TYPES)
        fmt = RESULT_MEDIA_TYPES[media]
        if kind == "ASK" and fmt in ("csv", "tsv"):
            body = b"true\n" if result.askAnswer else b"false\n"
        elif fmt == "tsv":
            body = _tsv(result)
        else:
            body = cast(bytes, result.serialize(format=fmt, encoding="utf-8"))
    charset = "" if media.endswith(("json", "+xml")) else "; charset=utf-8"
    return Answer(kind, body, media + charset, size, truncated)


def _serve_requests(source: QuerySource, conn: Connection) -> None:
    """A child process's loop: answer each request from ``conn`` until the parent closes it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    reader = QueryReader(source)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(("started", None))  # the time limit runs from here, not from the child's start-up
        reply: tuple[str, Any]
        try:
            reply = ("ok", answer_query(reader, request))
        except (ConflictKGError, KeyboardInterrupt) as exc:
            reply = ("error", exc)
        except OSError as exc:
            reply = ("error", StoreError(f"reading {source.store or source.files!r} failed: {exc}"))
        except Exception as exc:  # an unexpected failure of a library: one line, not a dead server
            reply = ("error", QueryError(f"query failed: {type(exc).__name__}: {' '.join(str(exc).split())}"))
        conn.send(reply)


class QueryProcess:
    """A child process answering queries over one source, killed (and replaced) when a query runs too long.

    Parameters
    ----------
    source : QuerySource
        What the child reads; it opens it itself (an embedded store read-only).
    context : str
        The :mod:`multiprocessing` start method: ``fork`` starts fastest (a command),
        ``spawn`` is safe in a program with threads (a server).
    """

    def __init__(self, source: QuerySource, *, context: str = "spawn") -> None:
        self.source = source
        self._context: Any = multiprocessing.get_context(context)
        self._process: Any = None
        self._conn: Connection | None = None

    def start(self) -> None:
        """Start the child (if it is not running)."""
        if self._process is not None and self._process.is_alive():
            return
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve_requests, args=(self.source, child), daemon=True)
        process.start()
        child.close()
        self._process, self._conn = process, parent

    def run(self, request: QueryRequest, timeout: float | None = DEFAULT_TIMEOUT) -> Answer:
        """Answer ``request`` in the child; stop the child after ``timeout`` seconds (None: no limit).

        Raises
        ------
        QueryTimeoutError
            When the time limit passed (the child was killed, and a new one started).
        QueryError, StoreError
            Whatever the query raised in the child.
        """
        self.start()
        conn = cast(Connection, self._conn)
        conn.send(request)
        if conn.poll(_START_LIMIT):
            self._receive(conn)  # "started"
        if not conn.poll(timeout):
            self.kill()
            self.start()
            raise QueryTimeoutError(
                f"query stopped after the time limit of {timeout:g} s; make it more selective "
                "(a LIMIT, a narrower pattern) or allow more time (--timeout)"
            )
        status, value = self._receive(conn)
        if status == "error":
            raise value
        return cast(Answer, value)

    def _receive(self, conn: Connection) -> tuple[str, Any]:
        try:
            return cast(tuple[str, Any], conn.recv())
        except (EOFError, OSError):
            code = self._process.exitcode if self._process is not None else None
            self.kill()
            raise QueryError(
                f"the query process ended without an answer (exit code {code!r}); out of memory?"
            ) from None

    def kill(self) -> None:
        """Stop the child at once."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def close(self) -> None:
        """Let the child finish and end (killed if it does not within a second)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(1)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None

    def __enter__(self) -> QueryProcess:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class QueryPool:
    """``size`` :class:`QueryProcess` children; :meth:`run` (thread-safe) waits for an idle one."""

    def __init__(self, source: QuerySource, size: int = 2, *, context: str = "spawn") -> None:
        self._idle: queue.Queue[QueryProcess] = queue.Queue()
        self._all = [QueryProcess(source, context=context) for _ in range(size)]
        for process in self._all:
            process.start()
            self._idle.put(process)

    def run(self, request: QueryRequest, timeout: float | None = DEFAULT_TIMEOUT) -> Answer:
        """Answer ``request`` in the next idle child (see :meth:`QueryProcess.run`)."""
        process = self._idle.get()
        try:
            return process.run(request, timeout)
        finally:
            self._idle.put(process)

    def close(self) -> None:
        """End every child."""
        for process in self._all:
            process.close()
