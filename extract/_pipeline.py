"""The extraction pipeline: documents through spaCy to :class:`Event` records.

:func:`iter_extractions` streams ``(Document, events)`` pairs with ``nlp.pipe``
(batched, optionally over several processes); :func:`extract_events` is the
convenience form for one text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from ._dateline import isolate_dateline
from ._gazetteer import prepare_gazetteer
from ._model import Document, Event, as_date
from ._nlp import load_model
from ._pieces import PIECE_CHARS, split_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["BATCH_CHARS", "events_from_doc", "extract_events", "iter_extractions", "prepare"]

_T = TypeVar("_T")


def prepare(nlp: Language) -> Language:
    """Ready a loaded pipeline for extraction, in place, and return it.

    Registers what the rules need from it (its irregular-verb table) and gives its
    ``attribute_ruler`` an indexed search (:func:`index_attribute_ruler`): the same
    annotations, found faster.
    """
    from ._clauses import set_verb_exceptions
    from ._ruler import index_attribute_ruler

    index_attribute_ruler(nlp)

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
        It is readied in place by :func:`prepare` (same annotations, faster).
    workers : int
        Processes that each parse and analyse whole batches (1: this process).
    batch_size : int
        Documents per ``nlp.pipe`` batch (fewer when they hold over :data:`BATCH_CHARS`
        characters), and per task sent to a worker. An article longer than the model's
        ``max_length`` is parsed in pieces (:func:`split_text`) joined into one ``Doc``.
    """
    nlp = prepare(nlp or load_model(model))
    if workers <= 1:
        yield from _extract_batch_iter(nlp, documents, batch_size)
        return
    yield from _pool_extractions(nlp, model, documents, workers, batch_size)


#: Characters parsed in one batch at most (a batch of ``batch_size`` short articles stays whole).
BATCH_CHARS = 200_000


def _pieces(nlp: Language, documents: Iterable[Document]) -> Iterator[tuple[str, tuple[Document, int]]]:
    """``(text, (document, pieces left))``: the text whole, or cut by :func:`split_text` when too long to parse."""
    limit = min(nlp.max_length, PIECE_CHARS)
    for document in documents:
        # a dateline ("MOSUL, Iraq (Reuters) -") becomes a sentence of its own before parsing: it is no clause
        text = isolate_dateline(document.text)
        pieces = split_text(text, limit) if len(text) > nlp.max_length else [text]
        for index, piece in enumerate(pieces):
            yield piece, (document, len(pieces) - 1 - index)


def _extract_batch_iter(
    nlp: Language, documents: Iterable[Document], batch_size: int
) -> Iterator[tuple[Document, list[Event]]]:
    """Parse (long documents piece by piece, joined again) and read each document's events."""
    from spacy.tokens import Doc

    parsed: list[Doc] = []
    for batch in _batches(_pieces(nlp, documents), batch_size, BATCH_CHARS):
        for doc, (document, left) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            if left or parsed:  # a piece of a long article: its tensor (unused by the rules) is let go
                doc.tensor = doc.tensor[:0]
            parsed.append(doc)
            if left:
                continue
            if len(parsed) == 1:
                whole = parsed[0]
            else:  # spaCy's stub lacks from_docs' ``exclude`` (spaCy 3.8 has it)
                whole = Doc.from_docs(parsed, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
            parsed = []
            yield document, events_from_doc(whole, document)


def _batches(items: Iterable[tuple[str, _T]], size: int, chars: int) -> Iterator[list[tuple[str, _T]]]:
    """Lists of at most ``size`` texts and, unless one text alone is longer, ``chars`` characters.

    The parser's memory grows with the characters of a batch: a long article's
    pieces are spread over several batches instead of filling one.
    """
    batch: list[tuple[str, _T]] = []
    total = 0
    for item in items:
        if batch and (len(batch) >= size or total + len(item[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[0])
    if batch:
        yield batch


#: The pipeline a worker process uses: inherited when forked, else loaded by name.
_WORKER_NLP: Language | None = None


def _leave_quietly(signum: int, frame: object) -> None:
    """A worker's SIGTERM handler: exit with status 128 + signal, releasing held locks on the way."""
    raise SystemExit(128 + signum)


def _worker_init(model: str | None) -> None:
    """Load the pipeline (unless forked with it); leave interrupts and termination to the parent.

    Ctrl-C reaches every process of the terminal's group: the workers ignore it and
    the parent, which owns the outputs, stops the pool. SIGTERM (sent by the pool
    when it stops, or to the whole group) ends a worker without a traceback by
    raising :class:`SystemExit`, which unwinds through the task queue's locks and
    releases them: a worker killed outright while holding the queue's read lock
    would leave ``Pool.terminate`` in the parent waiting for that lock forever.
    """
    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _leave_quietly)
    if _WORKER_NLP is None:
        _WORKER_NLP = prepare(load_model(model))


def _worker_batch(batch: list[Document]) -> list[tuple[Document, list[Event]]]:
    assert _WORKER_NLP is not None
    return list(_extract_batch_iter(_WORKER_NLP, batch, len(batch)))


def _batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _pool_extractions(
    nlp: Language, model: str | None, documents: Iterable[Document], workers: int, batch_size: int
) -> Iterator[tuple[Document, list[Event]]]:
    """Batches to a process pool, in order, with at most two batches per worker in flight."""
    global _WORKER_NLP
    methods = multiprocessing.get_all_start_methods()
    # fork shares the loaded model, lexicons and gazetteer copy-on-write; spawn loads them anew
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _WORKER_NLP = nlp if context.get_start_method() == "fork" else None
    prepare_gazetteer()  # built (first run) or opened once here, not in every worker
    try:
        with context.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
            pending: deque[Any] = deque()
            for batch in _batched(documents, batch_size):
                pending.append(pool.apply_async(_worker_batch, (batch,)))
                if len(pending) >= 2 * workers:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        _WORKER_NLP = None


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
    return events_from_doc(nlp(isolate_dateline(text)), document)
