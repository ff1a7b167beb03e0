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

from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from conflict_kg.extract import Event, Mention, Place
from rdflib import Graph

from ._iris import actor_iri, place_iri
from ._read import EventSource, iter_events
from ._rows import EVENT_COLUMNS, event_row, generate_event_rows

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["events_frame", "to_networkx", "write_graphml"]


def _merge_node(nodes: dict[str, dict[str, Any]], node: str, attrs: dict[str, Any]) -> None:
    """Add ``node``; where it exists, keep the smallest of each attribute (so order does not matter)."""
    data = nodes.get(node)
    if data is None:
        nodes[node] = {k: v for k, v in attrs.items() if v is not None}
        return
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
    import networkx as nx  # on first use: a run that only extracts never pays for importing it

    graph = nx.MultiDiGraph()
    nodes: dict[str, dict[str, Any]] = {}
    for source_node, target_node, key, attrs in _edges(source, nodes):
        graph.add_edge(source_node, target_node, key=key, **attrs)
    graph.add_nodes_from(nodes.items())
    return graph


def _edges(
    source: Graph | EventSource | Iterable[Event], nodes: dict[str, dict[str, Any]]
) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """The view's edges ``(from, to, key, attributes)``, one pass over the events; the nodes go to ``nodes``."""
    for event in iter_events(source):
        attrs = {k: v for k, v in event_row(event).items() if v is not None}
        key = attrs["event_id"]
        mentions = (event.actor, event.target, event.source)
        iris = [str(actor_iri(m, event.doc)) if m is not None else None for m in mentions]
        for mention, iri in zip(mentions, iris, strict=True):
            if mention is not None and iri is not None:
                _merge_node(nodes, iri, _mention_attrs(mention))
        actor, target, _source = iris
        place = str(place_iri(event.place, event.doc)) if event.place is not None else None
        if event.place is not None and place is not None:
            _merge_node(nodes, place, _place_attrs(event.place))
        if actor and target:
            yield actor, target, key, {"relation": "action", **attrs}
        subject = actor or target
        if place and subject:
            yield subject, place, key + "#place", {"relation": "place", **attrs}


#: GraphML types of the view's attributes (every other attribute is a string).
_GRAPHML_TYPES = {
    "geonames_id": "long",
    "lat": "double",
    "lon": "double",
    "latitude": "double",
    "longitude": "double",
    "sentence_index": "long",
}
_NODE_ATTRS = ("kind", "label", "type", "country", "geonames_id", "lat", "lon")


def write_graphml(source: Graph | EventSource | Iterable[Event], out: IO[str]) -> int:
    """Write the view of :func:`to_networkx` as GraphML, streaming; the edges written.

    Edges are written as the events come and nodes at the end, so memory holds the
    nodes only (entities, far fewer than events), not the graph; networkx reads the
    file back as it reads ``networkx.write_graphml(to_networkx(source))``. Each event
    should come once (as a store gives them).

    >>> import io, networkx as nx
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> ev = Event("d1", 0, Action("shelled", "shell"), actor=Mention("Rebels"), target=Mention("Taiz"))
    >>> buffer = io.StringIO()
    >>> write_graphml([ev], buffer)
    1
    >>> g = nx.read_graphml(io.StringIO(buffer.getvalue()))
    >>> [(g.nodes[u]["label"], d["action"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)]
    [('Rebels', 'shell', 'Taiz')]
    """
    keys = {("node", name): f"n{i}" for i, name in enumerate(_NODE_ATTRS)}
    keys.update({("edge", name): f"e{i}" for i, name in enumerate(("relation", *EVENT_COLUMNS))})
    out.write(
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/'
        'xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for (kind, name), key in keys.items():
        kind_type = _GRAPHML_TYPES.get(name, "string")
        out.write(f'  <key id="{key}" for="{kind}" attr.name="{name}" attr.type="{kind_type}" />\n')
    out.write('  <graph edgedefault="directed">\n')

    def data(kind: str, attrs: dict[str, Any]) -> str:
        return "".join(
            f'\n      <data key="{keys[kind, k]}">{escape(str(v))}</data>'
            for k, v in attrs.items()
            if (kind, k) in keys
        )

    nodes: dict[str, dict[str, Any]] = {}
    count = 0
    for u, v, key, attrs in _edges(source, nodes):
        ends = f"source={quoteattr(u)} target={quoteattr(v)} id={quoteattr(key)}"
        out.write(f"    <edge {ends}>{data('edge', attrs)}\n    </edge>\n")
        count += 1
    for node, attrs in nodes.items():
        out.write(f"    <node id={quoteattr(node)}>{data('node', attrs)}\n    </node>\n")
    out.write("  </graph>\n</graphml>\n")
    return count


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
