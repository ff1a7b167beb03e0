"""Clause rules: sentence -> (actor, lemma, target) frames."""

from __future__ import annotations

import pytest
from conflict_kg.extract._clauses import iter_frames, verb_lemma
from conflict_kg.extract._mentions import mention_span


def triples(nlp, text):
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        for f in iter_frames(sent):
            actor = f.actor_text or (mention_span(f.actor).text if f.actor is not None else None)
            target = mention_span(f.target).text if f.target is not None else None
            out.append((actor, f.lemma, target))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice: subject acts on the direct object
        ("Rebels shelled the airport.", [("Rebels", "shell", "the airport")]),
        # passive agent: the by-phrase is the actor, the subject the target
        ("The convoy was ambushed by Taliban fighters.", [("Taliban fighters", "ambush", "The convoy")]),
        # passive without agent: no actor
        ("Two journalists were kidnapped.", [(None, "kidnap", "Two journalists")]),
        # coordinated subjects: one event each
        (
            "Kurdish fighters and army units attacked the village.",
            [("Kurdish fighters", "attack", "the village"), ("army units", "attack", "the village")],
        ),
        # coordinated verbs share the subject
        (
            "Gunmen looted the market and burned the mosque.",
            [("Gunmen", "loot", "the market"), ("Gunmen", "burn", "the mosque")],
        ),
        # xcomp chain: the complement carries the event
        ("Soldiers continued shelling the hills.", [("Soldiers", "shell", "the hills")]),
        # participial adjunct: a second event by the same actor
        ("Jets bombed a convoy, killing 12 fighters.", [("Jets", "bomb", "a convoy"), ("Jets", "kill", "12 fighters")]),
        # 'backed by X': X backs the modified noun
        (
            "Militias, backed by Turkish drones, stormed the town.",
            [("Turkish drones", "back", "Militias"), ("Militias", "storm", "the town")],
        ),
        # hyphenated relation modifier
        (
            "Rebel-held towns were shelled.",
            [("Rebel", "hold", "Rebel-held towns"), (None, "shell", "Rebel-held towns")],
        ),
        # weapon object: the at-object is the target
        ("Militants fired mortars at the embassy.", [("Militants", "fire", "the embassy")]),
        # light verb 'open fire on'
        ("Police opened fire on the crowd.", [("Police", "open fire", "the crowd")]),
        # reciprocal 'clash with'
        ("Protesters clashed with police.", [("Protesters", "clash", "police")]),
        # particle verbs keep the particle
        ("Rebels shot down a helicopter.", [("Rebels", "shoot down", "a helicopter")]),
        # speech act: an event of its own, with no target from its complement
        ("Witnesses said that troops burned homes.", [("Witnesses", "say", None), ("troops", "burn", "homes")]),
        # object control: the urged party does the complement
        (
            "The envoy urged the rebels to release the hostages.",
            [("The envoy", "urge", "the rebels"), ("the rebels", "release", "the hostages")],
        ),
        # 'accused X of Ving': X does the complement
        (
            "Amnesty accused the police of beating prisoners.",
            [("Amnesty", "accuse", "the police"), ("the police", "beat", "prisoners")],
        ),
        # nominal event with a stated actor
        (
            "Officials condemned an attack by gunmen on a school.",
            [("Officials", "condemn", "an attack"), ("gunmen", "attack", "a school")],
        ),
        # participle modifying a noun: passive
        (
            "Troops freed civilians held by the militia.",
            [("Troops", "free", "civilians"), ("the militia", "hold", "civilians")],
        ),
        # states and perception are not events
        ("The town remains tense and smoke could be seen.", []),
    ],
)
def test_frames(nlp, text, expected):
    """Each construction yields the expected (actor, lemma, target) triples."""
    assert triples(nlp, text) == expected


def test_prefixed_irregular_lemma(nlp):
    """'retook' is lemmatized to 'retake' through the irregular-verb table."""
    doc = nlp("Government forces retook the town.")
    verb = next(t for t in doc if t.lower_ == "retook")
    assert verb_lemma(verb) == "retake"
