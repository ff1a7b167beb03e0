"""Extraction throughput: ``iter_extractions`` against bare ``nlp.pipe`` on the same text.

For 1 and 2 workers, times (a) spaCy alone (``nlp.pipe(..., n_process=N)``, every
Doc consumed) and (b) the whole extractor (``iter_extractions(..., workers=N)``:
the same parse plus clause analysis, places, times, coreference and Event
records), in words per second, and prints their ratio from the same run.

The text is the repository's ``seeds/`` articles plus, when present, the
documents of ``../shared/eval/dev.jsonl``, repeated under new ids up to
``--words`` words. Example::

    python benchmarks/extraction.py --words 60000 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from conflict_kg.extract import Document, iter_extractions, load_model, read_documents

ROOT = Path(__file__).resolve().parents[1]


def corpus(words: int) -> list[Document]:
    base = list(read_documents([ROOT / "seeds"]))
    dev = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                base.append(Document(str(record["id"]), record["text"], record.get("date")))
    out, total, round_no = [], 0, 0
    while total < words:
        for doc in base:
            out.append(Document(f"{doc.id}#{round_no}", doc.text, doc.date))
            total += len(doc.text.split())
            if total >= words:
                break
        round_no += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    docs = corpus(args.words)
    words = sum(len(d.text.split()) for d in docs)
    nlp = load_model(args.model)
    print(f"machine: {platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; model {nlp.meta.get('name')} {nlp.meta.get('version')}; "
          f"{len(docs)} documents, {words:,} words\n")
    list(iter_extractions(docs[:2], nlp=nlp))  # warm-up: lazy resources (gazetteer, rules)
    print("| workers | nlp.pipe (words/s) | iter_extractions (words/s) | events | extraction / bare pipe |")
    print("|---:|---:|---:|---:|---:|")
    for workers in args.workers:
        t = time.perf_counter()
        for _ in nlp.pipe((d.text for d in docs), batch_size=64, n_process=workers):
            pass
        bare = words / (time.perf_counter() - t)
        t = time.perf_counter()
        events = sum(len(evs) for _, evs in iter_extractions(docs, nlp=nlp, workers=workers))
        full = words / (time.perf_counter() - t)
        print(f"| {workers} | {bare:,.0f} | {full:,.0f} | {events:,} | {full / bare:.2f} |", flush=True)


if __name__ == "__main__":
    main()
