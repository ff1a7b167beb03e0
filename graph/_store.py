"""The store protocol: what every event store does, whichever backend holds it.

A store is an embedded on-disk Oxigraph (:mod:`._oxigraph`) or a remote
SPARQL 1.1 server (:mod:`._remote`); :func:`~._open.open_store` chooses.
Both keep each document in its own named graph, named by its document IRI, so

- ingesting the same article twice adds nothing (IRIs are deterministic, and
  by default a document's graph is replaced, not added to),
- named actors and places (:func:`~._iris.is_named`) are one node across
  articles, described once in the shared graph
  :data:`~._rdf.ENTITIES_GRAPH` (the union of the graphs is what SPARQL sees
  by default); generic descriptions ("the hospital") are one node per article,
- :meth:`Store.remove_document` takes one article out cleanly: its graph, and
  the shared descriptions of the entities no other article names.

This module holds the abstract :class:`Store` (the backends' hooks, the
writing methods that :mod:`._ingest` implements once for both, and the
reading methods built on SPARQL), the reports it returns, and the helpers
the backends share. Queries return rdflib :class:`~rdflib.query.Result`
objects, so the formatters of :mod:`._query` work on them; the hot paths
talk to pyoxigraph directly. Exports are functions over a store
(:func:`~._export.export_store`).

Examples
--------
>>> import tempfile
>>> from conflict_kg.extract import Action, Event, Mention
>>> from conflict_kg.graph import open_store
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
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pyoxigraph as ox
from conflict_kg.extract import Document, Event
from rdflib import Dataset, Graph, Variable
from rdflib.query import Result
from rdflib.term import Identifier, Node

from ._formats import GRAPH_FORMATS, NQUADS, NTRIPLES, find_format
from ._iris import document_iri
from ._namespaces import ID, PREFIXES, bind_prefixes
from ._ntriples import from_oxigraph
from ._rdf import new_graph
from ._read import events_from_oxigraph

__all__ = [
    "DEFAULT_STORE",
    "DOC_GRAPH_PREFIX",
    "STORE_ENV",
    "IngestReport",
    "Store",
    "StoreStats",
    "default_store_location",
    "doc_graph_iri",
    "dump_oxigraph",
    "first_int",
    "is_remote",
    "result_from_oxigraph",
    "select_result",
    "with_prefixes",
]

#: The environment variable naming the default store (a directory or an http(s) URL).
STORE_ENV = "CONFLICT_KG_STORE"
#: The store directory used when neither ``--store`` nor :data:`STORE_ENV` is given.
DEFAULT_STORE = "conflict-kg-store"
#: Every document graph's IRI starts with this.
DOC_GRAPH_PREFIX = str(ID) + "doc/"

_PREFIX_DECL = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:")

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
    """Whether ``location`` is an ``http(s)://`` SPARQL endpoint rather than a directory.

    >>> is_remote("http://127.0.0.1:8890/sparql"), is_remote("conflict-kg-store")
    (True, False)
    """
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


def doc_graph_iri(doc: str) -> str:
    """The graph IRI of a document id (or of a document IRI given as is)."""
    return doc if doc.startswith(DOC_GRAPH_PREFIX) else str(document_iri(doc))


def first_int(result: Result) -> int:
    """The first value of the first row of a SELECT result as an int (0 when there is none)."""
    for row in result:
        value = row[0]  # type: ignore[index]
        return int(str(value)) if value is not None else 0
    return 0


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
    graph = bind_prefixes(Graph())
    for triple in islice(raw, limit):
        s, p, o = (from_oxigraph(t) for t in (triple.subject, triple.predicate, triple.object))
        graph.add((s, p, o))  # type: ignore[arg-type]
    result = Result("CONSTRUCT")
    result.graph = graph
    return result


def dump_oxigraph(store: ox.Store, fmt: str, out: IO[bytes]) -> None:
    """Write an Oxigraph store as ``fmt`` (one of :data:`~._formats.GRAPH_FORMATS`): one graph per
    document where the format keeps named graphs, else the merged graph (each statement once)."""
    found = find_format(fmt, among=GRAPH_FORMATS)
    rdf_format = getattr(ox.RdfFormat, str(found.oxigraph))
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    if found.named_graphs:
        store.dump(out, format=rdf_format, prefixes=None if found is NQUADS else prefixes)
        return
    merged: Any = store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    )
    if found is NTRIPLES:
        merged.serialize(out, format=rdf_format)
    else:
        ox.serialize(merged, out, format=rdf_format, prefixes=prefixes)


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
    and whether the store compacted its files afterwards (:meth:`~._oxigraph.OxigraphStore.optimize`)."""

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
    def _snapshot(self) -> contextlib.AbstractContextManager[ox.Store]:
        """The store's graphs in a pyoxigraph store, for reading them in one pass."""

    @abc.abstractmethod
    def dump(self, fmt: str, out: IO[bytes]) -> None:
        """Write the store's statements to ``out`` as ``fmt`` (turtle, nt, trig, nquads or jsonld).

        ``turtle`` and ``nt`` hold the merged graph (each statement once); ``trig``,
        ``nquads`` and ``jsonld`` keep one named graph per document.
        """

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

    # -- writing (implemented once for both backends by :class:`~._ingest.IngestingStore`) ----
    @abc.abstractmethod
    def add_document_graphs(
        self,
        graphs: Iterable[tuple[Node, Iterable[tuple[Node, Node, Node]]]],
        *,
        replace: bool = True,
        batch_triples: int | None = None,
        optimize: bool | None = None,
    ) -> IngestReport:
        """Add ``(graph IRI, triples)`` pairs, one named graph per document, streaming."""

    @abc.abstractmethod
    def add_events(
        self,
        events: Iterable[Event],
        *,
        replace: bool = True,
        batch_triples: int | None = None,
        optimize: bool | None = None,
        link: bool = True,
    ) -> IngestReport:
        """Add events, grouped by document (as extraction yields them), and link them into incidents."""

    @abc.abstractmethod
    def add_extractions(
        self,
        pairs: Iterable[tuple[Document, list[Event]]],
        *,
        replace: bool = True,
        batch_triples: int | None = None,
        optimize: bool | None = None,
        link: bool = True,
    ) -> IngestReport:
        """Add ``(document, events)`` pairs as :func:`conflict_kg.extract.iter_extractions` yields them."""

    @abc.abstractmethod
    def remove_document(self, doc: str) -> bool:
        """Remove a document's graph, given its id (or its IRI); whether it was there."""

    # -- reading ------------------------------------------------------------------------
    def has_document(self, doc: str) -> bool:
        """Whether the document with this id (or IRI) is in the store."""
        result = self.query(f"ASK {{ GRAPH <{doc_graph_iri(doc)}> {{ ?s ?p ?o }} }}")
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
        graph = new_graph()
        graph.parse(data=self._dump_bytes("nt"), format="nt")
        return graph

    def dataset(self) -> Dataset:
        """All document graphs as an in-memory rdflib dataset (for small stores)."""
        dataset = Dataset()
        bind_prefixes(dataset)
        dataset.parse(data=self._dump_bytes("nquads"), format="nquads")
        return dataset

    def _dump_bytes(self, fmt: str) -> bytes:
        with tempfile.TemporaryFile() as tmp:
            self.dump(fmt, tmp)
            tmp.seek(0)
            return tmp.read()

    def incident_of(self) -> dict[str, str]:
        """Event IRI -> the IRI of the incident it belongs to (see :mod:`._incidents`)."""
        rows = self.query("SELECT ?e ?i WHERE { ?e ckg:incident ?i }").bindings
        return {str(row[Variable("e")]): str(row[Variable("i")]) for row in rows}

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
