"""The remote store against a real Virtuoso: the store contract, paging, and HTTP errors.

A session fixture installs Debian's ``virtuoso-opensource`` if needed (through
``scripts/virtuoso.sh install``: root or password-less sudo and apt-get), starts
a private server on free loopback ports with a temporary database (its
``ResultSetMaxRows`` set to 50 so that paging is exercised), and stops it at the
end. Where the package cannot be installed, these tests skip and say why.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conflict_kg.extract import Action, Event, Mention
from conflict_kg.graph import RemoteStoreError
from conflict_kg.graph._remote import SparqlStore
from store_contract import StoreContract

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "virtuoso.sh"
MAX_ROWS = 50
PASSWORD = "ckg-" + secrets.token_hex(8)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of a private Virtuoso (no credentials in it)."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        done = subprocess.run(["bash", str(SCRIPT), "install"], capture_output=True, text=True, timeout=1200)
        if done.returncode != 0:
            pytest.skip(f"Virtuoso is not installed and could not be: {done.stderr.strip()[-400:]}")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = _free_port(), _free_port()
    env = {
        **os.environ,
        "VIRTUOSO_PASSWORD": PASSWORD,
        "VIRTUOSO_MAX_ROWS": str(MAX_ROWS),
        "VIRTUOSO_BUFFERS": "10000",
        "VIRTUOSO_DIRTY_BUFFERS": "6000",
    }
    started = subprocess.run(
        ["bash", str(SCRIPT), "start", str(folder), str(http_port), str(sql_port)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    try:
        if started.returncode != 0:
            pytest.fail(f"Virtuoso did not start: {started.stderr.strip()[-800:]}")
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def _authed(url: str) -> str:
    return url.replace("http://", f"http://dba:{PASSWORD}@", 1)


@pytest.fixture
def remote(virtuoso: str) -> Iterator[SparqlStore]:
    """An empty remote store; its document graphs are dropped after each test."""
    store = SparqlStore(_authed(virtuoso))
    for name in store.graph_names():
        store.update(f"DROP SILENT GRAPH <{name}>")
    try:
        yield store
    finally:
        for name in store.graph_names():
            store.update(f"DROP SILENT GRAPH <{name}>")
        store.close()


class TestVirtuosoContract(StoreContract):
    @pytest.fixture
    def store(self, remote: SparqlStore) -> SparqlStore:
        return remote


def _many_events(n: int) -> list[Event]:
    return [
        Event(
            f"doc{i % 7}",
            i,
            Action("shelled", "shell"),
            actor=Mention(f"Unit {i % 13}"),
            target=Mention(f"Village {i}"),
        )
        for i in range(n)
    ]


def test_update_url_is_virtuosos_auth_endpoint(remote: SparqlStore, virtuoso: str) -> None:
    assert remote.update_url == virtuoso + "-auth"


def test_select_is_paged_past_result_set_max_rows(remote: SparqlStore) -> None:
    remote.add_events(_many_events(120))
    rows = remote.query("SELECT ?e WHERE { ?e a sem:Event }")
    assert len(rows) == 120 > MAX_ROWS
    assert len({r[0] for r in rows}) == 120  # type: ignore[index]
    assert remote.stats().events == 120


def test_page_shrinks_to_the_servers_limit(virtuoso: str) -> None:
    with SparqlStore(_authed(virtuoso), page_size=1000) as store:
        store.add_events(_many_events(80))
        assert len(store.query("SELECT ?e WHERE { ?e a sem:Event }")) == 80
        for name in store.graph_names():
            store.update(f"DROP SILENT GRAPH <{name}>")


def test_cut_result_that_cannot_be_paged_is_an_error(remote: SparqlStore) -> None:
    remote.add_events(_many_events(80))
    with pytest.raises(RemoteStoreError, match=r"cut the result at 50 rows.*ResultSetMaxRows"):
        remote.query("SELECT ?e WHERE { ?e a sem:Event } LIMIT 70")


def test_wrong_password(virtuoso: str, fallujah_events: list[Event]) -> None:
    url = virtuoso.replace("http://", "http://dba:wrong-secret@")
    pattern = r"'http://127\.0\.0\.1:\d+/sparql-auth'.*HTTP 401"
    with SparqlStore(url) as store:
        with pytest.raises(RemoteStoreError, match=pattern) as info:
            store.add_events(fallujah_events)
        assert "wrong-secret" not in str(info.value)


def test_update_without_credentials(
    virtuoso: str, fallujah_events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONFLICT_KG_SPARQL_USER", raising=False)
    with SparqlStore(virtuoso) as store, pytest.raises(RemoteStoreError, match=r"HTTP 401.*credentials"):
        store.add_events(fallujah_events)


def test_server_message_is_reported(remote: SparqlStore, virtuoso: str) -> None:
    with pytest.raises(RemoteStoreError, match=rf"{virtuoso}'.*HTTP \d+.*SP030.*syntax error"):
        remote.query("SELEC ?x WHERE { ?x ?p ?o }")


def test_unreachable_server() -> None:
    url = f"http://127.0.0.1:{_free_port()}/sparql"
    with SparqlStore(url, timeout=5) as store, pytest.raises(RemoteStoreError, match=rf"cannot reach.*{url}"):
        store.stats()


def test_not_an_endpoint_url() -> None:
    from conflict_kg.graph import StoreError

    with pytest.raises(StoreError, match="not an http"):
        SparqlStore("ftp://example.org/sparql")
