"""benchmarks/data/own_long.jsonl: the own gold set keeps the conventions of GUIDELINES.md."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conflict_kg.extract import parse_gold
from conflict_kg.extract._classes import CATEGORIES

GOLD = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "own_long.jsonl"
FIELDS = {"actor", "action", "target", "place", "date", "modality"}
OPTIONAL_FIELDS = {"optional", "class", "source", "geonames"}
COUNTED = {"actor_country", "target_country", "killed", "injured", "incident"}
MODALITIES = {"asserted", "negated", "possible", "alleged"}
PLOVER = set(CATEGORIES)
DOCS = parse_gold(GOLD.read_text(encoding="utf-8").splitlines(), source=str(GOLD))


def _events() -> list[tuple[str, dict[str, Any]]]:
    return [(doc["id"], event) for doc in DOCS for event in doc["events"]]


def test_the_set_is_fourteen_full_articles():
    assert [doc["id"] for doc in DOCS] == [f"b{n:02d}" for n in range(1, 15)]
    for doc in DOCS:
        assert 300 <= len(doc["text"].split()) <= 700, doc["id"]
        assert set(doc) == {"id", "date", "text", "events"}, doc["id"]


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d["id"])
def test_every_event_has_the_guideline_fields_and_no_others(doc):
    for event in doc["events"]:
        assert set(event) >= FIELDS, event
        assert set(event) <= FIELDS | OPTIONAL_FIELDS | COUNTED, sorted(set(event) - FIELDS)
        assert event["modality"] in MODALITIES, event
        assert event.get("class") is None or event["class"] in PLOVER, event
        for role in ("actor_country", "target_country"):
            assert role not in event or re.fullmatch(r"[A-Z]{3}", event[role]), event
        for count in ("killed", "injured"):
            assert count not in event or (isinstance(event[count], int) and event[count] >= 0), event


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d["id"])
def test_dates_are_days_on_or_before_publication_and_acts_that_did_not_happen_have_none(doc):
    published = dt.date.fromisoformat(doc["date"])
    for event in doc["events"]:
        if event["date"] is not None:
            assert dt.date.fromisoformat(event["date"]) <= published, event
        if event["modality"] in {"negated", "possible"}:
            assert event["date"] is None, event


def test_some_incidents_are_reported_by_several_documents():
    documents: dict[str, set[str]] = {}
    for doc, event in _events():
        if "incident" in event:
            documents.setdefault(event["incident"], set()).add(doc)
    assert {name for name, docs in documents.items() if len(docs) > 1} >= {"inc-fasher-market", "inc-masisi-attack"}


def test_the_file_is_one_json_object_a_line():
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(DOCS)
    assert all(json.loads(line)["id"] for line in lines)
