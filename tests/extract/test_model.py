"""The records: validation names the field and value; JSON round trips are exact."""

from __future__ import annotations

import datetime as dt

import pytest
from conflict_kg.extract import Action, Document, Event, InputError, Mention, Place, Time
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Document("", "text"), r"Document.id must be a non-empty string, got ''"),
        (lambda: Document("d", "t", "yesterday"), r"Document.date must be an ISO date YYYY-MM-DD, got 'yesterday'"),
        (lambda: Mention("  "), r"Mention.text must be a non-empty string"),
        (lambda: Place("Aleppo", lat=36.2), r"Place needs both lat and lon"),
        (lambda: Event("d", 0, Action("hit", "hit"), modality="maybe"), r"Event.modality must be one of .*'maybe'"),
        (lambda: Event("d", -1, Action("hit", "hit")), r"Event.sentence must be a non-negative integer, got -1"),
    ],
)
def test_validation_names_field_and_value(build, message):
    """Bad values raise InputError naming the field and showing the value."""
    with pytest.raises(InputError, match=message):
        build()


def test_records_are_frozen():
    """Records cannot be changed after creation."""
    e = Event("d", 0, Action("hit", "hit"))
    with pytest.raises(AttributeError):
        e.doc = "other"  # type: ignore[misc]


def test_from_dict_rejects_non_events():
    """A record without doc or action is an InputError."""
    with pytest.raises(InputError, match="needs at least 'doc' and 'action'"):
        Event.from_dict({"actor": "x"})


texts = st.text(min_size=1, max_size=20).filter(str.strip)
mentions = st.builds(Mention, texts, st.none() | texts, st.none() | texts, st.none() | st.sampled_from(["IRQ", "SYR"]))
events = st.builds(
    Event,
    doc=texts,
    sentence=st.integers(0, 500),
    action=st.builds(Action, texts, texts, st.none() | st.sampled_from(["ASSAULT", "AID"])),
    actor=st.none() | mentions,
    target=st.none() | mentions,
    place=st.none() | st.builds(Place, texts, st.none() | texts),
    time=st.none() | st.builds(Time, st.none() | texts, st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))),
    modality=st.sampled_from(["asserted", "negated", "possible", "alleged"]),
    source=st.none() | mentions,
    doc_date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
)


@given(events)
def test_event_round_trip(event):
    """Event -> dict -> Event is the identity."""
    assert Event.from_dict(event.to_dict()) == event
