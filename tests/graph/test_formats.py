"""Tests of conflict_kg.graph._formats: the one registry of formats."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from conflict_kg.extract import InputError
from conflict_kg.graph import EXPORT_FORMATS, EXTRACT_FORMATS, GRAPH_FORMATS, READ_FORMATS, ExportError, find_format
from conflict_kg.graph._formats import (
    GRAPH_MEDIA_TYPES,
    PICTURE_FORMATS,
    QUERY_TEXT_FORMATS,
    RESULT_MEDIA_TYPES,
    SERVED_GRAPH_FORMATS,
    SERVED_RESULT_FORMATS,
    Format,
)

ROOT = Path(__file__).resolve().parents[2]
USES = [
    EXTRACT_FORMATS,
    EXPORT_FORMATS,
    GRAPH_FORMATS,
    READ_FORMATS,
    QUERY_TEXT_FORMATS,
    SERVED_RESULT_FORMATS,
    SERVED_GRAPH_FORMATS,
    PICTURE_FORMATS,
]


@pytest.mark.parametrize("among", USES)
def test_names_and_suffixes_are_unambiguous_in_each_use(among: tuple[Format, ...]) -> None:
    """Within one use, a name, alias or suffix means one format."""
    keys = [k for f in among for k in (f.name, *f.aliases)]
    suffixes = [s for f in among for s in f.suffixes]
    assert len(keys) == len(set(keys)) and len(suffixes) == len(set(suffixes))
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)


def test_every_rdf_writer_is_known_to_pyoxigraph_and_rdflib() -> None:
    from rdflib.plugin import Serializer, get

    for fmt in GRAPH_FORMATS:
        assert isinstance(getattr(ox.RdfFormat, str(fmt.oxigraph)), ox.RdfFormat)
        assert get(str(fmt.rdflib), Serializer) is not None


@pytest.mark.parametrize(
    ("name", "path", "among", "expected"),
    [
        ("ttl", None, GRAPH_FORMATS, "turtle"),
        ("JSON-LD", None, GRAPH_FORMATS, "jsonld"),
        (None, "x.NQ", EXPORT_FORMATS, "nquads"),
        (None, "x.ndjson", EXTRACT_FORMATS, "jsonl"),
        ("trig", "x.ttl", GRAPH_FORMATS, "trig"),  # the name wins over the suffix
    ],
)
def test_find_format(name: str | None, path: str | None, among: tuple[Format, ...], expected: str) -> None:
    assert find_format(name, path, among=among).name == expected


def test_find_format_errors_name_what_to_use() -> None:
    with pytest.raises(ExportError, match=r"unknown format 'graphml'; use one of jsonl, turtle, nt, jsonld"):
        find_format("graphml", among=EXTRACT_FORMATS)
    with pytest.raises(InputError, match=r"RDF format of 'a\.csv' from its suffix '\.csv'; use one of \.ttl"):
        find_format(path="a.csv", among=READ_FORMATS, what="RDF format", error=InputError)
    with pytest.raises(ExportError, match=r"\.docx.*or pass --format"):
        find_format(path="a.docx", among=EXTRACT_FORMATS, hint="or pass --format")


def test_media_types_the_endpoint_offers() -> None:
    """Defaults first; the generic JSON and XML types ask for results, or for JSON-LD graphs."""
    assert next(iter(RESULT_MEDIA_TYPES)) == "application/sparql-results+json"
    assert next(iter(GRAPH_MEDIA_TYPES)) == "text/turtle"
    assert RESULT_MEDIA_TYPES["application/json"] == "json" and RESULT_MEDIA_TYPES["text/xml"] == "xml"
    assert RESULT_MEDIA_TYPES["text/tab-separated-values"] == "tsv"
    assert GRAPH_MEDIA_TYPES["application/json"] == "json-ld" and GRAPH_MEDIA_TYPES["text/plain"] == "nt"


def test_no_other_suffix_map_in_the_package() -> None:
    """One home for formats: no module but the registry maps file suffixes to formats."""
    pattern = re.compile(r"""["']\.(ttl|nt|jsonld|nq|trig|csv|jsonl|graphml|png)["']\s*:""")
    offenders = [
        p.name for p in (ROOT / "graph").glob("*.py") if p.name != "_formats.py" and pattern.search(p.read_text())
    ]
    assert offenders == []
