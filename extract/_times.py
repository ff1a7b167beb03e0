"""Time expressions: finding them in a sentence and resolving them to ISO days.

Detection (:func:`time_expressions`) works on a parsed spaCy sentence: the
model's DATE/TIME entities plus what it tends to miss (weekday names in "a
Friday sermon" or "on Thursday night", "hours later", "at dawn", "yesterday",
"May 23", "in 2014"), each span widened to its governing preposition ("on
Friday").

Resolution (:func:`resolve_time`) is pure and needs no model. It follows the
evaluation guidelines:

* a weekday is the latest such day on or before the publication date (a
  "Friday" in an article published on a Friday is that day; "Thursday night"
  is Thursday);
* "May 23" takes the publication year (the year before when that would put it
  more than :data:`FUTURE_TOLERANCE_DAYS` after publication: "December 28" in
  a January article);
* "yesterday" is the day before publication, "last week" seven days before
  (with ``granularity="week"``, so a caller may drop it);
* a year or a month alone ("in 2014", "in May", "last month", "earlier this
  month") names no day: ``date`` is ``None``, never an invented first day;
* "hours later", "at dawn", "that night", "the next day" (+1), "two days
  later" (+2) are relative to the previous event of the episode: anchor
  ``"episode"``, resolved by :func:`shift`;
* "for months", "within days", "nearly four weeks" are durations, never dates.

Examples
--------
>>> import datetime as dt
>>> pub = dt.date(2016, 6, 17)          # a Friday
>>> resolve_time("on Friday", pub).date
datetime.date(2016, 6, 17)
>>> resolve_time("May 23", pub).date
datetime.date(2016, 5, 23)
>>> v = resolve_time("the next day", pub)
>>> v.anchor, shift(v, dt.date(2016, 6, 1))
('episode', datetime.date(2016, 6, 2))
>>> resolve_time("within days", pub).anchor
'duration'
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from ._model import Time

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

__all__ = [
    "DURATION_UNITS",
    "EPISODE_PHRASES",
    "FUTURE_TOLERANCE_DAYS",
    "MONTHS",
    "PREPOSITIONS",
    "WEEKDAYS",
    "Anchor",
    "Granularity",
    "TimeValue",
    "coarse_value",
    "resolve_time",
    "sentence_time_expressions",
    "shift",
    "time_expressions",
    "to_time",
]

Anchor = Literal["absolute", "publication", "episode", "duration"]
Granularity = Literal["day", "week", "month", "year"]

#: Weekday names (and abbreviations) to ``date.weekday()`` numbers.
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
#: Month names (and abbreviations) to month numbers.
MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
#: Units of a duration or an offset, in days (``None``: no whole number of days).
DURATION_UNITS: dict[str, int | None] = {
    "second": None,
    "seconds": None,
    "minute": None,
    "minutes": None,
    "hour": None,
    "hours": None,
    "day": 1,
    "days": 1,
    "week": 7,
    "weeks": 7,
    "fortnight": 14,
    "month": None,
    "months": None,
    "year": None,
    "years": None,
    "decade": None,
    "decades": None,
}
#: Phrases relative to the previous event of the same episode, with their offset in days
#: (None: no day can be told; "overnight" spans two).
EPISODE_PHRASES: dict[str, int | None] = {
    "later": 0,
    "shortly after": 0,
    "shortly afterwards": 0,
    "soon after": 0,
    "afterwards": 0,
    "at dawn": 0,
    "at dusk": 0,
    "at daybreak": 0,
    "at sunrise": 0,
    "at sunset": 0,
    "at nightfall": 0,
    "at midnight": 0,
    "at noon": 0,
    "overnight": None,
    "meanwhile": 0,
    "that night": 0,
    "that morning": 0,
    "that afternoon": 0,
    "that evening": 0,
    "that day": 0,
    "the same day": 0,
    "the same night": 0,
    "later that day": 0,
    "later that night": 0,
    "the next day": 1,
    "the following day": 1,
    "the day after": 1,
    "the next morning": 1,
    "the following morning": 1,
    "next morning": 1,
    "the next night": 1,
    "the following night": 1,
    "the previous day": -1,
    "the day before": -1,
    "the previous night": -1,
    "the night before": -1,
    "the next week": 7,
    "the following week": 7,
    "a week later": 7,
}
#: Prepositions that govern a time expression and belong to its surface text.
PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "at",
        "by",
        "since",
        "until",
        "till",
        "during",
        "from",
        "within",
        "for",
        "over",
        "before",
        "after",
        "around",
        "through",
        "throughout",
        "between",
        "into",
    }
)
#: "May 23" takes the publication year unless that lands more than this many days
#: after publication, in which case it is last year's ("December 28" in January).
FUTURE_TOLERANCE_DAYS = 180
#: Number words for counts of days and weeks.
NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
_VAGUE = r"(?:several|a\s+few|few|many|some|dozens\s+of|a\s+couple\s+of|couple\s+of)"
_NUM = r"(?:\d+|" + "|".join(NUMBERS) + ")"
_HEDGE = r"(?:nearly|almost|about|around|roughly|some|more\s+than|less\s+than|over|at\s+least|just|only)"
_UNIT = r"(?:" + "|".join(DURATION_UNITS) + ")"
_LEAD_WORDS = sorted(PREPOSITIONS - {"for", "within", "over", "after", "before"})
_LEAD = re.compile(r"^(?:" + "|".join(_LEAD_WORDS) + r")\s+")
_DURATION = re.compile(
    rf"^(?:(?:for|within|over|during|in|throughout|after|before)\s+)?(?:(?:the|a)\s+(?:past|last|next|coming)\s+)?"
    rf"(?:{_HEDGE}\s+)?(?:{_NUM}|{_VAGUE})?\s*(?:long\s+)?{_UNIT}(?:\s+of\s+\w+)?$"
)
_EPISODE_OFFSET = re.compile(rf"^(?:{_HEDGE}\s+)?({_NUM}|{_VAGUE})?\s*{_UNIT}\s+(later|earlier|after)$")
_AGO = re.compile(rf"^(?:{_HEDGE}\s+)?({_NUM}|{_VAGUE})?\s*{_UNIT}\s+ago$")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\b\.?(?:,?\s+(\d{{4}}))?")
_MONTH_YEAR = re.compile(
    rf"^(?:(?:early|late|mid-?)\s*)?({_MONTH_RE})\.?(?:\s+of)?(?:,?\s+(\d{{4}}|this\s+year|last\s+year))?$"
)
_YEAR = re.compile(r"^(?:the\s+)?(?:early\s+|late\s+|mid-?)?((?:19|20)\d{2})s?$")
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WEEKDAY = re.compile(rf"\b(?:(last|this|next|past|previous|coming)\s+)?({_WEEKDAY_RE})\b\.?")
_PERIOD = re.compile(r"^(?:(earlier|later|early|late)\s+)?(last|this|next|past|previous|coming)\s+(week|month|year)$")
_SPACES = re.compile(r"\s+")
_PUB_DAYS: dict[str, int] = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "earlier today": 0,
    "later today": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "tomorrow morning": 1,
}


@dataclass(frozen=True)
class TimeValue:
    """A resolved time expression.

    Attributes
    ----------
    text : str
        The expression as written ("on Friday").
    date : datetime.date or None
        The day it names, when it names one: ``None`` for durations, for
        episode-relative expressions before :func:`shift`, and for years or
        months alone.
    anchor : {"absolute", "publication", "episode", "duration"}
        What the date was resolved against: nothing (an explicit date), the
        publication date, the previous event of the episode, or nothing
        because it is a length of time and not a point.
    offset_days : int or None
        For ``"episode"``: days after the episode's date ("the next day" = 1,
        "hours later" = 0); ``None`` when the text gives no count ("days later").
    granularity : {"day", "week", "month", "year"}
        How precise the expression is: "last week" is a week, "in 2014" a year.
    """

    text: str
    date: dt.date | None
    anchor: Anchor
    offset_days: int | None = 0
    granularity: Granularity = "day"

    @property
    def is_point(self) -> bool:
        """True unless this is a duration ("for months")."""
        return self.anchor != "duration"


def _count(word: str | None) -> int | None:
    if not word:
        return None
    word = word.strip()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _weekday_on_or_before(weekday: int, publication: dt.date) -> dt.date:
    return publication - dt.timedelta(days=(publication.weekday() - weekday) % 7)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, year: int | None, publication: dt.date | None) -> dt.date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if publication is None:
        return None
    found = _safe_date(publication.year, month, day)
    if found is not None and (found - publication).days > FUTURE_TOLERANCE_DAYS:
        found = _safe_date(publication.year - 1, month, day)
    return found


def _normalize(text: str) -> str:
    t = _SPACES.sub(" ", text.replace("’", "'").strip().lower()).strip(" .,;:")
    return t


def _explicit_date(text: str, t: str, publication: dt.date | None) -> TimeValue | None:
    if m := _ISO.search(t):
        day = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return TimeValue(text, day, "absolute") if day else None
    if m := _MONTH_DAY.search(t):
        month, day_of_month, year = MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None
    elif m := _DAY_MONTH.search(t):
        month, day_of_month, year = MONTHS[m[2]], int(m[1]), int(m[3]) if m[3] else None
    else:
        return None
    if year is None and publication is not None and t.endswith("last year"):  # 'on Oct. 8 last year'
        year = publication.year - 1
    found = _month_day(month, day_of_month, year, publication)
    if found is None and year is None and publication is None:
        return TimeValue(text, None, "absolute")
    return TimeValue(text, found, "absolute") if found else None


def _relative_to_publication(text: str, t: str, publication: dt.date | None) -> TimeValue | None:
    def at(days: int, granularity: Granularity = "day") -> TimeValue:
        day = publication + dt.timedelta(days=days) if publication else None
        return TimeValue(text, day, "publication", granularity=granularity)

    base = _LEAD.sub("", t)
    for phrase, days in _PUB_DAYS.items():
        if base == phrase or base.startswith(phrase + " "):
            return at(days)
    if m := _AGO.match(base):
        unit = base.split()[-2]
        n = _count(m[1]) if m[1] else None if unit.endswith("s") else 1
        unit_days = DURATION_UNITS[unit]
        if unit_days is None and unit.startswith(("second", "minute", "hour")):
            return at(0)
        granularity: Granularity = "week" if unit_days == 7 else "day" if unit_days else "month"
        if unit_days is None or n is None:
            return TimeValue(text, None, "publication", granularity=granularity)
        return at(-n * unit_days, granularity)
    if m := _PERIOD.match(base):
        which, unit = m[2], m[3]
        if unit == "week" and which in ("last", "past", "previous") and m[1] is None:
            return at(-7, "week")
        return TimeValue(text, None, "publication", granularity=unit)  # type: ignore[arg-type]
    return None


def _weekday(text: str, t: str, publication: dt.date | None) -> TimeValue | None:
    m = _WEEKDAY.search(t)
    if m is None:
        return None
    # An abbreviation ("Sun", "Sat", "Wed") counts only as the whole expression.
    if len(m[2]) <= 4 and not re.fullmatch(r"(?:on\s+)?" + re.escape(m[0]) + r"(?:\s+\w+)?", t):
        return None
    if publication is None:
        return TimeValue(text, None, "publication")
    day = _weekday_on_or_before(WEEKDAYS[m[2]], publication)
    modifier = m[1]
    if modifier in ("last", "past", "previous") and day == publication:
        day -= dt.timedelta(days=7)
    elif modifier in ("next", "coming"):
        day = publication + dt.timedelta(days=(WEEKDAYS[m[2]] - publication.weekday() - 1) % 7 + 1)
    return TimeValue(text, day, "publication")


def _episode(text: str, t: str) -> TimeValue | None:
    base = _LEAD.sub("", t)
    for phrase in (t, base):
        if phrase in EPISODE_PHRASES:
            return TimeValue(text, None, "episode", EPISODE_PHRASES[phrase])
    if m := _EPISODE_OFFSET.match(base):
        unit = base.split()[-2]
        unit_days = DURATION_UNITS[unit]
        if unit_days is None:  # "hours later" is the same day; "months later" is unknown
            offset = 0 if unit.startswith(("second", "minute", "hour")) else None
        else:
            n = _count(m[1]) if m[1] else None if unit.endswith("s") else 1
            offset = None if n is None else (-1 if m[2] == "earlier" else 1) * n * unit_days
        return TimeValue(text, None, "episode", offset)
    return None


def _year_or_month(text: str, t: str) -> TimeValue | None:
    base = _LEAD.sub("", t)
    if _YEAR.match(base):
        return TimeValue(text, None, "absolute", granularity="year")
    if (m := _MONTH_YEAR.match(base)) and (m[2] or m[1] in MONTHS):
        return TimeValue(text, None, "absolute" if m[2] else "publication", granularity="month")
    return None


#: What dateparser is asked about: a number next to a month name, or a numeric date ("12/05/2016").
_DATE_SHAPE = re.compile(
    r"\d{1,4}\s*[/.]\s*\d{1,2}|\d{4}-\d{1,2}-\d{1,2}|\d\s*(?:st|nd|rd|th)?\s+[a-z]{3,}|[a-z]{3,}\.?\s+\d", re.I
)
#: A compound measure is an adjective, never a date: "18-year", "24-hour", "30-day".
_MEASURE = re.compile(r"^\W*\d+[-\s](?:year|month|week|day|hour|minute|second)s?(?:-old|-long)?\W*$", re.I)


@lru_cache(maxsize=4096)
def _dateparser(t: str, publication: dt.date) -> dt.date | None:
    import dateparser  # slow to import and to warm up: only for what the rules do not read

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(publication, dt.time()),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        found = dateparser.parse(t, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return found.date() if found else None


@lru_cache(maxsize=65_536)
def resolve_time(text: str, publication: dt.date | None) -> TimeValue | None:
    """Resolve a time expression against a publication date.

    Parameters
    ----------
    text : str
        The expression as written, with or without its preposition
        ("on Friday", "May 23", "hours later", "for months").
    publication : datetime.date or None
        The article's publication date; without it, publication-relative
        expressions resolve to ``date=None``.

    Returns
    -------
    TimeValue or None
        ``None`` when the text is not a time expression the rules or
        dateparser can read ("now", "recent years", "the weekend").

    Examples
    --------
    >>> import datetime as dt
    >>> pub = dt.date(2018, 3, 3)          # a Saturday
    >>> resolve_time("on Thursday night", pub).date.isoformat()
    '2018-03-01'
    >>> resolve_time("yesterday", pub).date.isoformat()
    '2018-03-02'
    >>> resolve_time("last week", pub).granularity
    'week'
    >>> v = resolve_time("in 2014", pub)
    >>> v.date, v.granularity
    (None, 'year')
    >>> resolve_time("two days later", pub).offset_days
    2
    >>> resolve_time("nearly four weeks", pub).date is None
    True
    """
    t = _normalize(text)
    if not t:
        return None
    found = _episode(text, t)
    if found is not None:
        return found
    if _DURATION.match(t) or t.startswith(("for ", "within ")):
        return TimeValue(text, None, "duration")
    for rule in (_explicit_date, _relative_to_publication, _weekday):
        found = rule(text, t, publication)
        if found is not None:
            return found
    found = _year_or_month(text, t)
    if found is not None:
        return found
    if publication is not None and _DATE_SHAPE.search(t) and not _MEASURE.match(t):
        day = _dateparser(t, publication)
        if day is not None:
            return TimeValue(text, day, "absolute")
    return None


def shift(value: TimeValue, episode_date: dt.date | None) -> dt.date | None:
    """The day a resolved expression names, given the episode's current date.

    Parameters
    ----------
    value : TimeValue
        From :func:`resolve_time`.
    episode_date : datetime.date or None
        The date of the previous event of the same episode (the date "carried
        over" from earlier sentences).

    Returns
    -------
    datetime.date or None
        ``episode_date`` plus the offset for an ``"episode"`` anchor, the value's
        own date otherwise (``None`` for durations).

    Examples
    --------
    >>> import datetime as dt
    >>> shift(resolve_time("hours later", None), dt.date(2016, 6, 17))
    datetime.date(2016, 6, 17)
    >>> shift(resolve_time("May 23", dt.date(2016, 6, 17)), dt.date(2016, 6, 17))
    datetime.date(2016, 5, 23)
    """
    if value.anchor == "episode":
        if episode_date is None or value.offset_days is None:
            return None
        return episode_date + dt.timedelta(days=value.offset_days)
    return value.date


def coarse_value(value: TimeValue, publication: dt.date | None) -> str | None:
    """The month (``"2014-05"``) or year (``"2014"``) a month- or year-precise expression names.

    None for other granularities and when the publication date is needed but unknown.

    >>> coarse_value(resolve_time("in May", dt.date(2016, 6, 17)), dt.date(2016, 6, 17))
    '2016-05'
    >>> coarse_value(resolve_time("in 2014", None), None)
    '2014'
    >>> coarse_value(resolve_time("last month", dt.date(2016, 1, 3)), dt.date(2016, 1, 3))
    '2015-12'
    >>> coarse_value(resolve_time("March this year", dt.date(2016, 6, 17)), dt.date(2016, 6, 17))
    '2016-03'
    >>> coarse_value(resolve_time("in October last year", dt.date(2016, 6, 17)), dt.date(2016, 6, 17))
    '2015-10'
    """
    if value.date is not None or value.granularity not in ("month", "year"):
        return None
    base = _LEAD.sub("", _normalize(value.text))
    if m := _YEAR.match(base):
        return m[1]
    if (m := _MONTH_YEAR.search(base)) and m[1].rstrip(".") in MONTHS:
        month = MONTHS[m[1].rstrip(".")]
        if m[2] and m[2][0].isdigit():  # 'May 2014'
            return f"{m[2]}-{month:02d}"
        if publication is None:
            return None
        if m[2]:  # 'March this year', 'October last year'
            year = publication.year - (1 if m[2].startswith("last") else 0)
        else:  # 'in May': the latest May up to the publication
            year = publication.year - (1 if month > publication.month else 0)
        return f"{year}-{month:02d}"
    if publication is None or not (m := _PERIOD.match(base)):
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m[2], 0)
    if m[3] == "year":
        return str(publication.year + step)
    months = publication.year * 12 + publication.month - 1 + step
    return f"{months // 12}-{months % 12 + 1:02d}"


def to_time(value: TimeValue, episode_date: dt.date | None = None) -> Time:
    """The :class:`~conflict_kg.extract.Time` record of a resolved expression.

    Examples
    --------
    >>> import datetime as dt
    >>> to_time(resolve_time("on Sunday", dt.date(2018, 5, 15))).to_dict()
    {'text': 'on Sunday', 'date': '2018-05-13', 'precision': 'day', 'period': '2018-05-13'}
    """
    return Time(value.text, shift(value, episode_date))


# --------------------------------------------------------------------------- detection

_EXTRA_LABEL = "TIME_EXPR"
_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}
_TITLE_MONTHS = [m.title() for m in MONTHS] + [m.title() + "." for m in MONTHS if len(m) <= 4]
_DAY_PARTS = ["morning", "afternoon", "evening", "night", "nights", "mornings"]
_PERIOD_WORDS = ["week", "month", "year", "weekend"]
_UNITS = [u for u in DURATION_UNITS]


def _patterns() -> list[list[dict[str, Any]]]:
    weekday = {"LOWER": {"IN": [w for w in WEEKDAYS if len(w) > 3]}}
    num = {"LOWER": {"IN": [*NUMBERS, "several", "few", "many"]}}
    return [
        # weekdays, with a modifier and a part of day: "last Friday", "Thursday night"
        [
            {"LOWER": {"IN": ["last", "this", "next", "past", "previous", "early", "late"]}, "OP": "?"},
            weekday,
            {"LOWER": {"IN": _DAY_PARTS}, "OP": "?"},
        ],
        # "May 23", "May 23, 2016", "23 May 2016", "23rd of May"
        [
            {"TEXT": {"IN": _TITLE_MONTHS}},
            {"SHAPE": {"IN": ["d", "dd"]}},
            {"ORTH": ",", "OP": "?"},
            {"SHAPE": "dddd", "OP": "?"},
        ],
        [
            {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}},
            {"LOWER": "of", "OP": "?"},
            {"TEXT": {"IN": _TITLE_MONTHS}},
            {"SHAPE": "dddd", "OP": "?"},
        ],
        # "yesterday", "today", "tonight", "last night", "this morning"
        [
            {"LOWER": {"IN": ["yesterday", "today", "tonight", "overnight", "tomorrow"]}},
            {"LOWER": {"IN": _DAY_PARTS}, "OP": "?"},
        ],
        [{"LOWER": {"IN": ["last", "this"]}}, {"LOWER": {"IN": _DAY_PARTS}}],
        # "last week", "earlier this month", "later this year"
        [
            {"LOWER": {"IN": ["earlier", "later", "early", "late"]}, "OP": "?"},
            {"LOWER": {"IN": ["last", "this", "next", "past", "previous"]}},
            {"LOWER": {"IN": _PERIOD_WORDS}},
        ],
        # "hours later", "two days later", "a week earlier", "three days ago"
        [num, {"LOWER": {"IN": _UNITS}}, {"LOWER": {"IN": ["later", "earlier", "ago"]}}],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": _UNITS}}, {"LOWER": {"IN": ["later", "earlier", "ago"]}}],
        [{"LOWER": {"IN": _UNITS}}, {"LOWER": {"IN": ["later", "earlier", "ago"]}}],
        # "at dawn", "that night", "the next day", "the day before"
        [
            {"LOWER": "at"},
            {"LOWER": {"IN": ["dawn", "dusk", "daybreak", "sunrise", "sunset", "nightfall", "midnight", "noon"]}},
        ],
        [{"LOWER": "that"}, {"LOWER": {"IN": ["night", "morning", "afternoon", "evening", "day"]}}],
        [
            {"LOWER": "the"},
            {"LOWER": {"IN": ["next", "following", "previous", "same"]}},
            {"LOWER": {"IN": ["day", "morning", "night", "evening", "week"]}},
        ],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["day", "night"]}}, {"LOWER": {"IN": ["before", "after"]}}],
        # durations: "for months", "within days", "for two weeks"
        [
            {"LOWER": {"IN": ["for", "within"]}},
            {"LOWER": {"IN": ["nearly", "almost", "about", "over"]}, "OP": "?"},
            num | {"OP": "?"},
            {"LOWER": {"IN": _UNITS}},
        ],
        [{"LOWER": {"IN": ["for", "within"]}}, {"LIKE_NUM": True}, {"LOWER": {"IN": _UNITS}}],
        # "in 2014"
        [{"LOWER": {"IN": ["in", "since", "during", "until"]}}, {"SHAPE": "dddd", "TEXT": {"REGEX": r"^(19|20)\d\d$"}}],
    ]


@lru_cache(maxsize=1)
def _anchors() -> frozenset[str]:
    """Words one of which every pattern contains: a sentence without any needs no matching."""
    words = {
        *WEEKDAYS,
        *(m.lower() for m in _TITLE_MONTHS),
        *_DAY_PARTS,
        *_PERIOD_WORDS,
        *_UNITS,
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "tomorrow",
        "dawn",
        "dusk",
        "daybreak",
        "sunrise",
        "sunset",
        "nightfall",
        "midnight",
        "noon",
        "night",
        "morning",
        "afternoon",
        "evening",
        "day",
        "week",
    }
    return frozenset(w.lower() for w in words)


def _matcher(vocab: Vocab) -> Matcher:
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    matcher.add(_EXTRA_LABEL, _patterns())
    _MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


def _with_preposition(span: Span, sent: Span) -> Span:
    start = span.start
    if start > sent.start:
        prev = span.doc[start - 1]
        if prev.lower_ in PREPOSITIONS and prev.text.islower():
            start -= 1
    return span.doc[start : span.end] if start != span.start else span


def time_expressions(sent: Span) -> list[Span]:
    """The time expressions of a parsed sentence, in order, without overlaps.

    Parameters
    ----------
    sent : spacy.tokens.Span
        One sentence (``doc.sents`` item); a whole ``Doc`` slice works too.

    Returns
    -------
    list of spacy.tokens.Span
        DATE/TIME entities and the expressions matched by this module's
        patterns, each including its governing preposition ("on Friday");
        where two overlap the longer wins.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Iraqi forces on Friday entered Fallujah, hours later.")
    >>> [s.text for s in time_expressions(doc[:])]
    ['on Friday', 'hours later']
    """
    return _expressions(sent, _matches(sent))


#: Tokens a pattern can reach on either side of its anchor word.
_REACH = 4


def _matches(span: Span) -> list[tuple[int, int]]:
    """Pattern matches in ``span`` as document token offsets.

    Every pattern holds an anchor word (a weekday, month, unit, number ...), so
    the matcher runs only on short windows around anchors, not on the whole text.
    """
    anchors = _anchors()
    windows: list[list[int]] = []
    for t in span:
        if t.like_num or t.lower_ in anchors:
            lo, hi = max(span.start, t.i - _REACH), min(span.end, t.i + _REACH + 1)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
    if not windows:
        return []
    matcher = _matcher(span.doc.vocab)
    found: set[tuple[int, int]] = set()
    for lo, hi in windows:
        found.update((lo + s, lo + e) for _, s, e in matcher(span.doc[lo:hi]))
    return sorted(found)


def _expressions(sent: Span, matches: list[tuple[int, int]], ents: Iterable[Span] | None = None) -> list[Span]:
    from spacy.util import filter_spans

    doc = sent.doc
    found = [doc[e.start : e.end] for e in (sent.ents if ents is None else ents) if e.label_ in ("DATE", "TIME")]
    found.extend(doc[s:e] for s, e in matches if sent.start <= s and e <= sent.end)
    spans = filter_spans([_with_preposition(s, sent) for s in found])
    return sorted(spans, key=lambda s: s.start)


def _ends_by(end: int, span: Span) -> bool:
    return span.end <= end


def sentence_time_expressions(doc: Doc) -> dict[int, list[Span]]:
    """:func:`time_expressions` of every sentence, keyed by the sentence's first token; one matcher pass.

    Each sentence gets its entities and matches by position (a binary search),
    not by a scan of the whole document's (``Span.ents`` makes one), so a long
    article costs time in proportion to its length.
    """
    matches = _matches(doc[:])
    match_starts = [start for start, _ in matches]
    ents = list(doc.ents)
    ent_starts = [ent.start for ent in ents]
    found: dict[int, list[Span]] = {}
    for sent in doc.sents:
        first = bisect.bisect_left(match_starts, sent.start)
        last = bisect.bisect_left(match_starts, sent.end)
        # as Span.ents: the entities from the sentence's start up to the first that ends past it
        following = (ents[i] for i in range(bisect.bisect_left(ent_starts, sent.start), len(ents)))
        inside = itertools.takewhile(functools.partial(_ends_by, sent.end), following)
        found[sent.start] = _expressions(sent, matches[first:last], inside)
    return found
