"""Writing to a store, once for every backend: batched loading, clean-up of shared entities, incident linking.

:class:`IngestingStore` implements the writing methods of
:class:`~._store.Store` over the backend hooks (``_write_batch``,
``_drop_graph``, ``query``, ``update``). Ingestion streams: N-Quads text for a
batch of documents is built and loaded at a time (Oxigraph's fast path; also
the only syntax Virtuoso reads reliably), so memory stays bounded whatever the
corpus size. After each batch, the shared descriptions (in
:data:`~._rdf.ENTITIES_GRAPH`) that only the replaced graphs referred to are
dropped; after the load, the new events are linked into incidents
(:func:`~._incidents.update_store`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from conflict_kg.extract import Document, Event
from rdflib.term import Node

from ._errors import StoreError
from ._ntriples import nquads
from ._rdf import ENTITIES_GRAPH, QuadWriter
from ._store import IngestReport, Store, doc_graph_iri

if TYPE_CHECKING:
    from ._incidents import Report

__all__ = ["DEFAULT_BATCH_TRIPLES", "IngestingStore"]

#: Statements per load when neither ``batch_triples`` nor the backend says otherwise.
DEFAULT_BATCH_TRIPLES = 500_000

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


class IngestingStore(Store):
    """The writing methods of :class:`~._store.Store`, shared by the embedded and the remote store."""

    #: Statements per load when ``batch_triples`` is not given.
    default_batch_triples = DEFAULT_BATCH_TRIPLES

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
            :meth:`~._oxigraph.OxigraphStore.optimize`); by default only after a bulk load of
            :data:`~._oxigraph.OPTIMIZE_AFTER` statements or more. A SPARQL server manages its own.

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

    def add_events(
        self,
        events: Iterable[Event],
        *,
        replace: bool = True,
        batch_triples: int | None = None,
        optimize: bool | None = None,
        link: bool = True,
    ) -> IngestReport:
        """Add events, grouped by document (as extraction yields them); see :meth:`add_document_graphs`.

        With ``link`` (the default), the new events are then linked into incidents.
        """
        pairs = ((doc, list(group)) for doc, group in itertools.groupby(events, key=lambda e: e.doc))
        return self._add_linked(pairs, replace=replace, batch_triples=batch_triples, optimize=optimize, link=link)

    def add_extractions(
        self,
        pairs: Iterable[tuple[Document, list[Event]]],
        *,
        replace: bool = True,
        batch_triples: int | None = None,
        optimize: bool | None = None,
        link: bool = True,
    ) -> IngestReport:
        """Add ``(document, events)`` pairs as :func:`conflict_kg.extract.iter_extractions` yields them.

        Unlike :meth:`add_events`, a document with no events still gets its graph
        (its id, date and origin), so it is known to have been ingested.
        """
        return self._add_linked(pairs, replace=replace, batch_triples=batch_triples, optimize=optimize, link=link)

    def remove_document(self, doc: str) -> bool:
        """Remove a document's graph, given its id (or its IRI); whether it was there.

        The shared descriptions of the entities no other document names go with it.
        """
        from ._incidents import update_store  # imported on first write: reading never needs it

        graph = doc_graph_iri(doc)
        candidates = self._referenced([graph])
        existed = self._drop_graph(graph)
        if existed:
            update_store(self, documents=[graph])
        self._collect(candidates)
        return existed

    # -- the loader ---------------------------------------------------------------------
    def _add_linked(
        self,
        pairs: Iterable[tuple[Document, list[Event]]] | Iterable[tuple[str, list[Event]]],
        *,
        replace: bool,
        batch_triples: int | None,
        optimize: bool | None,
        link: bool,
    ) -> IngestReport:
        """Write ``(document, events)`` pairs, then link their events into incidents (unless ``link`` is false)."""
        from ._incidents import report_from_event, update_store

        reports: list[Report] = []
        ingested: list[str] = []

        def collect() -> Iterator[tuple[Document | str, list[Event]]]:
            for doc, events in pairs:
                ingested.append(doc.id if isinstance(doc, Document) else doc)
                if link:
                    origin = doc.origin if isinstance(doc, Document) else None
                    found = (report_from_event(event, origin) for event in events)
                    reports.extend(r for r in found if r is not None)
                yield doc, events

        writer = QuadWriter()
        docs = (writer.document(doc, events) for doc, events in collect())
        report = self._ingest(
            docs, replace=replace, batch_triples=batch_triples, optimize=optimize, new_batch=writer.new_batch
        )
        if link:
            update_store(self, reports, documents=ingested)
        return report

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
