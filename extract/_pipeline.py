"""The extraction pipeline: documents through spaCy to :class:`Event` records.

:func:`iter_extractions` streams ``(Document, events)`` pairs with ``nlp.pipe``
(batched, optionally over several processes); :func:`extract_events` is the
convenience form for one text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ._model import Document, Event, as_date
from ._nlp import load_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["events_from_doc", "extract_events", "iter_extractions", "prepare"]


def prepare(nlp: Language) -> Language:
    """Register what the rules need from a loaded pipeline (its irregular-verb table)."""
    from ._clauses import set_verb_exceptions

    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is not None and lookups.has_table("lemma_exc"):
        set_verb_exceptions(dict(lookups.get_table("lemma_exc")["verb"]))
    return nlp


def events_from_doc(doc: Doc, document: Document) -> list[Event]:
    """All events of one parsed document."""
    from ._events import document_events  # the rules; imported here to keep import light

    return document_events(doc, document)


def iter_extractions(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 64,
) -> Iterator[tuple[Document, list[Event]]]:
    """Yield ``(document, events)`` for each document, in input order, streaming.

    Parameters
    ----------
    documents : iterable of Document
        Consumed lazily, so a corpus larger than memory streams through.
    nlp, model : optional
        A loaded pipeline, or the name of one to load (default: see :func:`load_model`).
    workers : int
        Processes for ``nlp.pipe`` (``n_process``).
    """
    nlp = prepare(nlp or load_model(model))
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=max(1, workers)):
        yield document, events_from_doc(doc, document)


def extract_events(
    text: str,
    *,
    date: dt.date | str | None = None,
    doc_id: str = "doc",
    nlp: Language | None = None,
    model: str | None = None,
) -> list[Event]:
    """Events of one text.

    Examples
    --------
    >>> evs = extract_events("Rebels shelled the airport in Misrata on Tuesday.", date="2016-05-05")
    >>> [(e.actor.text, e.action.lemma, e.target.text) for e in evs]
    [('Rebels', 'shell', 'the airport')]
    """
    document = Document(doc_id, text, as_date(date))
    nlp = prepare(nlp or load_model(model))
    return events_from_doc(nlp(text), document)
