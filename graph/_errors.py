"""The graph package's errors, under the one root :class:`~conflict_kg.extract.ConflictKGError`.

The root lives in :mod:`conflict_kg.extract` (which the graph package depends on), so
``except ConflictKGError`` catches the errors of both packages, and the CLI turns each
into a single line on stderr. Messages name the bad value (with ``!r``) and say what
to do about it.

    ConflictKGError            (conflict_kg.extract)
    ├── ...                    extraction's errors (conflict_kg.extract)
    ├── QueryError             a SPARQL query failed to parse or run
    ├── StoreError             a store could not be opened, read or written
    │   └── RemoteStoreError   a remote SPARQL server refused or failed a request
    └── ExportError            an export format or destination is unusable

>>> issubclass(RemoteStoreError, ConflictKGError)
True
"""

from __future__ import annotations

from conflict_kg.extract import ConflictKGError

__all__ = ["ExportError", "QueryError", "RemoteStoreError", "StoreError"]


class QueryError(ConflictKGError):
    """A SPARQL query is malformed or failed to run."""


class StoreError(ConflictKGError):
    """A store could not be opened, read or written."""


class RemoteStoreError(StoreError):
    """A remote SPARQL 1.1 server refused or failed a request."""


class ExportError(ConflictKGError):
    """An export format or destination cannot be used."""
