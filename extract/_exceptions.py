"""The one exception hierarchy of conflict-kg.

Every error either package raises on purpose derives from :class:`ConflictKGError`,
so ``except ConflictKGError`` catches them all and the CLI turns each into a
single line on stderr. Messages name the bad value (with ``!r``) and say what
to do about it.

    ConflictKGError
    ├── ModelNotFoundError     no spaCy model could be loaded
    ├── InputError             an input file, line or value is unusable
    │   └── DocumentError      a document record is malformed (bad id, date, text)
    └── ...                    the graph package's errors (conflict_kg.graph: QueryError,
                               StoreError, RemoteStoreError, ExportError)
"""

from __future__ import annotations

__all__ = [
    "ConflictKGError",
    "DocumentError",
    "InputError",
    "ModelNotFoundError",
]


class ConflictKGError(Exception):
    """Base class of every error raised by conflict-kg."""


class ModelNotFoundError(ConflictKGError):
    """No spaCy pipeline could be loaded by the names tried."""


class InputError(ConflictKGError, ValueError):
    """An input path, line or value cannot be used."""


class DocumentError(InputError):
    """A document record is malformed."""
