"""Event records to RDF triples: pure, streaming, deterministic.

:func:`generate_triples` turns events into triples one event at a time (no
I/O, no graph); :func:`build_graph` adds them to an rdflib graph;
:func:`iter_document_graphs` / :func:`build_dataset` give one named graph per
document, named by the document IRI, so a store can drop one article by
dropping its graph.

The model (see ``graph/data/ontology.ttl``)::

    event a sem:Event ; rdfs:label "government troops recapture municipal building" ;
        ckg:actor A ; ckg:target T ;              # both rdfs:subPropertyOf sem:hasActor
        ckg:action ckga:recapture ; ckg:actionLemma "recapture" ; ckg:actionText "recaptured" ;
        sem:hasPlace P ; sem:hasTimeStamp "2016-06-17"^^xsd:date ; sem:eventType plover:ASSAULT ;
        ckg:modality ckg:asserted ; ckg:source S ; ckg:cameo "..." ;
        ckg:actorText "Government troops" ; ...   # the surface text of each mention
        prov:wasDerivedFrom SENTENCE .
    A ckga:recapture T .                          # the direct edge, one hop
    SENTENCE a ckg:Sentence ; ckg:text "..." ; ckg:sentenceIndex 1 ; ckg:start 204 ; ckg:end 410 ;
        dcterms:isPartOf DOC ; prov:wasDerivedFrom DOC .
    DOC a ckg:Document ; dcterms:identifier "d00" ; dcterms:date "2016-06-17"^^xsd:date .

No blank nodes: every subject has a deterministic IRI (:mod:`._iris`), so
building from the same events twice gives the same graph.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from conflict_kg.extract import Document, Event, InputError, Mention, Place
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from ._iris import (
    action_iri,
    actor_iri,
    document_iri,
    event_iri,
    place_iri,
    plover_iri,
    sentence_iri,
    stable_hash,
)
from ._namespaces import CKG, GEONAMES, ID, SEM, WGS84, bind_prefixes

__all__ = [
    "Triple",
    "build_dataset",
    "build_graph",
    "document_graph",
    "document_triples",
    "event_triples",
    "generate_triples",
    "iter_document_graphs",
    "new_graph",
]

Triple = tuple[Node, Node, Node]

_MODALITY = {m: CKG[m] for m in ("asserted", "negated", "possible", "alleged")}


def new_graph() -> Graph:
    """An empty in-memory graph with the conflict-kg prefixes bound."""
    return bind_prefixes(Graph(bind_namespaces="core"))


def _doc_node(doc_id: str, date: object) -> Iterator[Triple]:
    doc = document_iri(doc_id)
    yield doc, RDF.type, CKG.Document
    yield doc, DCTERMS.identifier, Literal(doc_id)
    if date is not None:
        yield doc, DCTERMS.date, Literal(date, datatype=XSD.date)


def document_triples(document: Document) -> Iterator[Triple]:
    """The triples of a document node: id, publication date and origin (never its text)."""
    yield from _doc_node(document.id, document.date)
    if document.origin:
        yield document_iri(document.id), CKG.origin, Literal(document.origin)


def _entity_triples(node: URIRef, mention: Mention) -> Iterator[Triple]:
    yield node, RDF.type, SEM.Actor
    yield node, RDFS.label, Literal(mention.label)
    if mention.type:
        yield node, CKG.actorType, Literal(mention.type)
    if mention.country:
        yield node, CKG.country, Literal(mention.country.upper())


def _place_triples(node: URIRef, place: Place) -> Iterator[Triple]:
    yield node, RDF.type, SEM.Place
    yield node, RDFS.label, Literal(place.label)
    if place.country:
        yield node, CKG.country, Literal(place.country.upper())
    if place.geonames_id is not None:
        yield node, OWL.sameAs, GEONAMES[f"{int(place.geonames_id)}/"]
    if place.lat is not None and place.lon is not None:
        lat, lon = _degrees(place.lat), _degrees(place.lon)
        yield node, WGS84.lat, Literal(lat, datatype=XSD.decimal)
        yield node, WGS84.long, Literal(lon, datatype=XSD.decimal)
        point = ID[f"geometry/{stable_hash(lat, lon)}"]
        yield node, RDF.type, GEO.Feature
        yield node, GEO.hasGeometry, point
        yield point, RDF.type, GEO.Geometry
        yield point, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral)


def _degrees(value: float) -> str:
    """A coordinate as fixed-point decimal text, to 1e-7 degree (about a centimetre).

    >>> _degrees(33.35), _degrees(1e-308), _degrees(6e-8), _degrees(-43.000000001)
    ('33.35', '0', '0.0000001', '-43')
    """
    text = f"{float(value):.7f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _sentence_triples(event: Event) -> Iterator[Triple]:
    sentence, doc = sentence_iri(event.doc, event.sentence), document_iri(event.doc)
    yield sentence, RDF.type, CKG.Sentence
    yield sentence, CKG.sentenceIndex, Literal(event.sentence)
    if event.evidence is not None:
        yield sentence, CKG.text, Literal(event.evidence)
    if event.sentence_start is not None:
        yield sentence, CKG.start, Literal(int(event.sentence_start))
    if event.sentence_end is not None:
        yield sentence, CKG.end, Literal(int(event.sentence_end))
    yield sentence, DCTERMS.isPartOf, doc
    yield sentence, PROV.wasDerivedFrom, doc


def _event_label(event: Event) -> str:
    parts = [event.actor.label if event.actor else "someone", event.action.lemma]
    if event.target:
        parts.append(event.target.label)
    if event.modality != "asserted":
        parts.append(f"({event.modality})")
    return " ".join(parts)


def event_triples(event: Event) -> Iterator[Triple]:
    """All triples of one event: the event, its entities, sentence and document node.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> ev = Event("d1", 0, Action("shelled", "shell"), actor=Mention("Rebels"), target=Mention("Taiz"))
    >>> g = build_graph([ev])
    >>> g.value(actor_iri(Mention("Rebels")), action_iri("shell")) == actor_iri(Mention("Taiz"))
    True
    >>> len(build_graph([ev, ev])) == len(g)
    True
    """
    node, action = event_iri(event), event.action
    verb = action_iri(action.lemma)
    yield node, RDF.type, SEM.Event
    yield node, RDFS.label, Literal(_event_label(event))
    yield node, CKG.action, verb
    yield verb, RDF.type, CKG.ActionProperty
    yield verb, RDFS.label, Literal(action.lemma)
    yield verb, RDFS.subPropertyOf, CKG.actsOn
    yield node, CKG.actionLemma, Literal(action.lemma)
    yield node, CKG.actionText, Literal(action.text)
    if action.start is not None:
        yield node, CKG.actionStart, Literal(int(action.start))
    if action.end is not None:
        yield node, CKG.actionEnd, Literal(int(action.end))
    if action.plover:
        yield node, SEM.eventType, plover_iri(action.plover)
    if action.cameo:
        yield node, CKG.cameo, Literal(action.cameo)
    yield node, CKG.modality, _MODALITY[event.modality]

    for prop, text_prop, mention in (
        (CKG.actor, CKG.actorText, event.actor),
        (CKG.target, CKG.targetText, event.target),
        (CKG.source, CKG.sourceText, event.source),
    ):
        if mention is not None:
            entity = actor_iri(mention)
            yield node, prop, entity
            yield node, text_prop, Literal(mention.text)
            yield from _entity_triples(entity, mention)
    if event.actor is not None and event.target is not None:
        yield actor_iri(event.actor), verb, actor_iri(event.target)

    if event.place is not None:
        place = place_iri(event.place)
        yield node, SEM.hasPlace, place
        yield node, CKG.placeText, Literal(event.place.text)
        yield from _place_triples(place, event.place)
    if event.time is not None:
        if event.time.date is not None:
            yield node, SEM.hasTimeStamp, Literal(event.time.date, datatype=XSD.date)
        if event.time.text:
            yield node, CKG.timeText, Literal(event.time.text)

    yield node, PROV.wasDerivedFrom, sentence_iri(event.doc, event.sentence)
    yield from _sentence_triples(event)
    yield from _doc_node(event.doc, event.doc_date)


def generate_triples(events: Iterable[Event], *, documents: Iterable[Document] = ()) -> Iterator[Triple]:
    """Stream the triples of ``documents`` and then of ``events``; pure, lazy.

    A triple may come more than once (two events share an actor); adding them
    to a graph keeps one.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event
    >>> triples = list(generate_triples([Event("d1", 0, Action("fired", "fire"))]))
    >>> (document_iri("d1"), DCTERMS.identifier, Literal("d1")) in triples
    True
    """
    for document in documents:
        yield from document_triples(document)
    for event in events:
        yield from event_triples(event)


def build_graph(
    events: Iterable[Event] = (), graph: Graph | None = None, *, documents: Iterable[Document] = ()
) -> Graph:
    """Add the triples of ``events`` (and ``documents``) to ``graph`` (a new one by default).

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> g = build_graph([Event("d1", 0, Action("recaptured", "recapture"),
    ...                        actor=Mention("Government troops"), target=Mention("the building"))])
    >>> print(g.serialize(format="turtle").count("ckga:recapture"))
    3
    """
    if graph is None:
        graph = new_graph()
    else:
        bind_prefixes(graph)
    graph.addN((s, p, o, graph) for s, p, o in generate_triples(events, documents=documents))
    return graph


def _unique(triples: Iterable[Triple]) -> list[Triple]:
    return list(dict.fromkeys(triples))


def document_graph(document: Document | str, events: Iterable[Event]) -> tuple[URIRef, list[Triple]]:
    """The named graph of one document: ``(document IRI, its distinct triples)``.

    ``document`` is a :class:`Document` (its date and origin are added) or a
    document id; every event must belong to it.

    Raises
    ------
    InputError
        When an event names another document.
    """
    doc_id = document.id if isinstance(document, Document) else document
    head = document_triples(document) if isinstance(document, Document) else iter(())
    events = list(events)
    stray = [e.doc for e in events if e.doc != doc_id]
    if stray:
        raise InputError(
            f"an event of document {stray[0]!r} was given for document {doc_id!r}; group events by doc"
        )
    return document_iri(doc_id), _unique(itertools.chain(head, generate_triples(events)))


def iter_document_graphs(events: Iterable[Event]) -> Iterator[tuple[URIRef, list[Triple]]]:
    """Yield ``(document IRI, triples)`` for each run of events of the same document.

    Streams: one document's events are held at a time. Events should come
    grouped by document (as extraction yields them); a document whose events
    are interleaved with others' comes once per run.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event
    >>> evs = [Event(d, 0, Action("fired", "fire")) for d in ("a", "a", "b")]
    >>> [(iri == document_iri(d), len(ts) > 0) for (iri, ts), d in zip(iter_document_graphs(evs), "ab")]
    [(True, True), (True, True)]
    """
    for doc_id, group in itertools.groupby(events, key=lambda e: e.doc):
        yield document_graph(doc_id, group)


def build_dataset(events: Iterable[Event], dataset: Dataset | None = None) -> Dataset:
    """A dataset with one named graph per document (named by :func:`document_iri`).

    The default graph is the union of the named graphs, so SPARQL sees all events.
    """
    if dataset is None:
        dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for iri, triples in iter_document_graphs(events):
        named = dataset.graph(iri)
        named.addN((s, p, o, named) for s, p, o in triples)
    return dataset
