"""Tests of conflict_kg.graph._iris: deterministic, content-based IRIs."""

from __future__ import annotations

import pytest
from conflict_kg.extract import Action, Event, InputError, Mention, Place
from conflict_kg.graph import action_iri, actor_iri, document_iri, event_iri, fold, place_iri, stable_hash
from conflict_kg.graph._iris import is_named
from hypothesis import given
from hypothesis import strategies as st


def test_iri_scheme_is_pinned() -> None:
    """IRIs must not change between versions, or re-ingesting would duplicate everything."""
    assert str(document_iri("d00")) == "https://w3id.org/conflict-kg/id/doc/d4hvwyt7zbsir3oa"
    assert str(actor_iri(Mention("ISIS"))).startswith("https://w3id.org/conflict-kg/id/actor/")
    assert stable_hash("doc", 1) == "mstc7gohblxe7ojr"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Mention("ISIS"), Mention("the  ISIS")),
        (Mention("the  Taliban"), Mention("Taliban")),
        (Mention("Iraqi forces", "Government Forces"), Mention("Government  Forces")),
        (Mention("the hospital"), Mention("The  Hospital", "hospital")),
    ],
)
def test_same_actor_same_iri(a: Mention, b: Mention) -> None:
    """Actors are keyed by case- and space-folded label (name, else text)."""
    assert actor_iri(a, "d1") == actor_iri(b, "d1")


@pytest.mark.parametrize(
    ("mention", "named"),
    [
        (Mention("ISIS"), True),
        (Mention("Iraqi forces", "Iraq military", "military", "IRQ"), True),
        (Mention("Ali al-Sistani"), True),
        (Mention("the hospital", "hospital"), False),
        (Mention("civilians", "civilians", "civilians"), False),
        (Mention("gunmen", type="armed group"), False),
        (Mention("They"), False),
        (Mention("a school in Aleppo", "school"), False),
    ],
)
def test_only_named_actors_are_shared_across_documents(mention: Mention, named: bool) -> None:
    """Proper names and actors with a country are one node everywhere; descriptions one per document."""
    assert is_named(mention) is named
    assert (actor_iri(mention, "d1") == actor_iri(mention, "d2")) is named
    if not named:
        with pytest.raises(InputError, match="generic description"):
            actor_iri(mention)


def test_country_separates_actors() -> None:
    """The same label with different countries gives different nodes."""
    assert actor_iri(Mention("army", country="IRQ")) != actor_iri(Mention("army", country="SYR"))


def test_places_by_geonames_id_else_name() -> None:
    """A GeoNames id identifies a place whatever its name; otherwise the folded name does."""
    assert place_iri(Place("Falluja", geonames_id=99608)) == place_iri(Place("Fallujah", geonames_id=99608))
    assert place_iri(Place("Fallujah")) == place_iri(Place("FALLUJAH"))
    assert place_iri(Place("Fallujah")) != place_iri(Place("Fallujah", geonames_id=99608))
    assert place_iri(Place("the village"), "d1") != place_iri(Place("the village"), "d2")


def test_event_iri_depends_on_participants() -> None:
    """Coordinated subjects give distinct events; an equal event the same IRI."""
    base = Event("d1", 0, Action("attacked", "attack"), actor=Mention("Peshmerga fighters"))
    other = Event("d1", 0, Action("attacked", "attack"), actor=Mention("army units"))
    assert event_iri(base) != event_iri(other)
    assert event_iri(base) == event_iri(Event.from_dict(base.to_dict()))


@given(st.text(min_size=1))
def test_fold_is_idempotent_and_iris_are_valid(text: str) -> None:
    """Folding twice changes nothing; action IRIs contain no spaces."""
    assert fold(fold(text)) == fold(text)
    if text.strip():
        assert " " not in str(action_iri(text))


@given(st.text(min_size=1).filter(str.strip), st.text(min_size=1).filter(str.strip))
def test_distinct_documents_distinct_iris(a: str, b: str) -> None:
    """Different document ids never share an IRI (80-bit hash)."""
    assert (document_iri(a) == document_iri(b)) == (a == b)
