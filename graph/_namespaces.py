"""The vocabularies of the conflict-kg graph, and binding their prefixes.

Reused vocabularies come first: the Simple Event Model (``sem:``), PROV-O
(``prov:``), Dublin Core terms (``dcterms:``), GeoSPARQL (``geo:``) and W3C
WGS84 positions (``wgs:``, defined here because rdflib 7.6's ``WGS`` has an
``https`` IRI). The project's own terms live in :data:`CKG` (described by
``graph/data/ontology.ttl``); :data:`CKGA` holds one property per action lemma
(``ckga:recapture``) for the direct ``actor --action--> target`` edge;
:data:`PLOVER` the PLOVER event categories; :data:`ID` the resources.

Examples
--------
>>> str(CKG.actor)
'https://w3id.org/conflict-kg/ontology#actor'
>>> str(WGS84.lat)
'http://www.w3.org/2003/01/geo/wgs84_pos#lat'
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "CKG",
    "CKGA",
    "GEONAMES",
    "ID",
    "PLOVER",
    "PREFIXES",
    "SEM",
    "WGS84",
    "bind_prefixes",
]

BASE = "https://w3id.org/conflict-kg/"


class SEM(DefinedNamespace):
    """The Simple Event Model terms conflict-kg uses."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    EventType: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTimeStamp: URIRef
    eventType: URIRef


class CKG(DefinedNamespace):
    """The conflict-kg ontology (``graph/data/ontology.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Sentence: URIRef
    Document: URIRef
    Modality: URIRef
    ActionProperty: URIRef
    Presence: URIRef
    Incident: URIRef
    # event -> participant
    actor: URIRef
    target: URIRef
    source: URIRef
    # event attributes
    action: URIRef
    actionLemma: URIRef
    actionText: URIRef
    actionStart: URIRef
    actionEnd: URIRef
    cameo: URIRef
    modality: URIRef
    actorText: URIRef
    targetText: URIRef
    placeText: URIRef
    timeText: URIRef
    sourceText: URIRef
    month: URIRef
    timePrecision: URIRef
    timePeriod: URIRef
    # casualties (events and incidents)
    killed: URIRef
    injured: URIRef
    killedAtLeast: URIRef
    injuredAtLeast: URIRef
    # incidents: the reports of one occurrence
    incident: URIRef
    member: URIRef
    mentionCount: URIRef
    reportCount: URIRef
    sourceCount: URIRef
    firstReported: URIRef
    lastReported: URIRef
    killedLow: URIRef
    killedHigh: URIRef
    injuredLow: URIRef
    injuredHigh: URIRef
    linkKey: URIRef
    # the super-property of every ckga: action edge
    actsOn: URIRef
    # event -> its actor's presence in its place, and the presence's actor and place
    presence: URIRef
    presenceActor: URIRef
    presencePlace: URIRef
    # entities
    actorType: URIRef
    country: URIRef
    # sentences and documents
    text: URIRef
    sentenceIndex: URIRef
    start: URIRef
    end: URIRef
    origin: URIRef
    # modality individuals
    asserted: URIRef
    negated: URIRef
    possible: URIRef
    alleged: URIRef


#: One property per action lemma: ``actor ckga:recapture target``.
CKGA = Namespace(BASE + "action/")
#: PLOVER event categories (``plover:ASSAULT``), the objects of ``sem:eventType``.
PLOVER = Namespace(BASE + "plover/")
#: Where the graph's resources (documents, sentences, events, actors, places) live.
ID = Namespace(BASE + "id/")
#: W3C Basic Geo (WGS84 lat/long), with the ``http`` IRI.
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
#: GeoNames feature IRIs, the objects of ``owl:sameAs`` for places.
GEONAMES = Namespace("https://sws.geonames.org/")

#: The prefixes bound on every graph conflict-kg builds or loads.
PREFIXES: dict[str, Namespace] = {
    "sem": SEM._NS,
    "ckg": CKG._NS,
    "ckga": CKGA,
    "plover": PLOVER,
    "id": ID,
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "geo": Namespace(str(GEO)),
    "wgs": WGS84,
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` on ``graph`` (replacing clashing bindings) and return it.

    >>> g = bind_prefixes(Graph(bind_namespaces="none"))
    >>> g.namespace_manager.curie(str(WGS84.lat))
    'wgs:lat'
    """
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
