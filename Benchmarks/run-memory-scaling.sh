#!/usr/bin/env bash
# Does peak memory stay flat when the input grows tenfold? (issue 8: "a 10x larger input runs with the same
# peak memory, +-20%"), in one command:
#
#   Benchmarks/run-memory-scaling.sh [--count N] [--factor F]     (default 2,000 and 10)
#   STORYLINE_BIN=.build/release/storyline Benchmarks/run-memory-scaling.sh    (skip the build)
#
# Makes N and F*N real-shaped articles (make_server_corpus.py, seeded), each as ONE JSON Lines file, and runs
# on each, with /usr/bin/time: (a) `storyline extract --annotated` (reading and extraction only, streamed to
# /dev/null), (b) `storyline ingest` into a new SQLite database (reading, extraction, cross-document resolution,
# stories and events, storage). Prints wall time, peak RSS, articles/s and the F*N / N ratio of peak RSS for each,
# and writes Benchmarks/results/memory-scaling-latest.json.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
COUNT=2000
FACTOR=10
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --factor) FACTOR="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
SCRATCH="${SCRATCH:-.build-bench}"
DATA="$HERE/data/memory"
RESULTS="$HERE/results"
mkdir -p "$DATA" "$RESULTS"

if [ -n "${STORYLINE_BIN:-}" ]; then
  BIN="$STORYLINE_BIN"   # a binary already built (e.g. .build/release/storyline)
else
  echo "== release build" >&2
  (cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline >&2)
  BIN="$REPO/$SCRATCH/release/storyline"
fi

ROWS="$DATA/rows.tsv"
: > "$ROWS"
for n in "$COUNT" "$((COUNT * FACTOR))"; do
  input="$DATA/articles-$n.jsonl"
  [ -f "$input" ] || python3 "$HERE/make_server_corpus.py" --count "$n" --out "$input" >&2
  echo "== $n articles: extract --annotated" >&2
  /usr/bin/time -f '%e %M' -o "$DATA/time.txt" "$BIN" extract --annotated "$input" > /dev/null
  echo "extract $n $(cat "$DATA/time.txt")" >> "$ROWS"
  echo "== $n articles: ingest" >&2
  db="$DATA/store-$n.db"
  rm -f "$db" "$db-wal" "$db-shm"
  /usr/bin/time -f '%e %M' -o "$DATA/time.txt" "$BIN" ingest "$input" --db "$db" --quiet >&2
  echo "ingest $n $(cat "$DATA/time.txt")" >> "$ROWS"
done

python3 - "$ROWS" "$COUNT" "$FACTOR" "$RESULTS/memory-scaling-latest.json" <<'PY'
import json, platform, os, sys, datetime
rows_path, count, factor, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = {}
for line in open(rows_path):
    step, n, seconds, kb = line.split()
    rows[(step, int(n))] = {"seconds": float(seconds), "peak_mib": int(kb) / 1024}
result = {"date": datetime.date.today().isoformat(), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
          "count": count, "factor": factor, "steps": {}}
print(f"{'step':<20}{'articles':>10}{'seconds':>10}{'articles/s':>12}{'peak MiB':>10}")
for step in ("extract", "ingest"):
    small, large = rows[(step, count)], rows[(step, count * factor)]
    for n, r in ((count, small), (count * factor, large)):
        print(f"{step:<20}{n:>10,}{r['seconds']:>10.1f}{n / r['seconds']:>12.1f}{r['peak_mib']:>10.0f}")
    ratio = large["peak_mib"] / small["peak_mib"]
    print(f"{step + ' peak ratio':<20}{'':>10}{'':>10}{'':>12}{ratio:>10.2f}")
    result["steps"][step] = {"small": small, "large": large, "peak_ratio": round(ratio, 3)}
json.dump(result, open(out, "w"), indent=2)
PY
