"""Fixtures of the query guard and endpoint tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conflict_kg.extract import Action, Event, Mention, Place

TAIZ = Place("Taiz")


def _shellings(first: int, count: int) -> list[Event]:
    return [
        Event(f"d{i}", 0, Action("shelled", "shell", "ASSAULT"), Mention(f"Rebels {i:02d}"), Mention("Taiz"), TAIZ)
        for i in range(first, first + count)
    ]


@pytest.fixture(scope="session")
def shellings() -> Callable[[int, int], list[Event]]:
    """``shellings(first, count)``: one event per document ``d<first>``..., "Rebels NN shelled Taiz"."""
    return _shellings
