"""Datelines: found, blanked before parsing, and never an actor, target or event date."""

from __future__ import annotations

import pytest
from conflict_kg.extract import extract_events
from conflict_kg.extract._dateline import find_dateline, isolate_dateline


@pytest.mark.parametrize(
    ("text", "places", "agency", "date"),
    [
        ("HERAT, Afghanistan (AP) — Gunmen shot a judge.", ("Herat", "Afghanistan"), "AP", None),
        ("TRIPOLI, March 3 (Reuters) - Militias clashed overnight.", ("Tripoli",), "Reuters", "March 3"),
        ("SANAA, Yemen, Jan 9 (Reuters) - Houthis fired a missile.", ("Sanaa", "Yemen"), "Reuters", "Jan 9"),
        ("Niamey (AFP) - Soldiers repelled an attack.", ("Niamey",), "AFP", None),
        ("EL FASHER, Sudan — Fighters shelled a camp.", ("El Fasher", "Sudan"), None, None),
        ("PORT-AU-PRINCE (AP) — Gangs burned a police station.", ("Port-Au-Prince",), "AP", None),
    ],
)
def test_find_dateline(text, places, agency, date):
    """City, country, agency and filing date are read from the opening dateline."""
    found = find_dateline(text)
    assert found is not None
    assert (found.places, found.agency, found.date) == (places, agency, date)
    assert text[found.end :][0].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled Taiz on Monday.",
        "US forces — backed by drones — struck a convoy.",
        "The army (FAMa) said it repelled an attack.",
        "Houthi fighters, Yemen's rebels, took the town.",
    ],
)
def test_no_dateline(text):
    """Ordinary sentence openings are not datelines."""
    assert find_dateline(text) is None
    assert isolate_dateline(text) == text


@pytest.mark.parametrize(
    "text",
    ["GAO, Mali (AFP) - Jihadists attacked a convoy.", "GAO, Mali (AFP) \u2014 Jihadists attacked a convoy."],
)
def test_isolate_keeps_offsets(nlp, text):
    """The dateline ends in a full stop, the length is unchanged, and it parses as a sentence of its own."""
    isolated = isolate_dateline(text)
    assert len(isolated) == len(text) and isolated.startswith("GAO, Mali (AFP) . Jihadists")
    assert [s.text for s in nlp(isolated).sents][-1] == "Jihadists attacked a convoy."
    events = extract_events(text, date="2024-03-05", nlp=nlp)
    assert [text[e.action.start : e.action.end] for e in events] == ["attacked"]


@pytest.mark.parametrize(
    ("text", "lemma", "actor", "target"),
    [
        ("HERAT, Afghanistan (AP) — Gunmen shot a judge on Monday.", "shoot", "Gunmen", "a judge"),
        ("TRIPOLI, March 3 (Reuters) - Militias attacked a checkpoint.", "attack", "Militias", "a checkpoint"),
        ("GOMA, Congo (AP) — Rebels seized a town in North Kivu.", "seize", "Rebels", "a town"),
    ],
)
def test_dateline_is_no_argument(nlp, text, lemma, actor, target):
    """The dateline's city is neither actor nor target of the first sentence."""
    events = extract_events(text, date="2024-03-05", nlp=nlp)
    found = [e for e in events if e.action.lemma == lemma]
    assert [(e.actor and e.actor.text, e.target and e.target.text) for e in found] == [(actor, target)]


def test_dateline_date_is_not_the_event_date(nlp):
    """The filing date in the dateline does not date the event; the clause's own weekday does."""
    events = extract_events("KABUL, May 9 (Reuters) - Gunmen killed two guards on Tuesday.", date="2024-05-09", nlp=nlp)
    kill = next(e for e in events if e.action.lemma == "kill")
    assert kill.time is not None and kill.time.date.isoformat() == "2024-05-07"


def test_dateline_country_sets_the_context(nlp):
    """'Government troops' in a report filed from a country act for that country."""
    events = extract_events(
        "MOGADISHU, Somalia (AP) — Government troops recaptured a village.", date="2024-05-09", nlp=nlp
    )
    recapture = next(e for e in events if e.action.lemma == "recapture")
    assert recapture.actor is not None and recapture.actor.country == "SOM"


def test_dateline_country_outweighs_a_few_mentions(nlp):
    """A country named in the dateline counts for more than one passing mention of another."""
    text = (
        "KYIV, Ukraine (AP) — A Russian drone hit a depot near the Russian border on Monday. "
        "The regional governor said two people died."
    )
    say = next(e for e in extract_events(text, date="2024-06-04", nlp=nlp) if e.action.lemma == "say")
    assert say.actor is not None and say.actor.country == "UKR"
