"""Tests of conflict_kg.graph._query: loading files, running SPARQL, formatting results."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conflict_kg.extract import Event, InputError
from conflict_kg.graph import (
    QueryError,
    build_dataset,
    build_graph,
    format_csv,
    format_json,
    format_result,
    format_table,
    load_graph,
    run_query,
    serialize,
)
from rdflib import Graph

WHO_DID_WHAT = """
SELECT ?actor ?action ?target ?place ?date WHERE {
  ?e a sem:Event ; ckg:actionLemma ?action ; ckg:actor/rdfs:label ?actor ;
     ckg:modality ckg:asserted .
  OPTIONAL { ?e ckg:target/rdfs:label ?target }
  OPTIONAL { ?e sem:hasPlace/rdfs:label ?place }
  OPTIONAL { ?e sem:hasTimeStamp ?date }
} ORDER BY ?action
"""


@pytest.fixture
def graph(fallujah_events: list[Event]) -> Graph:
    """The graph of the fixture events."""
    return build_graph(fallujah_events)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".nq", ".trig"])
def test_load_graph_by_suffix(tmp_path: Path, fallujah_events: list[Event], suffix: str) -> None:
    """Each supported suffix loads back the same triples."""
    source = build_dataset(fallujah_events) if suffix in (".nq", ".trig") else build_graph(fallujah_events)
    fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "jsonld", ".nq": "nquads", ".trig": "trig"}[suffix]
    path = tmp_path / f"g{suffix}"
    path.write_text(serialize(source, fmt), encoding="utf-8")
    loaded = load_graph([path])
    rows = list(run_query(loaded, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert int(rows[0][0]) == len(build_graph(fallujah_events))  # type: ignore[index]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("g.ttl", "this is not turtle", "cannot parse .*g.ttl.* as turtle"),
        ("g.csv", "a,b", "cannot tell the RDF format of .*g.csv"),
        ("missing.ttl", None, "graph file .*missing.ttl.* does not exist"),
    ],
)
def test_load_graph_errors_name_the_file(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    """Unparseable, unknown or missing files are InputErrors naming the file."""
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=message):
        load_graph([path])


def test_who_did_what(graph: Graph) -> None:
    """Prefixes need no PREFIX lines; the direct query finds the recapture."""
    rows = {(str(r.actor), str(r.action), str(r.target)) for r in run_query(graph, WHO_DID_WHAT)}  # type: ignore[union-attr]
    assert ("government troops", "recapture", "the municipal building") in rows
    assert not any(action == "seek" for _, action, _ in rows)  # negated: filtered out


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT ?x WHERE { ?x ?y }", "syntax error at line 1, column"),
        ("SELECT ?x WHERE { ?x foo:bar ?y }", "foo"),
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "syntax error"),
    ],
)
def test_bad_queries_are_query_errors(graph: Graph, query: str, message: str) -> None:
    """Syntax errors and unknown prefixes become QueryError naming the problem."""
    with pytest.raises(QueryError, match=message):
        run_query(graph, query)


def test_table_is_aligned_and_shortened(graph: Graph) -> None:
    """Table cells are aligned, IRIs shortened with the bound prefixes."""
    result = run_query(graph, "SELECT ?e ?a WHERE { ?e ckg:action ?a } ORDER BY ?a LIMIT 2")
    lines = "".join(format_table(result, graph.namespace_manager)).splitlines()
    assert lines[0].split() == ["e", "a"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].split()[1] == "ckga:control"
    assert lines[2].index("ckga:") == lines[3].index("ckga:")
    assert lines[-1] == "(2 rows)"


def test_csv_has_full_iris(graph: Graph) -> None:
    """CSV follows SPARQL 1.1 CSV: header, full IRIs, plain literal text."""
    result = run_query(graph, "SELECT ?a ?l WHERE { ?a rdfs:label ?l ; a ckg:ActionProperty } ORDER BY ?l")
    rows = list(csv.reader(io.StringIO("".join(format_csv(result)))))
    assert rows[0] == ["a", "l"]
    assert rows[1] == ["https://w3id.org/conflict-kg/action/control", "control"]


def test_json_follows_sparql_results(graph: Graph) -> None:
    """JSON results have head.vars and typed bindings; unbound variables are left out."""
    result = run_query(graph, "SELECT ?e ?d WHERE { ?e a sem:Event OPTIONAL { ?e sem:hasTimeStamp ?d } }")
    doc = json.loads("".join(format_json(result)))
    assert doc["head"]["vars"] == ["e", "d"]
    bindings = doc["results"]["bindings"]
    assert len(bindings) == 5
    dated = [b for b in bindings if "d" in b]
    assert dated[0]["d"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert all(b["e"]["type"] == "uri" for b in bindings)


@pytest.mark.parametrize(("fmt", "expected"), [("table", "true\n"), ("csv", "true\n")])
def test_ask(graph: Graph, fmt: str, expected: str) -> None:
    """ASK answers are true/false (JSON: a boolean)."""
    result = run_query(graph, "ASK { ?a ckga:recapture ?t }")
    assert "".join(format_result(result, fmt)) == expected
    assert json.loads("".join(format_result(result, "json"))) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(("fmt", "parse_as"), [("table", "turtle"), ("csv", "nt"), ("json", "json-ld")])
def test_construct_gives_a_graph(graph: Graph, fmt: str, parse_as: str) -> None:
    """CONSTRUCT results come out as Turtle, N-Triples or JSON-LD."""
    result = run_query(graph, "CONSTRUCT { ?a ckga:recapture ?t } WHERE { ?a ckga:recapture ?t }")
    text = "".join(format_result(result, fmt, graph.namespace_manager))
    assert len(Graph().parse(data=text, format=parse_as)) == 1


def test_unknown_result_format(graph: Graph) -> None:
    """An unknown format is a QueryError listing the choices."""
    with pytest.raises(QueryError, match=r"'xml'.*table, csv, json"):
        list(format_result(run_query(graph, "ASK {}"), "xml"))
