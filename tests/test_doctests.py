"""The docstring examples of every module of both packages run as shown."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import conflict_kg.extract
import conflict_kg.graph
import pytest

MODULES = sorted(
    name
    for package in (conflict_kg.extract, conflict_kg.graph)
    for name in [package.__name__, *(m.name for m in pkgutil.iter_modules(package.__path__, package.__name__ + "."))]
)


def test_every_module_is_listed():
    """Both packages and their private modules are found (so an empty list cannot pass)."""
    assert {"conflict_kg.extract._events", "conflict_kg.graph._cli", "conflict_kg.graph"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """The examples in the module's docstrings run as shown."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
