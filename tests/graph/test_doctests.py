"""Run the docstring examples of the graph modules."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["", "._namespaces", "._iris", "._rdf", "._read", "._rows", "._query", "._export", "._networkx", "._ontology"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """The examples in each module's docstrings run as shown."""
    module = importlib.import_module("conflict_kg.graph" + name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
