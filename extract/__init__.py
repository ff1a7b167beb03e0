"""conflict_kg.extract: news text in, :class:`Event` records out.

Importing this package does not import spaCy nor load a model; the pipeline is
loaded on first use by :func:`load_model`.
"""

from ._documents import (
    InputProblem,
    check_output,
    date_from_name,
    iter_documents,
    parse_jsonl,
    read_documents,
    stdin_id,
)
from ._evaluate import ErrorItem, Score, format_errors, parse_gold, parse_predictions, score
from ._exceptions import ConflictKGError, DocumentError, InputError, ModelNotFoundError
from ._gazetteer import lookup_place
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
    "ErrorItem",
    "Event",
    "InputError",
    "InputProblem",
    "Mention",
    "Modality",
    "ModelNotFoundError",
    "Place",
    "Precision",
    "Score",
    "Time",
    "check_output",
    "date_from_name",
    "events_from_doc",
    "extract_events",
    "format_errors",
    "iter_documents",
    "iter_extractions",
    "load_model",
    "lookup_place",
    "parse_gold",
    "parse_jsonl",
    "parse_predictions",
    "read_documents",
    "score",
    "stdin_id",
]
