#!/usr/bin/env bash
# Score the current extractor on the project's own long-article gold set
# (benchmarks/data/own_long.jsonl, see benchmarks/data/README.md), twice:
#
#   1. with the project's scorer:      conflict-kg evaluate GOLD
#   2. with the reference scorer:      ../shared/eval/score.py GOLD PRED
#      (casualty accuracy is reported there), when the evaluation workspace is
#      checked out beside this repository;
#   3. the same scorer on the events of a fresh store (conflict-kg ingest, then
#      export --format jsonl), whose predictions carry their incident, so that
#      incident linking across the articles is scored too.
#
#   scripts/eval_own.sh [GOLD.jsonl] [--show-errors]
#
# The predictions are written once, to $TMPDIR (or /tmp), and scored by both.
# For the errors grouped by kind:  python scripts/error_breakdown.py GOLD.jsonl
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gold="${1:-$root/benchmarks/data/own_long.jsonl}"
shift || true
if [ -x "$root/.venv/bin/conflict-kg" ]; then ckg="$root/.venv/bin/conflict-kg"; py="$root/.venv/bin/python"
else ckg="conflict-kg"; py="$(command -v python || command -v python3)"; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/eval_own.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$py" -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        d = json.loads(line)
        print(json.dumps({k: d[k] for k in ("id", "date", "text")}, ensure_ascii=False))' "$gold" > "$work/docs.jsonl"
"$ckg" extract "$work/docs.jsonl" -o "$work/pred.jsonl"

echo "== conflict-kg evaluate $gold"
"$ckg" evaluate "$gold" --pred "$work/pred.jsonl" "$@"

scorer="$root/../shared/eval/score.py"
if [ -f "$scorer" ]; then
    echo "== score.py $gold (extract's predictions carry no incident ids: linking is scored below)"
    "$py" "$scorer" "$gold" "$work/pred.jsonl"
    "$ckg" ingest "$work/docs.jsonl" --store "$work/store" >/dev/null
    "$ckg" export --store "$work/store" --format jsonl -o "$work/store-pred.jsonl" >/dev/null
    echo "== score.py $gold (through a store: incident linking)"
    "$py" "$scorer" "$gold" "$work/store-pred.jsonl"
else
    echo "(reference scorer not found at $scorer; skipped)" >&2
fi
