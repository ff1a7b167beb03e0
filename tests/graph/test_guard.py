"""Queries that cannot run away: refusals, the row cap, the time limit, readers beside a writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conflict_kg.extract import Event
from conflict_kg.graph import QueryError, build_graph, open_store
from conflict_kg.graph._cli import main
from conflict_kg.graph._guard import (
    NotAcceptableError,
    QueryProcess,
    QueryReader,
    QueryRefusedError,
    QueryRequest,
    QuerySource,
    QueryTimeoutError,
    answer_query,
    check_query,
    media_types,
)

Shellings = Callable[[int, int], list[Event]]

#: A cross product of every statement with itself four times: runs for hours on any store.
HUGE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
WHO = "SELECT ?who WHERE { ?a ckga:shell ?t . ?a rdfs:label ?who } ORDER BY ?who"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, shellings: Shellings) -> str:
    path = str(tmp_path_factory.mktemp("guard") / "kg")
    with open_store(path) as store:
        store.add_events(shellings(0, 12))
    return path


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory, shellings: Shellings) -> str:
    path = tmp_path_factory.mktemp("guard-files") / "g.ttl"
    build_graph(shellings(0, 12)).serialize(path)
    return str(path)


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> <http://c> } }", "INSERT"),
        ("PREFIX ex: <http://example.org/>\nDELETE WHERE { ex:a ?p ?o }", "DELETE"),
        ("# a comment\nDROP ALL", "DROP"),
        ("clear default", "CLEAR"),
        ("LOAD <http://example.org/data.ttl>", "LOAD"),
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
        ("BASE <http://x/> CREATE GRAPH <g>", "CREATE"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { service silent <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ],
)
def test_refused(query: str, refused: str) -> None:
    with pytest.raises(QueryRefusedError, match="read-only" if refused != "SERVICE" else "SERVICE clauses"):
        check_query(query)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service ?insert WHERE { ?service ex:drop ?insert }",
        'SELECT * WHERE { ?s rdfs:label "SERVICE DROP ALL" }',
        "SELECT * WHERE { ?s ?p <http://example.org/SERVICE> } # SERVICE",
        "ASK { ?s ?p '''INSERT\nDATA''' }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_not_refused(query: str) -> None:
    check_query(query)


def test_service_allowed_when_asked() -> None:
    check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", allow_service=True)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("", ()),
        ("text/csv", ("text/csv",)),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", ("application/sparql-results+xml", "text/csv")),
        ("*/*;q=0.1, text/turtle", ("text/turtle", "*/*")),
        ("text/csv;q=0", ()),
    ],
)
def test_media_types(accept: str, expected: tuple[str, ...]) -> None:
    assert media_types(accept) == expected


@pytest.mark.parametrize(
    ("accept", "media", "first_line"),
    [
        ((), "application/sparql-results+json", "{"),
        (("text/csv",), "text/csv", "who"),
        (("text/tab-separated-values",), "text/tab-separated-values", "?who"),
        (("application/sparql-results+xml",), "application/sparql-results+xml", "<?xml"),
        (("text/*",), "text/csv", "who"),
    ],
)
def test_answer_formats(store_dir: str, accept: tuple[str, ...], media: str, first_line: str) -> None:
    answer = answer_query(QueryReader(QuerySource(store=store_dir)), QueryRequest(WHO, accept=accept))
    assert answer.media_type.split(";")[0] == media
    assert answer.body.decode().lstrip().startswith(first_line)
    assert (answer.kind, answer.rows, answer.truncated) == ("SELECT", 12, False)
    assert b"Rebels 07" in answer.body


def test_answer_cap_and_graph_formats(store_dir: str) -> None:
    reader = QueryReader(QuerySource(store=store_dir))
    answer = answer_query(reader, QueryRequest(WHO, limit=5, accept=("text/csv",)))
    assert (answer.rows, answer.truncated) == (5, True)
    assert answer.body.decode().split() == [
        "who",
        "Rebels",
        "00",
        "Rebels",
        "01",
        "Rebels",
        "02",
        "Rebels",
        "03",
        "Rebels",
        "04",
    ]
    construct = "CONSTRUCT { ?a ckga:shell ?t } WHERE { ?a ckga:shell ?t }"
    answer = answer_query(reader, QueryRequest(construct, limit=3, accept=("application/n-triples",)))
    assert (answer.kind, answer.rows, answer.truncated) == ("CONSTRUCT", 3, True)
    assert len(answer.body.decode().splitlines()) == 3
    with pytest.raises(NotAcceptableError, match="text/turtle"):
        answer_query(reader, QueryRequest(construct, accept=("text/csv",)))


def test_default_and_named_graphs(store_dir: str) -> None:
    """default-graph-uri narrows the default graph to one document's graph."""
    from conflict_kg.graph import document_iri

    reader = QueryReader(QuerySource(store=store_dir))
    one = QueryRequest("SELECT ?e WHERE { ?e a sem:Event }", default_graphs=(str(document_iri("d3")),))
    assert answer_query(reader, one).rows == 1
    named = QueryRequest("SELECT ?g WHERE { GRAPH ?g { ?e a sem:Event } }", named_graphs=(str(document_iri("d3")),))
    assert answer_query(reader, named).rows == 1


