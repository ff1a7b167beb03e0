"""Fixtures of the query guard and endpoint tests: sample events, and `conflict-kg serve` processes."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from conflict_kg.extract import Action, Event, Mention, Place

TAIZ = Place("Taiz")


def _shellings(first: int, count: int) -> list[Event]:
    return [
        Event(f"d{i}", 0, Action("shelled", "shell", "ASSAULT"), Mention(f"Rebels {i:02d}"), Mention("Taiz"), TAIZ)
        for i in range(first, first + count)
    ]


@pytest.fixture(scope="session")
def shellings() -> Callable[[int, int], list[Event]]:
    """``shellings(first, count)``: one event per document ``d<first>``..., "Rebels NN shelled Taiz"."""
    return _shellings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A ``conflict-kg serve`` process on loopback."""

    def __init__(self, store: str, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "conflict_kg.graph._cli", "serve", "--store", store, "--port", str(self.port)]
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop(); a pipe could fill and block the server
        self.process = subprocess.Popen([*command, *options], stderr=self.log)
        for _ in range(300):
            try:
                httpx.get(self.url + "/sparql", timeout=1)
                return
            except httpx.TransportError:
                if self.process.poll() is not None:
                    self.log.seek(0)
                    raise RuntimeError(f"serve ended: {self.log.read().decode()}") from None
                time.sleep(0.1)
        raise RuntimeError("serve did not start")

    def children(self) -> set[int]:
        """The process ids of the server's children (its query processes)."""
        found: set[int] = set()
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            found.update(int(p) for p in (task / "children").read_text().split())
        return found

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)
        self.log.close()


@pytest.fixture(scope="session")
def serve_store() -> Iterator[Callable[..., Server]]:
    """``serve_store(store, *options)``: a running ``conflict-kg serve`` of ``store``, stopped after the session."""
    started: list[Server] = []

    def start(store: str, *options: str) -> Server:
        started.append(Server(store, *options))
        return started[-1]

    yield start
    for server in started:
        server.stop()
