"""What incident linking costs on ingest: new events into stores that already hold many.

For each base size, a store of that many synthetic events (``synthetic.py``) is
built with linking on, so its incidents and their link keys exist. Then
``--new`` events are ingested into two copies of it, once with linking and once
without (``add_events(..., link=False)``), alternating ``--runs`` times; the best
time of each is kept. A third of the new events re-report stored ones (same
action, parties and place, the date a day off or not, published one to three
days later), the way agencies repeat each other.

    python benchmarks/incidents.py --base 100000 1000000 --new 10000

Prints a Markdown table: base events, time without and with linking, the
overhead, and the incidents the new events joined or founded.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conflict_kg.extract import Event, Time  # noqa: E402
from conflict_kg.graph import OxigraphStore  # noqa: E402
from synthetic import synthetic_events  # noqa: E402

_COUNT = "SELECT (COUNT(?i) AS ?n) WHERE { ?i a ckg:Incident }"


def _sample(n_base: int, k: int, seed: int = 3) -> list[Event]:
    """``k`` stored events, drawn uniformly (reservoir sampling over the base stream)."""
    rng = random.Random(seed)
    out: list[Event] = []
    for i, event in enumerate(synthetic_events(n_base)):
        if len(out) < k:
            out.append(event)
        elif (j := rng.randrange(i + 1)) < k:
            out[j] = event
    return out


def new_events(n_new: int, n_base: int, seed: int = 8) -> Iterator[Event]:
    """``n_new`` events of new documents; every third re-reports a stored event."""
    rng = random.Random(seed)
    stored = _sample(n_base, n_new // 3 + 1)
    for i, event in enumerate(synthetic_events(n_new, seed=seed)):
        if i % 3 or not stored:
            yield event
            continue
        old = stored.pop()
        day = old.time.date if old.time and old.time.date else old.doc_date
        assert day is not None
        yield dataclasses.replace(
            event,
            action=dataclasses.replace(old.action, start=event.action.start, end=event.action.end),
            actor=old.actor,
            target=old.target,
            place=old.place,
            time=Time(None, day + dt.timedelta(days=rng.choice([-1, 0, 0, 1]))),
            modality=old.modality,
            doc_date=day + dt.timedelta(days=rng.randint(1, 3)),
        )


def _ingest(base: Path, events: list[Event], link: bool) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(dir=base.parent) as tmp:
        copy = Path(tmp) / "kg"
        shutil.copytree(base, copy)
        with OxigraphStore(copy) as store:
            started = time.perf_counter()
            store.add_events(events, link=link, optimize=False)
            seconds = time.perf_counter() - started
            incidents = int(str(next(iter(store.query(_COUNT)))[0]))  # type: ignore[index]
    return seconds, incidents


def run(n_base: int, n_new: int, runs: int, workdir: Path) -> dict[str, float]:
    base = workdir / f"base-{n_base}"
    started = time.perf_counter()
    with OxigraphStore(base) as store:
        store.add_events(synthetic_events(n_base))
        before = int(str(next(iter(store.query(_COUNT)))[0]))  # type: ignore[index]
    build = time.perf_counter() - started
    events = list(new_events(n_new, n_base))
    plain, linked = [], []
    after = before
    for _ in range(runs):
        plain.append(_ingest(base, events, link=False)[0])
        seconds, after = _ingest(base, events, link=True)
        linked.append(seconds)
    shutil.rmtree(base)
    return {
        "base": n_base,
        "build": build,
        "plain": min(plain),
        "linked": min(linked),
        "incidents_before": before,
        "incidents_after": after,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=int, nargs="+", default=[100_000], help="events already stored")
    parser.add_argument("--new", type=int, default=10_000, help="events ingested on top")
    parser.add_argument("--runs", type=int, default=3, help="alternating runs per mode (best kept)")
    parser.add_argument("--workdir", default=None, help="where the stores go (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        header = ["stored events", "new events", "without linking (s)", "with linking (s)", "overhead"]
        print("| " + " | ".join([*header, "incidents before → after"]) + " |")
        print("|---:|---:|---:|---:|---:|---:|")
        for n_base in args.base:
            r = run(n_base, args.new, args.runs, Path(tmp))
            overhead = r["linked"] / r["plain"] - 1
            print(
                f"| {n_base:,} | {args.new:,} | {r['plain']:.2f} | {r['linked']:.2f} | {overhead:+.0%} "
                f"| {int(r['incidents_before']):,} → {int(r['incidents_after']):,} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
