"""``conflict-kg serve``: the SPARQL 1.1 Protocol, tried with an HTTP client against a served temporary store."""

from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from conflict_kg.extract import Event
from conflict_kg.graph import document_iri, open_store
from conflict_kg.graph._cli import main
from conflict_kg.graph._serve import ServeConfig, create_app
from rdflib import Graph, URIRef

pytestmark = pytest.mark.slow
Shellings = Callable[[int, int], list[Event]]

HUGE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
WHO = "SELECT ?who WHERE { ?a ckga:shell ?t . ?a rdfs:label ?who } ORDER BY ?who"
COUNT = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }"
CONSTRUCT = "CONSTRUCT { ?a ckga:shell ?t } WHERE { ?a ckga:shell ?t }"


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


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, shellings: Shellings) -> str:
    path = str(tmp_path_factory.mktemp("serve") / "kg")
    with open_store(path) as store:
        store.add_events(shellings(0, 12))
    return path


@pytest.fixture(scope="module")
def server(store_dir: str) -> Iterator[Server]:
    served = Server(store_dir, "--timeout", "2", "--max-rows", "10", "--max-request-bytes", "20000")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def readme_server(store_dir: str) -> Iterator[Server]:
    """A server with the default options, as README starts it."""
    served = Server(store_dir)
    yield served
    served.stop()


def sparql(server: Server, method: str, query: str, accept: str | None = None, **params: str) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    url = server.url + "/sparql"
    if method == "GET":
        return httpx.get(url, params={"query": query, **params}, headers=headers, timeout=60)
    if method == "FORM":
        return httpx.post(url, data={"query": query, **params}, headers=headers, timeout=60)
    headers["Content-Type"] = "application/sparql-query"
    return httpx.post(url, params=params, content=query.encode(), headers=headers, timeout=60)


@pytest.mark.parametrize("method", ["GET", "FORM", "DIRECT"])
def test_methods_give_the_same_answer(server: Server, method: str) -> None:
    response = sparql(server, method, COUNT)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert response.json()["results"]["bindings"][0]["n"]["value"] == "12"


def test_select_formats(server: Server) -> None:
    query = WHO + " LIMIT 3"
    as_json = sparql(server, "GET", query, "application/sparql-results+json").json()
    assert [b["who"]["value"] for b in as_json["results"]["bindings"]] == ["Rebels 00", "Rebels 01", "Rebels 02"]
    as_xml = sparql(server, "GET", query, "application/sparql-results+xml")
    assert as_xml.headers["content-type"] == "application/sparql-results+xml"
    assert as_xml.text.count("<literal>Rebels 0") == 3
    as_csv = sparql(server, "GET", query, "text/csv")
    assert list(csv.reader(io.StringIO(as_csv.text))) == [["who"], ["Rebels 00"], ["Rebels 01"], ["Rebels 02"]]
    as_tsv = sparql(server, "GET", query, "text/tab-separated-values")
    assert as_tsv.text.splitlines() == ["?who", '"Rebels 00"', '"Rebels 01"', '"Rebels 02"']


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")],
)
def test_graph_formats(server: Server, accept: str, rdflib_format: str) -> None:
    response = sparql(server, "DIRECT", CONSTRUCT, accept)
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.text, format=rdflib_format)
    assert len(graph) == 10  # capped at --max-rows
    assert response.headers["X-SPARQL-Truncated"] == "true"


def test_ask_and_not_acceptable(server: Server) -> None:
    assert sparql(server, "GET", "ASK { ?s ckga:shell ?o }").json()["boolean"] is True
    response = sparql(server, "GET", CONSTRUCT, "text/csv")
    assert response.status_code == 406 and "text/turtle" in response.text


