"""Incident linking: the rules, the grouping, the summaries (no store; see store_contract.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest

import pytest
from conflict_kg.extract import Action, Event, Mention, Place, Time
from conflict_kg.graph import _incidents
from conflict_kg.graph._incidents import (
    LinkRules,
    Party,
    Report,
    compatible,
    link,
    link_keys,
    report_from_event,
    summarize,
)

DAY = dt.date(2024, 11, 11)
KIRKUK = dict(place="p:daquq", geonames_id=1, lat=35.14, lon=44.45, country="IRQ")
MILITANTS = Party("a:militants", False, "armed group", None)
SOLDIERS = Party("a:soldiers", False, "military", "IRQ")


def report(event: str = "e1", doc: str = "d1", **changes) -> Report:
    base = Report(event, doc, doc, "ASSAULT", DAY, DAY + dt.timedelta(1), parties=(MILITANTS, SOLDIERS), **KIRKUK)
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(
    ("other", "linked"),
    [
        (report("e2", "d2"), True),  # the same occurrence told by another agency
        (report("e2", "d2", category="COERCE"), True),  # seizing weapons in the same fight
        (report("e2", "d2", category="PROTEST"), False),  # another family
        (report("e2", "d2", category="CONSULT"), False),  # statements are never linked
        (report("e2", "d2", date=DAY + dt.timedelta(1)), True),  # a day apart
        (report("e2", "d2", date=DAY + dt.timedelta(3)), False),  # days apart
        (report("e2", "d2", date=None, reported=DAY + dt.timedelta(2)), True),  # undated, reported two days later
        (report("e2", "d2", date=None, reported=DAY + dt.timedelta(9)), False),  # undated, reported much later
        (report("e2", "d2", place="p:tuz", geonames_id=2, lat=34.89, lon=44.63), True),  # 33 km away
        (report("e2", "d2", place="p:mosul", geonames_id=3, lat=36.34, lon=43.13), False),  # 180 km away
        (report("e2", "d2", place="p:iraq", geonames_id=4, lat=33.0, lon=44.0, vague=True), True),  # the country only
        (report("e2", "d2", place="p:syria", geonames_id=5, lat=35.0, lon=38.0, country="SYR", vague=True), False),
        (report("e2", "d2", place=None, geonames_id=None, lat=None, lon=None), False),  # unplaced, other article
        (report("e2", "d1", place=None, geonames_id=None, lat=None, lon=None), True),  # unplaced, same article
        (report("e2", "d2", parties=(Party("a:isis", True, "armed group"),)), True),  # named vs generic: compatible
        (report("e2", "d2", parties=(Party("a:colombian-army", True, "military", "COL"),)), False),  # other sides
    ],
)
def test_compatible(other: Report, linked: bool) -> None:
    assert compatible(report(), other) is linked
    assert compatible(other, report()) is linked  # the rules are symmetric


def test_rules_are_adjustable() -> None:
    far = report("e2", "d2", place="p:mosul", geonames_id=3, lat=36.34, lon=43.13)
    assert not compatible(report(), far)
    assert compatible(report(), far, LinkRules(radius_km=250))


def test_link_groups_reports_and_keeps_others_apart() -> None:
    reports = [
        report("e1", "d1"),
        report("e2", "d1", category="COERCE"),  # a repeated mention in the same article
        report("e3", "d2"),  # another agency
        report("e4", "d2", place="p:mosul", geonames_id=3, lat=36.34, lon=43.13),  # elsewhere
        report("e5", "d2", category="CONSULT"),  # no family: not linked at all
    ]
    incidents = link(reports)
    assert sorted(sorted(i.members) for i in incidents) == [["e1", "e2", "e3"], ["e4"]]


def test_link_is_idempotent_and_incremental() -> None:
    first = link([report("e1", "d1")])
    again = link([report("e1", "d1"), report("e3", "d2")], first)
    assert len(again) == 1 and sorted(again[0].members) == ["e1", "e3"]
    assert again[0].iri == first[0].iri
    unchanged = link([report("e1", "d1"), report("e3", "d2")], again)
    assert [sorted(i.members) for i in unchanged] == [["e1", "e3"]]


def test_summary() -> None:
    reports = [
        report("e1", "d1", killed=11, injured=6),
        report("e2", "d2", killed=14, reported=DAY + dt.timedelta(2)),
        report("e3", "d2", source="d2"),
    ]
    (incident,) = link(reports)
    s = summarize(incident)
    assert (s.mentions, s.reports, s.sources) == (3, 2, 2)
    assert s.killed == (11, 14) and s.injured == (6, 6)
    assert (s.first_reported, s.last_reported) == (DAY + dt.timedelta(1), DAY + dt.timedelta(2))
    assert (s.place, s.date, s.category) == ("p:daquq", DAY, "ASSAULT")
    assert s.keys == (
        "fight|2024-11-11|cell:35,44",
        "fight|2024-11-11|country:IRQ",
        "fight|2024-11-11|doc:d1",
        "fight|2024-11-11|doc:d2",
    )


def test_link_keys_cover_the_window_and_the_neighbourhood() -> None:
    keys = link_keys(report(date=None), lookup=True)
    assert keys[0].startswith("fight|2024-11-09|") and keys[-1].startswith("fight|2024-11-15|")
    assert "fight|2024-11-12|cell:36,45" in keys and "fight|2024-11-12|vague:IRQ" in keys
    assert link_keys(report(category="CONSULT")) == []


@pytest.mark.parametrize(
    "other",
    [
        report("e2", "d2", place="p:tuz", geonames_id=2, lat=34.89, lon=44.63),
        report("e2", "d2", place="p:iraq", geonames_id=4, lat=33.0, lon=44.0, vague=True),
        report("e2", "d1", place=None, geonames_id=None, lat=None, lon=None),
        report("e2", "d2", date=None, reported=DAY + dt.timedelta(2)),
    ],
)
def test_compatible_reports_share_a_link_key(other: Report) -> None:
    """The index never hides a compatible report: lookup keys meet the other's keys, both ways."""
    assert compatible(report(), other)
    assert set(link_keys(report(), lookup=True)) & set(link_keys(other))
    assert set(link_keys(other, lookup=True)) & set(link_keys(report()))


def test_report_from_event() -> None:
    event = Event(
        "d1",
        0,
        Action("struck", "strike", "ASSAULT"),
        actor=Mention("Israeli drone", type="military", country="ISR"),
        place=Place("Qusayr", "Qusayr", 170, 34.5, 36.6, "SYR"),
        time=Time("on Monday", "2024-07-22"),
        doc_date="2024-07-23",
        killed=3,
    )
    r = report_from_event(event, "AP")
    assert r is not None
    assert (r.source, r.family, r.date, r.reported, r.killed, r.vague) == (
        "AP",
        "fight",
        dt.date(2024, 7, 22),
        dt.date(2024, 7, 23),
        3,
        False,
    )
    assert report_from_event(dataclasses.replace(event, modality="negated")) is None
    assert report_from_event(dataclasses.replace(event, action=Action("said", "say", "CONSULT"))) is None


def test_docstring_examples() -> None:
    assert doctest.testmod(_incidents).failed == 0
