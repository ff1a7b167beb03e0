"""Tests of conflict_kg.graph._rdf: events to triples, graphs and datasets."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest
from conflict_kg.extract import MODALITIES, Action, Event, InputError, Mention, Place, Time
from conflict_kg.graph import (
    CKG,
    SEM,
    WGS84,
    action_iri,
    actor_iri,
    build_dataset,
    build_graph,
    document_graph,
    document_iri,
    event_iri,
    events_from_graph,
    generate_triples,
    iter_document_graphs,
    place_iri,
    presence_iri,
    sentence_iri,
    validate,
)
from conflict_kg.graph._rdf import ENTITIES_GRAPH, QuadWriter
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal
from rdflib import namespace as rns
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

PREFIXES = """
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix ckg: <https://w3id.org/conflict-kg/ontology#> .
@prefix ckga: <https://w3id.org/conflict-kg/action/> .
@prefix plover: <https://w3id.org/conflict-kg/plover/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# -------------------------------------------------------------- hypothesis strategies

_words = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs")), min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
_mentions = st.builds(
    Mention,
    _words,
    st.none() | _words,
    st.none() | st.sampled_from(["military", "rebel"]),
    st.none() | st.sampled_from(["IRQ", "SYR"]),
)
_places = st.builds(
    Place,
    _words,
    st.none() | _words,
    st.none() | st.integers(1, 10**7),
    st.none(),
    st.none(),
    st.none() | st.sampled_from(["IRQ", "AFG"]),
) | st.builds(Place, _words, lat=st.floats(-90, 90), lon=st.floats(-180, 180))
_events = st.builds(
    Event,
    doc=st.sampled_from(["d1", "d2", "a b/c"]),
    sentence=st.integers(0, 50),
    action=st.builds(Action, _words, _words, st.none() | st.sampled_from(["ASSAULT", "COERCE"])),
    actor=st.none() | _mentions,
    target=st.none() | _mentions,
    place=st.none() | _places,
    time=st.none() | st.builds(Time, st.none() | _words, st.dates().map(lambda d: d.isoformat())),
    modality=st.sampled_from(MODALITIES),
    source=st.none() | _mentions,
    evidence=st.none() | _words,
    doc_date=st.none() | st.dates(),
)


# -------------------------------------------------------------- the model, exactly


def test_event_triples_match_the_expected_turtle(recapture: Event) -> None:
    """One fully specified event gives exactly the documented graph."""
    ids = {
        "ev": event_iri(recapture),
        "actor": actor_iri(recapture.actor),
        "target": actor_iri(recapture.target, "d00"),
        "place": place_iri(recapture.place),
        "sent": sentence_iri("d00", 1),
        "doc": document_iri("d00"),
    }
    ids["presence"] = presence_iri(ids["actor"], ids["place"])
    point = build_graph([recapture]).value(ids["place"], rns.GEO.hasGeometry)
    expected = Graph().parse(
        format="turtle",
        data=PREFIXES
        + f"""
<{ids["ev"]}> a sem:Event ;
    ckg:action ckga:recapture ; ckg:actionLemma "recapture" ; ckg:actionText "recaptured" ;
    ckg:actionStart 277 ; ckg:actionEnd 287 ; ckg:cameo "190" ;
    sem:eventType plover:ASSAULT ; ckg:modality ckg:asserted ;
    ckg:actor <{ids["actor"]}> ; ckg:actorText "Government troops" ;
    ckg:target <{ids["target"]}> ; ckg:targetText "the municipal building" ;
    sem:hasPlace <{ids["place"]}> ; ckg:placeText "Fallujah" ;
    sem:hasTimeStamp "2016-06-17"^^xsd:date ; ckg:month "2016-06"^^xsd:gYearMonth ; ckg:timePrecision "day" ;
    ckg:presence <{ids["presence"]}> ;
    prov:wasDerivedFrom <{ids["sent"]}> .
<{ids["presence"]}> a ckg:Presence ; ckg:presenceActor <{ids["actor"]}> ; ckg:presencePlace <{ids["place"]}> .
ckga:recapture a ckg:ActionProperty ; rdfs:label "recapture" ; rdfs:subPropertyOf ckg:actsOn .
<{ids["actor"]}> a sem:Actor ; rdfs:label "government troops" ; ckg:actorType "military" ; ckg:country "IRQ" ;
    ckga:recapture <{ids["target"]}> ; ckg:actsOn <{ids["target"]}> .
<{ids["target"]}> a sem:Actor ; rdfs:label "the municipal building" .
<{ids["place"]}> a sem:Place , geo:Feature ; rdfs:label "Fallujah" ; ckg:country "IRQ" ;
    owl:sameAs <https://sws.geonames.org/99608/> ;
    wgs:lat "33.35"^^xsd:decimal ; wgs:long "43.78"^^xsd:decimal ;
    geo:hasGeometry <{point}> .
<{point}> a geo:Geometry ; geo:asWKT "POINT(43.78 33.35)"^^geo:wktLiteral .
<{ids["sent"]}> a ckg:Sentence ; ckg:sentenceIndex 1 ; ckg:text "{recapture.evidence}" ;
    ckg:start 200 ; ckg:end 400 ;
    dcterms:isPartOf <{ids["doc"]}> ; prov:wasDerivedFrom <{ids["doc"]}> .
<{ids["doc"]}> a ckg:Document ; dcterms:identifier "d00" ; dcterms:date "2016-06-17"^^xsd:date .
""",
    )
    built = build_graph([recapture])
    assert isomorphic(built, expected), sorted(set(to_isomorphic(built)) ^ set(to_isomorphic(expected)))


