"""Whole-process timings: conflict-kg's command line against bare spaCy on the same text.

Each case runs as separate processes (command to exit, output file written),
alternating with its baseline, ``--repeats`` times; the table gives medians of
wall time and of CPU time (user + system, from ``getrusage``; steadier than wall
time when other work shares the machine):

- **seed**: ``conflict-kg extract SEED --date D -o OUT.ttl`` against
  ``python -c "spacy.load(MODEL)(text)"`` on the seed article. Target: at most
  1.5x the bare time.
- **corpus**: ``conflict-kg extract DOCS.jsonl -o OUT.jsonl`` against
  ``spacy.load(MODEL)`` + ``nlp.pipe`` over the same texts, as throughput
  (words/s, start-up included). DOCS is ``--words`` words of dev articles
  (``../shared/eval/dev_long.jsonl``, repeated with new ids until long enough).
  Target: at least 0.85x bare throughput.
- **first run**: the seed once with an empty table cache (``$CONFLICT_KG_CACHE``
  pointed at a new folder), which builds the gazetteer index: what the first run
  after installing costs, once.

The cache folder of the timed runs is prepared before timing (one untimed run),
as it is after any first run on a machine.

    python benchmarks/startup.py --repeats 5
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "fallujah-2016-06-17.txt"
DEV_LONG = ROOT.parent / "shared" / "eval" / "dev_long.jsonl"
_SCRIPT = Path(sys.executable).with_name("conflict-kg")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "conflict_kg.graph._cli"]

BARE_ONE = "import spacy, sys; nlp = spacy.load(sys.argv[1]); nlp(open(sys.argv[2], encoding='utf-8').read())"
BARE_PIPE = (
    "import json, spacy, sys; nlp = spacy.load(sys.argv[1]); "
    "texts = [json.loads(line)['text'] for line in open(sys.argv[2], encoding='utf-8')]; "
    "[None for _ in nlp.pipe(texts)]"
)


def _model() -> str:
    """The pipeline the extractor loads by default (the first of its defaults installed)."""
    from importlib.util import find_spec

    from conflict_kg.extract import DEFAULT_MODELS

    return next(name for name in DEFAULT_MODELS if find_spec(name) is not None)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process."""
    started, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, _cpu() - cpu


def _corpus(words: int, path: Path) -> int:
    """Write dev articles (repeated with new ids) until ``words`` words; the words written."""
    docs = [json.loads(line) for line in DEV_LONG.read_text(encoding="utf-8").splitlines() if line.strip()]
    total, rounds = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while total < words:
            for doc in docs:
                record = {"id": f"{doc['id']}-r{rounds}", "date": doc.get("date"), "text": doc["text"]}
                out.write(json.dumps(record) + "\n")
                total += len(doc["text"].split())
                if total >= words:
                    break
            rounds += 1
    return total


Timings = list[tuple[float, float]]


def _pairs(repeats: int, a: list[str], b: list[str], env: dict[str, str]) -> tuple[Timings, Timings]:
    first, second = [], []
    for _ in range(repeats):
        first.append(_run(a, env))
        second.append(_run(b, env))
    return first, second


def _median(runs: Timings, which: int) -> float:
    return statistics.median(run[which] for run in runs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--skip-first-run", action="store_true", help="do not time the empty-cache run")
    args = parser.parse_args(argv)

    model = _model()
    work = Path(tempfile.mkdtemp(prefix="conflict-kg-startup-"))
    env = {**os.environ, "CONFLICT_KG_CACHE": str(work / "cache")}
    try:
        docs = work / "docs.jsonl"
        words = _corpus(args.words, docs)
        seed_cli = [*CLI, "extract", str(SEED), "--date", "2016-06-17", "-o", str(work / "seed.ttl")]
        corpus_cli = [*CLI, "extract", str(docs), "-o", str(work / "docs.out.jsonl")]
        first_run = None
        if not args.skip_first_run:
            first_run = _run(seed_cli, env)  # empty cache: builds the gazetteer index
        else:
            _run(seed_cli, env)
        bare_seed, cli_seed = _pairs(args.repeats, [sys.executable, "-c", BARE_ONE, model, str(SEED)], seed_cli, env)
        bare_pipe, cli_pipe = _pairs(args.repeats, [sys.executable, "-c", BARE_PIPE, model, str(docs)], corpus_cli, env)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"model {model}, {args.repeats} repeats each, medians; corpus {words:,} words", file=sys.stderr)
    print("| case | measure | bare spaCy | conflict-kg | ratio | target |")
    print("|---|---|---:|---:|---:|---|")
    for which, measure in ((0, "wall"), (1, "CPU")):
        bare, cli = _median(bare_seed, which), _median(cli_seed, which)
        print(
            f"| seed article, command to output file (s) | {measure} | {bare:.2f} | {cli:.2f} | "
            f"**{cli / bare:.2f}x** time | at most 1.5x |"
        )
    for which, measure in ((0, "wall"), (1, "CPU")):
        bare, cli = words / _median(bare_pipe, which), words / _median(cli_pipe, which)
        print(
            f"| {words:,} words of dev articles (words/s, start included) | {measure} | {bare:,.0f} | {cli:,.0f} | "
            f"**{cli / bare:.2f}x** throughput | at least 0.85x |"
        )
    if first_run is not None:
        print(
            f"| seed, first run with an empty cache (s) | wall | – | {first_run[0]:.2f} | – | once per installation |"
        )


if __name__ == "__main__":
    main()
