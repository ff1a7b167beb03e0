"""Modality rules: sentence -> modality of the event with a given lemma."""

from __future__ import annotations

import pytest
from conflict_kg.extract._clauses import iter_frames
from conflict_kg.extract._modality import modality


def modality_of(nlp, text, lemma):
    doc = nlp(text)
    for sent in doc.sents:
        for frame in iter_frames(sent):
            if frame.lemma.split()[0] == lemma:
                return modality(frame.predicate)
    raise AssertionError(f"no {lemma!r} event in {text!r}")


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        ("Troops entered the village.", "enter", "asserted"),
        # own negation
        ("Troops did not enter the village.", "enter", "negated"),
        ("Soldiers could not reach the town.", "reach", "negated"),
        ("The rebels never captured the airport.", "capture", "negated"),
        # a negative determiner on the subject
        ("No group has claimed the bombing.", "claim", "negated"),
        # denial by the agent negates the complement
        ("The ministry denied that its jets had bombed the market.", "bomb", "negated"),
        ("The army denied reports that troops had burned the houses.", "burn", "negated"),
        # failure and refusal
        ("The convoy failed to reach the city.", "reach", "negated"),
        ("Government troops were unable to enter the town.", "enter", "negated"),
        # expectation, plans, threats
        ("Troops are expected to storm the city.", "storm", "possible"),
        ("The militants plan to attack the base.", "attack", "possible"),
        ("Rebels are preparing to shell the airport.", "shell", "possible"),
        ("The group threatened to kill the hostages.", "kill", "possible"),
        ("The army will withdraw from the area.", "withdraw", "possible"),
        # a condition may not happen
        ("Rebels will shell the town if troops enter the valley.", "enter", "possible"),
        # accusations and claims
        ("Activists accused the militia of torturing prisoners.", "torture", "alleged"),
        ("The militia has been accused of recruiting children.", "recruit", "alleged"),
        ("Rebels claimed that government jets had bombed a school.", "bomb", "alleged"),
        ("Police are investigating allegations that guards beat inmates.", "beat", "alleged"),
        ("Gunmen reportedly abducted two priests.", "abduct", "alleged"),
        # reported speech keeps the reported clause asserted
        ("Officials said that rebels shelled the town.", "shell", "asserted"),
        # the accusing speech act itself is asserted
        ("Activists accused the militia of torturing prisoners.", "accuse", "asserted"),
    ],
)
def test_modality(nlp, text, lemma, expected):
    """The event's modality follows its negation, modal and governing verb."""
    assert modality_of(nlp, text, lemma) == expected
