"""Fixtures for the extractor tests: one spaCy pipeline for the whole session."""

from __future__ import annotations

import pytest
from conflict_kg.extract import load_model
from conflict_kg.extract._pipeline import prepare


@pytest.fixture(scope="session")
def nlp():
    """The default English pipeline, loaded once."""
    return prepare(load_model())
