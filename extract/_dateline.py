"""Wire-story datelines: "MOSUL, Iraq (Reuters) -" opens a report, it is not a clause.

A dateline names where the report was filed (a city, often a country, sometimes
the filing date) and the agency. Parsed as part of the first sentence it turns
the city into an actor or a target and its date into the event's. The reader
therefore finds it (:func:`find_dateline`) and, before parsing, turns its dash
into a full stop (:func:`isolate_dateline`: same length, so character offsets
stay right), which leaves the dateline a verbless sentence of its own; its place
names still tell which country the article is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Dateline", "find_dateline", "isolate_dateline"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_PLACE = r"[A-Z][A-Z'.\-]+(?:[ \-][A-Z][A-Z'.\-]*)*"
_TITLE_PLACE = r"[A-Z][a-z'.\-]+(?:[ \-][A-Z][a-z'.\-]+){0,3}"
_COUNTRY = r"[A-Z][A-Za-z'.\-]+(?: [A-Za-z][A-Za-z'.\-]+){0,3}"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z .&/\-]{0,30})\)"
_DASH = r"\s*(?P<dash>[\u2014\u2013]|--?)\s*"
_DATE = rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}))?"

#: "KIRKUK, Iraq (AP) —", "BAGHDAD, Nov 13 (Reuters) -", "Kabul (AFP) -": an agency after a place;
#: without an agency only a capitalized city counts ("KYIV, Ukraine —").
_WITH_AGENCY = re.compile(
    rf"^\s*(?P<city>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s*(?P<country>(?!{_MONTH}\s+\d){_COUNTRY}))?{_DATE}"
    rf"\s*{_AGENCY}{_DASH}"
)
_WITHOUT_AGENCY = re.compile(
    rf"^\s*(?P<city>{_CAPS_PLACE})(?:,\s*(?P<country>(?!{_MONTH}\s+\d){_COUNTRY}))?{_DATE}{_DASH}(?=[A-Z\"'“])"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a text: its span and the names it gives."""

    start: int
    end: int
    city: str
    country: str | None = None
    agency: str | None = None
    date: str | None = None

    @property
    def places(self) -> tuple[str, ...]:
        """The place names, as a reader would write them ("Kirkuk", "Iraq")."""
        city = self.city.title() if self.city.isupper() else self.city
        return (city,) if self.country is None else (city, self.country)


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text``, or None.

    Examples
    --------
    >>> d = find_dateline("KIRKUK, Iraq (AP) — Militants ambushed a patrol.")
    >>> (d.city, d.country, d.agency, d.places)
    ('KIRKUK', 'Iraq', 'AP', ('Kirkuk', 'Iraq'))
    >>> find_dateline("BAGHDAD, Nov 13 (Reuters) - The toll rose.").date
    'Nov 13'
    >>> find_dateline("Rebels shelled Taiz on Monday.") is None
    True
    """
    found = _WITH_AGENCY.match(text) or _WITHOUT_AGENCY.match(text)
    if found is None:
        return None
    city = found["city"].strip()
    return Dateline(
        found.start("city"), found.end(), city, found["country"], found.groupdict().get("agency"), found["date"]
    )


def isolate_dateline(text: str) -> str:
    """``text`` with its opening dateline closed by a full stop instead of its dash (same length).

    Examples
    --------
    >>> isolate_dateline("MOSUL, Iraq (Reuters) - Troops advanced.")
    'MOSUL, Iraq (Reuters) . Troops advanced.'
    >>> isolate_dateline("Troops advanced.")
    'Troops advanced.'
    """
    found = _WITH_AGENCY.match(text) or _WITHOUT_AGENCY.match(text)
    if found is None:
        return text
    start, end = found.span("dash")
    return text[:start] + "." + " " * (end - start - 1) + text[end:]
