"""The embedded store: an Oxigraph (RocksDB) database in a directory, no server to start.

Examples
--------
>>> import tempfile
>>> from conflict_kg.extract import Action, Event, Mention
>>> with tempfile.TemporaryDirectory() as tmp, OxigraphStore(tmp + "/kg") as store:
...     _ = store.add_events([Event("d1", 0, Action("shelled", "shell"), Mention("Rebels"), Mention("Taiz"))])
...     store.documents(), store.stats().events
(['d1'], 1)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib.query import Result

from ._errors import QueryError, StoreError
from ._ingest import IngestingStore
from ._store import dump_oxigraph, result_from_oxigraph, with_prefixes

__all__ = ["OPTIMIZE_AFTER", "OxigraphStore"]

#: An ingestion that bulk-loads at least this many statements compacts the embedded store after.
OPTIMIZE_AFTER = 1_000_000


def _looks_like_store(path: Path) -> bool:
    return (path / "CURRENT").is_file() or not any(path.iterdir())


class OxigraphStore(IngestingStore):
    """An embedded on-disk store: an Oxigraph (RocksDB) database in a directory.

    Parameters
    ----------
    path : str or Path
        The store directory; made (with its parents) when ``create`` is true.
    create : bool
        With False, a missing directory is an error (for commands that only read).
    bulk : bool
        Load batches with Oxigraph's ``bulk_load`` (fastest, writes files directly,
        not transactional) rather than ``load`` (one transaction per batch).

    Raises
    ------
    StoreError
        When the directory is missing (and ``create`` is false), is not a store,
        or is in use by another process (Oxigraph locks it).
    """

    def __init__(self, path: str | Path, *, create: bool = True, bulk: bool = True) -> None:
        self.path = Path(path)
        self.location = str(path)
        self.bulk = bulk
        self._store: ox.Store | None = None
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"store {self.location!r} is a file, not a directory; choose another --store")
        if not self.path.exists() and not create:
            raise StoreError(
                f"no store at {self.location!r}; ingest documents first (conflict-kg ingest ... --store DIR)"
            )
        if self.path.is_dir() and not _looks_like_store(self.path):
            raise StoreError(
                f"{self.location!r} is a non-empty directory without an Oxigraph store; "
                "choose a new or empty directory for --store"
            )
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreError(
                    f"store {self.location!r} is in use by another process (Oxigraph locks its directory); "
                    "wait for it to finish or use another --store"
                ) from None
            raise StoreError(f"cannot open store {self.location!r}: {message}") from None

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`, for hot paths."""
        if self._store is None:
            raise StoreError(f"store {self.location!r} is closed")
        return self._store

    def _write_batch(self, docs: list[tuple[str, str]], replace: list[str]) -> None:
        store = self.oxigraph
        data = "".join(text for _, text in docs).encode("utf-8")
        for name in replace:
            node = ox.NamedNode(name)
            if store.contains_named_graph(node):
                store.remove_graph(node)
        if not data:
            return
        try:
            if self.bulk:
                store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            else:
                store.load(data, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"loading into store {self.location!r} failed: {exc}") from None

    def _existing_graphs(self, names: list[str]) -> list[str]:
        store = self.oxigraph
        return [name for name in names if store.contains_named_graph(ox.NamedNode(name))]

    def _drop_graph(self, graph: str) -> bool:
        node = ox.NamedNode(graph)
        if not self.oxigraph.contains_named_graph(node):
            return False
        self.oxigraph.remove_graph(node)
        return True

    def _triple_count(self) -> int:
        return len(self.oxigraph)

    def query_raw(self, sparql: str) -> Any:
        """Run a query and return pyoxigraph's own result (the fastest path)."""
        try:
            return self.oxigraph.query(with_prefixes(sparql), use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (OSError, ValueError, TypeError) as exc:
            raise QueryError(f"SPARQL query failed: {exc}") from None

    def query(self, sparql: str) -> Result:
        try:
            return result_from_oxigraph(self.query_raw(sparql))
        except (OSError, ValueError, TypeError) as exc:
            raise QueryError(f"SPARQL query failed: {exc}") from None

    def update(self, sparql: str) -> None:
        try:
            self.oxigraph.update(with_prefixes(sparql))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from None
        except (OSError, ValueError) as exc:
            raise QueryError(f"SPARQL update failed: {exc}") from None

    def dump(self, fmt: str, out: IO[bytes]) -> None:
        dump_oxigraph(self.oxigraph, fmt, out)

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[ox.Store]:
        yield self.oxigraph

    def optimize(self) -> None:
        """Compact the database files: smaller, and each look-up reads fewer of them.

        Bulk loading writes new files beside the old ones; until they are merged, every
        index look-up consults them all. :meth:`add_events` and friends compact after
        a load of :data:`OPTIMIZE_AFTER` statements or more (``optimize=None``); at 1M
        events this takes about 2 minutes and makes point queries 2-4 times faster.
        """
        self.oxigraph.optimize()

    def _after_ingest(self, statements: int, optimize: bool | None) -> bool:
        if optimize is False or (optimize is None and (not self.bulk or statements < OPTIMIZE_AFTER)):
            return False
        if self.on_optimize is not None:
            self.on_optimize()
        self.optimize()
        return True

    def close(self) -> None:
        if self._store is not None:
            self._store.flush()
            self._store = None  # the directory lock goes with the object

    def __repr__(self) -> str:
        return f"OxigraphStore({self.location!r})"