def test_timeout_kills_the_work(store_dir: str) -> None:
    with QueryProcess(QuerySource(store=store_dir), context="fork") as process:
        process.start()
        first = process._process
        with pytest.raises(QueryTimeoutError, match=r"time limit of 0\.5 s"):
            process.run(QueryRequest(HUGE), timeout=0.5)
        assert first is not None and not first.is_alive() and first.exitcode is not None
        # a fresh child answers the next query
        assert process.run(QueryRequest("ASK { ?s ?p ?o }", accept=("text/csv",)), timeout=30).body == b"true\n"


def test_errors_come_back_from_the_child(store_dir: str) -> None:
    with QueryProcess(QuerySource(store=store_dir), context="fork") as process:
        with pytest.raises(QueryError, match="syntax error"):
            process.run(QueryRequest("SELECT * {"), timeout=30)
        with pytest.raises(QueryRefusedError):
            process.run(QueryRequest("DROP ALL"), timeout=30)


# ------------------------------------------------------------------ the command line


def test_cli_limit_is_announced(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", store_dir, WHO, "--format", "csv", "--limit", "4"]) == 0
    out, err = capsys.readouterr()
    assert out.split() == ["who", "Rebels", "00", "Rebels", "01", "Rebels", "02", "Rebels", "03"]
    assert "output cut at 4 rows" in err
    assert main(["query", "--store", store_dir, WHO, "--format", "csv", "--limit", "0"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 13 and err == ""


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "INSERT DATA { GRAPH <http://g> { <http://a> <http://b> <http://c> } }",
            "queries are read-only; use ingest/remove",
        ),
        ("DROP ALL", "queries are read-only; use ingest/remove"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "--allow-service"),
    ],
)
def test_cli_refusals(store_dir: str, query: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", store_dir, query]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.splitlines()) == 1
    assert (
        main(["query", "--store", store_dir, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }", "--format", "csv"])
        == 0
    )
    assert capsys.readouterr().out.split() == ["n", "12"]  # the store is unchanged


def test_cli_timeout(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", store_dir, HUGE, "--timeout", "0.5"]) == 1
    assert "time limit of 0.5 s" in capsys.readouterr().err


def test_cli_option_before_query(graph_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", graph_file, "--format", "csv", WHO]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["who", "Rebels 00"]


def test_readers_beside_a_writer(tmp_path: Path, shellings: Shellings, capsys: pytest.CaptureFixture[str]) -> None:
    """A store held open for writing is still read by queries, which see what it wrote."""
    path = str(tmp_path / "kg")
    count = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }"
    with open_store(path) as writer:
        writer.add_events(shellings(0, 2))
        assert main(["query", "--store", path, count, "--format", "csv"]) == 0
        assert capsys.readouterr().out.split() == ["n", "2"]
        reader = QueryReader(QuerySource(store=path))
        assert answer_query(reader, QueryRequest(count, accept=("text/csv",))).body.split() == [b"n", b"2"]
        writer.add_events(shellings(0, 5))
        assert answer_query(reader, QueryRequest(count, accept=("text/csv",))).body.split() == [b"n", b"5"]
        # and a second writer is excluded with one clear line
        assert main(["ingest", "-", "--store", path]) == 1
        assert "in use by another process" in capsys.readouterr().err
