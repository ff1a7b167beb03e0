"""Export benchmark: a store of N synthetic events to CSV, GraphML and a pandas frame.

For each size, a store is built once from ``synthetic.py``'s events (kept under
``--work`` so a second run reuses it), then each export runs in a fresh
subprocess, which reports its wall time, CPU time (steadier than wall time when
other work shares the machine) and peak memory (``ru_maxrss``):

- ``csv``: ``export_store(store, "csv", path)`` -- one row per event;
- ``graphml``: ``export_store(store, "graphml", path)`` -- the networkx view;
- ``frame``: ``events_frame(store)`` -- a pandas DataFrame, one row per event.

All three read the store with ``Store.events()`` (one index scan per document
graph) and build rows with ``event_row``, so time should grow linearly with the
number of events: the CPU time per event should stay flat across sizes.

    python benchmarks/export.py --sizes 100000 1000000 --work /tmp/ckg-export-bench
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("csv", "graphml", "frame")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_store(n: int, path: Path) -> dict[str, float]:
    """Ingest ``n`` synthetic events into a new store at ``path`` (unless it is there already)."""
    sys.path.insert(0, str(HERE))
    from conflict_kg.graph import open_store
    from synthetic import synthetic_events

    done = path / "READY"
    if done.exists():
        return json.loads(done.read_text())
    started = time.perf_counter()
    with open_store(path) as store:
        # exports read events only: the cost of linking incidents is benchmarks/incidents.py
        store.add_events(synthetic_events(n), link=False)
        stats = store.stats()
    info = {"events": stats.events, "triples": stats.triples, "ingest_s": time.perf_counter() - started}
    done.write_text(json.dumps(info))
    return info


def run_export(kind: str, store_path: Path, out: Path) -> dict[str, float]:
    """One export in this process; its time, peak memory, rows and output size."""
    from conflict_kg.graph import events_frame, export_store, open_store

    started, cpu = time.perf_counter(), time.process_time()
    with open_store(store_path, create=False) as store:
        if kind == "frame":
            rows = len(events_frame(store))
            size = 0.0
        else:
            export_store(store, kind, out)
            size = out.stat().st_size / 2**20
            rows = sum(1 for _ in out.open(encoding="utf-8")) - 1 if kind == "csv" else 0
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "peak_mib": _peak_mib(),
        "rows": rows,
        "size_mib": size,
    }


def _child(*args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/ckg-export-bench"), help="stores and outputs")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--child", nargs=3, metavar=("KIND", "STORE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, metavar=("N", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, store, out = args.child
        print(json.dumps(run_export(kind, Path(store), Path(out))))
        return
    if args.build:
        print(json.dumps(build_store(int(args.build[0]), Path(args.build[1]))))
        return

    args.work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}", file=sys.stderr)
    print("| events | statements | export | wall (s) | CPU (s) | CPU µs per event | peak memory (MiB) | output (MiB) |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        store = args.work / f"store-{n}"
        info = _child("--build", str(n), str(store))
        for kind in args.kinds:
            out = args.work / f"events-{n}.{kind}"
            result = _child("--child", kind, str(store), str(out))
            if kind != "graphml" and result["rows"] != info["events"]:
                raise SystemExit(f"{kind} has {result['rows']} rows for {info['events']} events")
            size = f"{result['size_mib']:,.0f}" if result["size_mib"] else "–"
            print(
                f"| {info['events']:,} | {info['triples']:,} | {kind} | {result['seconds']:,.1f} | "
                f"{result['cpu']:,.1f} | {1e6 * result['cpu'] / info['events']:,.0f} | {result['peak_mib']:,.0f} | "
                f"{size} |",
                flush=True,
            )
            out.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
