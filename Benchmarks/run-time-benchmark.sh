#!/usr/bin/env bash
# The time-tagger benchmark, in one command: Storyline's TimeTagger side by side with dateparser's
# search_dates on the same >= 2 MB of real news text (JSONL, in memory), 1 core and all cores, plus the
# value F1 of both on the evaluation kit's time-expression gold.
#
#   Benchmarks/run-time-benchmark.sh [--rounds N] [--min-seconds S] [--py-rounds N] [--no-quality] [--regen] [--quick]
#
# Steps: (1) venv Benchmarks/.venv with pinned dateparser 1.5.0 (PyPI only); (2) the news text in
# Benchmarks/data/time (built once from ../shared/eval/dev and Examples/corpus, seeded; --regen to
# rebuild); (3) a release build of storyline-time-bench with its own scratch dir .build-bench; (4) both
# benchmarks on the same file; (5) quality: a release build of storyline (same scratch dir), then
# dateparser and `storyline extract` scored with ../shared/eval/score.py --layer timexes; (6) a table on
# stdout and Benchmarks/results/time-latest.json.
# --rounds: Storyline rounds per mode (default 5); --min-seconds: each Storyline round repeats whole
# passes over the text until it has lasted this long (default 2; one pass takes ~0.05 s).
# --py-rounds: dateparser rounds per mode (default 2; one round takes 20-60 s). --quick: the first 120
# documents only, 1 dateparser round, 0.5 s Storyline rounds, no quality (a smoke test, below the
# issue's 2 MB; its record goes to Benchmarks/data/time-run/time-quick.json, not results/).
# Environment: PYTHON (default python3) for the venv, SCRATCH (default .build-bench) for SwiftPM.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
SHARED_DEV="$(dirname "$REPO")/shared/eval/dev"
ROUNDS=5       # Storyline rounds per mode (best is reported)
MIN_SECONDS=2  # Storyline: each round repeats passes over the text for at least this long
PY_ROUNDS=2    # dateparser rounds per mode (best is reported)
LIMIT=""       # documents (all by default)
QUALITY=1
REGEN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --min-seconds) MIN_SECONDS="$2"; shift 2 ;;
    --py-rounds) PY_ROUNDS="$2"; shift 2 ;;
    --no-quality) QUALITY=0; shift ;;
    --regen) REGEN=1; shift ;;
    --quick) LIMIT=120; PY_ROUNDS=1; MIN_SECONDS=0.5; QUALITY=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -d "$SHARED_DEV" ]; then
  echo "error: the evaluation kit is missing: $SHARED_DEV does not exist." >&2
  echo "       The benchmark reads its news text from ../shared/eval/dev beside the repository." >&2
  exit 1
fi

PYTHON="${PYTHON:-python3}"
SCRATCH="${SCRATCH:-.build-bench}"
VENV="$HERE/.venv"
DATA="$HERE/data/time"
OUT="$HERE/data/time-run"
RESULTS="$HERE/results"
mkdir -p "$OUT" "$RESULTS"

# Pinned: dateparser 1.5.0 and exactly what it pulled in when the benchmark was written.
PINS=(dateparser==1.5.0 python-dateutil==4.0.0 pytz==2026.6 regex==2026.11.15 tzlocal==5.4.5 tzdata==2026.6)

echo "== 1/5 Python venv ($VENV)" >&2
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("dateparser") != "1.5.0")' 2>/dev/null \
   || ! "$VENV/bin/python" -c 'import dateparser.search' 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${PINS[@]}"
fi

echo "== 2/5 news text ($DATA)" >&2
if [ "$REGEN" = 1 ] || [ ! -f "$DATA/news.jsonl" ] || [ ! -f "$DATA/MANIFEST.json" ]; then
  "$VENV/bin/python" "$HERE/make_news_text.py" --out "$DATA"
else
  echo "   reusing $DATA/news.jsonl" >&2
fi

echo "== 3/5 swift build -c release --scratch-path $SCRATCH --product storyline-time-bench" >&2
(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline-time-bench >&2)
BIN_DIR="$(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"

echo "== 4/5 benchmarks (I/O excluded: the records are loaded into memory before timing)" >&2
LIMIT_ARGS=()
if [ -n "$LIMIT" ]; then LIMIT_ARGS=(--limit "$LIMIT"); fi
echo "   storyline-time-bench, $ROUNDS rounds of >= $MIN_SECONDS s per mode" >&2
"$BIN_DIR/storyline-time-bench" "$DATA/news.jsonl" --rounds "$ROUNDS" --min-seconds "$MIN_SECONDS" ${LIMIT_ARGS[@]+"${LIMIT_ARGS[@]}"} \
  > "$OUT/storyline.json"
