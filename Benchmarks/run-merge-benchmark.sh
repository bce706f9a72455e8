#!/usr/bin/env bash
# The merge benchmark, in one command: does cross-document merging stay incremental? Generates a
# deterministic stream of real-shaped articles (no network), adds them one by one to StoryClusterer (stories,
# threads, near-duplicate index) and their event reports to EventMerger, and reports the cost per added article
# block by block (1,000 articles a block) from the first article to the last.
#
#   Benchmarks/run-merge-benchmark.sh [--articles N] [--seed S] [--days D] [--block B] [--no-encode] [--quick]
#
# Steps: (1) a release build of storyline-merge-bench with its own scratch dir (.build-mb); (2) the run, with
# --json, its raw record in Benchmarks/data/merge-run/storyline.json; (3) a table on stdout and
# Benchmarks/results/merge-latest.json (machine, git commit, date, the figures; small, meant to be committed).
# Defaults: 100,000 articles over 730 days (137 a day), seed 20261207, blocks of 1,000; the run takes about
# 10 minutes on 2 shared cores. --quick: 10,000 articles over 73 days (the same 137 a day), record to
# Benchmarks/data/merge-run/merge-quick.json, not results/.
# Environment: SCRATCH (default .build-mb) for SwiftPM, PYTHON (default python3) for the table.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
ARTICLES=100000
DAYS=730
SEED=20261207
BLOCK=1000
QUICK=0
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) ARTICLES="$2"; shift 2 ;;
    --days) DAYS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --block) BLOCK="$2"; shift 2 ;;
    --no-encode) EXTRA+=(--no-encode); shift ;;
    --quick) QUICK=1; ARTICLES=10000; DAYS=73; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

PYTHON="${PYTHON:-python3}"
SCRATCH="${SCRATCH:-.build-mb}"
OUT="$HERE/data/merge-run"
RESULTS="$HERE/results"
mkdir -p "$OUT" "$RESULTS"

# What is measured is the working tree at build time: record its commit and uncommitted source files now.
git -C "$REPO" rev-parse --short HEAD > "$OUT/git-commit.txt" 2>/dev/null || echo "" > "$OUT/git-commit.txt"
git -C "$REPO" status --porcelain -- Sources Package.swift > "$OUT/git-status.txt" 2>/dev/null || : > "$OUT/git-status.txt"

echo "== 1/3 swift build -c release --scratch-path $SCRATCH --product storyline-merge-bench" >&2
(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline-merge-bench >&2)
BIN_DIR="$(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"

echo "== 2/3 storyline-merge-bench --articles $ARTICLES --days $DAYS --seed $SEED --block $BLOCK" >&2
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
(cd "$REPO" && "$BIN_DIR/storyline-merge-bench" --articles "$ARTICLES" --days "$DAYS" --seed "$SEED" \
  --block "$BLOCK" ${EXTRA[@]+"${EXTRA[@]}"} --json) > "$OUT/storyline.json"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"

echo "== 3/3 results" >&2
DEST="$RESULTS/merge-latest.json"
COMMAND="Benchmarks/run-merge-benchmark.sh"
if [ "$QUICK" = 1 ]; then DEST="$OUT/merge-quick.json"; COMMAND="$COMMAND --quick"; fi
if [ "$ARTICLES" != 100000 ] && [ "$QUICK" = 0 ]; then COMMAND="$COMMAND --articles $ARTICLES --days $DAYS"; fi
"$PYTHON" - "$OUT/storyline.json" "$DEST" "$REPO" "$COMMAND" "$LOAD_BEFORE" "$LOAD_AFTER" "$OUT" <<'PY'
import datetime, json, os, platform, subprocess, sys
raw, dest, repo, command, load_before, load_after, out = sys.argv[1:8]
r = json.load(open(raw))
commit = open(os.path.join(out, "git-commit.txt")).read().strip()
dirty = [l[3:] for l in open(os.path.join(out, "git-status.txt")).read().splitlines() if len(l) > 3]

