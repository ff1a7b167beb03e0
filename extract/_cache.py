"""Files prepared once and kept on disk: built on first use, then opened in milliseconds.

:func:`cached_file` returns the path of a prepared file (the gazetteer's
SQLite index, for one) in the cache folder when one for its key is there and
passes its check, else builds it and returns the new one. The key is a digest
of everything the file is built from (library versions, data files, the code
that builds it: :func:`cache_key`), so an upgrade makes a new file instead of
reading a stale one, and the files of former keys are deleted.

- **Where**: ``$CONFLICT_KG_CACHE`` if set, else the user cache folder
  (``platformdirs.user_cache_dir("conflict-kg")``, e.g. ``~/.cache/conflict-kg``).
  Delete the folder at will; it is rebuilt on the next run.
- **Atomic**: built under a temporary name in the same folder and renamed into
  place, so other processes (extraction workers included) see a whole file or
  none, and a build that fails or is interrupted leaves nothing behind.
- **Checked**: a file that fails its check (damaged, truncated, from an
  interrupted copy) is built again.
- **Never fatal**: when the cache folder cannot be written, the file is built
  in a private temporary folder for this process instead.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["CACHE_ENV", "cache_dir", "cache_key", "cached_file"]

#: The environment variable naming the cache folder.
CACHE_ENV = "CONFLICT_KG_CACHE"


def cache_dir() -> Path:
    """The folder of cached files: ``$CONFLICT_KG_CACHE``, else the user cache folder.

    >>> import os
    >>> os.environ["CONFLICT_KG_CACHE"] = "/tmp/ckg-cache-example"
    >>> str(cache_dir())
    '/tmp/ckg-cache-example'
    >>> del os.environ["CONFLICT_KG_CACHE"]
    """
    folder = os.environ.get(CACHE_ENV)
    if folder:
        return Path(folder)
    import platformdirs

    return Path(platformdirs.user_cache_dir("conflict-kg", appauthor=False))


def cache_key(*parts: object, files: Iterable[str | os.PathLike[str]] = ()) -> str:
    """A short digest of ``parts`` (versions, settings) and of the size and modification time of ``files``.

    The Python version is always part of it.

    >>> cache_key("a", 1) == cache_key("a", 1) != cache_key("a", 2)
    True
    """
    digest = hashlib.sha256(repr((sys.version_info[:2], *parts)).encode())
    for name in files:
        stat = os.stat(name)
        digest.update(f"\0{os.fspath(name)}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def _build_into(folder: Path, path: Path, build: Callable[[Path], None]) -> None:
    """Run ``build`` on a temporary path in ``folder``, then rename it to ``path``; no trace on failure."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        build(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def cached_file(name: str, key: str, build: Callable[[Path], None], check: Callable[[Path], bool]) -> Path:
    """The path of the prepared file ``name`` for ``key``: the cached one if it passes ``check``, else a new one.

    Parameters
    ----------
    name : str
        A file name (``"gazetteer.sqlite"``); the key goes before its suffix.
    key : str
        :func:`cache_key` of everything the file depends on.
    build : callable
        Writes the file at the path it is given (an empty file exists there).
    check : callable
        Whether the file at a path is whole and usable; it must not raise.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["CONFLICT_KG_CACHE"] = tempfile.mkdtemp()
    >>> path = cached_file("hello.txt", "k1", lambda p: p.write_text("hello"), lambda p: p.read_text() == "hello")
    >>> path.name, path.read_text()
    ('hello-k1.txt', 'hello')
    >>> cached_file("hello.txt", "k1", lambda p: 1 / 0, lambda p: True) == path  # not built again
    True
    >>> del os.environ["CONFLICT_KG_CACHE"]
    """
    stem, dot, suffix = name.partition(".")
    file_name = f"{stem}-{key}{dot}{suffix}"
    folder = cache_dir()
    path = folder / file_name
    if path.is_file() and check(path):
        return path
    try:
        _build_into(folder, path, build)
    except OSError:
        # an unwritable or full cache folder: build for this process only
        private = Path(tempfile.mkdtemp(prefix="conflict-kg-cache-"))
        atexit.register(shutil.rmtree, private, ignore_errors=True)
        path = private / file_name
        _build_into(private, path, build)
        return path
    for old in folder.glob(f"{stem}-*{dot}{suffix}"):  # files of former keys are never read again
        if old != path and not old.name.startswith("."):
            with contextlib.suppress(OSError):
                old.unlink()
    return path
