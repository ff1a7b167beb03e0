"""Scoring extracted events against a gold set, and listing the errors.

Gold documents are JSON lines ``{"id", "date", "text", "events": [...]}`` with
gold events ``{"actor", "action", "target", "place", "date", "modality",
"optional"?}`` as described in the evaluation guidelines: a field may be a
string, a list of accepted alternatives, or null (anything goes). Matching is
per document and greedy, required gold events first; a prediction matches when
the action's first word agrees and the gold actor and target heads (their last
word) are words of the predicted text or name.

Date accuracy covers every matched event (a gold null date wants no predicted
date: background must not inherit the publication date); country accuracy
covers the gold events that name an ``actor_country`` or ``target_country``;
the unknown-class share is the part of all predictions whose action carries no
PLOVER class (or the explicit ``UNKNOWN``).

:func:`score` is pure: gold records and predictions in, a :class:`Score` with
figures and an error list out. :func:`format_errors` yields the lines that
``score.py --show-errors`` prints (``MISS``, ``EXTRA``, ``PLACE``, ``DATE``,
``MODALITY``, ``COUNTRY``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._documents import iter_json_lines
from ._exceptions import InputError

__all__ = ["UNKNOWN_CLASS", "ErrorItem", "Score", "format_errors", "parse_gold", "parse_predictions", "score"]

#: The class name of an action the lexicon does not know (counted, never defaulted).
UNKNOWN_CLASS = "UNKNOWN"

_WORD = re.compile(r"[\w'’.-]+")


def _words(text: str | None) -> set[str]:
    out: set[str] = set()
    for w in _WORD.findall(text or ""):
        w = w.strip(".'’-").lower()
        out |= {w, w.replace("-", ""), *w.split("-")}
    return out - {""}


def _alternatives(value: Any) -> list[Any] | None:
    if value is None:
        return None
    return value if isinstance(value, list) else [value]


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [value[k] for k in ("text", "name", "label", "resolved", "lemma") if isinstance(value.get(k), str)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [str(value)]


def _head(text: str) -> str:
    ws = _WORD.findall(text)
    return ws[-1].strip(".'’-").lower() if ws else ""


def _compatible(gold: Any, pred: Any) -> bool:
    alts = _alternatives(gold)
    if alts is None or None in alts:
        return True
    words: set[str] = set()
    for t in _texts(pred):
        words |= _words(t)
    return any(all(part in words for part in _head(a).split("-")) for a in alts if a)


def _lemma(pred: Mapping[str, Any]) -> str:
    action = pred.get("action")
    text = (action.get("lemma") or action.get("text") or "") if isinstance(action, Mapping) else (action or "")
    text = str(text).strip().lower()
    return text.split()[0] if text else ""


def _date(pred: Mapping[str, Any]) -> str | None:
    t = pred.get("time")
    return (t.get("date") or t.get("value")) if isinstance(t, Mapping) else t


def _modality(pred: Mapping[str, Any]) -> str:
    m = pred.get("modality") or "asserted"
    return m.get("value", "asserted") if isinstance(m, Mapping) else str(m)


def _country(pred: Mapping[str, Any], role: str) -> str | None:
    mention = pred.get(role)
    return mention.get("country") if isinstance(mention, Mapping) else None


def _unknown_class(pred: Mapping[str, Any]) -> bool:
    action = pred.get("action")
    plover = action.get("class") if isinstance(action, Mapping) else None
    return plover in (None, "", UNKNOWN_CLASS)


def _matches(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    lemma = _lemma(pred)
    return (
        any(lemma == str(a).split()[0].lower() for a in _alternatives(gold["action"]) or [])
        and _compatible(gold.get("actor"), pred.get("actor"))
        and _compatible(gold.get("target"), pred.get("target"))
    )


@dataclass(frozen=True)
class ErrorItem:
    """One scoring error: ``kind`` is MISS, EXTRA, PLACE, DATE, MODALITY or COUNTRY.

    ``gold`` and ``pred`` are the gold event and the prediction concerned (either
    may be None: a MISS has no prediction, an EXTRA no gold event).
    """

    kind: str
    doc: str
    detail: str
    gold: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    pred: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.kind} {self.doc}: {self.detail}"


@dataclass(frozen=True)
class Score:
    """Event precision/recall/F1, field accuracies on matched events, strict F1, and the errors."""

    tp: int
    fp: int
    fn: int
    place_ok: int = 0
    place_n: int = 0
    date_ok: int = 0
    date_n: int = 0
    modality_ok: int = 0
    modality_n: int = 0
    country_ok: int = 0
    country_n: int = 0
    unknown: int = 0
    strict: int = 0
    errors: tuple[ErrorItem, ...] = field(default=(), compare=False)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_f1(self) -> float:
        p = self.strict / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.strict / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The figures, rounded as ``score.py`` prints them."""

        def ratio(ok: int, n: int) -> float | None:
            return round(ok / n, 3) if n else None

        return {
            "events_gold": self.tp + self.fn,
            "events_pred": self.tp + self.fp,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "place_acc": ratio(self.place_ok, self.place_n),
            "date_acc": ratio(self.date_ok, self.date_n),
            "modality_acc": ratio(self.modality_ok, self.modality_n),
            "strict_f1": round(self.strict_f1, 3),
            "country_acc": ratio(self.country_ok, self.country_n),
            "unknown_class": ratio(self.unknown, self.tp + self.fp),
        }


