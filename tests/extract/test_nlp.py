"""Model loading: lazy, by name, with a clear error when none is installed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conflict_kg.extract import ModelNotFoundError, load_model


def test_missing_model_says_how_to_install():
    """An unknown model name raises ModelNotFoundError with the install hint."""
    with pytest.raises(ModelNotFoundError, match=r"no spaCy model found \(tried 'no_such_model'\).*pip install"):
        load_model("no_such_model")


def test_import_loads_no_model_and_graph_imports_no_spacy():
    """Importing the packages loads no model, and conflict_kg.graph never imports spaCy."""
    code = "import sys, conflict_kg.extract, conflict_kg.graph, conflict_kg.graph._cli;print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_default_model_is_cached():
    """The default pipeline loads once and is reused."""
    assert load_model() is load_model()
