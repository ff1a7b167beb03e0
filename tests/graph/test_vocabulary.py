"""One vocabulary: ``graph/data/ontology.ttl`` declares every ``ckg:`` term code, shapes and graphs use."""

from __future__ import annotations

import re
from pathlib import Path

from conflict_kg.extract import Event
from conflict_kg.graph import CKG, build_graph, ontology, shapes
from rdflib import RDF, URIRef

ROOT = Path(__file__).resolve().parents[2]
NS = str(CKG._NS)


def declared() -> set[str]:
    """The ckg: terms the ontology gives a type (class, property or individual)."""
    return {str(s) for s in ontology().subjects(RDF.type, None) if str(s).startswith(NS)}


def used_in(graph) -> set[str]:
    return {str(t) for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}


def test_namespace_terms_are_declared():
    """Every term of the CKG namespace class (what code can write) is declared in the ontology."""
    terms = {NS + name for name in CKG.__annotations__}
    assert terms - declared() == set()


def test_ontology_terms_are_in_the_namespace():
    """The namespace class lists every declared term, so code reaches all of them by attribute."""
    assert declared() - {NS + name for name in CKG.__annotations__} == set()


def test_shapes_use_declared_terms_only():
    """The SHACL shapes name no ckg: term the ontology does not declare."""
    assert used_in(shapes()) - declared() == set()


def test_code_names_declared_terms_only():
    """No module spells a ckg: IRI by hand (``CKG["x"]`` or the full IRI) with an undeclared name."""
    spelled: set[str] = set()
    for path in [*ROOT.glob("extract/*.py"), *ROOT.glob("graph/*.py")]:
        text = path.read_text(encoding="utf-8")
        spelled |= {NS + m for m in re.findall(r"CKG\[\"(\w+)\"\]", text)}
        spelled |= {NS + m for m in re.findall(re.escape(NS) + r"(\w+)", text)}
    assert spelled - declared() == set()


def test_built_graph_uses_declared_terms_only(fallujah_events: list[Event]):
    """A graph built from the seed's events uses only declared ckg: terms (and uses many of them)."""
    used = used_in(build_graph(fallujah_events))
    assert used - declared() == set()
    assert len(used) > 20
