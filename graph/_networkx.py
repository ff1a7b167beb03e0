"""The graph as networkx and pandas views, for notebooks.

:func:`to_networkx` gives a :class:`networkx.MultiDiGraph` whose nodes are
entities (actors, targets, sources and places, keyed by their IRI) and whose
edges are events: ``actor --recapture--> target`` (``relation="action"``), and
``actor --at--> place`` (``relation="place"``) for events with a place.
:func:`events_frame` gives one row per event (:func:`~._rows.event_row`, the
same rows as the CSV export). Both accept events, an RDF graph (read back with
:func:`~._read.events_from_graph`) or a store (:meth:`~._store.Store.events`),
and agree on all three.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx
from conflict_kg.extract import Event, Mention, Place
from rdflib import Graph

from ._iris import actor_iri, place_iri
from ._read import EventSource, iter_events
from ._rows import EVENT_COLUMNS, event_row, generate_event_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["events_frame", "to_networkx"]


def _merge_node(graph: nx.MultiDiGraph, node: str, attrs: dict[str, Any]) -> None:
    """Add ``node``; where it exists, keep the smallest of each attribute (so order does not matter)."""
    if node not in graph:
        graph.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
        return
    data = graph.nodes[node]
    for key, value in attrs.items():
        if value is not None and (data.get(key) is None or str(value) < str(data[key])):
            data[key] = value


def _mention_attrs(mention: Mention) -> dict[str, Any]:
    return {
        "kind": "actor",
        "label": mention.label,
        "type": mention.type,
        "country": mention.country.upper() if mention.country else None,
    }


def _place_attrs(place: Place) -> dict[str, Any]:
    return {
        "kind": "place",
        "label": place.label,
        "country": place.country.upper() if place.country else None,
        "geonames_id": place.geonames_id,
        "lat": place.lat,
        "lon": place.lon,
    }


def to_networkx(source: Graph | EventSource | Iterable[Event]) -> nx.MultiDiGraph:
    """Entities as nodes, events as edges, from events, an RDF graph or a store.

    Node attributes: ``kind`` (``actor``/``place``), ``label``, ``type``,
    ``country`` (places also ``geonames_id``, ``lat``, ``lon``). Edge keys are
    event IRIs (``+ "#place"`` for place edges); edge attributes are the
    columns of :func:`~conflict_kg.graph.event_row` plus ``relation``. Unknown
    (None) values are left out, so the graph can be written as GraphML. One
    pass over the events.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> ev = Event("d1", 0, Action("recaptured", "recapture"),
    ...            actor=Mention("Government troops"), target=Mention("the municipal building"))
    >>> g = to_networkx([ev])
    >>> [(g.nodes[u]["label"], d["action"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)]
    [('Government troops', 'recapture', 'the municipal building')]
    """
    graph = nx.MultiDiGraph()
    for event in iter_events(source):
        attrs = {k: v for k, v in event_row(event).items() if v is not None}
        key = attrs["event_id"]
        nodes = [
            str(actor_iri(m, event.doc)) if m is not None else None for m in (event.actor, event.target, event.source)
        ]
        for mention, node in zip((event.actor, event.target, event.source), nodes, strict=True):
            if mention is not None and node is not None:
                _merge_node(graph, node, _mention_attrs(mention))
        actor, target, _source = nodes
        place = str(place_iri(event.place, event.doc)) if event.place is not None else None
        if event.place is not None and place is not None:
            _merge_node(graph, place, _place_attrs(event.place))
        if actor and target:
            graph.add_edge(actor, target, key=key, relation="action", **attrs)
        if place and (actor or target):
            graph.add_edge(actor or target, place, key=key + "#place", relation="place", **attrs)
    return graph


def events_frame(source: Graph | EventSource | Iterable[Event]) -> pd.DataFrame:
    """One row per event (the columns of :data:`~conflict_kg.graph.EVENT_COLUMNS`), sorted by
    document, sentence and event id; from events, an RDF graph or a store, in one pass.

    Needs pandas (``pip install 'conflict-kg[analysis]'``).

    >>> from conflict_kg.extract import Action, Event, Mention
    >>> frame = events_frame([Event("d1", 0, Action("fired", "fire"), actor=Mention("Police"))])
    >>> frame[["actor", "action", "document"]].values.tolist()
    [['Police', 'fire', 'd1']]
    """
    import pandas as pd

    rows = [tuple(row.values()) for row in generate_event_rows(iter_events(source))]
    document, index, event_id = (EVENT_COLUMNS.index(c) for c in ("document", "sentence_index", "event_id"))
    rows.sort(key=lambda r: (r[document], r[index], r[event_id]))
    return pd.DataFrame.from_records(rows, columns=list(EVENT_COLUMNS))
