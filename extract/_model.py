"""The records conflict-kg passes around: documents in, events out.

All are small frozen dataclasses holding plain values (no spaCy objects), so
they pickle across processes, compare by value and serialize to JSON with
:meth:`Event.to_dict` / :meth:`Event.from_dict`. The JSON form is the
"prediction line" of the evaluation guidelines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast, get_args

from ._exceptions import DocumentError, InputError

__all__ = [
    "MODALITIES",
    "PRECISIONS",
    "Action",
    "Document",
    "Event",
    "Mention",
    "Modality",
    "Place",
    "Precision",
    "Time",
    "as_date",
]

Modality = Literal["asserted", "negated", "possible", "alleged"]
MODALITIES: tuple[str, ...] = get_args(Modality)
Precision = Literal["day", "month", "year", "unknown"]
#: How precisely a time is known, finest first (ACLED's time precision, in words).
PRECISIONS: tuple[str, ...] = get_args(Precision)
_VALUE_SHAPES = {"day": 10, "month": 7, "year": 4}


def _check_str(owner: str, name: str, value: object, *, empty: bool = False) -> None:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise InputError(f"{owner}.{name} must be a non-empty string, got {value!r}")


def _check_opt_str(owner: str, name: str, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InputError(f"{owner}.{name} must be a string or None, got {value!r}")


def _parse_date(owner: str, name: str, value: object) -> dt.date | None:
    """Accept a date, an ISO ``YYYY-MM-DD`` string or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise DocumentError(f"{owner}.{name} must be an ISO date YYYY-MM-DD, got {value!r}")


def as_date(value: object, *, field: str = "date") -> dt.date | None:
    """A date from a date, an ISO ``YYYY-MM-DD`` string or None; :class:`DocumentError` otherwise.

    >>> as_date("2016-06-17")
    datetime.date(2016, 6, 17)
    """
    return _parse_date("value", field, value)


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


@dataclass(frozen=True)
class Document:
    """One article: an id, its text and its publication date.

    Examples
    --------
    >>> Document("d1", "Rebels shelled Taiz.", "2017-02-11").date
    datetime.date(2017, 2, 11)
    """

    id: str
    text: str
    date: dt.date | None = None
    origin: str | None = None

    def __post_init__(self) -> None:
        _check_str("Document", "id", self.id)
        _check_str("Document", "text", self.text, empty=True)
        object.__setattr__(self, "date", _parse_date("Document", "date", self.date))
        _check_opt_str("Document", "origin", self.origin)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, default_date: dt.date | None = None) -> Document:
        """Build a document from a ``{"id", "date", "text"}`` mapping."""
        if not isinstance(d, Mapping):
            raise DocumentError(f"a document must be a JSON object, got {d!r}")
        missing = [k for k in ("id", "text") if k not in d]
        if missing:
            raise DocumentError(f"document {dict(d).get('id')!r} lacks the field(s) {missing!r}")
        doc_id = d["id"]
        if isinstance(doc_id, int):
            doc_id = str(doc_id)
        return cls(doc_id, d["text"], d.get("date") or default_date, d.get("origin"))


@dataclass(frozen=True)
class Mention:
    """A phrase naming an actor or a target.

    ``text`` is the surface phrase; ``name`` the normalized (or, for a pronoun
    or definite description, the resolved) name; ``type`` an actor type such as
    ``"military"``; ``country`` an ISO 3166 alpha-3 code; ``start``/``end``
    character offsets in the document.
    """

    text: str
    name: str | None = None
    type: str | None = None
    country: str | None = None
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        _check_str("Mention", "text", self.text)
        for f in ("name", "type", "country"):
            _check_opt_str("Mention", f, getattr(self, f))

    @property
    def label(self) -> str:
        """The best name to show: the normalized name, else the surface text."""
        return self.name or self.text

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(
            {
                "text": self.text,
                "name": self.name,
                "type": self.type,
                "country": self.country,
                "start": self.start,
                "end": self.end,
            }
        )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | str | None) -> Mention | None:
        if d is None:
            return None
        if isinstance(d, str):
            return cls(d)
        return cls(d["text"], d.get("name"), d.get("type"), d.get("country"), d.get("start"), d.get("end"))


