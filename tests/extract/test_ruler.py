"""The indexed attribute ruler: the stock ruler's matches and annotations, found by look-up."""

from __future__ import annotations

import numpy as np
import pytest
from conflict_kg.extract import load_model
from conflict_kg.extract._ruler import index_attribute_ruler
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

TEXTS = [
    "",
    "Yes",
    "Government troops recaptured the municipal building in Fallujah on Friday, officials said.",
    "I ain't gonna do it, y'all. Let's go! Gotta run. C'mon, it's nothin'.",
    "There is a man.  Extra   spaces\n\n and a new paragraph.",
    "But I said it to you, and you gave it to me; do you have it? I did, and so did they.",
    "Which of these did the rebels who had fled the town take, and what was it that they wanted?",
    "The U.S.-led coalition's air strikes hit 3 ISIS-held villages near Mosul at dawn.",
]

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_TYPE, ENT_IOB]


@pytest.fixture(scope="module")
def pipelines():
    """A stock pipeline and an indexed one, each loaded afresh (not the cached shared one)."""
    stock = load_model.__wrapped__()
    indexed = load_model.__wrapped__()
    assert index_attribute_ruler(indexed)
    return stock, indexed


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_stock(pipelines, text):
    """Every token gets the same tag, POS, morphology, lemma, parse and entity as with the stock ruler."""
    stock, indexed = pipelines
    assert np.array_equal(stock(text).to_array(COLUMNS), indexed(text).to_array(COLUMNS))


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_stock(pipelines, text):
    """The indexed search returns the stock search's matches, in its order, each once."""
    stock, indexed = pipelines
    before_ruler = indexed.make_doc(text)
    for name, proc in indexed.pipeline:
        if name == "attribute_ruler":
            break
        before_ruler = proc(before_ruler)
    stock_ruler, ruler = stock.get_pipe("attribute_ruler"), indexed.get_pipe("attribute_ruler")
    expected = sorted(set(stock_ruler.match(before_ruler)))
    assert ruler.match(before_ruler) == expected
    assert len(expected) >= len(before_ruler)  # every token has its tag-map rule at least


def test_indexing_twice_is_harmless(pipelines):
    """A second call reports the ruler indexed and keeps the same search."""
    _, indexed = pipelines
    search = indexed.get_pipe("attribute_ruler").match
    assert index_attribute_ruler(indexed)
    assert indexed.get_pipe("attribute_ruler").match == search


def test_patterns_added_later_are_honoured():
    """A pattern added after indexing still applies (the ruler falls back to the stock search)."""
    nlp = load_model.__wrapped__()
    assert index_attribute_ruler(nlp)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "fallujah"}]], {"LEMMA": "FALLUJAH"})
    assert nlp("Fallujah fell.")[0].lemma_ == "FALLUJAH"


def test_unsupported_pattern_leaves_ruler_alone():
    """A ruler with a pattern the index cannot check exactly (an operator) keeps the stock search."""
    nlp = load_model.__wrapped__()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not index_attribute_ruler(nlp)
    assert "match" not in vars(ruler)


def test_pipeline_without_ruler():
    """A pipeline with no attribute_ruler is reported as not indexed."""
    import spacy

    assert not index_attribute_ruler(spacy.blank("en"))
