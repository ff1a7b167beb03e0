"""One vocabulary: ``graph/data/ontology.ttl`` declares every ``ckg:`` term code, shapes and graphs use."""

from __future__ import annotations

import re
from pathlib import Path

from conflict_kg.extract import Event
from conflict_kg.graph import CKG, SEM, build_graph, ontology, shapes
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


def _texts() -> dict[str, str]:
    """Code, SPARQL query files, the README and the notebook: everywhere a term may be written."""
    paths = [
        *ROOT.glob("extract/*.py"),
        *ROOT.glob("graph/*.py"),
        *ROOT.glob("graph/data/queries/*.rq"),
        *ROOT.glob("examples/**/*.rq"),
        *ROOT.glob("examples/*.ipynb"),
        *ROOT.glob("benchmarks/*.py"),
        ROOT / "README.md",
    ]
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in paths}


def test_prefixed_and_attribute_terms_are_declared():
    """``ckg:x`` in SPARQL text and ``CKG.x`` in code name declared terms; ``sem:x`` and ``SEM.x`` the SEM
    terms the namespace class lists (a typo in a query string would otherwise just match nothing)."""
    sem = {str(SEM._NS) + name for name in SEM.__annotations__}
    texts = _texts()
    assert len(texts) > 30
    undeclared: dict[str, set[str]] = {}
    for where, text in texts.items():
        ckg = {NS + m for m in re.findall(r"(?<![\w/#])(?:ckg:|CKG\.)([A-Za-z]\w*)", text)}
        sem_used = {str(SEM._NS) + m for m in re.findall(r"(?<![\w/#])(?:sem:|SEM\.)([A-Za-z]\w*)", text)}
        missing = (ckg - declared()) | (sem_used - sem)
        if missing:
            undeclared[where] = missing
    assert undeclared == {}


def test_rdf_module_writes_every_property_by_name():
    """_rdf.py writes each ckg: term as ``CKG.name`` (greppable, checked by mypy), never by a built name."""
    text = (ROOT / "graph" / "_rdf.py").read_text(encoding="utf-8")
    assert "getattr(" not in text
    written = set(re.findall(r"CKG\.([A-Za-z_]\w*)", text))
    assert {"actorText", "targetText", "sourceText", "killedAtLeast", "asserted", "alleged"} <= written
