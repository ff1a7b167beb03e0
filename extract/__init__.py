"""conflict_kg.extract: news text in, :class:`Event` records out.

Importing this package does not import spaCy nor load a model; the pipeline is
loaded on first use by :func:`load_model`.
"""

from ._documents import date_from_name, parse_jsonl, read_documents
from ._exceptions import (
    ConflictKGError,
    DocumentError,
    ExportError,
    InputError,
    ModelNotFoundError,
    QueryError,
    RemoteStoreError,
    StoreError,
)
from ._model import MODALITIES, PRECISIONS, Action, Document, Event, Mention, Modality, Place, Precision, Time
from ._nlp import DEFAULT_MODELS, load_model
from ._pipeline import events_from_doc, extract_events, iter_extractions

__all__ = [
    "DEFAULT_MODELS",
    "MODALITIES",
    "PRECISIONS",
    "Action",
    "ConflictKGError",
    "Document",
    "DocumentError",
    "Event",
    "ExportError",
    "InputError",
    "Mention",
    "Modality",
    "ModelNotFoundError",
    "Place",
    "Precision",
    "QueryError",
    "RemoteStoreError",
    "StoreError",
    "Time",
    "date_from_name",
    "events_from_doc",
    "extract_events",
    "iter_extractions",
    "load_model",
    "parse_jsonl",
    "read_documents",
]
