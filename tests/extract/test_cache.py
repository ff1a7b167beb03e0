"""Tests of conflict_kg.extract._cache and the gazetteer index it keeps: prepared once, rebuilt when needed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conflict_kg.extract import _gazetteer
from conflict_kg.extract._cache import CACHE_ENV, cache_dir, cache_key, cached_file


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builder:
    """Writes ``text`` and counts its calls."""

    def __init__(self, text: str = "table") -> None:
        self.text, self.calls = text, 0

    def __call__(self, path: Path) -> None:
        self.calls += 1
        path.write_text(self.text)


def _whole(path: Path) -> bool:
    return path.read_text() == "table"


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_built_once_then_reused(folder: Path) -> None:
    """The first call builds the file in the cache folder; later calls return it without building."""
    build = Builder()
    first = cached_file("t.txt", "k1", build, _whole)
    again = cached_file("t.txt", "k1", build, _whole)
    assert first == again == folder / "t-k1.txt" and first.read_text() == "table"
    assert build.calls == 1
    assert _files(folder) == ["t-k1.txt"]


@pytest.mark.parametrize("damage", ["delete", "truncate", "garbage"])
def test_missing_or_damaged_file_is_rebuilt(folder: Path, damage: str) -> None:
    """A deleted file, or one that fails its check, is built again."""
    build = Builder()
    path = cached_file("t.txt", "k1", build, _whole)
    if damage == "delete":
        path.unlink()
    else:
        path.write_text("" if damage == "truncate" else "\x00garbage")
    assert cached_file("t.txt", "k1", build, _whole).read_text() == "table"
    assert build.calls == 2


def test_new_key_replaces_the_old_file(folder: Path) -> None:
    """An upgrade (another key) builds a new file and deletes the former one."""
    cached_file("t.txt", "k1", Builder(), _whole)
    cached_file("t.txt", "k2", Builder(), _whole)
    assert _files(folder) == ["t-k2.txt"]


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_failed_build_leaves_no_file(folder: Path, error: type[BaseException]) -> None:
    """A build that fails halfway leaves neither the file nor a temporary one; the next call builds it."""

    def broken(path: Path) -> None:
        path.write_text("half")
        raise error("stop")

    with pytest.raises(error):
        cached_file("t.txt", "k1", broken, _whole)
    assert _files(folder) == []
    assert cached_file("t.txt", "k1", Builder(), _whole).read_text() == "table"


def test_unwritable_folder_as_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache 'folder' that is a file (cannot be created) costs only the build."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    path = cached_file("t.txt", "k1", Builder(), _whole)
    assert path.read_text() == "table" and not str(path).startswith(str(blocker))


def test_cache_dir_defaults_to_the_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the environment variable the folder is the user cache folder of conflict-kg."""
    monkeypatch.delenv(CACHE_ENV, raising=False)
    assert cache_dir().name == "conflict-kg"


def test_cache_key_follows_files(tmp_path: Path) -> None:
    """A changed data file changes the key."""
    data = tmp_path / "data.tsv"
    data.write_text("a")
    before = cache_key("v1", files=[data])
    data.write_text("ab")
    assert cache_key("v1", files=[data]) != before


# ------------------------------------------------------------------ the gazetteer index


@pytest.fixture
def fresh_gazetteer(folder: Path) -> Iterator[Path]:
    """The gazetteer with its process cache cleared, and a cache folder of its own."""
    _gazetteer._tables.cache_clear()
    _gazetteer.lookup_place.cache_clear()
    yield folder
    _gazetteer._tables.cache_clear()
    _gazetteer.lookup_place.cache_clear()


def _index(folder: Path) -> Path:
    (path,) = folder.glob("gazetteer-*.sqlite")
    return path


def test_gazetteer_index_is_cached_and_reused(fresh_gazetteer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first look-up writes the index; a new process (cache cleared) opens it without building."""
    assert _gazetteer.lookup_place("Fallujah").country == "IRQ"
    path = _index(fresh_gazetteer)
    stamp = path.stat().st_mtime_ns
    _gazetteer._tables.cache_clear()
    _gazetteer.lookup_place.cache_clear()

    def no_build(path: Path) -> None:
        raise AssertionError("the index was built again")

    monkeypatch.setattr(_gazetteer, "_build_index", no_build)
    assert _gazetteer.lookup_place("Saada province").feature == "admin1"
    assert path.stat().st_mtime_ns == stamp


def test_damaged_gazetteer_index_is_rebuilt(fresh_gazetteer: Path) -> None:
    """A truncated index fails its check and is built again, with the same answers."""
    assert _gazetteer.lookup_place("Kandahar").country == "AFG"
    path = _index(fresh_gazetteer)
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size // 3)
    _gazetteer._tables.cache_clear()
    _gazetteer.lookup_place.cache_clear()
    assert _gazetteer.lookup_place("Kandahar").country == "AFG"
    assert _index(fresh_gazetteer).stat().st_size == size