def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()

def swift_version():
    try:
        out = subprocess.run(["swift", "--version"], capture_output=True, text=True)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return ""

mb = 1e6
print()
print(f"Merge benchmark: {r['articles']:,} generated articles over {r['days']} days "
      f"({r['articles'] / r['days']:.0f} a day), {r['generated']['reports']:,} event reports, "
      f"{r['generated']['words']:,} words; seed {r['seed']}; blocks of {r['block_size']:,}")
print("cost per added article = StoryClusterer.add + EventMerger.add of its reports (generation untimed)")
print()
hdr = (f"{'archive':>9} {'wall µs':>9} {'CPU µs':>8} {'stories µs':>11} {'events µs':>10} {'µs/report':>10} "
       f"{'med5 wall':>10} {'med5 CPU':>9} {'stories':>8} {'events':>9} {'RSS MB':>7}")
print(hdr)
print("-" * len(hdr))
for c in r["checkpoints"]:
    print(f"{c['articles']:>9,} {c['wall_us_per_article']:>9.0f} {c['cpu_us_per_article']:>8.0f} "
          f"{c['story_us_per_article']:>11.0f} {c['event_us_per_article']:>10.0f} {c['event_us_per_report']:>10.1f} "
          f"{c['median5_wall_us_per_article']:>10.0f} {c['median5_cpu_us_per_article']:>9.0f} {c['stories']:>8,} "
          f"{c['events']:>9,} {c['rss_bytes'] / mb:>7.0f}")
print()
q = r["ratios"]
print(f"last block / first block: wall {q['last_over_first_block_wall']:.2f}x, CPU {q['last_over_first_block_cpu']:.2f}x "
      f"(median of last 5 / first 5 blocks: wall {q['median_last5_over_median_first5_wall']:.2f}x, "
      f"CPU {q['median_last5_over_median_first5_cpu']:.2f}x)")
if "last_over_10k_block_cpu" in q:
    print(f"last block / block at 10k: wall {q['last_over_10k_block_wall']:.2f}x, CPU {q['last_over_10k_block_cpu']:.2f}x")
print(f"total: {r['totals']['wall_s']:.1f} s wall, {r['totals']['cpu_s']:.1f} s CPU "
      f"(stories {r['totals']['story_s']:.1f} s, events {r['totals']['event_s']:.1f} s); peak RSS "
      f"{r['peak_rss_bytes'] / mb:.0f} MB")
e = r.get("encoded")
if e:
    print(f"encoded state (JSONEncoder, sorted keys): StoryClusterer {e['story_clusterer_bytes'] / mb:.1f} MB in "
          f"{e['story_clusterer_seconds']:.2f} s, EventMerger {e['event_merger_bytes'] / mb:.1f} MB in "
          f"{e['event_merger_seconds']:.2f} s; peak RSS after encoding {e['peak_rss_after_encoding_bytes'] / mb:.0f} MB")
f = r["final"]
print(f"final: {f['stories']:,} stories ({f['stories_with_2_or_more_articles']:,} with 2+ articles, largest "
      f"{f['largest_story_articles']:,}), {f['events']:,} events from {f['reports']:,} reports "
      f"({f['events_with_2_or_more_reports']:,} with 2+ reports), near-duplicates found {f['duplicates_found']:,} "
      f"of {f['generated_copies']:,} generated copies")

result = {
    "benchmark": r["benchmark"],
    "command": command,
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "git_commit": commit,
    "git_dirty": bool(dirty),
    "git_dirty_files_at_build": dirty,
    "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "cpu_model": cpu_model(),
                "swift": swift_version(), "load_average_before": load_before, "load_average_after": load_after,
                "note": "shared machine: 2 cores used by other jobs too"},
    **{k: v for k, v in r.items() if k != "benchmark"},
}
json.dump(result, open(dest, "w"), indent=1)
print()
print(f"written: {os.path.relpath(dest, repo)}")
PY
