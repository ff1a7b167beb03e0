"""Event records to RDF: pure, streaming, deterministic; rdflib triples or N-Quads text.

One description of the model (:func:`_describe_event` and friends) writes
every statement through a small term factory: :class:`_RdflibTerms` makes
rdflib nodes (:func:`event_triples`, :func:`build_graph`,
:func:`iter_document_graphs`, :func:`build_dataset`), :class:`_NTermsText`
makes N-Triples text with cached terms (:class:`QuadWriter`, the stores'
ingestion path, which never builds an rdflib term). Both give the same
statements, so they cannot drift.

The model (see ``graph/data/ontology.ttl``)::

    # in the document's own named graph (named by the document IRI)
    event a sem:Event ;
        ckg:actor A ; ckg:target T ;              # both rdfs:subPropertyOf sem:hasActor
        ckg:action ckga:recapture ; ckg:actionLemma "recapture" ; ckg:actionText "recaptured" ;
        ckg:actionStart 277 ; ckg:actionEnd 287 ;
        sem:hasPlace P ; sem:hasTimeStamp "2016-06-17"^^xsd:date ; ckg:month "2016-06"^^xsd:gYearMonth ;
        ckg:presence AP ;                         # the actor's presence in the place (A and P named: shared)
        sem:eventType plover:ASSAULT ; ckg:modality ckg:asserted ; ckg:source S ; ckg:cameo "..." ;
        ckg:actorText "Government troops" ; ...   # the surface text of each mention
        prov:wasDerivedFrom SENTENCE .
    A ckga:recapture T ; ckg:actsOn T .           # the direct edge, one hop, and its super-property
    SENTENCE a ckg:Sentence ; ckg:text "..." ; ckg:sentenceIndex 1 ; ckg:start 204 ; ckg:end 410 ;
        dcterms:isPartOf DOC ; prov:wasDerivedFrom DOC .
    DOC a ckg:Document ; dcterms:identifier "d00" ; dcterms:date "2016-06-17"^^xsd:date .
    T a sem:Actor ; rdfs:label "municipal building" .   # a generic description: this article's own

    # in the shared graph <https://w3id.org/conflict-kg/id/graph/entities>
    A a sem:Actor ; rdfs:label "Iraq military" ; ckg:actorType "military" ; ckg:country "IRQ" .
    P a sem:Place , geo:Feature ; rdfs:label "Fallujah" ; owl:sameAs <https://sws.geonames.org/99608/> ; ...
    AP a ckg:Presence ; ckg:presenceActor A ; ckg:presencePlace P .
    ckga:recapture a ckg:ActionProperty ; rdfs:label "recapture" ; rdfs:subPropertyOf ckg:actsOn .

Named entities (:func:`~._iris.is_named`) are described once, in the shared
graph, whichever articles name them; generic descriptions ("the hospital")
are per article and described in the article's graph.

No blank nodes: every subject has a deterministic IRI (:mod:`._iris`), so
building from the same events twice gives the same graph.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar, cast

from conflict_kg.extract import Document, Event, InputError, Mention, Place
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from ._iris import (
    action_iri,
    actor_iri,
    document_iri,
    event_iri,
    is_named,
    place_iri,
    plover_iri,
    presence_iri,
    sentence_iri,
    stable_hash,
)
from ._namespaces import CKG, GEONAMES, ID, SEM, WGS84, bind_prefixes
from ._ntriples import nt_string

__all__ = [
    "ENTITIES_GRAPH",
    "QuadWriter",
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

#: The named graph holding what is not one article's: named actors and places, action properties.
ENTITIES_GRAPH = ID["graph/entities"]
#: ``ckg:month``: the ``xsd:gYearMonth`` of an event's date (for per-month counts).
MONTH = CKG.month

N = TypeVar("N")


class _Terms(Generic[N]):
    """A term factory: the model's constants, each a typed attribute made from its vocabulary term,
    and makers for the rest. ``N`` is the kind of term made (rdflib nodes, or N-Triples text)."""

    def __init__(self, make: Callable[[URIRef], N]) -> None:
        # rdf:, rdfs:, dcterms:, prov:, owl:, geo:, wgs:, xsd:
        self.type = make(RDF.type)
        self.label = make(RDFS.label)
        self.subPropertyOf = make(RDFS.subPropertyOf)
        self.isPartOf = make(DCTERMS.isPartOf)
        self.identifier = make(DCTERMS.identifier)
        self.date = make(DCTERMS.date)
        self.wasDerivedFrom = make(PROV.wasDerivedFrom)
        self.sameAs = make(OWL.sameAs)
        self.lat = make(WGS84.lat)
        self.long = make(WGS84.long)
        self.Feature = make(GEO.Feature)
        self.hasGeometry = make(GEO.hasGeometry)
        self.Geometry = make(GEO.Geometry)
        self.asWKT = make(GEO.asWKT)
        self.wkt = make(GEO.wktLiteral)
        self.xsd_date = make(XSD.date)
        self.xsd_decimal = make(XSD.decimal)
        self.xsd_integer = make(XSD.integer)
        self.xsd_gYearMonth = make(XSD.gYearMonth)
        # sem:
        self.Event = make(SEM.Event)
        self.Actor = make(SEM.Actor)
        self.Place = make(SEM.Place)
        self.hasPlace = make(SEM.hasPlace)
        self.hasTimeStamp = make(SEM.hasTimeStamp)
        self.eventType = make(SEM.eventType)
        # ckg: events
        self.month = make(MONTH)
        self.action = make(CKG.action)
        self.actionLemma = make(CKG.actionLemma)
        self.actionText = make(CKG.actionText)
        self.actionStart = make(CKG.actionStart)
        self.actionEnd = make(CKG.actionEnd)
        self.cameo = make(CKG.cameo)
        self.modality = make(CKG.modality)
        self.actor = make(CKG.actor)
        self.target = make(CKG.target)
        self.source = make(CKG.source)
        self.actorText = make(CKG.actorText)
        self.targetText = make(CKG.targetText)
        self.sourceText = make(CKG.sourceText)
        self.placeText = make(CKG.placeText)
        self.timeText = make(CKG.timeText)
        self.timePrecision = make(CKG.timePrecision)
        self.timePeriod = make(CKG.timePeriod)
        self.killed = make(CKG.killed)
        self.injured = make(CKG.injured)
        self.killedAtLeast = make(CKG.killedAtLeast)
        self.injuredAtLeast = make(CKG.injuredAtLeast)
        self.presence = make(CKG.presence)
        # ckg: action properties, presences, entities, sentences, documents
        self.ActionProperty = make(CKG.ActionProperty)
        self.actsOn = make(CKG.actsOn)
        self.Presence = make(CKG.Presence)
        self.presenceActor = make(CKG.presenceActor)
        self.presencePlace = make(CKG.presencePlace)
        self.actorType = make(CKG.actorType)
        self.country = make(CKG.country)
        self.Sentence = make(CKG.Sentence)
        self.sentenceIndex = make(CKG.sentenceIndex)
        self.text = make(CKG.text)
        self.start = make(CKG.start)
        self.end = make(CKG.end)
        self.Document = make(CKG.Document)
        self.origin = make(CKG.origin)
        #: A modality's name (as :class:`~conflict_kg.extract.Event` has it) -> its ckg: individual.
        self.modalities: dict[str, N] = {
            "asserted": make(CKG.asserted),
            "negated": make(CKG.negated),
            "possible": make(CKG.possible),
            "alleged": make(CKG.alleged),
        }
        #: A coarse date precision -> the datatype of ``ckg:timePeriod``.
        self.period_types: dict[str, N] = {"month": self.xsd_gYearMonth, "year": make(XSD.gYear)}

    def node(self, iri: URIRef) -> N:  # pragma: no cover - overridden
        raise NotImplementedError

    def string(self, text: str) -> N:  # pragma: no cover - overridden
        raise NotImplementedError

    def typed(self, text: str, datatype: N) -> N:  # pragma: no cover - overridden
        raise NotImplementedError

    def integer(self, value: int) -> N:  # pragma: no cover - overridden
        raise NotImplementedError


class _RdflibTerms(_Terms[Node]):
    """rdflib nodes."""

    def __init__(self) -> None:
        super().__init__(lambda iri: iri)

    def node(self, iri: URIRef) -> URIRef:
        return iri

    def string(self, text: str) -> Literal:
        return Literal(text)

    def typed(self, text: str, datatype: Node) -> Literal:
        return Literal(text, datatype=cast(URIRef, datatype))

    def integer(self, value: int) -> Literal:
        return Literal(int(value))


_CACHE_MAX = 200_000


class _NTermsText(_Terms[str]):
    """N-Triples text of terms, with bounded caches for those that repeat.

    The model's IRIs are all made of hashes, percent-encoded lemmas and fixed
    namespaces, so they never need escaping.
    """

    def __init__(self) -> None:
        super().__init__(lambda iri: f"<{iri}>")
        self._strings: dict[str, str] = {}
        self._typed: dict[tuple[str, str], str] = {}

    def node(self, iri: URIRef) -> str:
        return f"<{iri}>"

    def string(self, text: str) -> str:
        cached = self._strings.get(text)
        if cached is None:
            cached = nt_string(text)
            if len(text) < 100:  # names, lemmas, surface texts repeat; evidence sentences do not
                if len(self._strings) >= _CACHE_MAX:
                    self._strings.clear()
                self._strings[text] = cached
        return cached

    def typed(self, text: str, datatype: str) -> str:
        key = (text, datatype)
        cached = self._typed.get(key)
        if cached is None:
            cached = nt_string(text) + "^^" + datatype
            if len(self._typed) >= _CACHE_MAX:
                self._typed.clear()
            self._typed[key] = cached
        return cached

    def integer(self, value: int) -> str:
        return self.typed(str(int(value)), self.xsd_integer)


# ------------------------------------------------------------------ the model, once

#: Statements as the term factory makes them.
Out = list[tuple[N, N, N]]


def _degrees(value: float) -> str:
    """A coordinate as fixed-point decimal text, to 1e-7 degree (about a centimetre).

    >>> _degrees(33.35), _degrees(1e-308), _degrees(6e-8), _degrees(-43.000000001)
    ('33.35', '0', '0.0000001', '-43')
    """
    text = f"{float(value):.7f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _describe_doc(t: _Terms[N], doc_id: str, date: object, origin: str | None, out: Out[N]) -> None:
    doc = t.node(document_iri(doc_id))
    out.append((doc, t.type, t.Document))
    out.append((doc, t.identifier, t.string(doc_id)))
    if date is not None:
        out.append((doc, t.date, t.typed(str(date), t.xsd_date)))
    if origin:
        out.append((doc, t.origin, t.string(origin)))


def _describe_actor(t: _Terms[N], node: N, mention: Mention, out: Out[N]) -> None:
    out.append((node, t.type, t.Actor))
    out.append((node, t.label, t.string(mention.label)))
    if mention.type:
        out.append((node, t.actorType, t.string(mention.type)))
    if mention.country:
        out.append((node, t.country, t.string(mention.country.upper())))


def _describe_place(t: _Terms[N], iri: URIRef, place: Place, out: Out[N]) -> None:
    node = t.node(iri)
    out.append((node, t.type, t.Place))
    out.append((node, t.label, t.string(place.label)))
    if place.country:
        out.append((node, t.country, t.string(place.country.upper())))
    if place.geonames_id is not None:
        out.append((node, t.sameAs, t.node(GEONAMES[f"{int(place.geonames_id)}/"])))
    if place.lat is not None and place.lon is not None:
        lat, lon = _degrees(place.lat), _degrees(place.lon)
        out.append((node, t.lat, t.typed(lat, t.xsd_decimal)))
        out.append((node, t.long, t.typed(lon, t.xsd_decimal)))
        # one geometry per place, so a place and its geometry go together
        point = t.node(ID[f"geometry/{stable_hash(str(iri), lat, lon)}"])
        out.append((node, t.type, t.Feature))
        out.append((node, t.hasGeometry, point))
        out.append((point, t.type, t.Geometry))
        out.append((point, t.asWKT, t.typed(f"POINT({lon} {lat})", t.wkt)))


def _describe_action(t: _Terms[N], verb: N, lemma: str, out: Out[N]) -> None:
    out.append((verb, t.type, t.ActionProperty))
    out.append((verb, t.label, t.string(lemma)))
    out.append((verb, t.subPropertyOf, t.actsOn))


def _describe_sentence(t: _Terms[N], node: N, event: Event, out: Out[N]) -> None:
    doc = t.node(document_iri(event.doc))
    out.append((node, t.type, t.Sentence))
    out.append((node, t.sentenceIndex, t.integer(event.sentence)))
    if event.evidence is not None:
        out.append((node, t.text, t.string(event.evidence)))
    if event.sentence_start is not None:
        out.append((node, t.start, t.integer(event.sentence_start)))
    if event.sentence_end is not None:
        out.append((node, t.end, t.integer(event.sentence_end)))
    out.append((node, t.isPartOf, doc))
    out.append((node, t.wasDerivedFrom, doc))


def _describe_event(
    t: _Terms[N], event: Event, own: Out[N], shared: Out[N], own_seen: set[Any], shared_seen: set[Any]
) -> None:
    """All statements of one event: into ``own`` (the document's graph) and ``shared``.

    Descriptions of nodes already in ``own_seen`` / ``shared_seen`` (their
    term) are not repeated; the sets are updated.
    """
    node, action, doc = t.node(event_iri(event)), event.action, event.doc
    lemma = action.lemma
    verb = t.node(action_iri(lemma))
    own.append((node, t.type, t.Event))
    own.append((node, t.action, verb))
    if verb not in shared_seen:
        shared_seen.add(verb)
        _describe_action(t, verb, lemma, shared)
    own.append((node, t.actionLemma, t.string(lemma)))
    own.append((node, t.actionText, t.string(action.text)))
    if action.start is not None:
        own.append((node, t.actionStart, t.integer(action.start)))
    if action.end is not None:
        own.append((node, t.actionEnd, t.integer(action.end)))
    if action.plover:
        own.append((node, t.eventType, t.node(plover_iri(action.plover))))
    if action.cameo:
        own.append((node, t.cameo, t.string(action.cameo)))
    own.append((node, t.modality, t.modalities[event.modality]))

    entities: dict[str, N] = {}
    actor: tuple[URIRef, bool] | None = None  # the actor's IRI, and whether it is named
    roles = (
        ("actor", event.actor, t.actor, t.actorText),
        ("target", event.target, t.target, t.targetText),
        ("source", event.source, t.source, t.sourceText),
    )
    for role, mention, prop, text_prop in roles:
        if mention is None:
            continue
        named = is_named(mention)
        ref = actor_iri(mention, None if named else doc)
        if role == "actor":
            actor = ref, named
        entity = t.node(ref)
        entities[role] = entity
        own.append((node, prop, entity))
        own.append((node, text_prop, t.string(mention.text)))
        seen, out = (shared_seen, shared) if named else (own_seen, own)
        if entity not in seen:
            seen.add(entity)
            _describe_actor(t, entity, mention, out)
    if "actor" in entities and "target" in entities:
        # the direct edge, and its super-property stated too (stores do no RDFS inference):
        # "who acted on the same target" is then one index lookup per target
        own.append((entities["actor"], verb, entities["target"]))
        own.append((entities["actor"], t.actsOn, entities["target"]))

    place = event.place
    if place is not None:
        named = is_named(place)
        iri = place_iri(place, None if named else doc)
        entity = t.node(iri)
        own.append((node, t.hasPlace, entity))
        own.append((node, t.placeText, t.string(place.text)))
        seen, out = (shared_seen, shared) if named else (own_seen, own)
        if entity not in seen:
            seen.add(entity)
            _describe_place(t, iri, place, out)
        if actor is not None:
            # the actor's presence in the place: 'events of X in P' is one look-up, not a join
            presence = t.node(presence_iri(actor[0], iri))
            own.append((node, t.presence, presence))
            seen, out = (shared_seen, shared) if named and actor[1] else (own_seen, own)
            if presence not in seen:
                seen.add(presence)
                out.append((presence, t.type, t.Presence))
                out.append((presence, t.presenceActor, entities["actor"]))
                out.append((presence, t.presencePlace, entity))
    time = event.time
    if time is not None:
        if time.date is not None:
            iso = time.date.isoformat()
            own.append((node, t.hasTimeStamp, t.typed(iso, t.xsd_date)))
            own.append((node, t.month, t.typed(iso[:7], t.xsd_gYearMonth)))
        if time.text:
            own.append((node, t.timeText, t.string(time.text)))
        own.append((node, t.timePrecision, t.string(time.precision)))
        if time.precision in t.period_types and time.period:
            own.append((node, t.timePeriod, t.typed(time.period, t.period_types[time.precision])))
    casualties = (
        (event.killed, t.killed),
        (event.injured, t.injured),
        (event.killed_min, t.killedAtLeast),
        (event.injured_min, t.injuredAtLeast),
    )
    for count, prop in casualties:
        if count is not None:
            own.append((node, prop, t.integer(count)))

    sentence = t.node(sentence_iri(doc, event.sentence))
    own.append((node, t.wasDerivedFrom, sentence))
    if sentence not in own_seen:
        own_seen.add(sentence)
        _describe_sentence(t, sentence, event, own)
    doc_key = ("doc", doc)
    if doc_key not in own_seen:
        own_seen.add(doc_key)
        _describe_doc(t, doc, event.doc_date, None, own)


def _describe_document(
    t: _Terms[N], document: Document | str, events: Iterable[Event], shared_seen: set[Any]
) -> tuple[URIRef, Out[N], Out[N]]:
    """The document's own statements and the new shared ones, checking that events belong to it."""
    own: Out[N] = []
    shared: Out[N] = []
    own_seen: set[Any] = set()
    if isinstance(document, Document):
        doc_id = document.id
        _describe_doc(t, doc_id, document.date, document.origin, own)
        own_seen.add(("doc", doc_id))
    else:
        doc_id = document
    for event in events:
        if event.doc != doc_id:
            raise InputError(
                f"an event of document {event.doc!r} was given for document {doc_id!r}; group events by doc"
            )
        _describe_event(t, event, own, shared, own_seen, shared_seen)
    return document_iri(doc_id), own, shared


# ------------------------------------------------------------------ rdflib API


def new_graph() -> Graph:
    """An empty in-memory graph with the conflict-kg prefixes bound."""
    return bind_prefixes(Graph(bind_namespaces="core"))


def document_triples(document: Document) -> Iterator[Triple]:
    """The triples of a document node: id, publication date and origin (never its text)."""
    out: Out[Node] = []
    _describe_doc(_RdflibTerms(), document.id, document.date, document.origin, out)
    yield from out


def event_triples(event: Event) -> Iterator[Triple]:
    """All triples of one event: the event, its entities, action property, sentence and document node.

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
    own: Out[Node] = []
    shared: Out[Node] = []
    _describe_event(_RdflibTerms(), event, own, shared, set(), set())
    yield from own
    yield from shared


def generate_triples(events: Iterable[Event], *, documents: Iterable[Document] = ()) -> Iterator[Triple]:
    """Stream the triples of ``documents`` and then of ``events``; pure, lazy.

    A triple may come more than once (two documents share an actor); adding them
    to a graph keeps one.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event
    >>> triples = list(generate_triples([Event("d1", 0, Action("fired", "fire"))]))
    >>> (document_iri("d1"), DCTERMS.identifier, Literal("d1")) in triples
    True
    """
    t = _RdflibTerms()
    for document in documents:
        yield from document_triples(document)
    shared_seen: set[Any] = set()
    for _doc, group in itertools.groupby(events, key=lambda e: e.doc):
        own: Out[Node] = []
        shared: Out[Node] = []
        own_seen: set[Any] = set()
        for event in group:
            _describe_event(t, event, own, shared, own_seen, shared_seen)
        yield from own
        yield from shared


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


def document_graph(document: Document | str, events: Iterable[Event]) -> tuple[URIRef, list[Triple]]:
    """The named graph of one document: ``(document IRI, its triples)``.

    ``document`` is a :class:`Document` (its date and origin are added) or a
    document id; every event must belong to it. The named entities'
    descriptions are not in it: they go to :data:`ENTITIES_GRAPH` (see
    :func:`iter_document_graphs`).

    Raises
    ------
    InputError
        When an event names another document.
    """
    iri, own, _shared = _describe_document(_RdflibTerms(), document, events, set())
    return iri, own


def iter_document_graphs(events: Iterable[Event]) -> Iterator[tuple[URIRef, list[Triple]]]:
    """Yield ``(graph IRI, triples)`` as a store holds them, streaming.

    For each run of events of the same document: its own graph (named by
    :func:`document_iri`), then, if it names entities or actions not
    described yet, ``(ENTITIES_GRAPH, their descriptions)``. One document's
    events are held at a time; a document whose events are interleaved with
    others' comes once per run.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event
    >>> evs = [Event(d, 0, Action("fired", "fire")) for d in ("a", "a", "b")]
    >>> [str(iri).rsplit("/", 2)[-2] for iri, ts in iter_document_graphs(evs)]
    ['doc', 'graph', 'doc']
    """
    t = _RdflibTerms()
    shared_seen: set[Any] = set()
    for doc_id, group in itertools.groupby(events, key=lambda e: e.doc):
        iri, own, shared = _describe_document(t, doc_id, group, shared_seen)
        yield iri, list(dict.fromkeys(own))
        if shared:
            yield ENTITIES_GRAPH, shared


def build_dataset(events: Iterable[Event], dataset: Dataset | None = None) -> Dataset:
    """A dataset with one named graph per document (named by :func:`document_iri`) and the entity graph.

    The default graph is the union of the named graphs, so SPARQL sees all events.
    """
    if dataset is None:
        dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for iri, triples in iter_document_graphs(events):
        named = dataset.graph(iri)
        named.addN((s, p, o, named) for s, p, o in triples)
    return dataset


# ------------------------------------------------------------------ N-Quads for stores


class QuadWriter:
    """N-Quads text of documents, for loading into a store, without rdflib terms.

    :meth:`document` gives one document's graph as N-Quads and the shared
    statements (:data:`ENTITIES_GRAPH`) it adds; entities already described
    since the last :meth:`new_batch` are not described again.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> writer = QuadWriter()
    >>> ev = Event("d1", 0, Action("shelled", "shell"), actor=Mention("Rebels"))
    >>> name, own, shared = writer.document("d1", [ev])
    >>> name == str(document_iri("d1")), own.count("\\n"), shared.count("\\n")
    (True, 14, 5)
    >>> writer.document("d1", [ev])[2]
    ''
    """

    def __init__(self) -> None:
        self._terms = _NTermsText()
        self._seen: set[Any] = set()
        self._entities = f" <{ENTITIES_GRAPH}> .\n"

    def new_batch(self) -> None:
        """Forget which shared nodes were described (each batch describes its own)."""
        self._seen.clear()

    def document(self, document: Document | str, events: Iterable[Event]) -> tuple[str, str, str]:
        """``(graph IRI, the document graph as N-Quads, new shared statements as N-Quads)``."""
        iri, own, shared = _describe_document(self._terms, document, events, self._seen)
        tail = f" <{iri}> .\n"
        own_text = "".join({f"{s} {p} {o}{tail}": None for s, p, o in own})
        tail = self._entities
        return str(iri), own_text, "".join(f"{s} {p} {o}{tail}" for s, p, o in shared)
