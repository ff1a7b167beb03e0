"""The embedded Oxigraph store: the store contract plus opening, locking and bad paths."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from conflict_kg.extract import Event
from conflict_kg.graph import STORE_ENV, OxigraphStore, StoreError, default_store_location, open_store
from conflict_kg.graph._remote import SparqlStore
from conflict_kg.graph._store import DEFAULT_STORE
from store_contract import StoreContract, quads


class TestOxigraphContract(StoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[OxigraphStore]:
        with OxigraphStore(tmp_path / "kg") as store:
            yield store


class TestTransactionalLoad(StoreContract):
    """The same contract with ``load`` (one transaction per batch) instead of ``bulk_load``."""

    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[OxigraphStore]:
        with OxigraphStore(tmp_path / "kg", bulk=False) as store:
            yield store


def test_store_persists_across_opens(tmp_path: Path, fallujah_events: list[Event]) -> None:
    with open_store(tmp_path / "kg") as store:
        store.add_events(fallujah_events)
        before = quads(store)
    with open_store(tmp_path / "kg", create=False) as store:
        assert quads(store) == before


def test_default_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(STORE_ENV, raising=False)
    assert default_store_location() == DEFAULT_STORE == "conflict-kg-store"
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "env-kg"))
    with open_store() as store:
        assert store.location == str(tmp_path / "env-kg")


def test_http_location_opens_a_sparql_store() -> None:
    with open_store("http://127.0.0.1:9/sparql") as store:  # no request is made on opening
        assert isinstance(store, SparqlStore)


def test_missing_store_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at '.*nope'.*ingest"):
        open_store(tmp_path / "nope", create=False)


def test_file_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match=r"'.*file' is a file, not a directory"):
        open_store(tmp_path / "file")


def test_non_empty_foreign_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="non-empty directory without an Oxigraph store"):
        open_store(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_locked_store_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "kg"
    OxigraphStore(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            from conflict_kg.graph import OxigraphStore
            store = OxigraphStore({str(path)!r})
            print("open", flush=True)
            sys.stdin.readline()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match=r"store '.*kg' is in use by another process"):
            OxigraphStore(path)
    finally:
        holder.communicate("\n", timeout=30)
    OxigraphStore(path).close()  # free again once the other process is gone


def test_closed_store(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "kg")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()


def test_bad_batch_size(tmp_path: Path, fallujah_events: list[Event]) -> None:
    with OxigraphStore(tmp_path / "kg") as store, pytest.raises(StoreError, match=r"batch_triples.*0"):
        store.add_events(fallujah_events, batch_triples=0)


def test_large_load_compacts_the_store(
    tmp_path: Path, fallujah_events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bulk load of OPTIMIZE_AFTER statements or more compacts the store (announced first); the data stay."""
    import conflict_kg.graph._oxigraph as store_module

    announced: list[bool] = []
    with OxigraphStore(tmp_path / "small") as store:
        report = store.add_events(fallujah_events)
        assert not report.optimized
        expected = quads(store)
    monkeypatch.setattr(store_module, "OPTIMIZE_AFTER", 10)
    with OxigraphStore(tmp_path / "large") as store:
        store.on_optimize = lambda: announced.append(True)
        assert store.add_events(fallujah_events).optimized
        assert announced == [True] and quads(store) == expected


@pytest.mark.parametrize(
    ("optimize", "bulk", "compacted"),
    [(True, True, True), (True, False, True), (False, True, False), (None, False, False)],
)
def test_optimize_option(
    tmp_path: Path,
    fallujah_events: list[Event],
    monkeypatch: pytest.MonkeyPatch,
    optimize: bool | None,
    bulk: bool,
    compacted: bool,
) -> None:
    """optimize=True always compacts, False never; by default a transactional load never does."""
    import conflict_kg.graph._oxigraph as store_module

    monkeypatch.setattr(store_module, "OPTIMIZE_AFTER", 10)
    with OxigraphStore(tmp_path / "kg", bulk=bulk) as store:
        assert store.add_events(fallujah_events, optimize=optimize).optimized is compacted
