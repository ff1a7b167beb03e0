"""Load test of ``conflict-kg serve`` on loopback: concurrent clients mixing the README's analyst queries.

1. builds (or reuses) a store of ``--events`` synthetic events (``synthetic.py``);
2. starts ``conflict-kg serve`` on it (``--workers`` query processes);
3. runs ``--clients`` threads for ``--seconds``, each sending the README queries in turn
   (POST form, SPARQL JSON results): Q1 events of one actor in one place, Q2 events per
   actor per month (the monthly aggregate), Q3 actors that acted on the same target as an
   actor, Q4 the places an actor acted in;
4. meanwhile, from ``--ingest-after`` seconds on, another process ingests ``--ingest-docs``
   new documents into the store being served (the server holds no lock);
5. prints a Markdown table: requests, errors, throughput, p50 and p99 latency per query.

    python benchmarks/serve_load.py --events 100000 --clients 16 --seconds 30 --ingest-docs 1000
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ingest import Q1, Q2, Q3, _subjects  # noqa: E402 - the benchmark next door defines the queries

Q4 = """
SELECT ?place (COUNT(?event) AS ?events) WHERE {{
  ?presence ckg:presenceActor <{actor}> ; ckg:presencePlace ?place .
  ?event ckg:presence ?presence .
}} GROUP BY ?place ORDER BY DESC(?events)
"""


def build_store(path: Path, events: int) -> None:
    from conflict_kg.graph import open_store
    from synthetic import synthetic_events

    started = time.perf_counter()
    with open_store(path) as store:
        store.add_events(synthetic_events(events))
    print(f"built a store of {events:,} events in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def ingest_more(path: Path, documents: int, done: dict[str, float]) -> None:
    """Ingest ``documents`` new synthetic documents (another seed: new ids) in another process."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from synthetic import synthetic_events; from conflict_kg.graph import open_store;"
        "s = open_store(sys.argv[2]); s.add_events(synthetic_events(int(sys.argv[3]) * 10, seed=8)); s.close()"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(HERE), str(path), str(documents)], check=True)
    done["seconds"] = time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2, help="the server's query processes")
    parser.add_argument("--max-rows", type=int, default=100_000, help="the server's row cap (Q2 is long)")
    parser.add_argument("--ingest-docs", type=int, default=1000)
    parser.add_argument("--ingest-after", type=float, default=5)
    parser.add_argument("--store", type=Path, help="reuse (or build) the store here")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="serve-load-"))
    store = args.store or workdir / "kg"
    if not (store / "CURRENT").is_file():
        build_store(store, args.events)
    subjects = _subjects(args.events)
    queries = {
        "Q1 one actor, one place": Q1.format(**subjects),
        "Q2 per actor per month": Q2,
        "Q3 same target": Q3.format(**subjects),
        "Q4 places of an actor": Q4.format(**subjects),
    }
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    command = ["conflict-kg", "serve", "--store", str(store), "--port", str(port)]
    command += ["--workers", str(args.workers), "--max-rows", str(args.max_rows), "--timeout", "60"]
    server = subprocess.Popen(command)
    try:
        for _ in range(600):
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        for text in queries.values():  # warm up each query process once
            for _ in range(args.workers):
                httpx.post(url, data={"query": text}, timeout=120).raise_for_status()

        latencies: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)
        lock = threading.Lock()
        deadline = time.perf_counter() + args.seconds
        names = list(queries)

        def client(number: int) -> None:
            with httpx.Client(timeout=120) as http:
                turn = number
                while time.perf_counter() < deadline:
                    name = names[turn % len(names)]
                    turn += 1
                    started = time.perf_counter()
                    try:
                        response = http.post(
                            url, data={"query": queries[name]}, headers={"Accept": "application/sparql-results+json"}
                        )
                        ok = response.status_code == 200 and "bindings" in response.json().get("results", {})
                    except httpx.HTTPError:
                        ok = False
                    elapsed = time.perf_counter() - started
                    with lock:
                        if ok:
                            latencies[name].append(elapsed)
                        else:
                            errors[name] += 1

        ingest: dict[str, float] = {}
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        ingester = None
        if args.ingest_docs:
            time.sleep(args.ingest_after)
            ingester = threading.Thread(target=ingest_more, args=(store, args.ingest_docs, ingest))
            ingester.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        if ingester is not None:
            ingester.join()
    finally:
        server.terminate()
        server.wait(60)

    ingested = "no ingest"
    if ingest:
        ingested = f"an ingest of {args.ingest_docs:,} documents ran from {args.ingest_after:g} s"
        ingested += f" for {ingest['seconds']:.1f} s"
    print(
        f"\n{args.clients} clients for {args.seconds:g} s on {args.events:,} events, {args.workers} query processes, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; {ingested}\n"
    )
    print("| query | requests | errors | requests/s | p50 (ms) | p99 (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    total = total_errors = 0
    for name in names:
        times = sorted(latencies[name])
        total += len(times)
        total_errors += errors[name]
        p50 = statistics.median(times) * 1000 if times else float("nan")
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000 if times else float("nan")
        print(f"| {name} | {len(times):,} | {errors[name]} | {len(times) / wall:.1f} | {p50:.1f} | {p99:.1f} |")
    print(f"| all | {total:,} | {total_errors} | {total / wall:.1f} | | |")


if __name__ == "__main__":
    main()
