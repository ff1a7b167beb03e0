#!/usr/bin/env python3
"""List the extractor's errors on a gold set, grouped by kind, with the sentence.

Usage::

    python scripts/error_breakdown.py GOLD.jsonl [--pred PRED.jsonl] [--kind KIND ...] [--doc ID ...]

Without ``--pred`` the gold set's documents are extracted first. The report has
three parts:

* ``MISS``: a required gold event no prediction matched, with the predictions of
  the same action in that document and the field (actor or target) that failed;
* ``EXTRA``: a prediction that matched no gold event, with its sentence;
* partial matches: ``PLACE``, ``DATE``, ``MODALITY``, ``COUNTRY`` (a matched event
  with that field wrong), with the prediction's sentence and time expression.

It ends with a count per kind and the figures of ``conflict-kg evaluate``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from conflict_kg.extract import Document, ErrorItem, iter_extractions, parse_gold, score

KINDS = ("MISS", "EXTRA", "PLACE", "DATE", "MODALITY", "COUNTRY")


def _text(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return value.get("name") or value.get("text")
    return value


def _lemma(pred: Mapping[str, Any]) -> str:
    action = pred.get("action")
    return str(action.get("lemma") if isinstance(action, Mapping) else action or "").split(" ")[0].lower()


def _describe(pred: Mapping[str, Any]) -> str:
    time = pred.get("time") or {}
    return (
        f"[{_text(pred.get('actor'))}] {_lemma(pred)} [{_text(pred.get('target'))}]"
        f" place={_text(pred.get('place'))} time={time.get('text')!r}->{time.get('date')}"
        f" mod={pred.get('modality')} class={(pred.get('action') or {}).get('class')}"
    )


def _miss_reason(gold: Mapping[str, Any], candidates: list[Mapping[str, Any]]) -> str:
    if not candidates:
        return "no prediction with this action"
    return "same action, but: " + "; ".join(_describe(p) for p in candidates[:3])


def report(gold_docs: list[dict[str, Any]], predictions: list[Mapping[str, Any]], kinds: Iterable[str]) -> str:
    """The error report as text (pure: gold and predictions in)."""
    result = score(gold_docs, predictions)
    wanted = set(kinds)
    by_doc: dict[str, list[Mapping[str, Any]]] = {}
    for p in predictions:
        by_doc.setdefault(str(p.get("doc")), []).append(p)
    lines: list[str] = []
    groups: dict[str, list[ErrorItem]] = {k: [] for k in KINDS}
    for item in result.errors:
        groups.setdefault(item.kind, []).append(item)
    for kind in KINDS:
        if kind not in wanted or not groups[kind]:
            continue
        lines.append(f"== {kind} ({len(groups[kind])})")
        for item in groups[kind]:
            lines.append(f"{item.doc}: {item.detail}")
            if kind == "MISS" and item.gold is not None:
                first = str(item.gold["action"] if isinstance(item.gold["action"], str) else item.gold["action"][0])
                same = [p for p in by_doc.get(item.doc, []) if _lemma(p) == first.split(" ")[0].lower()]
                lines.append(f"    {_miss_reason(item.gold, same)}")
            elif item.pred is not None:
                lines.append(f"    {_describe(item.pred)}")
                lines.append(f"    | {(item.pred.get('evidence') or '')[:300]}")
    counts = Counter(item.kind for item in result.errors)
    lines.append("== counts " + " ".join(f"{k}={counts.get(k, 0)}" for k in KINDS))
    lines.append("== figures " + json.dumps(result.as_dict()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", help="gold set (JSON lines with events)")
    parser.add_argument("--pred", help="prediction lines (default: extract the gold documents now)")
    parser.add_argument("--kind", action="append", choices=KINDS, help="only these kinds (repeatable)")
    parser.add_argument("--doc", action="append", help="only these document ids (repeatable)")
    args = parser.parse_args(argv)
    with open(args.gold, encoding="utf-8") as f:
        gold = parse_gold(f, source=args.gold)
    if args.doc:
        gold = [g for g in gold if str(g["id"]) in set(args.doc)]
    if args.pred:
        with open(args.pred, encoding="utf-8") as f:
            predictions = [json.loads(line) for line in f if line.strip()]
    else:
        documents = [Document.from_dict(record) for record in gold]
        predictions = [e.to_dict() for _d, events in iter_extractions(documents) for e in events]
    print(report(gold, predictions, args.kind or KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