@dataclass(frozen=True)
class Action:
    """The predicate: surface text (``"did not enter"``), lemma (``"enter"``),
    PLOVER category (``"ASSAULT"``) and CAMEO root code where clear."""

    text: str
    lemma: str
    plover: str | None = None
    cameo: str | None = None
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        _check_str("Action", "text", self.text)
        _check_str("Action", "lemma", self.lemma)
        _check_opt_str("Action", "plover", self.plover)
        _check_opt_str("Action", "cameo", self.cameo)

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(
            {
                "text": self.text,
                "lemma": self.lemma,
                "class": self.plover,
                "cameo": self.cameo,
                "start": self.start,
                "end": self.end,
            }
        )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | str) -> Action:
        if isinstance(d, str):
            return cls(d, d)
        return cls(
            d.get("text") or d["lemma"], d["lemma"], d.get("class"), d.get("cameo"), d.get("start"), d.get("end")
        )


@dataclass(frozen=True)
class Place:
    """Where an event happened, with gazetteer data when the name is known."""

    text: str
    name: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None

    def __post_init__(self) -> None:
        _check_str("Place", "text", self.text)
        if (self.lat is None) != (self.lon is None):
            raise InputError(f"Place needs both lat and lon or neither, got lat={self.lat!r} lon={self.lon!r}")

    @property
    def label(self) -> str:
        return self.name or self.text

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(
            {
                "text": self.text,
                "name": self.name,
                "geonames_id": self.geonames_id,
                "lat": self.lat,
                "lon": self.lon,
                "country": self.country,
            }
        )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | str | None) -> Place | None:
        if d is None:
            return None
        if isinstance(d, str):
            return cls(d)
        return cls(d["text"], d.get("name"), d.get("geonames_id"), d.get("lat"), d.get("lon"), d.get("country"))


