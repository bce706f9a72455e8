#!/usr/bin/env bash
# The ingest benchmark, in one command: Storyline's HTMLReader side by side with trafilatura on the
# same in-memory HTML pages, 1 core and all cores, plus extraction quality against ground truth.
#
#   Benchmarks/run-ingest-benchmark.sh [--pages N] [--rounds N] [--py-rounds N] [--regen] [--quick]
#
# Steps: (1) venv Benchmarks/.venv with pinned trafilatura (PyPI only); (2) pages in
# Benchmarks/data/pages (generated once, seeded; --regen to rebuild); (3) release build of
# storyline-ingest-bench with its own scratch dir .build-bench; (4) both benchmarks on the same pages;
# (5) quality of both extractions; (6) a table on stdout and Benchmarks/results/ingest-latest.json.
# Environment: PYTHON (default python3) for the venv, SCRATCH (default .build-bench) for SwiftPM.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
PAGES=1000
ROUNDS=5       # Storyline rounds per mode (best is reported)
PY_ROUNDS=2    # trafilatura rounds per mode (best is reported; one round of 1000 pages takes minutes)
REGEN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --py-rounds) PY_ROUNDS="$2"; shift 2 ;;
    --regen) REGEN=1; shift ;;
    --quick) PAGES=200; PY_ROUNDS=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

PYTHON="${PYTHON:-python3}"
SCRATCH="${SCRATCH:-.build-bench}"
VENV="$HERE/.venv"
DATA="$HERE/data"
PAGEDIR="$DATA/pages"
OUT="$DATA/run"
RESULTS="$HERE/results"
mkdir -p "$OUT" "$RESULTS"

# Pinned: trafilatura 2.3.1 and exactly what it pulled in when the benchmark was written.
# lxml 6 moved lxml.html.clean (needed by jusText) to the separate lxml_html_clean package.
PINS=(trafilatura==2.3.1 htmldate==1.11.0 justext==3.0.2 lxml==6.1.3 lxml_html_clean==0.4.6
      courlan==1.4.0 charset-normalizer==3.5.2 dateparser==1.5.0 urllib3==2.8.0)

echo "== 1/5 Python venv ($VENV)" >&2
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("trafilatura") != "2.3.1")' 2>/dev/null \
   || ! "$VENV/bin/python" -c 'import trafilatura' 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${PINS[@]}"
fi

echo "== 2/5 pages ($PAGEDIR)" >&2
have=0
if [ -f "$PAGEDIR/MANIFEST.json" ]; then
  have="$("$VENV/bin/python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' "$PAGEDIR/MANIFEST.json")"
fi
if [ "$REGEN" = 1 ] || [ "$have" != "$PAGES" ]; then
  "$VENV/bin/python" "$HERE/make_pages.py" --out "$PAGEDIR" --pages "$PAGES"
else
  echo "   reusing $have pages" >&2
fi

echo "== 3/5 swift build -c release --scratch-path $SCRATCH --product storyline-ingest-bench" >&2
(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline-ingest-bench >&2)
BIN="$(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/storyline-ingest-bench"

echo "== 4/5 benchmarks (I/O excluded: pages are read into memory before timing)" >&2
echo "   storyline-ingest-bench, $ROUNDS rounds per mode" >&2
"$BIN" "$PAGEDIR" --rounds "$ROUNDS" --dump "$OUT/storyline-dump.jsonl" > "$OUT/storyline.json"
echo "   trafilatura, $PY_ROUNDS rounds per mode (takes a few minutes)" >&2
"$VENV/bin/python" "$HERE/trafilatura_bench.py" "$PAGEDIR" --rounds "$PY_ROUNDS" \
  --dump "$OUT/trafilatura-dump.jsonl" > "$OUT/trafilatura.json"

echo "== 5/5 quality" >&2
"$VENV/bin/python" "$HERE/compare_quality.py" "$PAGEDIR/truth.jsonl" \
  "storyline=$OUT/storyline-dump.jsonl" "trafilatura=$OUT/trafilatura-dump.jsonl" \
  --json "$OUT/quality.json" > "$OUT/quality.txt"

