"""The store subcommands: ingest, remove, query --store, export, stats."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conflict_kg.extract import Event
from conflict_kg.graph import open_store
from conflict_kg.graph._cli import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "fallujah-2016-06-17.txt"


@pytest.fixture
def store_dir(tmp_path: Path, fallujah_events: list[Event]) -> str:
    path = tmp_path / "kg"
    with open_store(path) as store:
        store.add_events(fallujah_events)
    return str(path)


def test_stats(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--store", store_dir, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["documents"], stats["events"], stats["places"]) == (2, 5, 2)
    assert main(["stats", "--store", store_dir]) == 0
    assert capsys.readouterr().out.splitlines()[1].split() == ["events", "5"]


def test_query_store(store_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT ?who WHERE { ?a ckga:recapture ?t . ?a rdfs:label ?who }"
    assert main(["query", "--store", store_dir, query, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["who", "government troops"]
    (tmp_path / "q.rq").write_text(query)
    assert main(["query", "--store", store_dir, "-f", str(tmp_path / "q.rq"), "--format", "json"]) == 0
    assert "government troops" in capsys.readouterr().out


def test_query_store_takes_one_query(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", store_dir, "a.ttl", "SELECT * {}"]) == 1
    assert "exactly one query" in capsys.readouterr().err


def test_export_formats_from_suffix(store_dir: str, tmp_path: Path) -> None:
    for suffix in (".ttl", ".trig", ".nq", ".nt", ".jsonld", ".graphml", ".csv"):
        out = tmp_path / f"out{suffix}"
        assert main(["export", "--store", store_dir, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    with open(tmp_path / "out.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 5


def test_export_unknown_suffix(store_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--store", store_dir, "-o", str(tmp_path / "x.xml")]) == 1
    assert "'.xml'" in capsys.readouterr().err
    assert not (tmp_path / "x.xml").exists()


def test_remove(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remove", "d01", "--store", store_dir]) == 0
    assert main(["remove", "nope", "--store", store_dir]) == 1
    err = capsys.readouterr().err
    assert "no document(s) 'nope'" in err and "it holds 'd00'" in err
    with open_store(store_dir, create=False) as store:
        assert store.documents() == ["d00"]


def test_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--store", str(tmp_path / "none")]) == 1
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()


def test_default_store_from_environment(
    store_dir: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONFLICT_KG_STORE", store_dir)
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 2


@pytest.mark.slow
def test_ingest_twice_then_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "kg")
    assert main(["ingest", str(SEED), "--store", store]) == 0
    assert main(["stats", "--store", store, "--json"]) == 0
    out = capsys.readouterr().out
    first = json.loads(out.splitlines()[-1])
    assert first["documents"] == 1 and first["events"] > 5
    assert main(["ingest", str(SEED), "--store", store, "--batch-triples", "50"]) == 0
    assert main(["stats", "--store", store, "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1]) == first
    assert main(["remove", SEED.name, "--store", store]) == 0
    assert main(["stats", "--store", store, "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["triples"] == 0


def test_ingest_optimize(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--optimize compacts the store after loading and says so; --no-optimize does not."""
    store = str(tmp_path / "kg")
    assert main(["ingest", str(SEED), "--store", store, "--optimize"]) == 0
    captured = capsys.readouterr()
    assert "compacting the store" in captured.err and "(store compacted)" in captured.out
    assert main(["ingest", str(SEED), "--store", store, "--no-optimize"]) == 0
    captured = capsys.readouterr()
    assert "compact" not in captured.err + captured.out
