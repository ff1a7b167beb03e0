"""The graph as networkx and pandas views, for notebooks.

:func:`to_networkx` gives a :class:`networkx.MultiDiGraph` whose nodes are
entities (actors, targets, sources and places, keyed by their IRI) and whose
edges are events: ``actor --recapture--> target`` (``relation="action"``), and
``actor --at--> place`` (``relation="place"``) for events with a place.
:func:`events_frame` gives one row per event. Both accept events or an RDF
graph (read back with :func:`events_from_graph`), and agree on either.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx
from conflict_kg.extract import Event, Mention, Place
from rdflib import Graph

from ._iris import actor_iri, event_iri, place_iri
from ._read import events_from_graph

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EVENT_COLUMNS", "event_record", "events_frame", "to_networkx"]

#: The keys of :func:`event_record`, the columns of :func:`events_frame`.
EVENT_COLUMNS = (
    "event",
    "actor",
    "actor_label",
    "actor_text",
    "action",
    "action_text",
    "target",
    "target_label",
    "target_text",
    "place",
    "place_label",
    "place_text",
    "date",
    "fatalities",
    "injured",
    "class",
    "cameo",
    "modality",
    "source",
    "doc",
    "sentence",
    "evidence",
    "incident",
)


def _events(source: Graph | Iterable[Event]) -> Iterable[Event]:
    return events_from_graph(source) if isinstance(source, Graph) else source


def event_record(event: Event) -> dict[str, Any]:
    """The flat attributes of an event: IRIs as strings, labels, date as ISO text.

    >>> from conflict_kg.extract import Action, Event, Mention
    >>> r = event_record(Event("d1", 2, Action("shelled", "shell"), actor=Mention("Rebels")))
    >>> r["actor_label"], r["action"], r["doc"], r["sentence"], r["target"]
    ('Rebels', 'shell', 'd1', 2, None)
    """

    def iri(m: Mention | None) -> str | None:
        return str(actor_iri(m, event.doc)) if m else None

    return {
        "event": str(event_iri(event)),
        "actor": iri(event.actor),
        "actor_label": event.actor.label if event.actor else None,
        "actor_text": event.actor.text if event.actor else None,
        "action": event.action.lemma,
        "action_text": event.action.text,
        "target": iri(event.target),
        "target_label": event.target.label if event.target else None,
        "target_text": event.target.text if event.target else None,
        "place": str(place_iri(event.place, event.doc)) if event.place else None,
        "place_label": event.place.label if event.place else None,
        "place_text": event.place.text if event.place else None,
        "date": event.time.date.isoformat() if event.time and event.time.date else None,
        "fatalities": event.killed,
        "injured": event.injured,
        "class": event.action.plover,
        "cameo": event.action.cameo,
        "modality": event.modality,
        "source": event.source.label if event.source else None,
        "doc": event.doc,
        "sentence": event.sentence,
        "evidence": event.evidence,
        "incident": None,  # incidents are linked in stores (see conflict_kg.graph._incidents)
    }


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


def to_networkx(source: Graph | Iterable[Event]) -> nx.MultiDiGraph:
    """Entities as nodes, events as edges, from events or from an RDF graph.

    Node attributes: ``kind`` (``actor``/``place``), ``label``, ``type``,
    ``country`` (places also ``geonames_id``, ``lat``, ``lon``). Edge keys are
    event IRIs (``+ "#place"`` for place edges); edge attributes are those of
    :func:`event_record` plus ``relation``. Unknown (None) values are left
    out, so the graph can be written as GraphML.

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
    for event in _events(source):
        record = event_record(event)
        attrs = {k: v for k, v in record.items() if v is not None}
        for mention in (event.actor, event.target, event.source):
            if mention is not None:
                _merge_node(graph, str(actor_iri(mention, event.doc)), _mention_attrs(mention))
        if event.place is not None:
            _merge_node(graph, record["place"], _place_attrs(event.place))
        if record["actor"] and record["target"]:
            graph.add_edge(record["actor"], record["target"], key=record["event"], relation="action", **attrs)
        if record["place"]:
            subject = record["actor"] or record["target"]
            if subject:
                key = record["event"] + "#place"
                graph.add_edge(subject, record["place"], key=key, relation="place", **attrs)
    return graph


def events_frame(source: Graph | Iterable[Event]) -> pd.DataFrame:
    """One row per event (the columns of :func:`event_record`), sorted by doc, sentence, event.

    Needs pandas (``pip install 'conflict-kg[analysis]'``).
    """
    import pandas as pd

    records = sorted((event_record(e) for e in _events(source)), key=lambda r: (r["doc"], r["sentence"], r["event"]))
    return pd.DataFrame.from_records(records, columns=list(EVENT_COLUMNS))