"$VENV/bin/python" - "$OUT" "$RESULTS/ingest-latest.json" "$REPO" <<'PY'
import json, os, platform, subprocess, sys, datetime
out, dest, repo = sys.argv[1], sys.argv[2], sys.argv[3]
sw = json.load(open(os.path.join(out, "storyline.json")))
tr = json.load(open(os.path.join(out, "trafilatura.json")))
quality = json.load(open(os.path.join(out, "quality.json")))
def mode(rep, name):
    return next((m for m in rep["modes"] if m["mode"] == name), None)
def git(*a):
    try:
        return subprocess.run(["git", "-C", repo, *a], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""
mb = 1e6
print()
print(f"Ingest benchmark: {sw['pages']} pages, {sw['bytes'] / mb:.1f} MB of HTML, in memory (I/O excluded); "
      f"best of {sw['rounds']} (Storyline) / {tr['rounds']} (trafilatura) rounds")
print(f"Storyline: HTMLReader.read, release build. trafilatura {tr['versions']['trafilatura']}: "
      f"bare_extraction(with_metadata=True, include_comments=False); both extract main text + metadata.")
print()
hdr = f"{'mode':<14} {'tool':<12} {'pages/s':>9} {'MB/s':>8} {'seconds':>8} {'CPU s':>8} {'pages/CPU-s':>11} {'failed':>6}   {'ratio':>6} {'CPU ratio':>9}"
print(hdr)
print("-" * len(hdr))
ratios, cpu_ratios = {}, {}
for name in ("1 core", "all cores"):
    s, t = mode(sw, name), mode(tr, name)
    if not s or not t:
        continue
    ratio = s["pages_per_s"] / t["pages_per_s"]
    cpu_ratio = s["pages_per_cpu_s"] / t["pages_per_cpu_s"]
    ratios[name] = ratio
    cpu_ratios[name] = cpu_ratio
    label = f"{name} ({s['workers']})" if name == "all cores" else name
    for tool, m in (("storyline", s), ("trafilatura", t)):
        tail = f"   {ratio:>5.1f}x {cpu_ratio:>8.1f}x" if tool == "storyline" else ""
        print(f"{label if tool == 'storyline' else '':<14} {tool:<12} {m['pages_per_s']:>9.1f} {m['mb_per_s']:>8.2f} "
              f"{m['seconds']:>8.2f} {m['cpu_seconds']:>8.2f} {m['pages_per_cpu_s']:>11.1f} {m['failures']:>6}{tail}")
print()
print(f"peak RSS   storyline {sw['peak_rss_bytes'] / mb:.0f} MB (of which {sw['rss_after_load_bytes'] / mb:.0f} MB after loading the pages; one process for both modes)")
print(f"           trafilatura {tr['peak_rss_bytes'] / mb:.0f} MB main process (after load {tr['rss_after_load_bytes'] / mb:.0f} MB), "
      f"largest pool worker {tr['peak_rss_worker_bytes'] / mb:.0f} MB")
goal = min(ratios.values()) if ratios else 0
print("ratio = Storyline pages/s over trafilatura pages/s (wall clock); CPU ratio = the same per CPU-second")
print(f"goal >= 10x trafilatura throughput: {'MET' if goal >= 10 else 'NOT MET'} (lowest ratio {goal:.1f}x)")
print()
print(open(os.path.join(out, "quality.txt")).read())
result = {
    "benchmark": "ingest: HTML pages -> article (main text + metadata)",
    "command": "Benchmarks/run-ingest-benchmark.sh",
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "git_commit": git("rev-parse", "--short", "HEAD"),
    "git_dirty": bool(git("status", "--porcelain", "--", "Sources")),
    "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": tr["python"]},
    "pages": sw["pages"], "bytes": sw["bytes"], "io_excluded": True,
    "storyline": sw, "trafilatura": tr,
    "ratio_pages_per_s": ratios,
    "ratio_pages_per_cpu_s": cpu_ratios,
    "goal_10x_met": goal >= 10,
    "quality": quality,
}
json.dump(result, open(dest, "w"), indent=2)
print(f"written: {os.path.relpath(dest, repo)}")
PY
