"""Incidents: the event mentions, across articles, that report one occurrence.

One airstrike told by three agencies is three documents' events; an analyst
counts it once. :func:`link` groups mentions (:class:`Report`) into
incidents by the rules of :class:`LinkRules`: the same family of PLOVER
category (``data/incident_families.tsv``), compatible parties (the same
entity, or the same type and country where both are known), the same or a
nearby place (within a radius, or the same country when one report names only
the country), and dates within a small window (a report without a day of its
own is dated by its publication, with a wider window). Each incident is
summarized (:func:`summarize`) with its member events, the number of mentions,
reports (documents) and distinct sources, the first and last report date, the
range of casualty counts reported, and the consensus place, date and category.

Stores keep incidents in the named graph :data:`INCIDENTS_GRAPH`, maintained on
ingest and on removal (:func:`update_store`): candidates are found through an
index of link keys (family, day and article, grid cell or country:
``ckg:linkKey``, see :func:`link_keys`), never by scanning the
store; re-ingesting an article changes nothing; removing one takes its
mentions out of their incidents, and an incident left with no mention goes.

Examples
--------
>>> import datetime as dt
>>> day, later = dt.date(2024, 11, 11), dt.date(2024, 11, 13)
>>> a = Report("e1", "d1", "AP", "ASSAULT", day, day, "p:daquq", lat=35.1, lon=44.4)
>>> b = Report("e2", "d2", "Reuters", "ASSAULT", day, later, "p:kirkuk", lat=35.5, lon=44.4)
>>> c = Report("e3", "d2", "Reuters", "ASSAULT", day, later, "p:aleppo", lat=36.2, lon=37.2)
>>> [sorted(i.members) for i in link([a, b, c])]
[['e1', 'e2'], ['e3']]
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from conflict_kg.extract import Event, InputError, Mention
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from ._iris import actor_iri, event_iri, is_named, place_iri, plover_iri, stable_hash
from ._namespaces import CKG, ID, PREFIXES, SEM

if TYPE_CHECKING:
    from ._store import Store

__all__ = [
    "INCIDENTS_GRAPH",
    "Incident",
    "IncidentSummary",
    "LinkRules",
    "Party",
    "Report",
    "compatible",
    "families",
    "incident_triples",
    "is_vague_place",
    "link",
    "link_keys",
    "report_from_event",
    "summarize",
    "update_store",
]

#: The named graph holding the incidents (their summaries, members and link keys).
INCIDENTS_GRAPH = ID["graph/incidents"]
_EARTH_KM = 6371.0
_MODALITIES_LINKED = frozenset({"asserted", "alleged"})


@functools.cache
def families() -> dict[str, str]:
    """PLOVER category -> incident family, from ``data/incident_families.tsv``.

    >>> families()["COERCE"]
    'fight'
    """
    text = resources.files("conflict_kg.graph").joinpath("data", "incident_families.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise InputError(f"incident_families.tsv:{lineno}: expected CATEGORY<TAB>FAMILY, got {line!r}")
        out[parts[0].strip().upper()] = parts[1].strip()
    return out


@dataclass(frozen=True)
class Party:
    """An actor or target of a report: its IRI, whether it is named, its type and country."""

    iri: str
    named: bool = False
    type: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Report:
    """One event mention as linking sees it.

    ``date`` is the event's own day (None when the text gives none);
    ``reported`` the publication date of its document; ``source`` who
    published it (the document's origin, else its id); ``vague`` whether its
    place is a region or a country rather than a town (:func:`is_vague_place`).
    """

    event: str
    doc: str
    source: str
    category: str
    date: dt.date | None = None
    reported: dt.date | None = None
    place: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    parties: tuple[Party, ...] = ()
    killed: int | None = None
    injured: int | None = None
    vague: bool = False

    @property
    def family(self) -> str | None:
        return families().get(self.category)

    @property
    def day(self) -> dt.date | None:
        """The day that dates the report: its own, else its publication's."""
        return self.date or self.reported


@dataclass(frozen=True)
class LinkRules:
    """The thresholds of :func:`compatible`.

    ``days``: largest gap between two reports' own dates; ``undated_days``: the
    same when one report has no date of its own (publication dates trail the
    event by days); ``radius_km``: largest distance between two places.
    """

    days: int = 1
    undated_days: int = 3
    radius_km: float = 50.0


def _distance_km(a: Report, b: Report) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _dates_ok(a: Report, b: Report, rules: LinkRules) -> bool:
    if a.date is not None and b.date is not None:
        return abs((a.date - b.date).days) <= rules.days
    if a.day is None or b.day is None:
        return a.doc == b.doc
    return abs((a.day - b.day).days) <= rules.undated_days


@functools.lru_cache(maxsize=65536)
def is_vague_place(text: str) -> bool:
    """Whether a place phrase names a region or a country rather than a town.

    >>> is_vague_place("Afghanistan's eastern Paktia province"), is_vague_place("Lebanon"), is_vague_place("Qusayr")
    (True, True, False)
    """
    import pycountry
    from conflict_kg.extract._gazetteer import ADMIN_WORDS  # the one list of region words

    words = {w.strip(".,'’s").lower() for w in text.split()}
    if words & ADMIN_WORDS:
        return True
    try:
        pycountry.countries.lookup(text.strip())
    except LookupError:
        return False
    return True


def _places_ok(a: Report, b: Report, rules: LinkRules) -> bool:
    if a.place is None or b.place is None:
        # a mention placed nowhere links only within its article
        return a.doc == b.doc
    if a.place == b.place or (a.geonames_id is not None and a.geonames_id == b.geonames_id):
        return True
    if not a.vague and not b.vague and a.lat is not None and b.lat is not None:
        return _distance_km(a, b) <= rules.radius_km
    # one report names the place vaguely (a region, a country, no coordinates): the same country will do
    return a.country is None or b.country is None or a.country == b.country


def _party_ok(p: Party, q: Party) -> bool:
    if p.iri == q.iri:
        return True
    if p.named and q.named:
        return False
    same_country = p.country is None or q.country is None or p.country == q.country
    same_type = p.type is None or q.type is None or p.type == q.type
    return same_country and same_type


def _parties_ok(a: Report, b: Report) -> bool:
    if not a.parties or not b.parties:
        return True
    return any(_party_ok(p, q) for p in a.parties for q in b.parties)


def compatible(a: Report, b: Report, rules: LinkRules | None = None) -> bool:
    """Whether two reports can tell the same occurrence (see the module docstring).

    >>> import datetime as dt
    >>> day = dt.date(2024, 7, 22)
    >>> strike = Report("e1", "d1", "AP", "ASSAULT", day, place="p")
    >>> compatible(strike, Report("e2", "d2", "AFP", "ASSAULT", day, place="p"))
    True
    >>> compatible(strike, Report("e2", "d2", "AFP", "PROTEST", day, place="p"))
    False
    """
    rules = rules or LinkRules()
    return (
        a.family is not None
        and a.family == b.family
        and _dates_ok(a, b, rules)
        and _places_ok(a, b, rules)
        and _parties_ok(a, b)
    )


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat), math.floor(lon)


