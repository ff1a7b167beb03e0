"""The one registry of file and media formats: name, suffixes, media type and what writes it.

Each format is one frozen :class:`Format`; the tuples below say which formats
each place offers (``extract`` output, store exports, serializing a graph,
reading graph files, query results on the command line and over HTTP,
pictures), and :func:`find_format` and :func:`media_type_map` are the one way
to look a format up by name, alias, file suffix or media type.

Examples
--------
>>> find_format("ttl", among=GRAPH_FORMATS).rdflib
'turtle'
>>> find_format(path="events.JSONL", among=EXTRACT_FORMATS).name
'jsonl'
>>> format_names(EXPORT_FORMATS)
('turtle', 'trig', 'nquads', 'nt', 'jsonld', 'graphml', 'csv', 'jsonl')
>>> media_type_map(SERVED_GRAPH_FORMATS)["application/json"]
'json-ld'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from conflict_kg.extract import ConflictKGError

from ._errors import ExportError

__all__ = [
    "CSV",
    "EXPORT_FORMATS",
    "EXTRACT_FORMATS",
    "GRAPHML",
    "GRAPH_FORMATS",
    "GRAPH_MEDIA_TYPES",
    "JSONL",
    "JSONLD",
    "N3",
    "NQUADS",
    "NTRIPLES",
    "PDF",
    "PICTURE_FORMATS",
    "PNG",
    "QUERY_TEXT_FORMATS",
    "RDFXML",
    "RDF_SUFFIXES",
    "READ_FORMATS",
    "RESULTS_CSV",
    "RESULTS_JSON",
    "RESULTS_TSV",
    "RESULTS_XML",
    "RESULT_MEDIA_TYPES",
    "SERVED_GRAPH_FORMATS",
    "SERVED_RESULT_FORMATS",
    "SVG",
    "TABLE",
    "TRIG",
    "TURTLE",
    "Format",
    "Kind",
    "find_format",
    "format_names",
    "media_type_map",
]

#: What a format holds: RDF statements, event records, SPARQL results, or a picture.
Kind = Literal["rdf", "events", "results", "picture"]


@dataclass(frozen=True)
class Format:
    """One file or media format.

    Attributes
    ----------
    name : str
        The name commands take (``--format NAME``).
    kind : {"rdf", "events", "results", "picture"}
        What it holds, which says what writes it: RDF through rdflib or pyoxigraph,
        events through the event-row writers, results through the query formatters,
        pictures through matplotlib.
    suffixes : tuple of str
        File suffixes that imply it, the usual one first.
    media_type : str
        Its IANA media type (what HTTP content negotiation offers).
    also_media : tuple of str
        Other media types that ask for it (``application/json`` for JSON-LD graphs).
    aliases : tuple of str
        Other names it is known by (``ttl`` for ``turtle``).
    rdflib : str or None
        rdflib's name of its parser and serializer (for results: rdflib's results serializer).
    oxigraph : str or None
        The :class:`pyoxigraph.RdfFormat` member that writes it.
    quads : bool
        A quad syntax: rdflib writes it from a :class:`~rdflib.Dataset` only.
    named_graphs : bool
        A store written in it keeps one named graph per document.
    graphs_as : str or None
        For a results format: the RDF format a CONSTRUCT or DESCRIBE result is written in.
    """

    name: str
    kind: Kind
    suffixes: tuple[str, ...] = ()
    media_type: str = ""
    also_media: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    rdflib: str | None = None
    oxigraph: str | None = None
    quads: bool = False
    named_graphs: bool = False
    graphs_as: str | None = None


# -- RDF
TURTLE = Format(
    "turtle", "rdf", (".ttl", ".turtle"), "text/turtle", aliases=("ttl",), rdflib="turtle", oxigraph="TURTLE"
)
NTRIPLES = Format(
    "nt",
    "rdf",
    (".nt", ".ntriples"),
    "application/n-triples",
    also_media=("text/plain",),
    aliases=("ntriples",),
    rdflib="nt",
    oxigraph="N_TRIPLES",
)
JSONLD = Format(
    "jsonld",
    "rdf",
    (".jsonld", ".json"),
    "application/ld+json",
    also_media=("application/json",),
    aliases=("json-ld",),
    rdflib="json-ld",
    oxigraph="JSON_LD",
    named_graphs=True,
)
NQUADS = Format(
    "nquads",
    "rdf",
    (".nq",),
    "application/n-quads",
    aliases=("nq",),
    rdflib="nquads",
    oxigraph="N_QUADS",
    quads=True,
    named_graphs=True,
)
TRIG = Format(
    "trig", "rdf", (".trig",), "application/trig", rdflib="trig", oxigraph="TRIG", quads=True, named_graphs=True
)
RDFXML = Format("rdfxml", "rdf", (".rdf", ".owl", ".xml"), "application/rdf+xml", rdflib="xml")
N3 = Format("n3", "rdf", (".n3",), "text/n3", rdflib="n3")

# -- events
JSONL = Format("jsonl", "events", (".jsonl", ".ndjson"), "application/x-ndjson")
CSV = Format("csv", "events", (".csv",), "text/csv")
GRAPHML = Format("graphml", "events", (".graphml",), "application/graphml+xml")

# -- SPARQL results
RESULTS_JSON = Format(
    "json",
    "results",
    (".srj",),
    "application/sparql-results+json",
    also_media=("application/json",),
    rdflib="json",
    graphs_as="jsonld",
)
RESULTS_XML = Format(
    "xml",
    "results",
    (".srx",),
    "application/sparql-results+xml",
    also_media=("application/xml", "text/xml"),
    rdflib="xml",
)
RESULTS_CSV = Format("csv", "results", (".csv",), "text/csv", rdflib="csv", graphs_as="nt")
RESULTS_TSV = Format("tsv", "results", (".tsv",), "text/tab-separated-values")
TABLE = Format("table", "results", (".txt",), "text/plain", graphs_as="turtle")

# -- pictures
PNG = Format("png", "picture", (".png",), "image/png")
SVG = Format("svg", "picture", (".svg",), "image/svg+xml")
PDF = Format("pdf", "picture", (".pdf",), "application/pdf")

#: ``conflict-kg extract --format``: event lines or the RDF graph of the events.
EXTRACT_FORMATS = (JSONL, TURTLE, NTRIPLES, JSONLD)
#: ``conflict-kg export --format`` (:func:`~._export.export_store`): a whole store.
EXPORT_FORMATS = (TURTLE, TRIG, NQUADS, NTRIPLES, JSONLD, GRAPHML, CSV, JSONL)
#: What :func:`~._export.serialize` writes from an in-memory rdflib graph or dataset.
GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD, NQUADS, TRIG)
#: Graph files :func:`~._query.load_graph` reads (``conflict-kg query FILE...``, ``plot FILE...``).
READ_FORMATS = (TURTLE, NTRIPLES, N3, JSONLD, RDFXML, NQUADS, TRIG)
#: ``conflict-kg query --format``: SELECT rows as text (:func:`~._query.format_result`).
QUERY_TEXT_FORMATS = (TABLE, RESULTS_CSV, RESULTS_JSON)
#: SELECT and ASK results the SPARQL endpoint offers, the first the default.
SERVED_RESULT_FORMATS = (RESULTS_JSON, RESULTS_XML, RESULTS_CSV, RESULTS_TSV)
#: CONSTRUCT and DESCRIBE results the SPARQL endpoint offers, the first the default.
SERVED_GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD, RDFXML)
#: Pictures :func:`~._plot.write_figure` saves.
PICTURE_FORMATS = (PNG, SVG, PDF)


def media_type_map(formats: tuple[Format, ...]) -> dict[str, str]:
    """Media type -> rdflib name (else the format's name) for ``formats``: their own types first, in order,
    then the other types that ask for them, so the first key is the default.

    >>> list(media_type_map(SERVED_RESULT_FORMATS))[:2]
    ['application/sparql-results+json', 'application/sparql-results+xml']
    """
    out = {f.media_type: f.rdflib or f.name for f in formats}
    for f in formats:
        for media in f.also_media:
            out.setdefault(media, f.rdflib or f.name)
    return out


#: Media types of SELECT and ASK results the endpoint offers, the first the default, and the
#: rdflib results serializer of each (``tsv`` has none: :mod:`._guard` writes it).
RESULT_MEDIA_TYPES = media_type_map(SERVED_RESULT_FORMATS)
#: Media types of CONSTRUCT and DESCRIBE results the endpoint offers, the first the default, and rdflib's format.
GRAPH_MEDIA_TYPES = media_type_map(SERVED_GRAPH_FORMATS)
#: File suffix -> rdflib parser, for the graph files :func:`~._query.load_graph` reads.
RDF_SUFFIXES: dict[str, str] = {suffix: f.rdflib for f in READ_FORMATS if f.rdflib for suffix in f.suffixes}


def format_names(formats: tuple[Format, ...]) -> tuple[str, ...]:
    """The names of ``formats``, in order."""
    return tuple(f.name for f in formats)


def _suffixes(formats: tuple[Format, ...]) -> str:
    return ", ".join(dict.fromkeys(s for f in formats for s in f.suffixes))


def find_format(
    name: str | None = None,
    path: str | Path | None = None,
    *,
    among: tuple[Format, ...],
    what: str = "format",
    hint: str = "",
    error: type[ConflictKGError] = ExportError,
) -> Format:
    """The format of ``among`` called ``name`` (or an alias), else the one ``path``'s suffix implies.

    Raises ``error`` (:class:`ExportError` by default) naming the value and what to use instead
    (``hint`` is added to the suffix's message, e.g. ``"or pass --format"``).

    >>> find_format("xml", among=GRAPH_FORMATS)
    Traceback (most recent call last):
    ...
    conflict_kg.graph._errors.ExportError: unknown format 'xml'; use one of turtle, nt, jsonld, nquads, trig
    >>> find_format(path="out.txt", among=PICTURE_FORMATS, what="picture format")
    Traceback (most recent call last):
    ...
    conflict_kg.graph._errors.ExportError: cannot tell the picture format of 'out.txt' from its suffix '.txt'; \
use one of .png, .svg, .pdf
    """
    if name is not None:
        key = name.lower()
        for fmt in among:
            if key == fmt.name or key in fmt.aliases:
                return fmt
        raise error(f"unknown {what} {name!r}; use one of {', '.join(format_names(among))}")
    if path is None:
        raise error(f"give a {what} ({', '.join(format_names(among))}) or a file name ending in {_suffixes(among)}")
    suffix = Path(path).suffix.lower()
    for fmt in among:
        if suffix in fmt.suffixes:
            return fmt
    raise error(
        f"cannot tell the {what} of {str(path)!r} from its suffix {suffix!r}; "
        f"use one of {_suffixes(among)}{' ' + hint if hint else ''}"
    )
