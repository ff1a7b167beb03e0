"""Writing graphs: rdflib serializers, and atomic file writes.

:func:`atomic_write` writes to a temporary file in the destination's folder
and moves it into place with :func:`os.replace` only when writing succeeded,
so an interrupted or failed run never leaves a half-written file (nor
clobbers the old one).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from conflict_kg.extract import ExportError
from rdflib import Dataset, Graph

from ._namespaces import PREFIXES

__all__ = [
    "EXPORT_FORMATS",
    "atomic_write",
    "export_format",
    "serialize",
    "write_graph",
    "write_text",
]

#: Export format names (and aliases) and the rdflib serializer of each.
EXPORT_FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "ttl": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "json-ld": "json-ld",
    "nquads": "nquads",
    "nq": "nquads",
    "trig": "trig",
}
_SUFFIX_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".nq": "nquads",
    ".trig": "trig",
}
_QUADS = {"nquads", "trig"}


def export_format(name: str | None = None, path: str | Path | None = None) -> str:
    """The rdflib serializer for a format name, else for ``path``'s suffix.

    >>> export_format("ttl"), export_format(path="out.jsonld")
    ('turtle', 'json-ld')
    >>> export_format("xml")
    Traceback (most recent call last):
    ...
    conflict_kg.extract._exceptions.ExportError: unknown export format 'xml'; \
use one of turtle, nt, jsonld, nquads, trig
    """
    if name is None and path is not None:
        suffix = Path(path).suffix.lower()
        if suffix not in _SUFFIX_FORMATS:
            raise ExportError(
                f"cannot tell the format of {str(path)!r} from its suffix {suffix!r}; "
                "pass a format (turtle, nt, jsonld, nquads, trig) or use .ttl, .nt, .jsonld, .nq, .trig"
            )
        name = _SUFFIX_FORMATS[suffix]
    if name is None or name.lower() not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format {name!r}; use one of turtle, nt, jsonld, nquads, trig")
    return EXPORT_FORMATS[name.lower()]


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    """``graph`` as text in format ``fmt`` (see :data:`EXPORT_FORMATS`).

    JSON-LD is compacted with the conflict-kg prefixes as its context.
    Quad formats (N-Quads, TriG) need a :class:`~rdflib.Dataset`.
    """
    rdflib_format = export_format(fmt)
    if rdflib_format in _QUADS and not isinstance(graph, Dataset):
        raise ExportError(f"format {fmt!r} writes named graphs; build a dataset, or use turtle, nt or jsonld")
    if rdflib_format == "json-ld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, auto_compact=True)
    return graph.serialize(format=rdflib_format)


@contextlib.contextmanager
def atomic_write(path: str | Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Open a temporary file next to ``path`` for writing; move it to ``path`` on success.

    On any exception (including KeyboardInterrupt) the temporary file is
    removed and ``path`` is left as it was. Raises :class:`ExportError` when
    the folder is missing or not writable.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_write(out) as f:
    ...     _ = f.write("done\\n")
    >>> out.read_text()
    'done\\n'
    """
    path = Path(path)
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {str(path)!r}: folder {str(parent)!r} does not exist; create it first")
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise ExportError(f"cannot write {str(path)!r}: {exc.strerror}; choose another path") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; give the result the usual permissions
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str | Path, chunks: Iterable[str]) -> None:
    """Write text chunks to ``path`` atomically (see :func:`atomic_write`)."""
    with atomic_write(path) as handle:
        for chunk in chunks:
            handle.write(chunk)


def write_graph(graph: Graph, path: str | Path, fmt: str | None = None) -> str:
    """Serialize ``graph`` to ``path`` atomically; the format defaults from the suffix.

    Returns the rdflib format used.
    """
    rdflib_format = export_format(fmt, path)
    write_text(path, [serialize(graph, rdflib_format)])
    return rdflib_format