def _place_keys(report: Report, lookup: bool) -> list[str]:
    """Where a report may link: its article, and its grid cell or its country."""
    keys = [f"doc:{report.doc}"]
    if report.place is None:
        return keys
    country = report.country or "?"
    precise = not report.vague and report.lat is not None and report.lon is not None
    if precise:
        assert report.lat is not None and report.lon is not None
        lat, lon = _cell(report.lat, report.lon)
        steps = (-1, 0, 1) if lookup else (0,)
        keys += [f"cell:{lat + a},{lon + b}" for a in steps for b in steps]
        keys.append(f"vague:{country}" if lookup else f"country:{country}")
    else:
        keys.append(f"country:{country}")
        if not lookup:
            keys.append(f"vague:{country}")
    return keys


def link_keys(report: Report, rules: LinkRules | None = None, *, lookup: bool = False) -> list[str]:
    """The index keys of a report; with ``lookup``, the keys of every incident it may link to.

    A key is ``family|day|where``: the day is the report's own (else its
    publication's, looked up across the window of the rules), and ``where`` its
    article (``doc:``), its one-degree grid cell (``cell:``, looked up with the
    eight around it) and its country (``country:``; a vague place also gives
    ``vague:``, which precise reports look up). A new report so reads only the
    incidents near it in kind, time and space, never the whole store.

    >>> import datetime as dt
    >>> strike = Report("e", "d", "AP", "ASSAULT", dt.date(2024, 7, 22), place="p", lat=34.5, lon=36.6, country="SYR")
    >>> link_keys(strike)
    ['fight|2024-07-22|doc:d', 'fight|2024-07-22|cell:34,36', 'fight|2024-07-22|country:SYR']
    >>> len(link_keys(strike, lookup=True))  # 7 days x (article + 9 cells + vague places of the country)
    77
    """
    rules = rules or LinkRules()
    family = report.family
    if family is None or report.day is None:
        return []
    reach = max(rules.days, rules.undated_days) if lookup else 0
    return list(_keys(family, report.day, reach, tuple(_place_keys(report, lookup))))


