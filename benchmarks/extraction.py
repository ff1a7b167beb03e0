"""Extraction throughput: ``iter_extractions`` against bare ``nlp.pipe`` on the same text.

For 1 and 2 workers, times, in words per second:

(a) bare spaCy: ``nlp.pipe(..., n_process=N)`` on the pipeline exactly as
    ``spacy.load`` gives it, every Doc consumed;
(b) the extractor's parse alone: the same, on the pipeline as the extractor
    prepares it (its ``attribute_ruler`` searches an index: same annotations,
    less time; see ``conflict_kg.extract._ruler``);
(c) the whole extractor: ``iter_extractions(..., workers=N)``, the parse (b)
    plus clause analysis, places, times, coreference and Event records;

and prints (c)/(a), the ratio the extractor is held to, and (c)/(b), what the
rules cost on top of the parse.

The text is the repository's ``seeds/`` articles plus, when present, the
documents of ``../shared/eval/dev.jsonl`` and the sentences of
``../shared/eval/plover_dev.json``, repeated under new ids up to ``--words``
words. The extractor memoizes per-string work (actor names, gazetteer and date
look-ups); so that repeated text is not cheaper than new text, those caches are
cleared before every document that repeats an earlier one (``--warm`` keeps
them, as a long real corpus with recurring actors would). Example::

    python benchmarks/extraction.py --words 60000 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

from conflict_kg.extract import Document, iter_extractions, load_model, read_documents
from conflict_kg.extract._pipeline import prepare

ROOT = Path(__file__).resolve().parents[1]


def corpus(words: int) -> list[Document]:
    base = list(read_documents([ROOT / "seeds"]))
    dev = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                base.append(Document(str(record["id"]), record["text"], record.get("date")))
    plover = ROOT.parent / "shared" / "eval" / "plover_dev.json"
    if plover.is_file():
        for record in json.loads(plover.read_text(encoding="utf-8")):
            if record.get("text") and record.get("event"):
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


def clear_string_caches() -> None:
    """Forget memoized per-string results (not loaded resources such as lexicons or the gazetteer)."""
    from conflict_kg.extract import _actors, _classes, _clauses, _events, _gazetteer, _times

    for fn in (
        _events._describe,
        _events._place_kind,
        _clauses._describes_party,
        _gazetteer.lookup_place,
        _times.resolve_time,
        _actors._key,
        _times._dateparser,
    ):
        fn.cache_clear()
    _actors.load_lexicon().settled.clear()
    _classes.get_lexicon().memo.clear()


def cold(docs: list[Document], distinct: int) -> Iterator[Document]:
    """The documents, clearing the string caches whenever the corpus starts over."""
    for i, doc in enumerate(docs):
        if i % distinct == 0:
            clear_string_caches()
        yield doc


def words_per_second(run: Callable[[], object], words: int) -> float:
    t = time.perf_counter()
    run()
    return words / (time.perf_counter() - t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, alternating; the best counts")
    parser.add_argument("--warm", action="store_true", help="keep memoized results across repeated text")
    args = parser.parse_args()

    docs = corpus(args.words)
    distinct = len({d.text for d in docs})
    words = sum(len(d.text.split()) for d in docs)
    stock = load_model.__wrapped__(args.model)  # a pipeline of its own, exactly as spacy.load gives it
    nlp = prepare(load_model(args.model))  # the extractor's (its attribute ruler indexed)
    print(
        f"machine: {platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; model {nlp.meta.get('name')} {nlp.meta.get('version')}; "
        f"{len(docs)} documents ({distinct} distinct), {words:,} words; "
        f"caches {'warm' if args.warm else 'cleared at each repeat'}\n"
    )
    list(iter_extractions(docs[:2], nlp=nlp))  # warm-up: lazy resources (gazetteer, rules)
    print(
        "| workers | bare nlp.pipe (words/s) | extractor's nlp.pipe (words/s) | iter_extractions (words/s) "
        "| events | extraction / bare pipe | extraction / extractor's pipe |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for workers in args.workers:
        bare_runs, own_runs, full_runs = [], [], []
        events = 0

        def extract(workers: int = workers) -> None:
            nonlocal events
            stream = docs if args.warm else cold(docs, distinct)  # the rules run in this process
            events = sum(len(evs) for _, evs in iter_extractions(stream, nlp=nlp, workers=workers))

        for _ in range(args.repeat):  # alternate the three, keep each one's best run
            for pipeline, runs in ((stock, bare_runs), (nlp, own_runs)):
                texts = (d.text for d in docs)
                runs.append(
                    words_per_second(
                        lambda p=pipeline, t=texts, n=workers: deque(p.pipe(t, batch_size=64, n_process=n), 0), words
                    )
                )
            full_runs.append(words_per_second(extract, words))
        bare, own, full = max(bare_runs), max(own_runs), max(full_runs)
        ratios = ", ".join(f"{f / b:.2f}" for b, f in zip(bare_runs, full_runs, strict=True))
        print(
            f"| {workers} | {bare:,.0f} | {own:,.0f} | {full:,.0f} | {events:,} | {full / bare:.2f} "
            f"(runs: {ratios}) | {full / own:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
