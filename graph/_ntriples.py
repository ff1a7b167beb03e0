"""Fast N-Triples / N-Quads text for rdflib terms, and terms back from stores.

The stores load documents as N-Quads bytes (Oxigraph's fast path, and what a
remote Virtuoso reads correctly: it mis-reads some Turtle escapes), so turning
millions of rdflib terms into N-Triples text is on the ingestion hot path.
rdflib's ``Term.n3()`` is not N-Triples (it writes ``\"\"\"`` strings for
literals with newlines), hence this small serializer with a bounded cache for
the terms that repeat (predicates, classes, entity IRIs, dates, labels).

:func:`from_oxigraph` converts pyoxigraph's result terms into rdflib terms (remote
SPARQL JSON results are parsed by pyoxigraph too, see :mod:`._remote`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from conflict_kg.extract import InputError
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Identifier, Node

__all__ = ["from_oxigraph", "nquads", "nt_string", "nt_term", "ntriples"]

_CACHE_MAX = 500_000
_cache: dict[Node, str] = {}

_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
# Characters N-Triples forbids raw inside <...> (plus controls and space).
_IRI_BAD = frozenset('<>"{}|^`\\ ') | frozenset(chr(c) for c in range(0x21))
_XSD_STRING = str(XSD.string)
_RDF_LANGSTRING = str(RDF.langString)


def _iri(value: str) -> str:
    if _IRI_BAD.isdisjoint(value):
        return f"<{value}>"
    return "<" + "".join(f"\\u{ord(c):04X}" if c in _IRI_BAD else c for c in value) + ">"


def nt_string(text: str) -> str:
    """The N-Triples quoted form of a string (without datatype or language).

    >>> print(nt_string('say "hi"'))
    "say \\"hi\\""
    """
    return '"' + text.translate(_LITERAL_ESCAPES) + '"'


def _term(term: Node) -> str:
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, Literal):
        text = nt_string(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^{_iri(str(term.datatype))}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise InputError(f"cannot write {term!r} as N-Triples: only IRIs, literals and blank nodes can be stored")


def nt_term(term: Node) -> str:
    """The N-Triples form of one rdflib term.

    Examples
    --------
    >>> nt_term(Literal('say "hi"\\nnow'))
    '"say \\\\"hi\\\\"\\\\nnow"'
    >>> nt_term(Literal("2019-01-02", datatype=XSD.date))
    '"2019-01-02"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> nt_term(Literal("Taiz", lang="en"))
    '"Taiz"@en'
    """
    text = _cache.get(term)
    if text is None:
        text = _term(term)
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        _cache[term] = text
    return text


def ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """N-Triples text of ``triples``, one line each."""
    t = nt_term
    return "".join(f"{t(s)} {t(p)} {t(o)} .\n" for s, p, o in triples)


def nquads(graph: Node, triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """N-Quads text of ``triples`` in the named graph ``graph``, one line each.

    Examples
    --------
    >>> nquads(URIRef("http://ex/g"), [(URIRef("http://ex/s"), RDF.type, URIRef("http://ex/C"))])
    '<http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/C> <http://ex/g> .\\n'
    """
    t = nt_term
    g = f" {t(graph)} .\n"
    return "".join(f"{t(s)} {t(p)} {t(o)}{g}" for s, p, o in triples)


#: Datatype IRIs met in results, made once each.
_DATATYPES: dict[str, URIRef] = {}


def from_oxigraph(term: Any) -> Identifier | None:
    """The rdflib term of a pyoxigraph term (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        node = _DATATYPES.get(datatype)
        if node is None:
            node = _DATATYPES[datatype] = URIRef(datatype)
        return Literal(term.value, datatype=node)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise InputError(f"unsupported result term {term!r} (RDF-star triples are not supported)")