echo "   dateparser, $PY_ROUNDS rounds per mode (takes minutes)" >&2
"$VENV/bin/python" "$HERE/dateparser_bench.py" "$DATA/news.jsonl" --rounds "$PY_ROUNDS" \
  ${LIMIT_ARGS[@]+"${LIMIT_ARGS[@]}"} > "$OUT/dateparser.json"

rm -f "$OUT/quality.json"
if [ "$QUALITY" = 1 ]; then
  echo "== 5/5 quality (value F1 against the gold time expressions)" >&2
  echo "   swift build -c release --scratch-path $SCRATCH --product storyline" >&2
  (cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline >&2)
  # gold name : input file : gold file
  for spec in "seeds:$SHARED_DEV/seeds-input.jsonl:$SHARED_DEV/seeds-gold.jsonl" \
             "timebank-aquaint:$SHARED_DEV/timebank-aquaint-gold.jsonl:$SHARED_DEV/timebank-aquaint-gold.jsonl"; do
    IFS=: read -r name input gold <<<"$spec"
    "$BIN_DIR/storyline" extract < "$input" > "$OUT/$name-storyline.jsonl"
    "$VENV/bin/python" "$HERE/dateparser_bench.py" "$input" --tag-output "$OUT/$name-dateparser.jsonl" \
      --tag-output-period "$OUT/$name-dateparser-period.jsonl"
    for tool in storyline dateparser dateparser-period; do
      python3 "$SHARED_DEV/../score.py" "$gold" "$OUT/$name-$tool.jsonl" --layer timexes --json \
        > "$OUT/$name-$tool.score.json" 2>/dev/null
    done
  done
  "$VENV/bin/python" - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
q = {}
for name in ("seeds", "timebank-aquaint"):
    for tool in ("storyline", "dateparser", "dateparser-period"):
        t = json.load(open(os.path.join(out, f"{name}-{tool}.score.json")))["timexes"]
        q.setdefault(name, {})[tool] = {
            "documents": t["documents"], "gold": t["gold"], "system": t["system"],
            "span_strict_f1": t["strict"]["f1"], "span_lenient_f1": t["lenient"]["f1"],
            "value_accuracy": t["value"]["accuracy"], "value_f1": t["e2e_value"]["f1"],
            "value_precision": t["e2e_value"]["precision"], "value_recall": t["e2e_value"]["recall"]}
json.dump(q, open(os.path.join(out, "quality.json"), "w"), indent=2)
PY
else
  echo "== 5/5 quality: skipped" >&2
fi

# A --quick run is a smoke test: its record stays out of results/ (the committed figures).
DEST="$RESULTS/time-latest.json"
if [ -n "$LIMIT" ]; then DEST="$OUT/time-quick.json"; fi
"$VENV/bin/python" - "$OUT" "$DEST" "$REPO" "$DATA/MANIFEST.json" "$LIMIT" <<'PY'
import datetime, json, os, platform, subprocess, sys
out, dest, repo, manifest_path, limit = sys.argv[1:6]
sw = json.load(open(os.path.join(out, "storyline.json")))
dp = json.load(open(os.path.join(out, "dateparser.json")))
manifest = json.load(open(manifest_path))
qpath = os.path.join(out, "quality.json")
quality = json.load(open(qpath)) if os.path.exists(qpath) else None
if (sw["documents"], sw["bytes"], sw["words"]) != (dp["documents"], dp["bytes"], dp["words"]):
    sys.exit(f"the two sides did not read the same text: storyline {sw['documents']} docs / {sw['bytes']} bytes / "
             f"{sw['words']} words, dateparser {dp['documents']} / {dp['bytes']} / {dp['words']}")
if not limit and (sw["words"], sw["bytes"]) != (manifest["words"], manifest["text_bytes"]):
    sys.exit("the word or byte count differs from MANIFEST.json: the word definitions disagree")

def mode(rep, name):
    return next((m for m in rep["modes"] if m["mode"] == name), None)

