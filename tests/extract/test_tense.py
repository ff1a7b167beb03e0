"""Tense and aspect: which clauses may take the episode's date."""

from __future__ import annotations

import pytest
from conflict_kg.extract._tense import clause_tense, takes_episode_date


def _verb(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        ("Rebels shelled the port.", "shelled", "past"),
        ("Rebels had shelled the port.", "shelled", "past"),
        ("Rebels have shelled the port for weeks.", "shelled", "perfect"),
        ("The group has killed hundreds of soldiers.", "killed", "perfect"),
        ("Hundreds have been abducted since the coup.", "abducted", "perfect"),
        ("Gangs control most of the valley.", "control", "present"),
        ("The army will retake the town.", "retake", "modal"),
        ("Troops were sent to the border.", "sent", "past"),
    ],
)
def test_clause_tense(nlp, text, word, tense):
    """The tense comes from the verb's own form and auxiliaries."""
    assert clause_tense(_verb(nlp, text, word)) == tense


@pytest.mark.parametrize(
    ("text", "word", "lemma", "expected"),
    [
        ("Militants stormed a police post.", "stormed", "storm", True),
        ("The militia has looted dozens of shops.", "looted", "loot", False),
        ("Officials accused the rebels of looting shops.", "looting", "loot", False),
        ("The ministry denied bombing the hospital.", "bombing", "bomb", False),
        ("Soldiers backed by drones chased the gunmen.", "backed", "back", False),
        ("Soldiers backed by drones chased the gunmen.", "chased", "chase", True),
    ],
)
def test_takes_episode_date(nlp, text, word, lemma, expected):
    """Told past acts take the episode's date; background, imputed acts and standing relations do not."""
    assert takes_episode_date(_verb(nlp, text, word), lemma) is expected


def test_modifier_frames_take_no_date(nlp):
    """'ISIS-held town': a standing relation, never dated by the episode."""
    token = nlp("Troops entered the rebel-held town.")[3]
    assert takes_episode_date(token, "hold", "modifier") is False
