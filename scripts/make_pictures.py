"""Draw the README's three pictures from the sample corpus.

Extracts ``examples/corpus.jsonl`` into a temporary store, then writes
``examples/pictures/timeline.png``, ``map.png`` and ``network.png`` with the
same functions ``conflict-kg plot`` uses. Run it again after a change to the
extractor or the pictures, and commit the PNGs.

Usage::

    .venv/bin/python scripts/make_pictures.py [--out examples/pictures]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from conflict_kg.extract import iter_extractions, read_documents
from conflict_kg.graph import map_figure, network_figure, open_store, plot_events, timeline_figure, write_figure

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "examples" / "pictures")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "kg") as store:
        store.add_extractions(iter_extractions(read_documents([CORPUS])))
        events = plot_events(store)
    for name, fig in (
        ("timeline", timeline_figure(events, period="week")),
        ("map", map_figure(events)),
        ("network", network_figure(events, k=10)),
    ):
        path = write_figure(fig, args.out / f"{name}.png")
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
