"""conflict_kg.graph: Event records to RDF, SPARQL, networkx and exports.

Never imports spaCy (extraction lives in :mod:`conflict_kg.extract`).

Examples
--------
>>> from conflict_kg.extract import Action, Event, Mention, Place
>>> from conflict_kg.graph import build_graph, run_query, to_networkx
>>> ev = Event("d1", 1, Action("recaptured", "recapture", "ASSAULT"),
...            actor=Mention("Government troops"), target=Mention("the municipal building"),
...            place=Place("Fallujah"))
>>> g = build_graph([ev])
>>> rows = run_query(g, "SELECT ?who ?what WHERE { ?a ckga:recapture ?t . "
...                     "?a rdfs:label ?who . ?t rdfs:label ?what }")
>>> [(str(r.who), str(r.what)) for r in rows]
[('Government troops', 'the municipal building')]
"""

from typing import TYPE_CHECKING, Any

from ._errors import ExportError, QueryError, RemoteStoreError, StoreError
from ._export import (
    INCIDENT_COLUMNS,
    atomic_write,
    export_format,
    export_store,
    serialize,
    write_graph,
    write_text,
)
from ._formats import (
    EXPORT_FORMATS,
    EXTRACT_FORMATS,
    GRAPH_FORMATS,
    PICTURE_FORMATS,
    QUERY_TEXT_FORMATS,
    RDF_SUFFIXES,
    READ_FORMATS,
    Format,
    find_format,
    format_names,
)
from ._html import DEFAULT_ROWS, EventList, HtmlTable, html_table, load_ipython_extension
from ._iris import (
    action_iri,
    actor_iri,
    document_iri,
    event_iri,
    fold,
    place_iri,
    plover_iri,
    presence_iri,
    sentence_iri,
    stable_hash,
)
from ._namespaces import CKG, CKGA, GEONAMES, ID, PLOVER, PREFIXES, SEM, WGS84, bind_prefixes
from ._networkx import events_frame, to_networkx, write_graphml
from ._ontology import ontology, shapes, validate
from ._open import open_store
from ._outlines import COUNTRIES_FILE, CountryOutline, countries_geojson, country_outlines
from ._oxigraph import OxigraphStore
from ._plot import (
    CLASS_COLOURS,
    PICTURES,
    PLOT_QUERY,
    PlotEvent,
    filter_events,
    map_figure,
    network_figure,
    picture_format,
    plot_events,
    timeline_figure,
    write_figure,
)
from ._query import (
    format_csv,
    format_json,
    format_result,
    format_table,
    load_graph,
    rdf_format,
    run_query,
    shorten,
)
from ._rdf import (
    ENTITIES_GRAPH,
    QuadWriter,
    Triple,
    build_dataset,
    build_graph,
    document_graph,
    document_triples,
    event_triples,
    generate_triples,
    iter_document_graphs,
    new_graph,
)
from ._read import EventSource, events_from_graph, events_from_oxigraph, iter_events
from ._rows import EVENT_COLUMNS, event_row, generate_event_rows, write_events_csv
from ._store import STORE_ENV, IngestReport, Store, StoreStats, default_store_location, is_remote

if TYPE_CHECKING:
    from ._guard import DEFAULT_LIMIT, DEFAULT_TIMEOUT, QueryProcess, QueryRequest, QuerySource
    from ._remote import SparqlStore
    from ._serve import DEFAULT_PORT, TOKEN_ENV, ServeConfig, check_exposure, serve

#: Names imported on first use, and their modules: the remote store's HTTP client (httpx), the
#: guarded query processes (multiprocessing) and the SPARQL endpoint are slow to import, and
#: extraction or an embedded store never needs them.
_LAZY = {
    "SparqlStore": "_remote",
    "DEFAULT_LIMIT": "_guard",
    "DEFAULT_TIMEOUT": "_guard",
    "QueryProcess": "_guard",
    "QueryRequest": "_guard",
    "QuerySource": "_guard",
    "DEFAULT_PORT": "_serve",
    "TOKEN_ENV": "_serve",
    "ServeConfig": "_serve",
    "check_exposure": "_serve",
    "serve": "_serve",
}


def __getattr__(name: str) -> Any:
    """The names of :data:`_LAZY`, imported from their module on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CKG",
    "CKGA",
    "CLASS_COLOURS",
    "COUNTRIES_FILE",
    "DEFAULT_LIMIT",
    "DEFAULT_PORT",
    "DEFAULT_ROWS",
    "DEFAULT_TIMEOUT",
    "ENTITIES_GRAPH",
    "EVENT_COLUMNS",
    "EXPORT_FORMATS",
    "EXTRACT_FORMATS",
    "GEONAMES",
    "GRAPH_FORMATS",
    "ID",
    "INCIDENT_COLUMNS",
    "PICTURES",
    "PICTURE_FORMATS",
    "PLOT_QUERY",
    "PLOVER",
    "PREFIXES",
    "QUERY_TEXT_FORMATS",
    "RDF_SUFFIXES",
    "READ_FORMATS",
    "SEM",
    "STORE_ENV",
    "TOKEN_ENV",
    "WGS84",
    "CountryOutline",
    "EventList",
    "EventSource",
    "ExportError",
    "Format",
    "HtmlTable",
    "IngestReport",
    "OxigraphStore",
    "PlotEvent",
    "QuadWriter",
    "QueryError",
    "QueryProcess",
    "QueryRequest",
    "QuerySource",
    "RemoteStoreError",
    "ServeConfig",
    "SparqlStore",
    "Store",
    "StoreError",
    "StoreStats",
    "Triple",
    "action_iri",
    "actor_iri",
    "atomic_write",
    "bind_prefixes",
    "build_dataset",
    "build_graph",
    "check_exposure",
    "countries_geojson",
    "country_outlines",
    "default_store_location",
    "document_graph",
    "document_iri",
    "document_triples",
    "event_iri",
    "event_row",
    "event_triples",
    "events_frame",
    "events_from_graph",
    "events_from_oxigraph",
    "export_format",
    "export_store",
    "filter_events",
    "find_format",
    "fold",
    "format_csv",
    "format_json",
    "format_names",
    "format_result",
    "format_table",
    "generate_event_rows",
    "generate_triples",
    "html_table",
    "is_remote",
    "iter_document_graphs",
    "iter_events",
    "load_graph",
    "load_ipython_extension",
    "map_figure",
    "network_figure",
    "new_graph",
    "ontology",
    "open_store",
    "picture_format",
    "place_iri",
    "plot_events",
    "plover_iri",
    "presence_iri",
    "rdf_format",
    "run_query",
    "sentence_iri",
    "serialize",
    "serve",
    "shapes",
    "shorten",
    "stable_hash",
    "timeline_figure",
    "to_networkx",
    "validate",
    "write_events_csv",
    "write_figure",
    "write_graph",
    "write_graphml",
    "write_text",
]
