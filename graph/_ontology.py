"""The shipped vocabulary: the conflict-kg ontology and its SHACL shapes.

Both are Turtle files in ``graph/data/``; :func:`validate` checks a graph
against the shapes with pyshacl (an optional dependency, imported on use).
"""

from __future__ import annotations

from importlib import resources

from conflict_kg.extract import ConflictKGError
from rdflib import Graph

from ._namespaces import bind_prefixes

__all__ = ["ONTOLOGY_IRI", "ontology", "shapes", "validate"]

ONTOLOGY_IRI = "https://w3id.org/conflict-kg/ontology"


def _data_graph(name: str) -> Graph:
    text = resources.files("conflict_kg.graph").joinpath("data", name).read_text(encoding="utf-8")
    return bind_prefixes(Graph(bind_namespaces="core")).parse(data=text, format="turtle")


def ontology() -> Graph:
    """The conflict-kg ontology (``ckg:`` terms and PLOVER categories) as a new graph.

    >>> from conflict_kg.graph import CKG
    >>> from rdflib.namespace import RDFS
    >>> str(ontology().value(CKG.actor, RDFS.subPropertyOf))
    'http://semanticweb.cs.vu.nl/2009/11/sem/hasActor'
    """
    return _data_graph("ontology.ttl")


def shapes() -> Graph:
    """The SHACL shapes every graph conflict-kg builds conforms to, as a new graph."""
    return _data_graph("shapes.ttl")


def validate(graph: Graph) -> tuple[bool, str]:
    """Check ``graph`` against :func:`shapes`; return ``(conforms, report text)``.

    Needs pyshacl (``pip install 'conflict-kg[analysis]'``).

    >>> from conflict_kg.extract import Action, Event
    >>> from conflict_kg.graph import build_graph
    >>> validate(build_graph([Event("d1", 0, Action("fired", "fire"))]))[0]
    True
    """
    try:
        import pyshacl
    except ImportError:  # pragma: no cover - depends on the environment
        raise ConflictKGError("validation needs pyshacl: pip install 'conflict-kg[analysis]'") from None
    conforms, _report, text = pyshacl.validate(graph, shacl_graph=shapes(), allow_warnings=True)
    return bool(conforms), str(text)
