"""Shared fixtures: hand-made events from the Fallujah seed (no spaCy needed), and a private table cache."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conflict_kg.extract import Action, Event, Mention, Place, Time

FALLUJAH = Place("Fallujah", "Fallujah", 99608, 33.35, 43.78, "IRQ")
SENTENCE_1 = (
    "Government troops, backed by multiple air strikes from a U.S.-led coalition, recaptured the "
    "municipal building, though ISIS terrorists still controlled a fair portion of Fallujah"
)


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Prepared tables (the gazetteer index) go to a folder of this run, not the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONFLICT_KG_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def recapture() -> Event:
    """Government troops recaptured the municipal building (in Fallujah, on 2016-06-17)."""
    return Event(
        "d00",
        1,
        Action("recaptured", "recapture", "ASSAULT", "190", 277, 287),
        actor=Mention("Government troops", "government troops", "military", "IRQ"),
        target=Mention("the municipal building"),
        place=FALLUJAH,
        time=Time(None, "2016-06-17"),
        evidence=SENTENCE_1,
        sentence_start=200,
        sentence_end=400,
        doc_date="2016-06-17",
    )


@pytest.fixture
def fallujah_events(recapture: Event) -> list[Event]:
    """Five events of the seed article: control, a negated one, a sourced one, one without target."""
    return [
        recapture,
        Event(
            "d00",
            1,
            Action("controlled", "control", "COERCE"),
            actor=Mention("ISIS terrorists", "ISIS"),
            target=Mention("a fair portion of Fallujah"),
            place=FALLUJAH,
            time=Time(None, "2016-06-17"),
            evidence=SENTENCE_1,
            sentence_start=200,
            sentence_end=400,
            doc_date="2016-06-17",
        ),
        Event(
            "d00",
            2,
            Action("raised", "raise"),
            actor=Mention("federal police", type="police", country="IRQ"),
            target=Mention("the Iraqi state flag"),
            source=Mention("a military statement"),
            doc_date="2016-06-17",
        ),
        Event(
            "d00",
            3,
            Action("did not seek", "seek", "ASSAULT"),
            actor=Mention("pro-government fighters"),
            target=Mention("revenge"),
            modality="negated",
            doc_date="2016-06-17",
        ),
        Event(
            "d01",
            0,
            Action("launched", "launch", "ASSAULT"),
            actor=Mention("ISIS"),
            place=Place("Baghdad"),
            time=Time("on May 23", "2016-05-23"),
            doc_date="2016-06-01",
        ),
    ]