@dataclass(frozen=True)
class Time:
    """When: the surface expression, the day it names, and how precisely the text states it.

    ``precision`` is ``"day"``, ``"month"``, ``"year"`` or ``"unknown"``; ``period``
    is the time at that precision (``"2024-11-11"``, ``"2024-11"``, ``"2014"``).
    ``date`` is set only for a day. Given only a ``date``, the precision is a day.

    Examples
    --------
    >>> Time("in May", precision="month", period="2024-05").date is None
    True
    >>> Time("on Monday", "2024-11-11").precision
    'day'
    """

    text: str | None
    date: dt.date | None = None
    precision: Precision | None = None
    period: str | None = None

    def __post_init__(self) -> None:
        _check_opt_str("Time", "text", self.text)
        object.__setattr__(self, "date", _parse_date("Time", "date", self.date))
        _check_opt_str("Time", "period", self.period)
        precision = self.precision
        if precision is None:
            precision = "day" if self.date is not None else "unknown"
        if precision not in PRECISIONS:
            raise InputError(f"Time.precision must be one of {PRECISIONS!r}, got {precision!r}")
        value = self.period
        if precision == "day":
            if self.date is None:
                raise InputError(f"Time with precision 'day' needs a date, got period={value!r}")
            value = self.date.isoformat()
        elif self.date is not None:
            raise InputError(f"Time.date is only for a day; got {self.date!r} with precision {precision!r}")
        elif precision == "unknown":
            value = None
        elif value is None or len(value) != _VALUE_SHAPES[precision] or not value[:4].isdigit():
            raise InputError(
                f"Time.period for precision {precision!r} must look like "
                f"{'YYYY-MM' if precision == 'month' else 'YYYY'}, got {value!r}"
            )
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "period", value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "date": self.date.isoformat() if self.date else None,
            "precision": self.precision,
            "period": self.period,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | str | None) -> Time | None:
        if d is None:
            return None
        if isinstance(d, str):
            return cls(None, as_date(d))
        date = as_date(d.get("date"))
        precision = d.get("precision")
        if date is None and precision in ("month", "year"):
            return cls(d.get("text"), None, cast(Precision, precision), d.get("period"))
        return cls(d.get("text"), date, "day" if date is not None else "unknown")


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where, when, how sure, and who says so.

    ``sentence`` is the sentence index in the document; ``evidence`` its text and
    ``sentence_start``/``sentence_end`` its character offsets.

    Examples
    --------
    >>> e = Event("d1", 0, Action("shelled", "shell"), actor=Mention("Houthi fighters"))
    >>> e.to_dict()["action"]
    {'text': 'shelled', 'lemma': 'shell'}
    >>> Event.from_dict(e.to_dict()) == e
    True
    """

    doc: str
    sentence: int
    action: Action
    actor: Mention | None = None
    target: Mention | None = None
    place: Place | None = None
    time: Time | None = None
    modality: Modality = "asserted"
    source: Mention | None = None
    evidence: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    doc_date: dt.date | None = field(default=None, compare=True)
    killed: int | None = None
    injured: int | None = None
    killed_min: int | None = None
    injured_min: int | None = None

    def __post_init__(self) -> None:
        _check_str("Event", "doc", self.doc)
        if not isinstance(self.sentence, int) or self.sentence < 0:
            raise InputError(f"Event.sentence must be a non-negative integer, got {self.sentence!r}")
        if not isinstance(self.action, Action):
            raise InputError(f"Event.action must be an Action, got {self.action!r}")
        if self.modality not in MODALITIES:
            raise InputError(f"Event.modality must be one of {MODALITIES!r}, got {self.modality!r}")
        object.__setattr__(self, "doc_date", _parse_date("Event", "doc_date", self.doc_date))
        for name in ("killed", "injured", "killed_min", "injured_min"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise InputError(f"Event.{name} must be a non-negative integer or None, got {value!r}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready "prediction line" of this event."""
        return {
            "doc": self.doc,
            "sentence": self.sentence,
            "actor": self.actor.to_dict() if self.actor else None,
            "action": self.action.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "place": self.place.to_dict() if self.place else None,
            "time": self.time.to_dict() if self.time else None,
            "modality": self.modality,
            "source": self.source.to_dict() if self.source else None,
            "evidence": self.evidence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "doc_date": self.doc_date.isoformat() if self.doc_date else None,
            "killed": self.killed,
            "injured": self.injured,
            "killed_min": self.killed_min,
            "injured_min": self.injured_min,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Event:
        """Rebuild an event from :meth:`to_dict` output (or a prediction line)."""
        if not isinstance(d, Mapping) or "doc" not in d or "action" not in d:
            raise InputError(f"an event needs at least 'doc' and 'action', got {d!r}")
        try:
            return cls(
                doc=str(d["doc"]),
                sentence=int(d.get("sentence") or 0),
                action=Action.from_dict(d["action"]),
                actor=Mention.from_dict(d.get("actor")),
                target=Mention.from_dict(d.get("target")),
                place=Place.from_dict(d.get("place")),
                time=Time.from_dict(d.get("time")),
                modality=cast(Modality, d.get("modality") or "asserted"),
                source=Mention.from_dict(d.get("source")),
                evidence=d.get("evidence"),
                sentence_start=d.get("sentence_start"),
                sentence_end=d.get("sentence_end"),
                doc_date=d.get("doc_date"),
                killed=d.get("killed"),
                injured=d.get("injured"),
                killed_min=d.get("killed_min"),
                injured_min=d.get("injured_min"),
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"malformed event record {dict(d)!r}: {exc}") from None
