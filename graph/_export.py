"""Writing graphs and stores: rdflib serializers, store exports, and atomic file writes.

:func:`export_store` writes a whole store (RDF, GraphML, CSV or prediction lines);
:func:`serialize` and :func:`write_graph` write an in-memory rdflib graph.

:func:`atomic_write` writes to a temporary file in the destination's folder
and moves it into place with :func:`os.replace` only when writing succeeded,
so an interrupted or failed run never leaves a half-written file (nor
clobbers the old one).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TextIO, cast

from rdflib import Dataset, Graph

from ._errors import ExportError
from ._formats import CSV, EXPORT_FORMATS, GRAPH_FORMATS, GRAPHML, JSONL, find_format
from ._iris import event_iri
from ._namespaces import PREFIXES
from ._networkx import write_graphml
from ._rows import write_events_csv
from ._store import Store

__all__ = [
    "INCIDENT_COLUMNS",
    "atomic_write",
    "export_format",
    "export_store",
    "serialize",
    "write_graph",
    "write_incidents_csv",
    "write_predictions",
    "write_text",
]

#: The columns of ``export --incidents`` CSV: one row per incident.
INCIDENT_COLUMNS = (
    "incident",
    "class",
    "date",
    "place",
    "place_label",
    "mentions",
    "reports",
    "sources",
    "first_reported",
    "last_reported",
    "killed_low",
    "killed_high",
    "injured_low",
    "injured_high",
    "actors",
)

_INCIDENT_QUERY = """
SELECT ?incident (MIN(STRAFTER(STR(?type), "/plover/")) AS ?class) (MIN(STR(?stamp)) AS ?date)
       (SAMPLE(?p) AS ?place) (MIN(STR(?pl)) AS ?place_label) (MIN(?m) AS ?mentions) (MIN(?r) AS ?reports)
       (MIN(?s) AS ?sources) (MIN(STR(?first)) AS ?first_reported) (MIN(STR(?last)) AS ?last_reported)
       (MIN(?kl) AS ?killed_low) (MIN(?kh) AS ?killed_high) (MIN(?il) AS ?injured_low) (MIN(?ih) AS ?injured_high)
       (GROUP_CONCAT(DISTINCT STR(?al); SEPARATOR="; ") AS ?actors)
WHERE {
  ?incident a ckg:Incident ; ckg:mentionCount ?m ; ckg:reportCount ?r ; ckg:sourceCount ?s .
  OPTIONAL { ?incident sem:eventType ?type }
  OPTIONAL { ?incident sem:hasTimeStamp ?stamp }
  OPTIONAL { ?incident sem:hasPlace ?p OPTIONAL { ?p rdfs:label ?pl } }
  OPTIONAL { ?incident ckg:firstReported ?first }
  OPTIONAL { ?incident ckg:lastReported ?last }
  OPTIONAL { ?incident ckg:killedLow ?kl ; ckg:killedHigh ?kh }
  OPTIONAL { ?incident ckg:injuredLow ?il ; ckg:injuredHigh ?ih }
  OPTIONAL { ?incident ckg:member ?e . ?e ckg:actor ?a . ?a rdfs:label ?al }
}
GROUP BY ?incident
ORDER BY ?date ?incident
"""


def export_format(name: str | None = None, path: str | Path | None = None) -> str:
    """The rdflib serializer for a format name (:data:`~._formats.GRAPH_FORMATS`), else for ``path``'s suffix.

    >>> export_format("ttl"), export_format(path="out.jsonld")
    ('turtle', 'json-ld')
    >>> export_format("xml")
    Traceback (most recent call last):
    ...
    conflict_kg.graph._errors.ExportError: unknown export format 'xml'; \