@functools.lru_cache(maxsize=1 << 16)
def _keys(family: str, day: dt.date, reach: int, places: tuple[str, ...]) -> tuple[str, ...]:
    days = [(day + dt.timedelta(days=d)).isoformat() for d in range(-reach, reach + 1)]
    return tuple(f"{family}|{d}|{where}" for d in days for where in places)


@dataclass
class Incident:
    """A group of reports of one occurrence, as linking builds it (mutable while linking)."""

    iri: str
    members: dict[str, Report] = field(default_factory=dict)
    changed: bool = False
    stored: bool = False

    def support(self, report: Report, rules: LinkRules) -> float:
        """How well a report fits: the members it is :func:`compatible` with, over the square root of
        their number (0: it cannot join). Between a share and a count: a big incident that half fits
        does not beat a small one that fits entirely, nor the reverse."""
        if not self.members:
            return 0.0
        return sum(compatible(report, m, rules) for m in self.members.values()) / len(self.members) ** 0.5

    def add(self, report: Report) -> None:
        self.members[report.event] = report
        self.changed = True


def new_incident_iri(founder: str) -> str:
    """The IRI of an incident founded by the event ``founder`` (deterministic)."""
    return str(ID[f"incident/{stable_hash(founder)}"])


def link(
    reports: Iterable[Report],
    incidents: Iterable[Incident] = (),
    rules: LinkRules | None = None,
) -> list[Incident]:
    """Link reports, in order, into ``incidents`` (extended in place) or new ones; return them all.

    A report joins the candidate incident it fits best (:meth:`Incident.support`;
    ties: the first found); a report whose
    event is already a member changes nothing; one that joins none founds a new
    incident. Reports outside every family are skipped.
    """
    rules = rules or LinkRules()
    known = list(incidents)
    by_key: dict[str, list[Incident]] = {}
    member_of: dict[str, Incident] = {}
    for incident in known:
        for member in incident.members.values():
            member_of[member.event] = incident
            for key in link_keys(member, rules):
                by_key.setdefault(key, []).append(incident)
    for report in reports:
        if report.family is None or report.event in member_of:
            continue
        found: Incident | None = None
        best = 0.0
        seen: set[int] = set()
        for key in link_keys(report, rules, lookup=True):
            for incident in by_key.get(key, []):
                if id(incident) in seen:
                    continue
                seen.add(id(incident))
                score = incident.support(report, rules)
                if score > best:
                    found, best = incident, score
        if found is None:
            found = Incident(new_incident_iri(report.event), changed=True)
            known.append(found)
        found.add(report)
        member_of[report.event] = found
        for key in link_keys(report, rules):
            by_key.setdefault(key, []).append(found)
    return known


# ------------------------------------------------------------------ summaries


@dataclass(frozen=True)
class IncidentSummary:
    """What an incident says: counts, report dates, casualty range and consensus values."""

    iri: str
    members: tuple[str, ...]
    documents: tuple[str, ...]
    mentions: int
    reports: int
    sources: int
    first_reported: dt.date | None
    last_reported: dt.date | None
    killed: tuple[int, int] | None
    injured: tuple[int, int] | None
    category: str | None
    place: str | None
    date: dt.date | None
    keys: tuple[str, ...]