def test_minimal_event_is_small_and_has_no_participants() -> None:
    """An event with only an action has the event, action, sentence and document nodes."""
    g = build_graph([Event("d1", 0, Action("fired", "fire"))])
    assert set(g.subjects(RDF.type, None)) == {
        event_iri(Event("d1", 0, Action("fired", "fire"))),
        action_iri("fire"),
        sentence_iri("d1", 0),
        document_iri("d1"),
    }
    assert not list(g.triples((None, SEM.hasActor, None)))


@pytest.mark.parametrize(
    ("modality", "individual"),
    [(m, CKG[m]) for m in ("asserted", "negated", "possible", "alleged")],
)
def test_modality_is_an_individual(modality: str, individual: object) -> None:
    """Each modality maps to its ckg: individual."""
    ev = Event("d1", 0, Action("fired", "fire"), modality=modality)  # type: ignore[arg-type]
    assert build_graph([ev]).value(event_iri(ev), CKG.modality) == individual


def test_direct_edge_is_one_hop(fallujah_events: list[Event]) -> None:
    """actor --ckga:lemma--> target exists for every event with both."""
    g = build_graph(fallujah_events)
    for ev in fallujah_events:
        if ev.actor and ev.target:
            assert (actor_iri(ev.actor, ev.doc), action_iri(ev.action.lemma), actor_iri(ev.target, ev.doc)) in g


def test_same_actor_across_articles_is_one_node(fallujah_events: list[Event]) -> None:
    """ "ISIS" named in two documents is one sem:Actor node."""
    g = build_graph(fallujah_events)
    isis = [s for s in g.subjects(RDF.type, SEM.Actor) if (s, RDFS.label, Literal("ISIS")) in g]
    assert len(isis) == 1
    assert len(set(g.subjects(CKG.actor, isis[0]))) == 2


def test_document_graph_adds_date_and_origin() -> None:
    """A Document's date and origin go on the document node, even with no events."""
    from conflict_kg.extract import Document

    iri, triples = document_graph(Document("d9", "text", "2020-01-02", "news/d9.txt"), [])
    assert iri == document_iri("d9")
    assert (iri, CKG.origin, Literal("news/d9.txt")) in triples
    assert len(triples) == len(set(triples))


def test_document_graph_refuses_a_stray_event() -> None:
    """Events of another document are an InputError naming both ids."""
    with pytest.raises(InputError, match=r"'d2'.*'d1'"):
        document_graph("d1", [Event("d2", 0, Action("fired", "fire"))])


def test_iter_document_graphs_and_dataset(fallujah_events: list[Event]) -> None:
    """One named graph per document, named by the document IRI; the union equals build_graph."""
    graphs = list(iter_document_graphs(fallujah_events))
    d00, d01 = document_iri("d00"), document_iri("d01")
    assert [iri for iri, _ in graphs] == [d00, ENTITIES_GRAPH, d01, ENTITIES_GRAPH]
    ds = build_dataset(fallujah_events)
    assert {g.identifier for g in ds.graphs() if len(g)} == {d00, d01, ENTITIES_GRAPH}
    # a named actor is described in the shared graph only; a generic target in its article's graph
    shared, own = ds.graph(ENTITIES_GRAPH), ds.graph(d00)
    assert (actor_iri(Mention("ISIS")), RDF.type, SEM.Actor) in shared
    assert (actor_iri(Mention("ISIS")), RDF.type, SEM.Actor) not in own
    assert (actor_iri(Mention("revenge"), "d00"), RDF.type, SEM.Actor) in own
    union = Graph()
    for _, triples in graphs:
        for t in triples:
            union.add(t)
    assert isomorphic(union, build_graph(fallujah_events))


def test_graph_package_does_not_import_spacy() -> None:
    """import conflict_kg.graph leaves spaCy unloaded."""
    code = "import sys, conflict_kg.graph, conflict_kg.graph._cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -------------------------------------------------------------- SHACL


def test_built_graph_conforms_to_shapes(fallujah_events: list[Event]) -> None:
    """The graph of the fixture events validates against shapes.ttl."""
    conforms, report = validate(build_graph(fallujah_events))
    assert conforms, report


