#!/usr/bin/env bash
# The server benchmark, in one command: `storyline serve` over a store of COUNT ingested articles, loaded
# with wrk (Debian's package) on the timeline, quote-search and search endpoints, side by side with a
# static file served by the same server in the same run.
#
#   Benchmarks/run-server-benchmark.sh [--count N] [--connections N] [--duration S] [--regen]
#                                      [--bin PATH] [--out FILE]
#
# --bin serves (and, when the store is missing, ingests) with that storyline binary instead of building one;
# --out writes the results there instead of Benchmarks/results/server-latest.json. Comparing two
# versions: run each with --bin and its own --out, one after the other, twice, interleaved.
#
# Steps: (1) release build of storyline (scratch dir .build-bench); (2) the articles
# (make_server_corpus.py, seeded; one JSON Lines file, which ingest cuts into segments for every core) and
# the store Benchmarks/data/server/store-N.db, both made once (--regen to rebuild); ingest time and peak
# memory are recorded; (3) the server on a free port; (4) per endpoint, a 3 s warm-up, then wrk for
# DURATION seconds with CONNECTIONS connections on 2 threads, each request the next of the endpoint's
# queries (wrk-paths.lua); (5) a table on stdout and Benchmarks/results/server-latest.json.
# wrk runs on the same machine as the server, so both share its cores.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
COUNT=100000
CONNECTIONS=16
DURATION=20
REGEN=0
BIN=""
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --regen) REGEN=1; shift ;;
    --bin) BIN="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

SCRATCH="${SCRATCH:-.build-bench}"
DATA="$HERE/data/server"
RESULTS="$HERE/results"
mkdir -p "$DATA" "$RESULTS"
ARTICLES="$DATA/articles-$COUNT.jsonl"
DB="$DATA/store-$COUNT.db"

if [ -z "$BIN" ]; then
  echo "== 1/4 release build" >&2
  (cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline >&2)
  BIN="$REPO/$SCRATCH/release/storyline"
fi
[ -x "$BIN" ] || { echo "no storyline binary at $BIN" >&2; exit 1; }
OUT="${OUT:-$RESULTS/server-latest.json}"

echo "== 2/4 articles and store ($DB)" >&2
if [ "$REGEN" = 1 ] || [ ! -f "$ARTICLES" ]; then
  python3 "$HERE/make_server_corpus.py" --count "$COUNT" --out "$ARTICLES" >&2
fi
INGEST_JSON="$DATA/ingest-$COUNT.json"
if [ "$REGEN" = 1 ] || [ ! -f "$DB" ] || [ ! -f "$INGEST_JSON" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  # Ingest cuts the one JSON Lines file into segments read on every core.
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$DATA/ingest-rss.txt" "$BIN" ingest "$ARTICLES" --db "$DB" --quiet
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$COUNT" "$DATA/ingest-rss.txt" "$DB" > "$INGEST_JSON" <<'EOF'
import json, os, sys
start, end, count, rss, db = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
seconds = end - start
print(json.dumps({"articles": count, "seconds": round(seconds, 1), "articlesPerSecond": round(count / seconds, 1),
                  "peakRSSMB": round(int(open(rss).read().split()[-1]) / 1024, 1),
                  "databaseMB": round(os.path.getsize(db) / 1e6, 1)}))
EOF
fi
cat "$INGEST_JSON" >&2

echo "== 3/4 server" >&2
LOG="$DATA/serve.log"
"$BIN" serve --db "$DB" --port 0 > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://[^ ]*/' "$LOG" | head -1 || true)"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { echo "the server did not start:" >&2; cat "$LOG" >&2; exit 1; }
BASE="${URL%/}"
echo "serving at $BASE" >&2

# The static file: the page stylesheet when the binary serves pages, else the OpenAPI document.
STATIC="/static/style.css"
curl -fsS -o /dev/null "$BASE$STATIC" 2>/dev/null || STATIC="/openapi.json"
# Each endpoint is measured over several queries a reader would send (wrk-paths.lua takes them in turn).
ENDPOINTS=(
  "static|$STATIC"
  "timeline|/api/timeline?limit=50 /api/timeline?limit=50&offset=500 /api/timeline?limit=50&entity=trump /api/timeline?limit=50&entity=putin /api/timeline?limit=50&from=2016-09-01&to=2016-11-30 /api/timeline?limit=50&from=2025-02-01&to=2025-03-31"
  "quotes|/api/quotes?about=ceasefire&limit=20 /api/quotes?about=election&limit=20 /api/quotes?about=security%20guarantees&limit=20 /api/quotes?speaker=Trump&limit=20 /api/quotes?speaker=Clinton&about=email&limit=20 /api/quotes?limit=20"
  "search|/api/search?q=ceasefire%20talks&limit=20 /api/search?q=election&limit=20 /api/search?q=minerals%20deal&limit=20 /api/search?q=%22coalition%20of%20the%20willing%22&limit=20 /api/search?q=Clinton%20email&limit=20 /api/search?q=nuclear&limit=20"
)

echo "== 4/4 wrk: $CONNECTIONS connections, ${DURATION}s per endpoint" >&2
RUNS="$DATA/wrk"
mkdir -p "$RUNS"
for entry in "${ENDPOINTS[@]}"; do
  name="${entry%%|*}"; read -r -a paths <<< "${entry#*|}"
  for path in "${paths[@]}"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")"
    [ "$code" = 200 ] || { echo "$path answers $code" >&2; exit 1; }
  done
  wrk -t2 -c"$CONNECTIONS" -d3s -s "$HERE/wrk-paths.lua" "$BASE" -- "${paths[@]}" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/wrk-paths.lua" "$BASE" -- "${paths[@]}" \
    > "$RUNS/$name.txt"
  printf '%s\n' "${paths[@]}" > "$RUNS/$name.paths"
  echo "  $name: ${#paths[@]} queries" >&2
done

python3 - "$RUNS" "$INGEST_JSON" "$COUNT" "$CONNECTIONS" "$DURATION" "$OUT" <<'EOF'
import json, os, re, sys
runs, ingest, count, connections, duration, out = sys.argv[1:7]
def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rows = []
for name in ["static", "timeline", "quotes", "search"]:
    text = open(os.path.join(runs, name + ".txt")).read()
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", text, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: (.*)", text)
    rows.append({
        "endpoint": name,
        "paths": open(os.path.join(runs, name + ".paths")).read().split(),
        "requestsPerSecond": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50ms": ms(lat["50"]), "p99ms": ms(lat["99"]),
        "non2xx": int(errors.group(1)) if errors else 0,
        "socketErrors": socket.group(1) if socket else None,
    })
static = rows[0]["requestsPerSecond"]
for row in rows:
    row["vsStatic"] = round(row["requestsPerSecond"] / static, 3)
result = {"articles": int(count), "connections": int(connections), "durationSeconds": int(duration),
          "machine": f"{os.cpu_count()} cores", "ingest": json.load(open(ingest)), "endpoints": rows}
json.dump(result, open(out, "w"), indent=2)
print(f"{'endpoint':10} {'req/s':>10} {'× static':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
for row in rows:
    print(f"{row['endpoint']:10} {row['requestsPerSecond']:10.1f} {row['vsStatic']:9.3f} {row['p50ms']:8.2f} "
          f"{row['p99ms']:8.2f} {row['non2xx']:8d}")
print(f"store: {count} articles; ingest {result['ingest']}")
EOF
