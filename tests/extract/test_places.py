"""Place phrases: how broad each is, and the kind a description names."""

from __future__ import annotations

import pytest
from conflict_kg.extract._places import PlaceHit, breadth, place_kind


def _hit(nlp, text: str, head: str, name: str) -> PlaceHit:
    doc = nlp(text)
    token = next(t for t in doc if t.text == head)
    return PlaceHit(doc[token.left_edge.i : token.right_edge.i + 1], name)


@pytest.mark.parametrize(
    ("text", "head", "name", "kind_of", "expected"),
    [
        ("near the village of Kaleri", "village", "Kaleri", None, 0),
        ("in the Abu Shouk camp", "camp", "Abu Shouk", None, 0),
        ("in Kolongo", "Kolongo", "Kolongo", None, 1),
        ("in Garissa", "Garissa", "Garissa", "settlement", 0),
        ("in Borno state", "state", "Borno", None, 2),
        ("in Lebanon", "Lebanon", "Lebanon", "country", 3),
        ("in southern Lebanon", "Lebanon", "Lebanon", "country", 3),
        ("in central Mali", "Mali", "Mali", None, 3),
        ("in northern Shan state", "state", "Shan", None, 3),
    ],
)
def test_breadth(nlp, text, head, name, kind_of, expected):
    """Settlements and camps are narrowest, then unknown names, divisions, countries and compass areas."""
    hit = _hit(nlp, text, head, name)
    assert breadth(hit, (lambda _name: kind_of) if kind_of else None) == expected


@pytest.mark.parametrize(
    ("text", "head", "feature", "kind"),
    [
        ("the town", "town", None, "settlement"),
        ("the capital", "capital", None, "settlement"),
        ("the province", "province", None, "division"),
        ("the camp", "camp", None, "camp"),
        ("the hospital", "hospital", None, None),
        ("Kirkuk", "Kirkuk", "city", "settlement"),
        ("Diyala", "Diyala", "admin1", "division"),
    ],
)
def test_place_kind(nlp, text, head, feature, kind):
    """A description's noun, else the gazetteer feature, gives the kind of place."""
    assert place_kind(_hit(nlp, text, head, head), feature) == kind