@pytest.mark.parametrize(
    "breakage",
    ["bad modality", "no lemma", "bad country", "latitude out of range", "undated document date"],
)
def test_broken_graph_fails_shapes(recapture: Event, breakage: str) -> None:
    """A deliberately broken graph does not validate."""
    g = build_graph([recapture])
    ev = event_iri(recapture)
    if breakage == "bad modality":
        g.set((ev, CKG.modality, Literal("sure")))
    elif breakage == "no lemma":
        g.remove((ev, CKG.actionLemma, None))
    elif breakage == "bad country":
        g.set((actor_iri(recapture.actor), CKG.country, Literal("Iraq")))
    elif breakage == "latitude out of range":
        g.set((place_iri(recapture.place), WGS84.lat, Literal("133.35", datatype=XSD.decimal)))
    else:
        g.set((document_iri("d00"), DCTERMS.date, Literal("June 2016")))
    conforms, report = validate(g)
    assert not conforms
    assert "Constraint Violation" in report


# -------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(st.lists(_events, max_size=4))
def test_building_twice_adds_nothing(events: list[Event]) -> None:
    """build(events) and build(events + events) are the same graph, with no blank nodes."""
    once = build_graph(events)
    assert len(build_graph(events + events)) == len(once)
    assert len(build_graph(events, once)) == len(build_graph(events))
    assert not any(isinstance(term, BNode) for triple in once for term in triple)


@settings(max_examples=60, deadline=None)
@given(_events)
def test_iris_are_deterministic_and_dict_round_trip_keeps_them(event: Event) -> None:
    """An event and its to_dict/from_dict copy get the same IRI and the same triples."""
    copy = Event.from_dict(event.to_dict())
    assert copy == event
    assert event_iri(copy) == event_iri(event)
    assert list(generate_triples([copy])) == list(generate_triples([event]))


@settings(max_examples=40, deadline=None)
@given(_events)
def test_built_graphs_validate(event: Event) -> None:
    """Any event's graph conforms to the SHACL shapes."""
    conforms, report = validate(build_graph([event]))
    assert conforms, report


def _writer_dataset(events: list[Event], batch: int = 1000) -> Dataset:
    """The N-Quads the stores load, as a dataset, a new batch every ``batch`` documents."""
    writer, lines = QuadWriter(), []
    for i, (doc, group) in enumerate(itertools.groupby(events, key=lambda e: e.doc)):
        if i and i % batch == 0:
            writer.new_batch()
        _name, own, shared = writer.document(doc, group)
        lines += [own, shared]
    return Dataset().parse(data="".join(lines), format="nquads")


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def test_store_text_and_rdflib_agree_on_the_fixture(fallujah_events: list[Event]) -> None:
    """The N-Quads writer (stores) and the rdflib builder give the same named graphs."""
    for batch in (1, 1000):
        text, built = _graphs(_writer_dataset(fallujah_events, batch)), _graphs(build_dataset(fallujah_events))
        assert text.keys() == built.keys()
        for name in text:
            assert isomorphic(text[name], built[name]), name


@settings(max_examples=60, deadline=None)
@given(st.lists(_events, max_size=5))
def test_store_text_and_rdflib_agree(events: list[Event]) -> None:
    """Any events: both paths make the same statements in the same graphs (one model, two term makers)."""
    events = sorted(events, key=lambda e: e.doc)
    text, built = _graphs(_writer_dataset(events)), _graphs(build_dataset(events))
    assert text.keys() == built.keys()
    for name in text:
        assert isomorphic(text[name], built[name]), name


def test_events_read_back_from_the_graph(fallujah_events: list[Event]) -> None:
    """events_from_graph inverts build_graph for events without offsets or name==text."""
    back = list(events_from_graph(build_graph(fallujah_events)))
    assert {event_iri(e) for e in back} == {event_iri(e) for e in fallujah_events}
    assert isomorphic(build_graph(back), build_graph(fallujah_events))


@pytest.mark.parametrize(
    "time",
    [Time("in May", None, "month", "2016-05"), Time("in 2014", None, "year", "2014"), Time("on Friday", "2016-06-17")],
)
def test_casualties_and_precision_round_trip_and_validate(recapture: Event, time: Time) -> None:
    """Killed / injured counts, their lower bounds and the time's precision survive RDF and conform."""
    import dataclasses

    from conflict_kg.graph import CKG, events_from_graph

    event = dataclasses.replace(recapture, time=time, killed=11, injured=6, injured_min=None, killed_min=None)
    vague = dataclasses.replace(recapture, sentence=2, time=time, killed_min=24)
    graph = build_graph([event, vague])
    assert validate(graph)[0]
    back = sorted(events_from_graph(graph), key=lambda e: e.sentence)
    fields = ("time", "killed", "injured", "killed_min", "injured_min")
    assert [[getattr(e, f) for f in fields] for e in back] == [[getattr(e, f) for f in fields] for e in (event, vague)]
    precision = {str(o) for o in graph.objects(None, CKG.timePrecision)}
    assert precision == {time.precision}
    assert (time.date is None) == any(True for _ in graph.objects(None, CKG.timePeriod))
