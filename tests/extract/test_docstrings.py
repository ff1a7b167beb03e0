"""Run the docstring examples of the extract modules that need no spaCy model."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["._cache", "._gazetteer"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """The examples in each module's docstrings run as shown."""
    module = importlib.import_module("conflict_kg.extract" + name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
