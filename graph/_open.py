"""Opening a store by its location: a directory (embedded Oxigraph) or an ``http(s)://`` SPARQL endpoint.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp, open_store(tmp + "/kg") as store:
...     type(store).__name__
'OxigraphStore'
"""

from __future__ import annotations

from pathlib import Path

from ._oxigraph import OxigraphStore
from ._store import Store, default_store_location, is_remote

__all__ = ["open_store"]


def open_store(
    location: str | Path | None = None,
    *,
    create: bool = True,
    bulk: bool = True,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 300.0,
) -> Store:
    """Open the store at ``location``: a directory (embedded Oxigraph) or an ``http(s)://`` SPARQL endpoint.

    Parameters
    ----------
    location : str, Path or None
        None means :func:`~._store.default_store_location` (``$CONFLICT_KG_STORE`` or
        ``./conflict-kg-store``).
    create : bool
        For a directory: make it if missing (False for read-only commands).
    bulk : bool
        For a directory: load with Oxigraph's ``bulk_load`` (see :class:`~._oxigraph.OxigraphStore`).
    user, password : str, optional
        For an endpoint: the credentials for updates (see :class:`~._remote.SparqlStore`).
    timeout : float
        For an endpoint: seconds to wait for the server per request.
    """
    if location is None:
        location = default_store_location()
    if is_remote(location):
        # imported here: its HTTP client (httpx) is slow to import, and an embedded store never needs it
        from ._remote import SparqlStore

        return SparqlStore(str(location), user=user, password=password, timeout=timeout)
    return OxigraphStore(location, create=create, bulk=bulk)
