#!/usr/bin/env bash
# The long server load run of issue 9 (RELIABILITY.md, "Server"): `storyline serve` over the example corpus under
# `wrk` at 64 and then 256 connections, 60 s each, every connection cycling through the API and page routes.
# Reports, per run, requests served, requests/s, socket errors (connect, read, write, timeout), non-2xx answers
# and the latency percentiles (p50, p99), and fails (exit 1) on any error or non-2xx answer.
#
#   Benchmarks/run-server-load.sh [--duration S] [--connections "64 256"]
#
# Environment: STORYLINE_BIN, a storyline binary to use (default: a release build in SCRATCH, default
# .build-bench, built first). Needs wrk (Debian: apt-get install -y wrk) and curl.
# wrk runs on the same machine as the server, so both share its cores.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
DURATION=60
CONNECTIONS="64 256"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [ -z "${STORYLINE_BIN:-}" ]; then
  SCRATCH="${SCRATCH:-.build-bench}"
  echo "== release build ($SCRATCH)" >&2
  (cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline >&2)
  STORYLINE_BIN="$REPO/$SCRATCH/release/storyline"
fi

WORK="$(mktemp -d)"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

DB="$WORK/corpus.db"
"$STORYLINE_BIN" ingest "$REPO/Examples/corpus" --db "$DB" --quiet >&2
ID="$("$STORYLINE_BIN" articles --json --db "$DB" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')"

"$STORYLINE_BIN" serve --db "$DB" --port 0 > "$WORK/serve.log" 2>&1 &
SERVER=$!
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://[^ ]*/' "$WORK/serve.log" | head -1 || true)"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { echo "the server did not start:" >&2; cat "$WORK/serve.log" >&2; exit 1; }
BASE="${URL%/}"
echo "serving $DB at $BASE" >&2

PATHS=(
  "/api/articles" "/api/entities" "/api/quotes?speaker=trump" "/api/timeline" "/api/stories"
  "/api/search?q=ceasefire" "/api/events?type=CONSULT" "/api/articles/$ID" "/timeline" "/articles/$ID"
  "/quotes" "/static/style.css" "/openapi.json"
)
for path in "${PATHS[@]}"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")"
  [ "$code" = 200 ] || { echo "$path answers $code" >&2; exit 1; }
done

# Each connection cycles through the paths; wrk counts non-2xx/3xx answers itself, and the script counts 5xx.
LUA="$WORK/paths.lua"
{
  echo "local paths = {"
  for path in "${PATHS[@]}"; do echo "  \"$path\","; done
  cat <<'EOF'
}
-- Globals, not locals: done() reads each thread's server_errors with thread:get.
counter = 0
server_errors = 0
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = id
  server_errors = 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local fivexx = 0
  for _, thread in ipairs(threads) do fivexx = fivexx + (thread:get("server_errors") or 0) end
  io.write(string.format("5xx: %d\n", fivexx))
end
EOF
} > "$LUA"

status=0
printf '%-12s %10s %10s %8s %8s %8s %8s %8s\n' connections requests "req/s" errors non2xx 5xx "p50 ms" "p99 ms"
for connections in $CONNECTIONS; do
  threads=2
  out="$WORK/wrk-$connections.txt"
  wrk -t"$threads" -c"$connections" -d"${DURATION}s" --timeout 10s --latency -s "$LUA" "$BASE" > "$out"
  python3 - "$out" "$connections" <<'EOF' || status=1
import re, sys
text, connections = open(sys.argv[1]).read(), sys.argv[2]
def ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", text, re.M))
requests = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = sum(map(int, socket.groups())) if socket else 0
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
non2xx = int(non2xx.group(1)) if non2xx else 0
fivexx = int(re.search(r"^5xx: (\d+)", text, re.M).group(1))
print(f"{connections:12} {requests:10d} {rps:10.1f} {errors:8d} {non2xx:8d} {fivexx:8d} "
      f"{ms(latency['50']):8.2f} {ms(latency['99']):8.2f}")
if socket: print(f"  socket errors: {socket.group(0)}")
sys.exit(1 if errors or non2xx or fivexx else 0)
EOF
done
kill -0 "$SERVER" 2>/dev/null || { echo "the server died during the run" >&2; status=1; }
exit $status
