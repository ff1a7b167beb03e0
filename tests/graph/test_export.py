"""Tests of conflict_kg.graph._export: serializers and atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conflict_kg.extract import Event
from conflict_kg.graph import (
    ExportError,
    atomic_write,
    build_dataset,
    build_graph,
    document_iri,
    export_format,
    serialize,
    write_graph,
)
from conflict_kg.graph._rdf import ENTITIES_GRAPH
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic


@pytest.mark.parametrize(("fmt", "parse_as"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_serialize_round_trips(fallujah_events: list[Event], fmt: str, parse_as: str) -> None:
    """Turtle, N-Triples and JSON-LD parse back to the same graph."""
    graph = build_graph(fallujah_events)
    assert isomorphic(Graph().parse(data=serialize(graph, fmt), format=parse_as), graph)


def test_turtle_uses_the_prefixes(fallujah_events: list[Event]) -> None:
    """Turtle output is readable: sem:, ckg:, ckga: prefixes, no ns1:."""
    text = serialize(build_graph(fallujah_events), "turtle")
    assert "@prefix ckga: <https://w3id.org/conflict-kg/action/> ." in text
    assert "ckga:recapture" in text and "ns1:" not in text


def test_quads_need_a_dataset(fallujah_events: list[Event]) -> None:
    """N-Quads of a dataset keep the document graphs; of a plain graph it is an ExportError."""
    back = Dataset().parse(data=serialize(build_dataset(fallujah_events), "nquads"), format="nquads")
    assert {g.identifier for g in back.graphs() if len(g)} == {document_iri("d00"), document_iri("d01"), ENTITIES_GRAPH}
    with pytest.raises(ExportError, match="named graphs"):
        serialize(build_graph(fallujah_events), "nquads")


@pytest.mark.parametrize(
    ("name", "path", "expected"),
    [("ttl", None, "turtle"), (None, "x.nt", "nt"), (None, "x.JSONLD", "json-ld"), ("trig", "x.ttl", "trig")],
)
def test_export_format(name: str | None, path: str | None, expected: str) -> None:
    """The format comes from its name, else from the suffix."""
    assert export_format(name, path) == expected


def test_export_format_errors() -> None:
    """Unknown names and suffixes are ExportErrors that say what to use."""
    with pytest.raises(ExportError, match="'rdfxml'; use one of"):
        export_format("rdfxml")
    with pytest.raises(ExportError, match=r"suffix '\.txt'"):
        export_format(path="out.txt")


def test_write_graph(tmp_path: Path, fallujah_events: list[Event]) -> None:
    """write_graph picks the format from the suffix and leaves no temporary file."""
    graph = build_graph(fallujah_events)
    assert write_graph(graph, tmp_path / "g.nt") == "nt"
    assert isomorphic(Graph().parse(tmp_path / "g.nt"), graph)
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_failed_write_leaves_no_file(tmp_path: Path, error: type[BaseException]) -> None:
    """An exception while writing leaves neither the file nor a temporary one."""
    with pytest.raises(error), atomic_write(tmp_path / "out.ttl") as handle:
        handle.write("half")
        raise error("stop")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    """A failed rewrite leaves the previous content intact."""
    target = tmp_path / "out.ttl"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_write(target) as handle:
        handle.write("new, half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_write_into_missing_folder(tmp_path: Path) -> None:
    """A missing folder is an ExportError naming it."""
    with pytest.raises(ExportError, match="does not exist"), atomic_write(tmp_path / "no" / "x.ttl"):
        pass
