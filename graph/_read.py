"""Reading events back out of an RDF graph, the inverse of :func:`build_graph`.

So whatever was loaded from a Turtle file can be turned back into
:class:`Event` records (and from them into networkx or pandas views).
What the graph does not keep comes back as None: mention offsets, and a
mention's ``name`` when it equals its text. An entity's type and country are
per node, so each mention of it gets the node's (the smallest, when several).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any, cast

from conflict_kg.extract import MODALITIES, Action, Event, Mention, Modality, Place, Time
from rdflib import Graph, Literal
from rdflib.term import Node

from ._namespaces import GEONAMES, PLOVER, PREFIXES

__all__ = ["events_from_graph", "identified_events"]

_EVENTS = """
SELECT ?event ?lemma ?text ?start ?end ?cls ?cameo ?modality ?date ?timeText
       ?actor ?actorText ?target ?targetText ?source ?sourceText ?place ?placeText
       ?doc ?docDate ?sentence ?evidence ?sStart ?sEnd ?precision ?period
       ?killed ?injured ?killedMin ?injuredMin
WHERE {
  ?event a sem:Event ; ckg:actionLemma ?lemma ; prov:wasDerivedFrom ?s .
  ?s ckg:sentenceIndex ?sentence ; dcterms:isPartOf ?d .
  ?d dcterms:identifier ?doc .
  OPTIONAL { ?d dcterms:date ?docDate }
  OPTIONAL { ?s ckg:text ?evidence }
  OPTIONAL { ?s ckg:start ?sStart }
  OPTIONAL { ?s ckg:end ?sEnd }
  OPTIONAL { ?event ckg:actionText ?text }
  OPTIONAL { ?event ckg:actionStart ?start }
  OPTIONAL { ?event ckg:actionEnd ?end }
  OPTIONAL { ?event sem:eventType ?cls }
  OPTIONAL { ?event ckg:cameo ?cameo }
  OPTIONAL { ?event ckg:modality ?modality }
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:timeText ?timeText }
  OPTIONAL { ?event ckg:timePrecision ?precision }
  OPTIONAL { ?event ckg:timePeriod ?period }
  OPTIONAL { ?event ckg:killed ?killed }
  OPTIONAL { ?event ckg:injured ?injured }
  OPTIONAL { ?event ckg:killedAtLeast ?killedMin }
  OPTIONAL { ?event ckg:injuredAtLeast ?injuredMin }
  OPTIONAL { ?event ckg:actor ?actor . OPTIONAL { ?event ckg:actorText ?actorText } }
  OPTIONAL { ?event ckg:target ?target . OPTIONAL { ?event ckg:targetText ?targetText } }
  OPTIONAL { ?event ckg:source ?source . OPTIONAL { ?event ckg:sourceText ?sourceText } }
  OPTIONAL { ?event sem:hasPlace ?place . OPTIONAL { ?event ckg:placeText ?placeText } }
}
"""

_ENTITIES = """
SELECT ?node ?p ?o WHERE {
  { ?node a sem:Actor } UNION { ?node a sem:Place }
  VALUES ?p { rdfs:label ckg:actorType ckg:country owl:sameAs wgs:lat wgs:long }
  ?node ?p ?o .
}
"""


def _entity_attributes(run: Callable[[str], Any]) -> dict[Node, dict[str, Any]]:
    """Per actor/place node: the smallest value of each attribute (deterministic)."""
    values: dict[Node, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for node, prop, obj in run(_ENTITIES):
        values[node][str(prop).rsplit("#", 1)[-1].rsplit("/", 1)[-1]].append(obj)
    out: dict[Node, dict[str, Any]] = {}
    for node, attrs in values.items():
        first = {k: min(v, key=str) for k, v in attrs.items()}
        same = str(first.get("sameAs", ""))
        geonames = same[len(GEONAMES) :].strip("/") if same.startswith(str(GEONAMES)) else None
        out[node] = {
            "label": _py(first.get("label")),
            "type": _py(first.get("actorType")),
            "country": _py(first.get("country")),
            "geonames_id": int(geonames) if geonames and geonames.isdigit() else None,
            "lat": float(cast(Literal, first["lat"]).toPython()) if "lat" in first else None,
            "lon": float(cast(Literal, first["long"]).toPython()) if "long" in first else None,
        }
    return out


def _py(term: Node | None) -> Any:
    return term.toPython() if isinstance(term, Literal) else (None if term is None else str(term))


def _names(node: Node, text: Node | None, attrs: dict[str, Any]) -> tuple[str, str | None]:
    """An entity's surface text and its label when that differs (the label falls back to the text, the IRI)."""
    label = attrs.get("label") or _py(text) or str(node)
    surface = _py(text) or label
    return surface, None if label == surface else label


