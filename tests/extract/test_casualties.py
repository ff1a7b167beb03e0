"""Casualty counts: number parsing, and sentences to the killed / injured of their events."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from conflict_kg.extract import InputError, _casualties, extract_events
from conflict_kg.extract._casualties import Casualties, parse_count, read_lexicon, vague_bound


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", 20),
        ("1,200", 1200),
        ("six", 6),
        ("Six", 6),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("two hundred", 200),
        ("two hundred and five", 205),
        ("3 thousand", 3000),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("at least 20", 20),
        ("more than 30", 30),
        ("nearly forty", 40),
        ("dozens", None),
        ("scores", None),
        ("several", None),
        ("people", None),
        ("", None),
    ],
)
def test_parse_count(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(("text", "bound"), [("dozens", 24), ("Scores", 40), ("hundreds", 200), ("12", None)])
def test_vague_bound(text: str, bound: int | None) -> None:
    assert vague_bound(text) == bound


def test_merge_keeps_stated_numbers_first() -> None:
    merged = Casualties(killed=3).merge(Casualties(killed=5, injured=2))
    assert (merged.killed, merged.injured) == (3, 2)
    assert not Casualties()


def test_bad_lexicon_row_names_the_value(tmp_path: Path) -> None:
    bad = tmp_path / "words.tsv"
    bad.write_text("number\tsix\tmany\n", encoding="utf-8")
    with pytest.raises(InputError, match="'many'"):
        read_lexicon(bad)
    bad.write_text("colour\tred\n", encoding="utf-8")
    with pytest.raises(InputError, match="'colour'"):
        read_lexicon(bad)


def test_docstring_examples() -> None:
    assert doctest.testmod(_casualties).failed == 0


def _counts(nlp, text: str) -> dict[str, tuple[int | None, int | None, int | None]]:
    events = extract_events(text, date="2024-11-12", nlp=nlp)
    return {e.action.lemma: (e.killed, e.injured, e.killed_min) for e in events}


@pytest.mark.parametrize(
    ("sentence", "lemma", "killed", "injured"),
    [
        # participial killing: the attack and the killing both carry it
        (
            "Militants ambushed an army patrol on Monday, killing at least 11 soldiers and wounding six others.",
            "ambush",
            11,
            6,
        ),
        (
            "Militants ambushed an army patrol on Monday, killing at least 11 soldiers and wounding six others.",
            "kill",
            11,
            None,
        ),
        (
            "Militants ambushed an army patrol on Monday, killing at least 11 soldiers and wounding six others.",
            "wound",
            None,
            6,
        ),
        # number words, coordinated victims
        ("Gunmen killed an officer and two soldiers in Kabul.", "kill", 3, None),
        ("A drone struck a truck near Qusayr, killing two fighters and a driver.", "strike", 3, None),
        ("An Israeli strike killed a woman and wounded her son.", "kill", 1, None),
        ("An Israeli strike killed a woman and wounded her son.", "wound", None, 1),
        ("Gunmen ambushed a patrol, killing two soldiers and wounding another.", "ambush", 2, 1),
        # a list of some of the victims is part of the count, not added to it
        ("Jets bombed a village, killing nine civilians, including two children and a nurse.", "bomb", 9, None),
        ("Gunmen killed five people, among them a police officer and his wife, in Zaria.", "kill", 5, None),
        # passive reports with no agent go to the attack of the sentence
        ("Rebels shelled the market in Taiz, and 27 people were killed.", "shell", 27, None),
        ("Jihadists attacked a military post in Mali, killing seven soldiers.", "attack", 7, None),
        ("Islamist militants killed 17 farmers in Borno.", "kill", 17, None),
        # a death toll counts the attack it is about
        (
            "The death toll from the ambush rose to 14 on Wednesday. The patrol was attacked by jihadists on Monday.",
            "attack",
            14,
            None,
        ),
    ],
)
def test_sentence_casualties(nlp, sentence: str, lemma: str, killed: int | None, injured: int | None) -> None:
    found = _counts(nlp, sentence)
    assert found[lemma][:2] == (killed, injured)


@pytest.mark.parametrize(
    "sentence",
    [
        "A 17-year-old fighter attacked the checkpoint in Kabul.",  # an age
        "Rebels shelled the town for 12 hours on Monday.",  # a time
        "Troops fired 40 rockets at the village.",  # a unit
        "The group seized the region in 2014.",  # a year
        "Rebels attacked the town 5 km north of Aleppo.",  # a distance
    ],
)
def test_no_casualties_from_other_numbers(nlp, sentence: str) -> None:
    for killed, injured, bound in _counts(nlp, sentence).values():
        assert (killed, injured, bound) == (None, None, None)


def test_vague_amount_is_only_a_lower_bound(nlp) -> None:
    killed, injured, bound = _counts(nlp, "The militants have killed dozens of soldiers.")["kill"]
    assert (killed, injured, bound) == (None, None, 24)
