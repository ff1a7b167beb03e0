"""The pipeline: streaming, order, and identical results with worker processes."""

from __future__ import annotations

import os

import pytest
from conflict_kg.extract import Document, iter_extractions

TEXTS = [
    "Rebels shelled the airport in Misrata on Tuesday.",
    "Police in Herat arrested a suspected bomber on Sunday.",
    "Turkish troops and allied Syrian fighters encircled the town of Tal Abyad.",
    "The ministry denied reports that its forces had shelled a market.",
    "Insurgents kidnapped a district governor in Kandahar and demanded a ransom.",
]


def docs(n: int = 12) -> list[Document]:
    return [Document(f"d{i}", TEXTS[i % len(TEXTS)], "2019-03-10") for i in range(n)]


@pytest.mark.slow
def test_workers_give_the_same_events_in_order(nlp):
    """Two worker processes yield exactly the single-process results, in input order."""
    one = [(d.id, evs) for d, evs in iter_extractions(docs(), nlp=nlp)]
    two = [(d.id, evs) for d, evs in iter_extractions(docs(), nlp=nlp, workers=2, batch_size=2)]
    assert two == one
    assert [doc_id for doc_id, _ in one] == [f"d{i}" for i in range(12)]


def test_input_is_consumed_lazily(nlp):
    """Documents are pulled as results are consumed, not all at once."""
    pulled: list[str] = []

    def source():
        for d in docs(200):
            pulled.append(d.id)
            yield d

    stream = iter_extractions(source(), nlp=nlp, batch_size=4)
    next(stream)
    assert len(pulled) < 200


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_text_over_max_length_is_parsed_in_pieces(nlp, monkeypatch, workers):
    """A text longer than the model's max_length gives, in pieces, the events it gives whole (offsets included)."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "seeds" / "fallujah-2016-06-17.txt").read_text(encoding="utf-8")
    article = Document("seed", text, "2016-06-17")
    ((_, whole),) = iter_extractions([article], nlp=nlp)
    monkeypatch.setattr(nlp, "max_length", 600)  # the seed is 2073 characters: four or more pieces
    pairs = list(iter_extractions([Document("short", "Rebels shelled Taiz."), article], nlp=nlp, workers=workers))
    assert [d.id for d, _ in pairs] == ["short", "seed"]
    assert pairs[1][1] == whole


@pytest.mark.slow
def test_workers_share_one_gazetteer_index(nlp, tmp_path, monkeypatch):
    """With an empty table cache, a run with two workers builds the gazetteer index once, not per worker."""
    from conflict_kg.extract import _gazetteer

    builds = tmp_path / "builds.log"
    build = _gazetteer._build_index

    def counted(path):
        with open(builds, "a") as log:  # appends from any process
            log.write(f"{os.getpid()}\n")
        build(path)

    monkeypatch.setenv("CONFLICT_KG_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(_gazetteer, "_build_index", counted)
    _gazetteer._tables.cache_clear()
    _gazetteer.lookup_place.cache_clear()
    try:
        pairs = list(iter_extractions(docs(6), nlp=nlp, workers=2, batch_size=2))
    finally:
        _gazetteer._tables.cache_clear()
        _gazetteer.lookup_place.cache_clear()
    assert len(pairs) == 6
    assert builds.read_text().splitlines() == [str(os.getpid())]