def _consensus(values: Iterable[Any]) -> Any:
    """The most frequent value (ties: the smallest as text), or None."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return min((v for v, n in counts.items() if n == best), key=str)


def _range(values: Iterable[int | None]) -> tuple[int, int] | None:
    stated = [v for v in values if v is not None]
    return (min(stated), max(stated)) if stated else None


def summarize(incident: Incident, rules: LinkRules | None = None) -> IncidentSummary:
    """The summary of an incident's members.

    >>> import datetime as dt
    >>> day = dt.date(2024, 6, 5)
    >>> inc = link([Report("e1", "d1", "AP", "ASSAULT", day, day, "p", killed=6),
    ...             Report("e2", "d2", "Reuters", "ASSAULT", day, day + dt.timedelta(1), "p", killed=5)])[0]
    >>> s = summarize(inc)
    >>> s.reports, s.sources, s.killed, str(s.last_reported)
    (2, 2, (5, 6), '2024-06-06')
    """
    members = list(incident.members.values())
    reported = [m.reported for m in members if m.reported is not None]
    return IncidentSummary(
        iri=incident.iri,
        members=tuple(sorted(incident.members)),
        documents=tuple(sorted({m.doc for m in members})),
        mentions=len(members),
        reports=len({m.doc for m in members}),
        sources=len({m.source for m in members}),
        first_reported=min(reported) if reported else None,
        last_reported=max(reported) if reported else None,
        killed=_range(m.killed for m in members),
        injured=_range(m.injured for m in members),
        category=_consensus(m.category for m in members),
        place=_consensus(m.place for m in members),
        date=_consensus(m.date for m in members),
        keys=tuple(sorted({k for m in members for k in link_keys(m, rules)})),
    )


def incident_triples(summary: IncidentSummary) -> Iterator[tuple[URIRef, URIRef, Any]]:
    """The RDF statements of an incident (for :data:`INCIDENTS_GRAPH`)."""
    from ._iris import document_iri

    node = URIRef(summary.iri)
    yield node, RDF.type, CKG.Incident
    for member in summary.members:
        yield node, CKG.member, URIRef(member)
        yield URIRef(member), CKG.incident, node
    for doc in summary.documents:
        yield node, PROV.wasDerivedFrom, document_iri(doc)
    yield node, CKG.mentionCount, Literal(summary.mentions)
    yield node, CKG.reportCount, Literal(summary.reports)
    yield node, CKG.sourceCount, Literal(summary.sources)
    if summary.first_reported is not None:
        yield node, CKG.firstReported, Literal(summary.first_reported.isoformat(), datatype=XSD.date)
    if summary.last_reported is not None:
        yield node, CKG.lastReported, Literal(summary.last_reported.isoformat(), datatype=XSD.date)
    if summary.killed is not None:
        yield node, CKG.killedLow, Literal(summary.killed[0])
        yield node, CKG.killedHigh, Literal(summary.killed[1])
    if summary.injured is not None:
        yield node, CKG.injuredLow, Literal(summary.injured[0])
        yield node, CKG.injuredHigh, Literal(summary.injured[1])
    if summary.category is not None:
        yield node, SEM.eventType, plover_iri(summary.category)
    if summary.place is not None:
        yield node, SEM.hasPlace, URIRef(summary.place)
    if summary.date is not None:
        iso = summary.date.isoformat()
        yield node, SEM.hasTimeStamp, Literal(iso, datatype=XSD.date)
        yield node, CKG.month, Literal(iso[:7], datatype=XSD.gYearMonth)
    for key in summary.keys:
        yield node, CKG.linkKey, Literal(key)


# ------------------------------------------------------------------ reports from events and from stores


def _party(mention: Mention | None, doc: str) -> Party | None:
    if mention is None:
        return None
    named = is_named(mention)
    iri = str(actor_iri(mention, None if named else doc))
    return Party(iri, named, mention.type, mention.country.upper() if mention.country else None)


def report_from_event(event: Event, source: str | None = None) -> Report | None:
    """The :class:`Report` of an event, or None when it cannot be linked (no family, not asserted)."""
    category = event.action.plover
    if category is None or category not in families() or event.modality not in _MODALITIES_LINKED:
        return None
    place = event.place
    parties = tuple(p for p in (_party(event.actor, event.doc), _party(event.target, event.doc)) if p is not None)
    return Report(
        event=str(event_iri(event)),
        doc=event.doc,
        source=source or event.doc,
        category=category,
        date=event.time.date if event.time else None,
        reported=event.doc_date,
        place=str(place_iri(place, None if is_named(place) else event.doc)) if place else None,
        geonames_id=place.geonames_id if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        country=place.country.upper() if place and place.country else None,
        parties=parties,
        killed=event.killed,
        injured=event.injured,
        vague=place is not None and (place.lat is None or is_vague_place(place.text) or is_vague_place(place.label)),
    )


_MEMBER_FEATURES = """
SELECT ?e ?doc ?origin ?cls ?date ?reported ?place ?ptext ?gn ?lat ?lon ?pc ?killed ?injured
       ?party ?ptype ?pcountry ?plabel
