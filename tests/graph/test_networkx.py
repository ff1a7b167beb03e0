"""Tests of conflict_kg.graph._networkx: the networkx and pandas views."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from conflict_kg.extract import Event
from conflict_kg.graph import (
    EVENT_COLUMNS,
    actor_iri,
    build_graph,
    event_iri,
    event_row,
    events_frame,
    load_graph,
    place_iri,
    serialize,
    to_networkx,
    write_graphml,
)


def _known(row: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in row.items() if v is not None}


def _labelled_edges(g: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {
        (g.nodes[u]["label"], d["action"], g.nodes[v]["label"])
        for u, v, d in g.edges(data=True)
        if d["relation"] == "action"
    }


def test_action_edges(fallujah_events: list[Event]) -> None:
    """Every event with actor and target is one actor -> target edge, keyed by the event IRI."""
    g = to_networkx(fallujah_events)
    assert ("government troops", "recapture", "the municipal building") in _labelled_edges(g)
    recapture = fallujah_events[0]
    data = g.get_edge_data(str(actor_iri(recapture.actor)), str(actor_iri(recapture.target, "d00")))
    attrs = data[str(event_iri(recapture))]
    assert attrs["location"] == "Fallujah" and attrs["event_date"] == "2016-06-17"
    assert attrs["plover_class"] == "ASSAULT" and attrs["modality"] == "asserted" and attrs["document"] == "d00"
    assert attrs["sentence_index"] == 1 and attrs == {"relation": "action", **_known(event_row(recapture))}


def test_nodes_carry_entity_attributes(fallujah_events: list[Event]) -> None:
    """Actors and places are nodes with kind, label, type, country (unknown values left out)."""
    g = to_networkx(fallujah_events)
    troops = g.nodes[str(actor_iri(fallujah_events[0].actor))]
    assert troops == {"kind": "actor", "label": "government troops", "type": "military", "country": "IRQ"}
    fallujah = g.nodes[str(place_iri(fallujah_events[0].place))]
    assert fallujah["kind"] == "place" and fallujah["geonames_id"] == 99608
    assert g.has_edge(str(actor_iri(fallujah_events[0].actor)), str(place_iri(fallujah_events[0].place)))


def test_events_and_rdf_views_agree(tmp_path: Path, fallujah_events: list[Event]) -> None:
    """The view from events equals the view from the graph loaded back from Turtle."""
    path = tmp_path / "g.ttl"
    path.write_text(serialize(build_graph(fallujah_events)))
    from_events, from_rdf = to_networkx(fallujah_events), to_networkx(load_graph([path]))
    assert dict(from_events.nodes(data=True)) == dict(from_rdf.nodes(data=True))
    assert sorted(from_events.edges(keys=True, data=True), key=repr) == sorted(
        from_rdf.edges(keys=True, data=True), key=repr
    )


def test_duplicate_events_add_no_edges(fallujah_events: list[Event]) -> None:
    """Events given twice give the same view."""
    assert to_networkx(fallujah_events * 2).number_of_edges() == to_networkx(fallujah_events).number_of_edges()


def test_graphml_writable(fallujah_events: list[Event]) -> None:
    """The view has no None attributes, so GraphML can store it."""
    out = io.BytesIO()
    nx.write_graphml(to_networkx(fallujah_events), out)
    assert b"recapture" in out.getvalue()


@pytest.mark.parametrize("source", ["events", "graph"])
def test_events_frame(fallujah_events: list[Event], source: str) -> None:
    """One row per event with the EVENT_COLUMNS, from events or from RDF."""
    frame = events_frame(fallujah_events if source == "events" else build_graph(fallujah_events))
    assert list(frame.columns) == list(EVENT_COLUMNS) == list(event_row(fallujah_events[0]))
    assert len(frame) == 5
    assert set(frame.loc[frame["action"] == "seek", "modality"]) == {"negated"}
    order = list(zip(frame["document"], frame["sentence_index"], strict=True))
    assert order == sorted(order) == [("d00", 1), ("d00", 1), ("d00", 2), ("d00", 3), ("d01", 0)]


def test_streamed_graphml_equals_networkx_graphml(fallujah_events: list[Event]) -> None:
    """write_graphml gives the file networkx writes for to_networkx: same nodes, edges, keys and typed values."""
    ours = io.StringIO()
    assert write_graphml(fallujah_events, ours) == to_networkx(fallujah_events).number_of_edges()
    theirs = io.BytesIO()
    nx.write_graphml(to_networkx(fallujah_events), theirs)
    back = nx.read_graphml(io.StringIO(ours.getvalue()), force_multigraph=True)
    expected = nx.read_graphml(io.BytesIO(theirs.getvalue()), force_multigraph=True)
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=repr) == sorted(expected.edges(keys=True, data=True), key=repr)
    fallujah = back.nodes[str(place_iri(fallujah_events[0].place))]
    assert fallujah["geonames_id"] == 99608 and fallujah["lat"] == 33.35