use one of turtle, nt, jsonld, nquads, trig
    """
    return str(find_format(name, path, among=GRAPH_FORMATS, what="export format").rdflib)


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    """``graph`` as text in format ``fmt`` (one of :data:`~._formats.GRAPH_FORMATS`, by name or alias).

    JSON-LD is compacted with the conflict-kg prefixes as its context.
    Quad formats (N-Quads, TriG) need a :class:`~rdflib.Dataset`.
    """
    found = find_format(fmt, among=GRAPH_FORMATS, what="export format")
    rdflib_format = str(found.rdflib)
    if found.quads and not isinstance(graph, Dataset):
        raise ExportError(f"format {fmt!r} writes named graphs; build a dataset, or use turtle, nt or jsonld")
    if rdflib_format == "json-ld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, auto_compact=True)
    return graph.serialize(format=rdflib_format)


@contextlib.contextmanager
def atomic_write(path: str | Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Open a temporary file next to ``path`` for writing; move it to ``path`` on success.

    On any exception (including KeyboardInterrupt) the temporary file is
    removed and ``path`` is left as it was. Raises :class:`ExportError` when
    the folder is missing or not writable.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_write(out) as f:
    ...     _ = f.write("done\\n")
    >>> out.read_text()
    'done\\n'
    """
    path = Path(path)
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {str(path)!r}: folder {str(parent)!r} does not exist; create it first")
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise ExportError(f"cannot write {str(path)!r}: {exc.strerror}; choose another path") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; give the result the usual permissions
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str | Path, chunks: Iterable[str]) -> None:
    """Write text chunks to ``path`` atomically (see :func:`atomic_write`)."""
    with atomic_write(path) as handle:
        for chunk in chunks:
            handle.write(chunk)


def write_graph(graph: Graph, path: str | Path, fmt: str | None = None) -> str:
    """Serialize ``graph`` to ``path`` atomically; the format defaults from the suffix.

    Returns the rdflib format used.
    """
    rdflib_format = export_format(fmt, path)
    write_text(path, [serialize(graph, rdflib_format)])
    return rdflib_format


def export_store(store: Store, fmt: str, path: str | Path, *, incidents: bool = False) -> Path:
    """Write ``store`` to ``path`` as ``fmt`` (one of :data:`~._formats.EXPORT_FORMATS`), atomically.

    ``turtle`` and ``nt`` hold the merged graph (each statement once);
    ``trig``, ``nquads`` and ``jsonld`` keep one named graph per document;
    ``graphml`` is the networkx view (:func:`~._networkx.write_graphml`, streamed);
    ``csv`` has one row per event (:data:`~._rows.EVENT_COLUMNS`, its incident included),
    or with ``incidents`` one row per incident (:data:`INCIDENT_COLUMNS`); ``jsonl`` has
    one prediction line per event (``../shared/eval/GUIDELINES.md``), its ``incident``
    set. Events are read in one pass (:meth:`~._store.Store.events`). The file appears
    complete or not at all (:func:`atomic_write`).

    Raises
    ------
    ExportError
        For an unknown format or an unusable destination.
    """
    found = find_format(fmt, among=EXPORT_FORMATS, what="export format")
    if incidents and found is not CSV:
        raise ExportError(f"one row per incident is a CSV export; use --format csv with --incidents, not {fmt!r}")
    path = Path(path)
    with atomic_write(path) as handle:
        if found is CSV:
            if incidents:
                write_incidents_csv(store, handle)
            else:
                write_events_csv(store.events(), handle, incidents=store.incident_of())
        elif found is GRAPHML:
            write_graphml(store.events(), handle)
        elif found is JSONL:
            write_predictions(store, handle)
        else:
            out = cast(IO[bytes], handle.buffer)
            store.dump(found.name, out)
            out.flush()
    return path


def write_incidents_csv(store: Store, out: IO[str]) -> None:
    """One CSV row per incident of ``store`` (:data:`INCIDENT_COLUMNS`), ordered by date."""
    writer = csv.writer(out)
    writer.writerow(INCIDENT_COLUMNS)
    for row in store.query(_INCIDENT_QUERY).bindings:
        values = {str(var): str(term) for var, term in row.items()}
        writer.writerow([values.get(column, "") for column in INCIDENT_COLUMNS])


def write_predictions(store: Store, out: IO[str]) -> None:
    """Prediction lines (``../shared/eval/GUIDELINES.md``): one event of ``store`` a line, ``incident`` set."""
    incident_of = store.incident_of()
    for event in store.events():
        line = event.to_dict()
        line["incident"] = incident_of.get(str(event_iri(event)))
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