def _match_document(gold: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi in order:
        for pi, pred in enumerate(preds):
            if pi not in used and _matches(gold[gi], pred):
                used.add(pi)
                pairs[gi] = pi
                break
    return pairs


def score(gold_docs: Iterable[Mapping[str, Any]], predictions: Iterable[Mapping[str, Any]]) -> Score:
    """Score prediction lines against gold documents.

    Examples
    --------
    >>> gold = [{"id": "d1", "events": [{"actor": "rebels", "action": "shell", "target": "airport",
    ...          "place": "Misrata", "date": None, "modality": "asserted"}]}]
    >>> pred = [{"doc": "d1", "actor": {"text": "Rebels"}, "action": {"lemma": "shell"},
    ...          "target": {"text": "the airport"}, "place": {"text": "Misrata"}, "modality": "asserted"}]
    >>> s = score(gold, pred)
    >>> (s.f1, s.strict_f1)
    (1.0, 1.0)
    """
    by_doc: dict[str, list[Mapping[str, Any]]] = {}
    for pred in predictions:
        doc = pred.get("doc")
        by_doc.setdefault(str(doc.get("id") if isinstance(doc, Mapping) else doc), []).append(pred)
    tp = fp = fn = 0
    names = ("place_ok", "place_n", "date_ok", "date_n", "modality_ok", "modality_n", "country_ok", "country_n")
    counts = dict.fromkeys((*names, "unknown", "strict"), 0)
    errors: list[ErrorItem] = []
    for record in gold_docs:
        doc_id = str(record["id"])
        gold = record.get("events") or []
        preds = by_doc.get(doc_id, [])
        counts["unknown"] += sum(_unknown_class(p) for p in preds)
        pairs = _match_document(gold, preds)
        for gi, g in enumerate(gold):
            if g.get("optional"):
                continue
            if gi not in pairs:
                fn += 1
                errors.append(ErrorItem("MISS", doc_id, f"{g.get('actor')} {g['action']} {g.get('target')}", g))
                continue
            tp += 1
            p = preds[pairs[gi]]
            ok = True
            if g.get("place") is not None:
                counts["place_n"] += 1
                if p.get("place") and _compatible(g["place"], p.get("place")):
                    counts["place_ok"] += 1
                else:
                    ok = False
                    detail = f"{g['action']} gold={g['place']} pred={_texts(p.get('place'))}"
                    errors.append(ErrorItem("PLACE", doc_id, detail, g, p))
            counts["date_n"] += 1  # a gold null wants no predicted date
            if _date(p) == g.get("date"):
                counts["date_ok"] += 1
            else:
                ok = False
                errors.append(ErrorItem("DATE", doc_id, f"{g['action']} gold={g.get('date')} pred={_date(p)}", g, p))
            for role in ("actor", "target"):
                wanted = g.get(f"{role}_country")
                if wanted:
                    counts["country_n"] += 1
                    if _country(p, role) == wanted:
                        counts["country_ok"] += 1
                    else:
                        detail = f"{g['action']} {role} gold={wanted} pred={_country(p, role)}"
                        errors.append(ErrorItem("COUNTRY", doc_id, detail, g, p))
            counts["modality_n"] += 1
            if _modality(p) == (g.get("modality") or "asserted"):
                counts["modality_ok"] += 1
            else:
                ok = False
                detail = f"{g['action']} gold={g.get('modality')} pred={_modality(p)}"
                errors.append(ErrorItem("MODALITY", doc_id, detail, g, p))
            counts["strict"] += ok
        matched = set(pairs.values())
        for pi, p in enumerate(preds):
            if pi not in matched:
                fp += 1
                detail = f"{_texts(p.get('actor'))} {_lemma(p)} {_texts(p.get('target'))}"
                errors.append(ErrorItem("EXTRA", doc_id, detail, None, p))
    return Score(tp, fp, fn, errors=tuple(errors), **counts)


def parse_gold(lines: Iterable[str], *, source: str = "<gold>") -> list[dict[str, Any]]:
    """Gold documents from JSON lines; :class:`InputError` names the line of a bad record."""
    out: list[dict[str, Any]] = []
    expected = '{"id", "date", "text", "events"}'
    for lineno, record in iter_json_lines(lines, source=source, expected=expected):
        if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("events", []), list):
            raise InputError(f"{source}:{lineno}: a gold line needs {expected}, got {str(record)[:80]!r}")
        for event in record.get("events", []):
            if not isinstance(event, dict) or "action" not in event:
                raise InputError(f"{source}:{lineno}: every gold event needs an 'action', got {event!r}")
        out.append(record)
    return out


def parse_predictions(lines: Iterable[str], *, source: str = "<predictions>") -> list[dict[str, Any]]:
    """Prediction lines (``Event.to_dict()`` objects); :class:`InputError` names the line of a bad one.

    Examples
    --------
    >>> parse_predictions(['{"doc": "d1", "action": {"lemma": "attack"}}'])
    [{'doc': 'd1', 'action': {'lemma': 'attack'}}]
    >>> try:
    ...     parse_predictions(['{"doc": "d1"}'], source="pred.jsonl")
    ... except InputError as exc:
    ...     print(str(exc)[:37])
    pred.jsonl:1: a prediction line needs
    """
    out: list[dict[str, Any]] = []
    expected = '{"doc", "action", ...} (the lines `conflict-kg extract` writes)'
    for lineno, record in iter_json_lines(lines, source=source, expected=expected):
        if not isinstance(record, dict) or "doc" not in record or "action" not in record:
            raise InputError(f"{source}:{lineno}: a prediction line needs {expected}, got {str(record)[:80]!r}")
        out.append(record)
    return out


def format_errors(result: Score) -> Iterator[str]:
    """The error lines, in the order they were found."""
    for item in result.errors:
        yield str(item)
