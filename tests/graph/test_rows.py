"""Tests of conflict_kg.graph._rows: the one event-row builder and the CSV writer."""

from __future__ import annotations

import csv
import io

import pytest
from conflict_kg.extract import Action, Event, Mention, Place, Time
from conflict_kg.graph import EVENT_COLUMNS, build_graph, event_row, events_from_graph, write_events_csv

SAADA = Place("Saada province", "Saada", None, 16.85, 43.61, "YEM")


def test_columns_are_the_analysts() -> None:
    """The columns follow the ACLED/GDELT conventions the analysts asked for, in order, each once."""
    assert EVENT_COLUMNS == (
        "event_id",
        "event_date",
        "actor",
        "actor_country",
        "actor_type",
        "action",
        "plover_class",
        "cameo_root",
        "target",
        "target_country",
        "location",
        "admin1",
        "country",
        "latitude",
        "longitude",
        "modality",
        "source",
        "document",
        "sentence_index",
        "sentence",
        "fatalities",
        "injured",
        "incident",
    )


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (
            Event(
                "d1",
                4,
                Action("shelled", "shell", "ASSAULT", "19"),
                actor=Mention("Houthi fighters", "Houthis", "rebels", "yem"),
                target=Mention("the market"),
                place=Place("Taiz", "Taiz", 70225, 13.58, 44.02, "YEM"),
                time=Time("on Monday", "2019-03-04"),
                source=Mention("residents"),
                evidence="Houthi fighters shelled the market in Taiz on Monday, residents said.",
            ),
            {
                "event_date": "2019-03-04",
                "actor": "Houthis",
                "actor_country": "YEM",
                "actor_type": "rebels",
                "action": "shell",
                "plover_class": "ASSAULT",
                "cameo_root": "19",
                "target": "the market",
                "target_country": None,
                "location": "Taiz",
                "admin1": None,
                "country": "YEM",
                "latitude": 13.58,
                "longitude": 44.02,
                "modality": "asserted",
                "source": "residents",
                "document": "d1",
                "sentence_index": 4,
                "sentence": "Houthi fighters shelled the market in Taiz on Monday, residents said.",
            },
        ),
        (
            Event("d2", 0, Action("did not attack", "attack", "ASSAULT", "190"), place=SAADA, modality="negated"),
            {"actor": None, "cameo_root": "19", "location": "Saada", "admin1": "Saada", "modality": "negated"},
        ),
        (
            Event("d3", 1, Action("met", "meet"), target=Mention("Turkish officials", country="TUR")),
            {"actor": None, "target": "Turkish officials", "target_country": "TUR", "plover_class": None},
        ),
    ],
)
def test_event_row_values(event: Event, expected: dict[str, object]) -> None:
    """Each column takes its value from the event (names over texts, codes upper case, the root of a CAMEO code)."""
    row = event_row(event)
    assert tuple(row) == EVENT_COLUMNS
    assert {k: row[k] for k in expected} == expected
    assert row["event_id"].startswith("https://w3id.org/conflict-kg/id/event/")


def test_rows_from_events_and_from_the_graph_agree(fallujah_events: list[Event]) -> None:
    """One builder: the rows of the events equal the rows of the events read back from their graph."""
    from_graph = [event_row(e) for e in events_from_graph(build_graph(fallujah_events))]
    by_id = {r["event_id"]: r for r in map(event_row, fallujah_events)}
    assert len(from_graph) == len(by_id) == 5
    assert all(row == by_id[row["event_id"]] for row in from_graph)


def test_csv_has_one_line_per_event(fallujah_events: list[Event]) -> None:
    """A header of the columns, then one line per event in the given order; None is an empty cell."""
    out = io.StringIO()
    assert write_events_csv(fallujah_events, out) == 5
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["action"] for r in rows] == [e.action.lemma for e in fallujah_events]
    raised = rows[2]
    assert (raised["actor"], raised["source"], raised["location"], raised["latitude"]) == (
        "federal police",
        "a military statement",
        "",
        "",
    )
    assert rows[0]["latitude"] == "33.35" and rows[0]["sentence_index"] == "1"
