"""Persistent event stores: an embedded on-disk Oxigraph, or a remote SPARQL 1.1 server.

:func:`open_store` gives an :class:`OxigraphStore` for a directory (no server
to start) and a :class:`~conflict_kg.graph._remote.SparqlStore` for an
``http(s)://`` endpoint. Both keep each document in its own named graph, named
by its document IRI, so

- ingesting the same article twice adds nothing (IRIs are deterministic, and
  by default a document's graph is replaced, not added to),
- named actors and places (:func:`~._iris.is_named`) are one node across
  articles, described once in the shared graph
  :data:`~._rdf.ENTITIES_GRAPH` (the union of the graphs is what SPARQL sees
  by default); generic descriptions ("the hospital") are one node per article,
- :meth:`Store.remove_document` takes one article out cleanly: its graph, and
  the shared descriptions of the entities no other article names.

Ingestion streams: N-Quads text for a batch of documents is built and loaded
at a time (Oxigraph's fast path; also the only syntax Virtuoso reads
reliably), so memory stays bounded whatever the corpus size. Queries return
rdflib :class:`~rdflib.query.Result` objects, so the formatters of
:mod:`._query` work on them; the hot paths talk to pyoxigraph directly.

Examples
--------
>>> import tempfile
>>> from conflict_kg.extract import Action, Event, Mention
>>> with tempfile.TemporaryDirectory() as tmp, open_store(tmp + "/kg") as store:
...     _ = store.add_events([Event("d1", 0, Action("shelled", "shell"), Mention("Rebels"), Mention("Taiz"))])
...     [str(r.who) for r in store.query("SELECT ?who WHERE { ?a ckga:shell ?t . ?a rdfs:label ?who }")]
['Rebels']
"""

from __future__ import annotations

import abc
import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, Any, cast

import pyoxigraph as ox
from conflict_kg.extract import Document, Event, ExportError, QueryError, StoreError
from rdflib import Dataset, Graph, Variable
from rdflib.query import Result
from rdflib.term import Identifier, Node

from ._iris import document_iri
from ._namespaces import ID, PREFIXES
from ._networkx import write_graphml
from ._ntriples import from_oxigraph, nquads
from ._rdf import ENTITIES_GRAPH
from ._read import events_from_oxigraph
from ._rows import write_events_csv

__all__ = [
    "DEFAULT_STORE",
    "EXPORT_FORMATS",
    "OPTIMIZE_AFTER",
    "STORE_ENV",
    "IngestReport",
    "OxigraphStore",
    "Store",
    "StoreStats",
    "default_store_location",
    "first_int",
    "is_remote",
    "open_store",
    "result_from_oxigraph",
    "select_result",
]

#: The environment variable naming the default store (a directory or an http(s) URL).
STORE_ENV = "CONFLICT_KG_STORE"
#: The store directory used when neither ``--store`` nor :data:`STORE_ENV` is given.
DEFAULT_STORE = "conflict-kg-store"
#: Formats :meth:`Store.export` writes.
EXPORT_FORMATS = ("turtle", "trig", "nquads", "nt", "jsonld", "graphml", "csv")
#: Every document graph's IRI starts with this.
DOC_GRAPH_PREFIX = str(ID) + "doc/"

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_DATASET_FORMATS = frozenset({"trig", "nquads", "jsonld"})
_PREFIX_DECL = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:")
_DEFAULT_BATCH_QUADS = 500_000
#: An ingestion that bulk-loads at least this many statements compacts the embedded store after.
OPTIMIZE_AFTER = 1_000_000

#: Drops the shared descriptions (and places' geometries) of the nodes in VALUES that no
#: document graph refers to.
_COLLECT = """
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
DELETE {{ GRAPH <{entities}> {{ ?x ?p ?o . ?point ?pp ?po }} }}
WHERE {{
  VALUES ?x {{ {values} }}
  GRAPH <{entities}> {{ ?x ?p ?o OPTIONAL {{ ?x geo:hasGeometry ?point . ?point ?pp ?po }} }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?r ?x }} FILTER(?g != <{entities}>) }}
}}
"""


def _ingest_options(kwargs: dict[str, Any]) -> dict[str, Any]:
    unknown = set(kwargs) - {"replace", "batch_triples", "optimize"}
    if unknown:
        raise TypeError(f"unexpected ingestion options {sorted(unknown)!r}")
    return {
        "replace": kwargs.get("replace", True),
        "batch_triples": kwargs.get("batch_triples"),
        "optimize": kwargs.get("optimize"),
    }


