"""Scoring against a gold set: matching, field accuracies and the error listing."""

from __future__ import annotations

import json

import pytest
from conflict_kg.extract import InputError
from conflict_kg.extract._evaluate import format_errors, parse_gold, score

GOLD = [
    {
        "id": "d1",
        "events": [
            {
                "actor": "rebels",
                "action": "shell",
                "target": "airport",
                "place": "Misrata",
                "date": "2016-05-03",
                "modality": "asserted",
            },
            {"actor": None, "action": "kill", "target": "people", "place": None, "date": None, "modality": "asserted"},
            {
                "actor": "ceasefire",
                "action": "collapse",
                "target": None,
                "place": None,
                "date": None,
                "modality": "asserted",
                "optional": True,
            },
        ],
    }
]


def pred(actor, lemma, target, place=None, date=None, modality="asserted"):
    return {
        "doc": "d1",
        "actor": actor and {"text": actor},
        "action": {"lemma": lemma},
        "target": target and {"text": target},
        "place": place and {"text": place},
        "time": {"date": date},
        "modality": modality,
    }


def test_perfect_match():
    """Matching predictions give F1 and strict F1 of 1."""
    s = score(
        GOLD, [pred("Rebels", "shell", "the airport", "Misrata", "2016-05-03"), pred("A bomb", "kill", "8 people")]
    )
    assert (s.tp, s.fp, s.fn, s.f1, s.strict_f1) == (2, 0, 0, 1.0, 1.0)


def test_optional_absorbs_without_counting():
    """An optional gold event neither adds recall nor counts its match as a false positive."""
    s = score(
        GOLD,
        [pred("Rebels", "shell", "airport"), pred(None, "kill", "people"), pred("The ceasefire", "collapse", None)],
    )
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)


@pytest.mark.parametrize(
    ("prediction", "kind"),
    [
        (pred("Rebels", "shell", "airport", "Benghazi", "2016-05-03"), "PLACE"),
        (pred("Rebels", "shell", "airport", "Misrata", "2016-05-04"), "DATE"),
        (pred("Rebels", "shell", "airport", "Misrata", "2016-05-03", "negated"), "MODALITY"),
        (pred("Police", "shell", "airport"), "EXTRA"),
    ],
)
def test_error_kinds(prediction, kind):
    """Each wrong field or unmatched prediction is listed with its kind."""
    s = score(GOLD, [prediction])
    assert any(line.startswith(f"{kind} d1:") for line in format_errors(s))


def test_miss_is_listed():
    """A required gold event with no prediction is a MISS."""
    s = score(GOLD, [])
    assert s.fn == 2 and sum(line.startswith("MISS") for line in format_errors(s)) == 2


def test_parse_gold_names_bad_line():
    """A malformed gold line raises InputError naming the source and line."""
    good = json.dumps({"id": "d1", "text": "x", "events": []})
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        parse_gold([good, "{not json"], source="gold.jsonl")


def test_date_counts_on_every_match():
    """A date predicted where the gold has none is wrong (background keeps no publication date)."""
    s = score(
        GOLD,
        [pred("Rebels", "shell", "airport", "Misrata", "2016-05-03"), pred(None, "kill", "people", date="2016-05-03")],
    )
    assert (s.date_ok, s.date_n) == (1, 2)
    assert any(line.startswith("DATE d1: kill gold=None") for line in format_errors(s))


@pytest.mark.parametrize(("country", "ok"), [("LBY", 1), ("TUN", 0), (None, 0)])
def test_country_accuracy(country, ok):
    """Gold actor_country / target_country are compared with the mention's country."""
    gold = [{"id": "d1", "events": [dict(GOLD[0]["events"][0], actor_country="LBY")]}]
    p = pred("Rebels", "shell", "airport", "Misrata", "2016-05-03")
    p["actor"]["country"] = country
    s = score(gold, [p])
    assert (s.country_ok, s.country_n) == (ok, 1)
    assert s.as_dict()["country_acc"] == float(ok)
    assert any(line.startswith("COUNTRY") for line in format_errors(s)) == (not ok)


def test_unknown_class_share():
    """Predictions whose action has no PLOVER class (or UNKNOWN) are counted over all predictions."""
    known = pred("Rebels", "shell", "airport")
    known["action"]["class"] = "ASSAULT"
    unknown = pred("Police", "parade", None)
    unknown["action"]["class"] = "UNKNOWN"
    s = score(GOLD, [known, unknown, pred(None, "kill", "people")])
    assert (s.unknown, s.as_dict()["unknown_class"]) == (2, round(2 / 3, 3))