WHERE {{
  VALUES ?e {{ {values} }}
  GRAPH ?g {{
    ?e a sem:Event ; sem:eventType ?cls ; prov:wasDerivedFrom ?s .
    ?s dcterms:isPartOf ?d .
    ?d dcterms:identifier ?doc .
    OPTIONAL {{ ?d dcterms:date ?reported }}
    OPTIONAL {{ ?d ckg:origin ?origin }}
    OPTIONAL {{ ?e sem:hasTimeStamp ?date }}
    OPTIONAL {{ ?e ckg:killed ?killed }}
    OPTIONAL {{ ?e ckg:injured ?injured }}
    OPTIONAL {{ ?e sem:hasPlace ?place ; ckg:placeText ?ptext }}
    OPTIONAL {{ {{ ?e ckg:actor ?party }} UNION {{ ?e ckg:target ?party }} }}
  }}
  OPTIONAL {{ ?place owl:sameAs ?gn }}
  OPTIONAL {{ ?place wgs:lat ?lat ; wgs:long ?lon }}
  OPTIONAL {{ ?place ckg:country ?pc }}
  OPTIONAL {{ ?party ckg:actorType ?ptype }}
  OPTIONAL {{ ?party ckg:country ?pcountry }}
  OPTIONAL {{ ?party rdfs:label ?plabel }}
}}
"""


def _value(term: Any) -> Any:
    return term.toPython() if isinstance(term, Literal) else (None if term is None else str(term))


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def reports_from_store(store: Store, events: Iterable[str]) -> dict[str, Report]:
    """The reports of stored events, by event IRI (events no longer stored are absent)."""
    from ._iris import looks_named

    rows: dict[str, dict[str, Any]] = {}
    parties: dict[str, dict[str, Party]] = {}
    for chunk in _chunks(sorted(set(events)), 200):
        values = " ".join(f"<{e}>" for e in chunk)
        for row in store.query(_MEMBER_FEATURES.format(values=values)).bindings:
            r = {str(k): _value(v) for k, v in row.items()}
            event = r["e"]
            first = rows.setdefault(event, r)
            for key, value in r.items():
                if first.get(key) is None and value is not None:
                    first[key] = value
            if r.get("party"):
                label = r.get("plabel") or ""
                named = r.get("pcountry") is not None or looks_named(label)
                parties.setdefault(event, {})[r["party"]] = Party(r["party"], named, r.get("ptype"), r.get("pcountry"))
    out: dict[str, Report] = {}
    for event, r in rows.items():
        category = str(r["cls"]).rsplit("/", 1)[-1]
        gn = str(r.get("gn") or "").rstrip("/").rsplit("/", 1)[-1]
        out[event] = Report(
            event=event,
            doc=str(r["doc"]),
            source=str(r.get("origin") or r["doc"]),
            category=category,
            date=r.get("date") if isinstance(r.get("date"), dt.date) else None,
            reported=r.get("reported") if isinstance(r.get("reported"), dt.date) else None,
            place=r.get("place"),
            geonames_id=int(gn) if gn.isdigit() else None,
            lat=float(r["lat"]) if r.get("lat") is not None else None,
            lon=float(r["lon"]) if r.get("lon") is not None else None,
            country=r.get("pc"),
            parties=tuple(sorted(parties.get(event, {}).values(), key=lambda p: p.iri)),
            killed=int(r["killed"]) if r.get("killed") is not None else None,
            injured=int(r["injured"]) if r.get("injured") is not None else None,
            vague=r.get("place") is not None and (r.get("lat") is None or is_vague_place(str(r.get("ptext") or ""))),
        )
    return out


_ALL_PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())


def _incident_members(store: Store, where: str) -> dict[str, list[str]]:
    """Incident IRI -> member event IRIs, for the incidents a graph pattern on ``?i`` selects."""
    found: dict[str, list[str]] = {}
    # every prefix declared: the store then adds none, and does not search a long VALUES list for them
    query = f"{_ALL_PREFIXES}\nSELECT ?i ?e WHERE {{ GRAPH <{INCIDENTS_GRAPH}> {{ {where} ?i ckg:member ?e }} }}"
    for row in store.query(query).bindings:
        values = {str(k): str(v) for k, v in row.items()}
        found.setdefault(values["i"], []).append(values["e"])
    return found


def _load(store: Store, members: dict[str, list[str]]) -> list[Incident]:
    """Incidents with their members' reports read from the store (vanished members dropped)."""
    reports = reports_from_store(store, [e for es in members.values() for e in es])
    out = []
    for iri, events in sorted(members.items()):
        incident = Incident(iri, stored=True)
        for event in sorted(events):
            if event in reports:
                incident.members[event] = reports[event]
            else:
                incident.changed = True
        out.append(incident)
    return out