def git(*a):
    try:
        return subprocess.run(["git", "-C", repo, *a], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""

def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()

mb = 1e6
print()
print(f"Time-tagger benchmark: {sw['documents']} news documents, {sw['bytes'] / mb:.2f} MB of UTF-8 text, "
      f"{sw['words']:,} words, in memory (I/O excluded)")
print(f"best of {sw['rounds']} rounds of >= {sw['min_seconds_per_round']:g} s (Storyline, repeated passes; "
      f"time per pass) / best of {dp['rounds']} single-pass rounds (dateparser) per mode")
print(f"Storyline: {sw['tagger']}")
print(f"dateparser {dp['versions']['dateparser']}: {dp['tagger']}")
print("words = whitespace-separated tokens (runs of non-ASCII-whitespace bytes)")
print()
hdr = (f"{'mode':<15} {'tool':<11} {'words/s':>12} {'MB/s':>8} {'docs/s':>9} {'seconds':>8} {'CPU s':>7} "
       f"{'words/CPU-s':>12} {'found':>6} {'failed':>6}   {'ratio':>7} {'CPU ratio':>9}")
print(hdr)
print("-" * len(hdr))
ratios, cpu_ratios = {}, {}
for name in ("1 core", "all cores"):
    s, d = mode(sw, name), mode(dp, name)
    if not s or not d:
        continue
    ratios[name] = s["words_per_s"] / d["words_per_s"]
    cpu_ratios[name] = s["words_per_cpu_s"] / d["words_per_cpu_s"]
    label = f"{name} ({s['workers']})" if name == "all cores" else name
    for tool, m, found, failed in (("storyline", s, s["found"]["timexes"], 0),
                                   ("dateparser", d, d["expressions"], d["failures"])):
        tail = f"   {ratios[name]:>6.0f}x {cpu_ratios[name]:>8.0f}x" if tool == "storyline" else ""
        print(f"{label if tool == 'storyline' else '':<15} {tool:<11} {m['words_per_s']:>12,.0f} {m['mb_per_s']:>8.3f} "
              f"{m['documents_per_s']:>9.1f} {m['seconds']:>8.3f} {m['cpu_seconds']:>7.3f} {m['words_per_cpu_s']:>12,.0f} "
              f"{found:>6} {failed:>6}{tail}")
print()
print(f"peak RSS   storyline {sw['peak_rss_bytes'] / mb:.0f} MB (after loading the records: "
      f"{sw['rss_after_load_bytes'] / mb:.0f} MB; one process for both modes)")
print(f"           dateparser {dp['peak_rss_bytes'] / mb:.0f} MB main process (after load "
      f"{dp['rss_after_load_bytes'] / mb:.0f} MB), largest pool worker {dp['peak_rss_worker_bytes'] / mb:.0f} MB")
print("found = time expressions found (Storyline: TIMEX3 of all types; dateparser: (substring, datetime) pairs)")
print("ratio = Storyline words/s over dateparser words/s (wall clock); CPU ratio = the same per CPU-second")
one = ratios.get("1 core", 0)
print(f"goal >= 100x dateparser's words/s on one core: {'MET' if one >= 100 else 'NOT MET'} ({one:.0f}x)")
if quality:
    print()
    print("Quality: end-to-end timex value F1 (score.py --layer timexes; lenient span match + equal value)")
    print(f"{'gold':<18} {'docs':>5} {'gold timexes':>12}   {'storyline':>9} {'dateparser':>10} {'dateparser, period-aware':>24}")
    for name, q in quality.items():
        print(f"{name:<18} {q['storyline']['documents']:>5} {q['storyline']['gold']:>12}   "
              f"{q['storyline']['value_f1']:>9.3f} {q['dateparser']['value_f1']:>10.3f} "
              f"{q['dateparser-period']['value_f1']:>24.3f}")
    print("dateparser: value = the ISO date it returns; period-aware: the value cut to the precision")
    print("DateDataParser reports for the substring (1998 / 1998-08 / 1998-W33 / day / time)")
result = {
    "benchmark": "time tagger: news text -> time expressions",
    "command": "Benchmarks/run-time-benchmark.sh" + (" --quick" if limit else ""),
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "git_commit": git("rev-parse", "--short", "HEAD"),
    "git_dirty": bool(git("status", "--porcelain", "--", "Sources")),
    "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "cpu_model": cpu_model(),
                "python": dp["python"]},
    "text": {**{k: manifest[k] for k in ("documents", "unique_documents", "repeated_documents", "text_bytes",
                                         "unique_text_bytes", "words", "unique_words", "seed", "sources")},
             "used_documents": sw["documents"], "used_bytes": sw["bytes"], "used_words": sw["words"],
             "word_definition": manifest["word_definition"]},
    "io_excluded": True,
    "storyline": sw, "dateparser": dp,
    "ratio_words_per_s": ratios,
    "ratio_words_per_cpu_s": cpu_ratios,
    "goal_100x_one_core_met": one >= 100,
    "quality_timex_value_f1": quality,
}
json.dump(result, open(dest, "w"), indent=2)
print()
print(f"written: {os.path.relpath(dest, repo)}")
PY
