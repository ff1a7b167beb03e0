"""Upper-bound proxy of PLOVER class accuracy for the event classifier alone.

For each PLOVER gold record, parse the sentence with spaCy, classify every verb
(and predicative adjective) and every event noun with
:func:`conflict_kg.extract._classes.classify_token`, and count the record when
some predicate gets the gold category (old category names mapped as in
``score_plover.py``). This is what ``class_acc`` of the real scorer would be if
the extractor emitted an event for every predicate; use it to find lexicon gaps.

Usage::

    .venv/bin/python benchmarks/plover_errors.py /work/shared/eval/plover_dev.json [--errors] [--verbs-only]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from conflict_kg.extract import load_model
from conflict_kg.extract._classes import classify_token, get_lexicon

OLD_TO_NEW = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def predicates(doc, verbs_only: bool):
    """Tokens the proxy classifies: verbs, adjectives with a verb entry, event nouns."""
    lex = get_lexicon()
    for tok in doc:
        lemma = tok.lemma_.lower()
        verb = tok.pos_ == "VERB" or (tok.pos_ in ("ADJ", "AUX") and ("V", lemma, None) in lex.rows)
        if verb or (not verbs_only and tok.pos_ == "NOUN" and ("N", lemma, None) in lex.rows):
            yield tok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records")
    ap.add_argument("--errors", action="store_true", help="list the records missed")
    ap.add_argument("--verbs-only", action="store_true", help="ignore event nouns")
    ap.add_argument("--no-fallback", action="store_true", help="ignore predicates that got the default class")
    a = ap.parse_args(argv)
    with open(a.records, encoding="utf-8") as fh:
        recs = [r for r in json.load(fh) if r.get("event") and r.get("text")]
    nlp = load_model()
    hits = 0
    per_gold: Counter[str] = Counter()
    per_hit: Counter[str] = Counter()
    fallbacks = 0
    total = 0
    errors = []
    for r, doc in zip(recs, nlp.pipe(r["text"] for r in recs), strict=True):
        gold = OLD_TO_NEW.get(r["event"], r["event"])
        got = []
        for tok in predicates(doc, a.verbs_only):
            ec = classify_token(tok)
            total += 1
            fallbacks += ec.fallback
            if a.no_fallback and ec.fallback:
                continue
            got.append((tok.text, ec.plover, ec.rule))
        per_gold[gold] += 1
        if any(g[1] == gold for g in got):
            hits += 1
            per_hit[gold] += 1
        else:
            errors.append(
                f"{r['id']} gold={gold} [{r.get('eventText')}]\n   {r['text'][:160]}\n   "
                + "; ".join(f"{t}:{c}" for t, c, _ in got)
            )
    if a.errors:
        print("\n".join(errors))
    print(" ".join(f"{k}={per_hit[k]}/{n}" for k, n in sorted(per_gold.items())))
    print(
        f"records={len(recs)} proxy_class_acc={hits / len(recs):.3f} predicates={total} "
        f"fallback_share={fallbacks / max(total, 1):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
