"""Ingestion and analyst-query benchmark: the embedded Oxigraph store against rdflib's memory store.

For each size (synthetic events from ``synthetic.py``), in fresh subprocesses:

1. ingest into a new on-disk store with ``OxigraphStore.add_events`` (the whole
   path: Event -> N-Quads text (``QuadWriter``) -> batches -> ``bulk_load``): wall time,
   statements/s, peak memory (``ru_maxrss``), store size on disk;
2. three analyst queries on that store through ``Store.query`` (rdflib results,
   so what a caller gets), median of 3 runs after one warm-up (rdflib: one run, no warm-up):
   Q1 events of one actor in one place, with dates (the actor of frequency
      rank 10, in the place it acts in most; through their ``ckg:Presence``);
   Q2 events per actor per month (aggregate over every dated event, by ``ckg:month``);
   Q3 actors that acted on the same target as a given actor (two hops over
      ``ckg:actsOn``; the first hop as a ``SELECT DISTINCT`` subquery);
3. the same queries on rdflib's in-memory ``Graph`` built from the same events
   (skipped above ``--rdflib-max`` events: too slow / too much memory).

Prints two tables (Markdown). Example::

    python benchmarks/ingest.py --sizes 10000 100000 1000000 --rdflib-max 100000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The analyst questions in their recommended forms (README), the same text for both engines.
# Q1 finds the actor's presence in the place (ckg:Presence) by joining the actor's presences with the
# place's in subqueries (a hash join of two short index scans); its events are then one index scan,
# not the intersection of the actor's and the place's event lists.
Q1 = """
SELECT ?event ?date ?lemma WHERE {{
  {{ SELECT ?presence WHERE {{ ?presence ckg:presenceActor <{actor}> }} }}
  {{ SELECT ?presence WHERE {{ ?presence ckg:presencePlace <{place}> }} }}
  ?event ckg:presence ?presence ; ckg:actionLemma ?lemma .
  OPTIONAL {{ ?event sem:hasTimeStamp ?date }}
}} ORDER BY ?date
"""
# Q2 joins two index scans in subqueries: Oxigraph then hash-joins them instead of looking up
# each event of the first pattern one by one (at 1M events: 19 s -> 3 s).
# ckg:month is the event date's xsd:gYearMonth (no string functions per row).
Q2 = """
SELECT ?actor ?month (COUNT(?event) AS ?events) WHERE {
  { SELECT ?event ?month WHERE { ?event ckg:month ?month } }
  { SELECT ?event ?actor WHERE { ?event ckg:actor ?actor } }
} GROUP BY ?actor ?month
"""
# ckg:actsOn is stated beside every direct actor --ckga:lemma--> target edge.
Q3 = """
SELECT DISTINCT ?other WHERE {{
  {{ SELECT DISTINCT ?target WHERE {{ <{actor}> ckg:actsOn ?target }} }}
  ?other ckg:actsOn ?target .
  FILTER(?other != <{actor}>)
}}
"""
PREFIXES = """PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
"""


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dir_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def _subjects(n: int, rank: int = 10) -> dict[str, str]:
    """The actor of the given frequency rank in the synthetic corpus, and the place it acts in most.

    Rank 10, not 1: an analyst's typical actor, not the one naming 12% of all events.
    """
    sys.path.insert(0, str(HERE))
    from collections import Counter

    from conflict_kg.graph import actor_iri, place_iri
    from synthetic import synthetic_events

    actors: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for event in synthetic_events(min(n, 20000)):
        if event.actor:
            actor = str(actor_iri(event.actor, event.doc))
            actors[actor] += 1
            if event.place:
                pairs[actor, str(place_iri(event.place, event.doc))] += 1
    actor = actors.most_common(rank)[-1][0]
    place = max((count, p) for (a, p), count in pairs.items() if a == actor)[1]
    return {"actor": actor, "place": place}


def run_ingest(n: int, store_dir: str) -> dict[str, float]:
    sys.path.insert(0, str(HERE))
    from conflict_kg.graph import OxigraphStore
    from synthetic import synthetic_events

    started = time.perf_counter()
    with OxigraphStore(store_dir) as store:
        report = store.add_events(synthetic_events(n))
        stats = store.stats()
    seconds = time.perf_counter() - started
    return {
        "events": n,
        "seconds": seconds,
        "sent": report.triples,
        "triples": stats.triples,
        "triples_per_s": stats.triples / seconds,
        "peak_mib": _peak_mib(),
        "disk_mib": _dir_mib(Path(store_dir)),
        "documents": stats.documents,
        "stored_events": stats.events,
    }


def _time(fn, runs: int, warm_up: bool = True) -> tuple[float, int]:
    if warm_up:
        fn()
    times, rows = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        rows = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), rows


def run_queries(n: int, store_dir: str, engine: str, rdflib_runs: int, rdflib_timeout: int) -> dict[str, object]:
    subjects = _subjects(n)
    queries = {"Q1": Q1.format(**subjects), "Q2": Q2, "Q3": Q3.format(**subjects)}
    out: dict[str, object] = {"engine": engine, "events": n}
    if engine == "oxigraph":
        from conflict_kg.graph import OxigraphStore

        with OxigraphStore(store_dir, create=False) as store:
            for name, q in queries.items():
                out[name] = _time(lambda q=q: len(store.query(q)), 3)
    else:
        sys.path.insert(0, str(HERE))
        from conflict_kg.graph import build_graph
        from synthetic import synthetic_events

        t = time.perf_counter()
        graph = build_graph(synthetic_events(n))
        out["build_seconds"] = time.perf_counter() - t
        out["triples"] = len(graph)
        import signal

        def give_up(signum: int, frame: object) -> None:
            raise TimeoutError

        signal.signal(signal.SIGALRM, give_up)
        for name, q in queries.items():
            signal.alarm(rdflib_timeout)
            try:
                out[name] = _time(lambda q=q: len(graph.query(PREFIXES + q)), rdflib_runs, warm_up=False)
            except TimeoutError:
                out[name] = None
            finally:
                signal.alarm(0)
    out["peak_mib"] = _peak_mib()
    return out


def _child(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark step {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import pyoxigraph
    import rdflib

    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, "
        f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rdflib-max", type=int, default=100_000, help="skip rdflib above this many events")
    parser.add_argument("--rdflib-runs", type=int, default=1, help="timed rdflib runs per query (after a warm-up)")
    parser.add_argument("--rdflib-timeout", type=int, default=600, help="give up an rdflib query after this many s")
    parser.add_argument("--workdir", default=None, help="where stores go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the stores in --workdir after the run")
    parser.add_argument("--child", nargs=3, metavar=("STEP", "N", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, n, folder = args.child[0], int(args.child[1]), args.child[2]
        if step == "ingest":
            print(json.dumps(run_ingest(n, folder)))
        else:
            print(json.dumps(run_queries(n, folder, step, args.rdflib_runs, args.rdflib_timeout)))
        return

    work = Path(args.workdir or tempfile.mkdtemp(prefix="ckg-bench-"))
    print(f"machine: {machine()}\n")
    ingests, queries = [], []
    for n in args.sizes:
        folder = work / f"store-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        ingest = _child(["--child", "ingest", str(n), str(folder)])
        ingests.append(ingest)
        print(f"ingested {n:,} events: {ingest['seconds']:.1f} s", file=sys.stderr)
        ox = _child(["--child", "oxigraph", str(n), str(folder)])
        rd = None
        if n <= args.rdflib_max:
            rd = _child(
                [
                    "--rdflib-runs",
                    str(args.rdflib_runs),
                    "--rdflib-timeout",
                    str(args.rdflib_timeout),
                    "--child",
                    "rdflib",
                    str(n),
                    str(folder),
                ]
            )
        queries.append((n, ox, rd))
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    print("| events | documents | statements | time (s) | statements/s | peak memory (MiB) | store on disk (MiB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in ingests:
        print(
            f"| {r['events']:,} | {r['documents']:,} | {r['triples']:,} | {r['seconds']:.1f} | "
            f"{r['triples_per_s']:,.0f} | {r['peak_mib']:,.0f} | {r['disk_mib']:,.0f} |"
        )
    print()
    print("| events | query | Oxigraph store (ms) | rows | rdflib memory (ms) | speed-up |")
    print("|---:|---|---:|---:|---:|---:|")
    for n, ox, rd in queries:
        for q in ("Q1", "Q2", "Q3"):
            ox_s, rows = ox[q]
            if rd is None:
                rd_cell, ratio = f"skipped (> {args.rdflib_max:,} events)", "-"
            elif rd[q] is None:
                rd_cell, ratio = f"gave up after {args.rdflib_timeout} s", f"> {args.rdflib_timeout / ox_s:,.0f}x"
            else:
                rd_s, _ = rd[q]
                rd_cell, ratio = f"{rd_s * 1000:,.0f}", f"{rd_s / ox_s:,.0f}x"
            print(f"| {n:,} | {q} | {ox_s * 1000:,.1f} | {rows:,} | {rd_cell} | {ratio} |")
    for n, _, rd in queries:
        if rd is not None:
            print(
                f"\nrdflib at {n:,} events: built in {rd['build_seconds']:.0f} s, {rd['triples']:,} triples, "
                f"peak {rd['peak_mib']:,.0f} MiB"
            )


if __name__ == "__main__":
    main()
