"""The one exception hierarchy of conflict-kg.

Every error the library raises on purpose derives from :class:`ConflictKGError`,
so ``except ConflictKGError`` catches them all and the CLI turns each into a
single line on stderr. Messages name the bad value (with ``!r``) and say what
to do about it.

    ConflictKGError
    ├── ModelNotFoundError     no spaCy model could be loaded
    ├── InputError             an input file, line or value is unusable
    │   └── DocumentError      a document record is malformed (bad id, date, text)
    ├── QueryError             a SPARQL query failed to parse or run
    ├── StoreError             a store could not be opened, read or written
    │   └── RemoteStoreError   a remote SPARQL server refused or failed a request
    └── ExportError            an export format or destination is unusable
"""

from __future__ import annotations

__all__ = [
    "ConflictKGError",
    "DocumentError",
    "ExportError",
    "InputError",
    "ModelNotFoundError",
    "QueryError",
    "RemoteStoreError",
    "StoreError",
]


class ConflictKGError(Exception):
    """Base class of every error raised by conflict-kg."""


class ModelNotFoundError(ConflictKGError):
    """No spaCy pipeline could be loaded by the names tried."""


class InputError(ConflictKGError, ValueError):
    """An input path, line or value cannot be used."""


class DocumentError(InputError):
    """A document record is malformed."""


class QueryError(ConflictKGError):
    """A SPARQL query is malformed or failed to run."""


class StoreError(ConflictKGError):
    """A store could not be opened, read or written."""


class RemoteStoreError(StoreError):
    """A remote SPARQL 1.1 server refused or failed a request."""


class ExportError(ConflictKGError):
    """An export format or destination cannot be used."""