def test_row_cap_is_announced(server: Server) -> None:
    response = sparql(server, "GET", WHO, "text/csv")
    assert response.headers["X-SPARQL-Max-Rows"] == "10"
    assert response.headers["X-SPARQL-Rows"] == "10"
    assert response.headers["X-SPARQL-Truncated"] == "true"
    assert len(response.text.splitlines()) == 11
    small = sparql(server, "GET", WHO + " LIMIT 2", "text/csv")
    assert small.headers["X-SPARQL-Truncated"] == "false" and small.headers["X-SPARQL-Rows"] == "2"


def test_dataset_parameters(server: Server) -> None:
    graph = str(document_iri("d3"))
    one = sparql(server, "GET", COUNT, **{"default-graph-uri": graph})
    assert one.json()["results"]["bindings"][0]["n"]["value"] == "1"
    named = sparql(
        server, "FORM", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e a sem:Event } }", **{"named-graph-uri": graph}
    )
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [graph]


def test_service_description(server: Server) -> None:
    response = httpx.get(server.url + "/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef(server.url + "/sparql")) in graph
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph


def count(server: Server) -> str:
    return str(sparql(server, "GET", COUNT).json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "GET", "url": "/sparql", "params": {"update": "DROP ALL"}},
        {"method": "POST", "url": "/sparql", "data": {"update": "DROP ALL"}},
        {
            "method": "POST",
            "url": "/sparql",
            "content": b"DROP ALL",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"method": "GET", "url": "/sparql", "params": {"query": "DROP ALL"}},
        {"method": "POST", "url": "/sparql", "data": {"query": "CLEAR DEFAULT"}},
        {
            "method": "POST",
            "url": "/update",
            "content": b"DROP ALL",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {
            "method": "PUT",
            "url": "/store?default",
            "content": b"<a> <b> <c> .",
            "headers": {"Content-Type": "text/turtle"},
        },
        {"method": "DELETE", "url": "/sparql?graph=x"},
    ],
)
def test_updates_are_refused(server: Server, request_kwargs: dict[str, object]) -> None:
    before = count(server)
    kwargs = dict(request_kwargs)
    url = server.url + str(kwargs.pop("url"))
    response = httpx.request(str(kwargs.pop("method")), url, timeout=30, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 403
    assert "read-only" in response.text
    assert count(server) == before == "12"


def test_service_is_refused(server: Server) -> None:
    response = sparql(server, "GET", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert response.status_code == 403 and "SERVICE" in response.text


def test_malformed_query(server: Server) -> None:
    response = sparql(server, "GET", "SELECT * WHERE {")
    assert response.status_code == 400
    assert response.text.startswith("SPARQL syntax error") and "Traceback" not in response.text


def test_request_size_is_capped(server: Server) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 30_000
    assert sparql(server, "DIRECT", big).status_code == 413
    assert sparql(server, "FORM", big).status_code == 413
    assert sparql(server, "GET", big).status_code == 414


def test_huge_query_is_stopped(server: Server) -> None:
    """The time limit kills the query's process (the work stops); the server goes on answering."""
    before = server.children()
    response = sparql(server, "GET", HUGE)
    assert response.status_code == 503 and "time limit of 2 s" in response.text
    after = server.children()
    assert before - after, "the query process that ran the huge query was not stopped"
    assert len(after) == len(before)  # a new one replaced it
    for pid in before - after:
        assert not Path(f"/proc/{pid}").exists()
    assert count(server) == "12"


def test_served_store_sees_an_ingest(tmp_path: Path, shellings: Shellings) -> None:
    """A store being served can be ingested into by another process; queries see the new documents."""
    path = str(tmp_path / "kg")
    with open_store(path) as store:
        store.add_events(shellings(0, 2))
    served = Server(path)
    try:
        assert count(served) == "2"
        with open_store(path) as writer:  # the server holds no lock: this is the writer
            writer.add_events(shellings(100, 3))
            assert count(served) == "5"
        assert count(served) == "5"
    finally:
        served.stop()


# ------------------------------------------------------------------ safety options (in-process app)


def test_other_hosts_need_a_token_or_public(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--store", store_dir, "--host", "0.0.0.0"]) == 1
    err = capsys.readouterr().err
    assert "--token" in err and "--public" in err and len(err.splitlines()) == 1


def test_missing_store_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--store", str(tmp_path / "none")]) == 1
    assert "no store at" in capsys.readouterr().err


def test_token_and_cors(store_dir: str) -> None:
    from starlette.testclient import TestClient

    config = ServeConfig(store_dir, token="s3cret", cors=("https://allowed.example",), workers=1)
    with TestClient(create_app(config)) as client:
        assert client.get("/sparql", params={"query": COUNT}).status_code == 401
        assert (
            client.get("/sparql", params={"query": COUNT}, headers={"Authorization": "Bearer wrong"}).status_code == 401
        )
        ok = client.get("/sparql", params={"query": COUNT}, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["results"]["bindings"][0]["n"]["value"] == "12"
        preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "Authorization"}
        allowed = client.options("/sparql", headers={"Origin": "https://allowed.example", **preflight})
        assert allowed.headers.get("access-control-allow-origin") == "https://allowed.example"
        other = client.options("/sparql", headers={"Origin": "https://evil.example", **preflight})
        assert "access-control-allow-origin" not in other.headers
        assert client.get("/").status_code == 200  # the page itself needs no token; its queries do


def test_no_cors_by_default(store_dir: str) -> None:
    from starlette.testclient import TestClient

    with TestClient(create_app(ServeConfig(store_dir, workers=1))) as client:
        response = client.get("/sparql", params={"query": COUNT}, headers={"Origin": "https://any.example"})
        assert response.status_code == 200 and "access-control-allow-origin" not in response.headers


def test_page_and_its_files(store_dir: str) -> None:
    from starlette.testclient import TestClient

    with TestClient(create_app(ServeConfig(store_dir, workers=1))) as client:
        page = client.get("/")
        assert page.status_code == 200 and 'src="static/page.js"' in page.text
        assert "//" not in page.text.replace("http://www.w3.org", "")  # no absolute (CDN) address
        examples = client.get("/examples.json").json()
        assert examples[0]["title"] == "Who did what to whom, where and when"
        for example in examples:  # every example query runs on the store
            response = client.post("/sparql", data={"query": example["query"]})
            assert response.status_code == 200, (example["title"], response.text)
        assert client.get("/static/page.js").status_code == 200


def _readme_curl_commands() -> list[str]:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## SPARQL endpoint and query page", 1)[1].split("\n## ", 1)[0]
    return [line.split("  #")[0] for line in section.splitlines() if line.startswith("curl ")]


@pytest.mark.parametrize("command", _readme_curl_commands())
def test_readme_curl_commands(readme_server: Server, command: str) -> None:
    """Each README curl example gets a 200 answer in the format it asks for from a served store."""
    served = readme_server
    run = subprocess.run(
        [
            "bash",
            "-c",
            command.replace("127.0.0.1:7878", f"127.0.0.1:{served.port}") + " -w '\\n%{http_code} %{content_type}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    body, _, status = run.stdout.rpartition("\n")
    code, content_type = status.split(" ", 1)
    assert code == "200", (command, body)
    wanted = command.split("Accept: ")[1].split("'")[0]
    assert content_type.split(";")[0] == wanted
    assert body.strip()


def test_readme_lists_every_format() -> None:
    accepted = {c.split("Accept: ")[1].split("'")[0] for c in _readme_curl_commands()}
    assert accepted >= {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
    }


def test_rdflib_sparqlstore_client(server: Server) -> None:
    """rdflib's SPARQLStore, as README shows, reads the endpoint (XML results over GET)."""
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(server.url + "/sparql"))
    rows = list(graph.query(WHO + " LIMIT 2"))
    assert [str(r[0]) for r in rows] == ["Rebels 00", "Rebels 01"]