def _mention(node: Node | None, text: Node | None, entities: dict[Node, dict[str, Any]]) -> Mention | None:
    if node is None:
        return None
    attrs = entities.get(node, {})
    return Mention(*_names(node, text, attrs), attrs.get("type"), attrs.get("country"))


def _place(node: Node | None, text: Node | None, entities: dict[Node, dict[str, Any]]) -> Place | None:
    if node is None:
        return None
    attrs = entities.get(node, {})
    return Place(
        *_names(node, text, attrs), attrs.get("geonames_id"), attrs.get("lat"), attrs.get("lon"), attrs.get("country")
    )


def _time(r: Any) -> Time | None:
    """The time of an event row: its day, or its month or year at that precision."""
    precision = _py(r.precision)
    if r.date is None and r.timeText is None and precision in (None, "unknown"):
        return None
    if r.date is None and precision in ("month", "year") and r.period is not None:
        return Time(_py(r.timeText), None, precision, str(r.period))
    return Time(_py(r.timeText), _py(r.date))


def events_from_graph(graph: Graph) -> Iterator[Event]:
    """Yield the :class:`Event` records of a graph built by :func:`build_graph`.

    Examples
    --------
    >>> from conflict_kg.extract import Action, Event, Mention
    >>> from conflict_kg.graph import build_graph
    >>> ev = Event("d1", 0, Action("shelled", "shell", "ASSAULT"), actor=Mention("Rebels"))
    >>> list(events_from_graph(build_graph([ev]))) == [ev]
    True
    """
    for _iri, event in identified_events(lambda sparql: graph.query(sparql, initNs=PREFIXES)):
        yield event


def identified_events(run: Callable[[str], Any]) -> Iterator[tuple[str, Event]]:
    """Yield ``(event IRI, Event)`` for the events a SPARQL runner sees (a graph's or a store's ``query``)."""
    entities = _entity_attributes(run)
    rows = sorted(
        cast(Any, run(_EVENTS)),
        key=lambda r: (str(r.doc), int(r.sentence), str(r.event)),
    )
    seen: set[Node] = set()
    for r in rows:
        if r.event in seen:  # an event with two values of a property: keep its first row
            continue
        seen.add(r.event)
        cls = str(r.cls)[len(PLOVER) :] if str(r.cls).startswith(PLOVER) and r.cls is not None else None
        modality = str(r.modality).rsplit("#", 1)[-1] if r.modality is not None else "asserted"
        time = _time(r)
        yield (
            str(r.event),
            Event(
                doc=str(r.doc),
                sentence=int(r.sentence),
                action=Action(_py(r.text) or str(r.lemma), str(r.lemma), cls, _py(r.cameo), _py(r.start), _py(r.end)),
                actor=_mention(r.actor, r.actorText, entities),
                target=_mention(r.target, r.targetText, entities),
                place=_place(r.place, r.placeText, entities),
                time=time,
                modality=cast(Modality, modality if modality in MODALITIES else "asserted"),
                source=_mention(r.source, r.sourceText, entities),
                evidence=_py(r.evidence),
                sentence_start=_py(r.sStart),
                sentence_end=_py(r.sEnd),
                doc_date=_py(r.docDate),
                killed=_py(r.killed),
                injured=_py(r.injured),
                killed_min=_py(r.killedMin),
                injured_min=_py(r.injuredMin),
            ),
        )