def _write(store: Store, incidents: list[Incident], rules: LinkRules) -> int:
    """Replace the statements of the changed incidents in the store; how many were written."""
    from ._ntriples import nquads

    changed = [i for i in incidents if i.changed]
    if not changed:
        return 0
    graph = str(INCIDENTS_GRAPH)
    for chunk in _chunks([i.iri for i in changed if i.stored], 100):
        values = " ".join(f"<{iri}>" for iri in chunk)
        store.update(
            f"DELETE {{ GRAPH <{graph}> {{ ?i ?p ?o . ?e ckg:incident ?i }} }} "
            f"WHERE {{ VALUES ?i {{ {values} }} GRAPH <{graph}> {{ ?i ?p ?o OPTIONAL {{ ?e ckg:incident ?i }} }} }}"
        )
    text = "".join(nquads(INCIDENTS_GRAPH, incident_triples(summarize(i, rules))) for i in changed if i.members)
    if text:
        store._write_batch([(graph, text)], [])
    return len(changed)


def update_store(
    store: Store,
    reports: Iterable[Report] = (),
    *,
    documents: Iterable[str] = (),
    rules: LinkRules | None = None,
) -> int:
    """Bring a store's incidents up to date after documents were added, replaced or removed.

    Parameters
    ----------
    store : Store
        The store, with its document graphs already written.
    reports : iterable of Report
        The reports of the events just ingested, in order.
    documents : iterable of str
        Ids (or IRIs) of documents just ingested, replaced or removed: their incidents are re-read,
        and mentions no longer stored leave them.
    rules : LinkRules, optional

    Returns
    -------
    int
        The number of incidents written (created, changed or dissolved).
    """
    from ._iris import document_iri

    rules = rules or LinkRules()
    reports = list(reports)
    prefix = str(ID["doc/"])
    docs = sorted({d if d.startswith(prefix) else str(document_iri(d)) for d in documents})
    members: dict[str, list[str]] = {}
    for chunk in _chunks(docs, 100):
        values = " ".join(f"<{d}>" for d in chunk)
        members.update(_incident_members(store, f"VALUES ?d {{ {values} }} ?i prov:wasDerivedFrom ?d ."))
    # an article's own keys find nothing stored that prov:wasDerivedFrom did not already find
    keys = sorted({k for r in reports for k in link_keys(r, rules, lookup=True) if "|doc:" not in k})
    for chunk in _chunks(keys, 1000):
        values = " ".join(json.dumps(k) for k in chunk)  # JSON string syntax is SPARQL's
        members.update(_incident_members(store, f"VALUES ?k {{ {values} }} ?i ckg:linkKey ?k ."))
    incidents = _load(store, members)
    incidents = link(reports, incidents, rules)
    return _write(store, incidents, rules)