_COUNT_QUERIES = {
    "documents": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ckg:Document }",
    "events": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a sem:Event }",
    "actors": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a sem:Actor }",
    "places": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a sem:Place }",
}


def default_store_location() -> str:
    """``$CONFLICT_KG_STORE`` if set, else ``./conflict-kg-store``."""
    return os.environ.get(STORE_ENV) or DEFAULT_STORE


def is_remote(location: str | Path) -> bool:
    """Whether ``location`` is an ``http(s)://`` SPARQL endpoint rather than a directory."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def with_prefixes(query: str) -> str:
    """``query`` with ``PREFIX`` lines for the conflict-kg prefixes it uses but does not declare.

    >>> with_prefixes("SELECT * WHERE { ?e a sem:Event }").splitlines()[0]
    'PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>'
    """
    declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(query)}
    lines = [
        f"PREFIX {p}: <{ns}>"
        for p, ns in PREFIXES.items()
        if p not in declared and re.search(rf"(?<![\w<]){re.escape(p)}:", query)
    ]
    return "\n".join([*lines, query]) if lines else query


def _doc_graph_iri(doc: str) -> str:
    """The graph IRI of a document id (or of a document IRI given as is)."""
    return doc if doc.startswith(DOC_GRAPH_PREFIX) else str(document_iri(doc))


def first_int(result: Result) -> int:
    """The first value of the first row of a SELECT result as an int (0 when there is none)."""
    for row in result:
        value = row[0]  # type: ignore[index]
        return int(str(value)) if value is not None else 0
    return 0


@dataclass(frozen=True)
class StoreStats:
    """What a store holds.

    ``triples`` counts the statements stored: those of every document graph
    (a statement held by several counts once per graph) and of the shared
    entity graph, where each named entity is described once.
    """

    documents: int
    events: int
    actors: int
    places: int
    triples: int

    def to_dict(self) -> dict[str, int]:
        """The counts as a plain dict."""
        return asdict(self)


@dataclass(frozen=True)
class IngestReport:
    """What one ingestion sent to a store: document graphs and statements (duplicates included),
    and whether the store compacted its files afterwards (:meth:`OxigraphStore.optimize`)."""

    documents: int
    triples: int
    optimized: bool = False


class Store(abc.ABC):
    """The protocol shared by the embedded and the remote store.

    Use it as a context manager, or call :meth:`close`.
    """

    #: Where the store lives: a directory path or an endpoint URL.
    location: str
    #: Called just before the store compacts itself after a large load (which takes a while).
    on_optimize: Callable[[], None] | None = None

    # -- backend hooks ---------------------------------------------------------------
    #: Statements per load when ``batch_triples`` is not given.
    default_batch_triples = _DEFAULT_BATCH_QUADS

    @abc.abstractmethod
    def _write_batch(self, docs: list[tuple[str, str]], replace: list[str]) -> None:
        """Drop the graphs ``replace`` (if present), then add ``(graph IRI, N-Quads text)`` pairs."""

    @abc.abstractmethod
    def _drop_graph(self, graph: str) -> bool:
        """Drop one named graph; whether it existed."""

    @abc.abstractmethod
    def _triple_count(self) -> int:
        """Statements in the document graphs."""

    @abc.abstractmethod
    def _dump(self, fmt: str, out: IO[bytes]) -> None:
        """Write the store as ``fmt`` (one of the RDF formats of :data:`_OX_FORMATS`)."""

    @abc.abstractmethod
    def query(self, sparql: str) -> Result:
        """Run a SPARQL 1.1 query over the union of the document graphs.

        The conflict-kg prefixes (``sem:``, ``ckg:``, ``ckga:``, ``rdfs:``...) may be
        used without ``PREFIX`` lines.

        Raises
        ------
        QueryError
            When the query is malformed or fails.
        """

    @abc.abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update (name the graph: the default graph is not a document)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the store (the directory lock, the HTTP connections)."""

    # -- shared behaviour --------------------------------------------------------------
    def add_document_graphs(
        self,
        graphs: Iterable[tuple[Node, Iterable[tuple[Node, Node, Node]]]],
        *,
        replace: bool = True,
        batch_triples: int | None = None,
        optimize: bool | None = None,
    ) -> IngestReport:
        """Add ``(graph IRI, triples)`` pairs, one named graph per document, streaming.

        Parameters
        ----------
        graphs : iterable of (IRI, triples)
            As :func:`~conflict_kg.graph._rdf.iter_document_graphs` yields them;
            consumed lazily. Pairs for :data:`~._rdf.ENTITIES_GRAPH` are added to it,
            never replace it.
        replace : bool
            Replace a document graph already in the store (the first time this call
            meets it), so re-extracting an article updates it; with False, add to it.
        batch_triples : int, optional
            Statements sent per load (memory is bounded by about this many); the
            default suits the backend (:attr:`default_batch_triples`).
        optimize : bool, optional
            Compact the embedded store's files after loading (see
            :meth:`OxigraphStore.optimize`); by default only after a bulk load of
            :data:`OPTIMIZE_AFTER` statements or more. A SPARQL server manages its own.

        Returns
        -------
        IngestReport
        """
        entities = str(ENTITIES_GRAPH)

        def texts() -> Iterator[tuple[str, str, str]]:
            for graph, triples in graphs:
                name = str(graph)
                if name == entities:
                    yield "", "", nquads(graph, triples)
                else:
                    yield name, nquads(graph, triples), ""

        return self._ingest(texts(), replace=replace, batch_triples=batch_triples, optimize=optimize)

    def _ingest(
        self,
        docs: Iterable[tuple[str, str, str]],
        *,
        replace: bool,
        batch_triples: int | None,
        optimize: bool | None = None,
        new_batch: Callable[[], None] | None = None,
    ) -> IngestReport:
        """Load ``(graph IRI, its N-Quads, shared N-Quads)`` triples in batches (a name "" adds shared only)."""
        if batch_triples is None:
            batch_triples = self.default_batch_triples
        if batch_triples < 1:
            raise StoreError(f"batch_triples must be at least 1, got {batch_triples!r}")
        seen: set[str] = set()
        chunks: list[tuple[str, str]] = []
        shared: list[str] = []
        to_replace: list[str] = []
        pending = documents = total = 0
        entities = str(ENTITIES_GRAPH)

        def batch() -> list[tuple[str, str]]:
            return [*chunks, (entities, "".join(shared))] if shared else chunks

        # One writer thread: the store loads a batch (pyoxigraph and HTTP release the GIL)
        # while this thread builds the next; at most two batches are in memory.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="conflict-kg-load") as writer:
            loading: Future[None] | None = None
            for name, text, shared_text in docs:
                count = text.count("\n") + shared_text.count("\n")
                if name:
                    if replace and name not in seen:
                        to_replace.append(name)
                    seen.add(name)
                    chunks.append((name, text))
                    documents += 1
                if shared_text:
                    shared.append(shared_text)
                pending += count
                total += count
                if pending >= batch_triples:
                    if loading is not None:
                        loading.result()
                    loading = writer.submit(self._flush, batch(), to_replace)
                    chunks, shared, to_replace, pending = [], [], [], 0
                    if new_batch is not None:
                        new_batch()
            if loading is not None:
                loading.result()
            if chunks or shared or to_replace:
                self._flush(batch(), to_replace)
        optimized = self._after_ingest(total, optimize)
        return IngestReport(documents, total, optimized)

    def _after_ingest(self, statements: int, optimize: bool | None) -> bool:
        """Tidy the store after loading ``statements``; whether it did (a server tidies its own)."""
        return False

    def _flush(self, docs: list[tuple[str, str]], replace: list[str]) -> None:
        """Write one batch; then drop the shared descriptions the replaced graphs alone referred to."""
        existing = self._existing_graphs(replace)
        candidates = self._referenced(existing)
        self._write_batch(docs, existing)
        self._collect(candidates)

    def _existing_graphs(self, names: list[str]) -> list[str]:
        """Those of the graphs ``names`` that are in the store."""
        found: list[str] = []
        for start in range(0, len(names), 200):
            values = " ".join(f"<{n}>" for n in names[start : start + 200])
            rows = self.query(f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
            found.extend(str(row[0]) for row in rows)  # type: ignore[index]
        return found

    def _referenced(self, graphs: list[str]) -> list[str]:
        """The shared nodes (entities, action properties) that the document graphs ``graphs`` refer to."""
        found: set[str] = set()
        for start in range(0, len(graphs), 50):
            values = " ".join(f"<{n}>" for n in graphs[start : start + 50])
            rows = self.query(
                f"SELECT DISTINCT ?x WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?x }} "
                f"FILTER(isIRI(?x)) GRAPH <{ENTITIES_GRAPH}> {{ ?x a ?type }} }}"
            )
            found.update(str(row[0]) for row in rows)  # type: ignore[index]
        return sorted(found)

    def _collect(self, nodes: list[str]) -> None:
        """Delete the shared descriptions of ``nodes`` that no document graph refers to any more."""
        for start in range(0, len(nodes), 200):
            values = " ".join(f"<{n}>" for n in nodes[start : start + 200])
            self.update(_COLLECT.format(values=values, entities=ENTITIES_GRAPH))

    def add_events(self, events: Iterable[Event], **kwargs: Any) -> IngestReport:
        """Add events, grouped by document (as extraction yields them); see :meth:`add_document_graphs`."""
        import itertools

        from ._rdf import QuadWriter

        writer = QuadWriter()
        docs = (writer.document(doc, group) for doc, group in itertools.groupby(events, key=lambda e: e.doc))
        return self._ingest(docs, new_batch=writer.new_batch, **_ingest_options(kwargs))

    def add_extractions(self, pairs: Iterable[tuple[Document, list[Event]]], **kwargs: Any) -> IngestReport:
        """Add ``(document, events)`` pairs as :func:`conflict_kg.extract.iter_extractions` yields them.

        Unlike :meth:`add_events`, a document with no events still gets its graph
        (its id, date and origin), so it is known to have been ingested.
        """
        from ._rdf import QuadWriter

        writer = QuadWriter()
        docs = (writer.document(doc, events) for doc, events in pairs)
        return self._ingest(docs, new_batch=writer.new_batch, **_ingest_options(kwargs))

    def remove_document(self, doc: str) -> bool:
        """Remove a document's graph, given its id (or its IRI); whether it was there.

        The shared descriptions of the entities no other document names go with it.
        """
        graph = _doc_graph_iri(doc)
        candidates = self._referenced([graph])
        existed = self._drop_graph(graph)
        self._collect(candidates)
        return existed

    def has_document(self, doc: str) -> bool:
        """Whether the document with this id (or IRI) is in the store."""
        result = self.query(f"ASK {{ GRAPH <{_doc_graph_iri(doc)}> {{ ?s ?p ?o }} }}")
        return bool(result.askAnswer)

    def documents(self) -> list[str]:
        """The ids of the documents in the store, sorted."""
        rows = self.query("SELECT DISTINCT ?id WHERE { ?d a ckg:Document ; dcterms:identifier ?id }")
        return sorted(str(row[0]) for row in rows)  # type: ignore[index]

    def stats(self) -> StoreStats:
        """Counts of documents, events, actors (targets and sources included), places, statements."""
        counts = {key: first_int(self.query(sparql)) for key, sparql in _COUNT_QUERIES.items()}
        return StoreStats(triples=self._triple_count(), **counts)

    def graph(self) -> Graph:
        """The union of all document graphs as an in-memory rdflib graph (for small stores)."""
        from ._rdf import new_graph

        graph = new_graph()
        data = self._dump_bytes("nt")
        graph.parse(data=data, format="nt")
        return graph

    def dataset(self) -> Dataset:
        """All document graphs as an in-memory rdflib dataset (for small stores)."""
        from ._namespaces import bind_prefixes

        dataset = Dataset()
        bind_prefixes(dataset)
        dataset.parse(data=self._dump_bytes("nquads"), format="nquads")
        return dataset

    def _dump_bytes(self, fmt: str) -> bytes:
        with tempfile.TemporaryFile() as tmp:
            self._dump(fmt, tmp)
            tmp.seek(0)
            return tmp.read()

    def export(self, fmt: str, path: str | Path) -> Path:
        """Write the store to ``path`` as ``fmt``, atomically.

        ``turtle`` and ``nt`` hold the merged graph (each statement once);
        ``trig``, ``nquads`` and ``jsonld`` keep one named graph per document;
        ``graphml`` is the networkx view of the merged graph; ``csv`` has one row
        per event. The file appears complete or not at all: it is written beside
        its destination and renamed into place.

        Raises
        ------
        ExportError
            For an unknown format or an unusable destination.
        """
        if fmt not in EXPORT_FORMATS:
            raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        from ._export import atomic_write

        path = Path(path)
        with atomic_write(path) as handle:
            if fmt == "csv":
                write_events_csv(self.events(), handle)
            elif fmt == "graphml":
                write_graphml(self.events(), handle)
            else:
                out = cast(IO[bytes], handle.buffer)
                self._dump(fmt, out)
                out.flush()
        return path

    @abc.abstractmethod
    def _snapshot(self) -> contextlib.AbstractContextManager[ox.Store]:
        """The store's graphs in a pyoxigraph store, for reading them in one pass."""

    def events(self) -> Iterator[Event]:
        """Yield every event in the store, sorted by document, sentence and event IRI, streaming.

        One pass over the statements (:func:`~._read.events_from_oxigraph`): the shared
        entity graph, then each document graph by one index scan, so time grows with the
        store and memory with its largest document. The CSV and GraphML exports and
        :func:`~conflict_kg.graph.events_frame` read stores with it.
        """
        with self._snapshot() as store:
            yield from events_from_oxigraph(store)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def select_result(variables: Iterable[str], solutions: Iterable[Any]) -> Result:
    """An rdflib SELECT :class:`Result` from pyoxigraph solutions (sequences of terms or None).

    Terms repeat across rows (actors, months, counts), so each distinct term is converted once.

    >>> import pyoxigraph as ox
    >>> result = select_result(["who", "n"], [[ox.Literal("Rebels"), None], [ox.Literal("Rebels"), ox.Literal("2")]])
    >>> [(str(row.who), row.n) for row in result]
    [('Rebels', None), ('Rebels', rdflib.term.Literal('2'))]
    """
    result = Result("SELECT")
    names = [Variable(v) for v in variables]
    result.vars = names
    cache: dict[Any, Identifier] = {}
    known = cache.get  # inlined look-up: a hot loop
    bindings: list[Mapping[Variable, Identifier]] = []
    for solution in solutions:
        row: dict[Variable, Identifier] = {}
        for var, term in zip(names, solution, strict=True):
            if term is not None:
                node = known(term)
                if node is None:
                    node = from_oxigraph(term)
                    assert node is not None  # the term is not None
                    cache[term] = node
                row[var] = node
        bindings.append(row)
    result.bindings = bindings
    return result


def result_from_oxigraph(raw: Any, limit: int | None = None) -> Result:
    """An rdflib :class:`Result` from a pyoxigraph query result, reading at most ``limit`` rows or triples."""
    if isinstance(raw, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(raw)
        return result
    if isinstance(raw, ox.QuerySolutions):
        return select_result((v.value for v in raw.variables), islice(raw, limit))
    graph = Graph()
    from ._namespaces import bind_prefixes

    bind_prefixes(graph)
    for triple in islice(raw, limit):
        s, p, o = (from_oxigraph(t) for t in (triple.subject, triple.predicate, triple.object))
        graph.add((s, p, o))  # type: ignore[arg-type]
    result = Result("CONSTRUCT")
    result.graph = graph
    return result


def _looks_like_store(path: Path) -> bool:
    return (path / "CURRENT").is_file() or not any(path.iterdir())


class OxigraphStore(Store):
    """An embedded on-disk store: an Oxigraph (RocksDB) database in a directory.

    Parameters
    ----------
    path : str or Path
        The store directory; made (with its parents) when ``create`` is true.
    create : bool
        With False, a missing directory is an error (for commands that only read).
    bulk : bool
        Load batches with Oxigraph's ``bulk_load`` (fastest, writes files directly,
        not transactional) rather than ``load`` (one transaction per batch).

    Raises
    ------
    StoreError
        When the directory is missing (and ``create`` is false), is not a store,
        or is in use by another process (Oxigraph locks it).
    """

    def __init__(self, path: str | Path, *, create: bool = True, bulk: bool = True) -> None:
        self.path = Path(path)
        self.location = str(path)
        self.bulk = bulk
        self._store: ox.Store | None = None
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"store {self.location!r} is a file, not a directory; choose another --store")
        if not self.path.exists() and not create:
            raise StoreError(
                f"no store at {self.location!r}; ingest documents first (conflict-kg ingest ... --store DIR)"
            )
        if self.path.is_dir() and not _looks_like_store(self.path):
            raise StoreError(
                f"{self.location!r} is a non-empty directory without an Oxigraph store; "
                "choose a new or empty directory for --store"
            )
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreError(
                    f"store {self.location!r} is in use by another process (Oxigraph locks its directory); "
                    "wait for it to finish or use another --store"
                ) from None
            raise StoreError(f"cannot open store {self.location!r}: {message}") from None

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`, for hot paths."""
        if self._store is None:
            raise StoreError(f"store {self.location!r} is closed")
        return self._store

    def _write_batch(self, docs: list[tuple[str, str]], replace: list[str]) -> None:
        store = self.oxigraph
        data = "".join(text for _, text in docs).encode("utf-8")
        for name in replace:
            node = ox.NamedNode(name)
            if store.contains_named_graph(node):
                store.remove_graph(node)
        if not data:
            return
        try:
            if self.bulk:
                store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            else:
                store.load(data, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"loading into store {self.location!r} failed: {exc}") from None

    def _existing_graphs(self, names: list[str]) -> list[str]:
        store = self.oxigraph
        return [name for name in names if store.contains_named_graph(ox.NamedNode(name))]

    def _drop_graph(self, graph: str) -> bool:
        node = ox.NamedNode(graph)
        if not self.oxigraph.contains_named_graph(node):
            return False
        self.oxigraph.remove_graph(node)
        return True

    def _triple_count(self) -> int:
        return len(self.oxigraph)

    def query_raw(self, sparql: str) -> Any:
        """Run a query and return pyoxigraph's own result (the fastest path)."""
        try:
            return self.oxigraph.query(with_prefixes(sparql), use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (OSError, ValueError, TypeError) as exc:
            raise QueryError(f"SPARQL query failed: {exc}") from None

    def query(self, sparql: str) -> Result:
        try:
            return result_from_oxigraph(self.query_raw(sparql))
        except (OSError, ValueError, TypeError) as exc:
            raise QueryError(f"SPARQL query failed: {exc}") from None

    def update(self, sparql: str) -> None:
        try:
            self.oxigraph.update(with_prefixes(sparql))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from None
        except (OSError, ValueError) as exc:
            raise QueryError(f"SPARQL update failed: {exc}") from None

    def _dump(self, fmt: str, out: IO[bytes]) -> None:
        _dump_oxigraph(self.oxigraph, fmt, out)

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[ox.Store]:
        yield self.oxigraph

    def optimize(self) -> None:
        """Compact the database files: smaller, and each look-up reads fewer of them.

        Bulk loading writes new files beside the old ones; until they are merged, every
        index look-up consults them all. :meth:`add_events` and friends compact after
        a load of :data:`OPTIMIZE_AFTER` statements or more (``optimize=None``); at 1M
        events this takes about 2 minutes and makes point queries 2-4 times faster.
        """
        self.oxigraph.optimize()

    def _after_ingest(self, statements: int, optimize: bool | None) -> bool:
        if optimize is False or (optimize is None and (not self.bulk or statements < OPTIMIZE_AFTER)):
            return False
        if self.on_optimize is not None:
            self.on_optimize()
        self.optimize()
        return True

    def close(self) -> None:
        if self._store is not None:
            self._store.flush()
            self._store = None  # the directory lock goes with the object

    def __repr__(self) -> str:
        return f"OxigraphStore({self.location!r})"


def _dump_oxigraph(store: ox.Store, fmt: str, out: IO[bytes]) -> None:
    """Write an Oxigraph store as ``fmt``: datasets for quad formats, the merged graph otherwise."""
    rdf_format = _OX_FORMATS[fmt]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    if fmt in _DATASET_FORMATS:
        store.dump(out, format=rdf_format, prefixes=None if fmt == "nquads" else prefixes)
        return
    merged: Any = store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    )
    if fmt == "nt":
        merged.serialize(out, format=rdf_format)
    else:
        ox.serialize(merged, out, format=rdf_format, prefixes=prefixes)


def open_store(location: str | Path | None = None, *, create: bool = True, **options: Any) -> Store:
    """Open the store at ``location``: a directory (embedded Oxigraph) or an ``http(s)://`` SPARQL endpoint.

    Parameters
    ----------
    location : str, Path or None
        None means :func:`default_store_location` (``$CONFLICT_KG_STORE`` or
        ``./conflict-kg-store``).
    create : bool
        For a directory: make it if missing (False for read-only commands).
    **options
        Passed to :class:`OxigraphStore` or :class:`~conflict_kg.graph._remote.SparqlStore`.
    """
    if location is None:
        location = default_store_location()
    if is_remote(location):
        from ._remote import SparqlStore

        return SparqlStore(str(location), **options)
    return OxigraphStore(location, create=create, **options)
