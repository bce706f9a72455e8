#!/usr/bin/env bash
# Scores `storyline extract` entities on the two NER dev sets (run from the repository root after
# `swift build -c release --scratch-path .build-ner --product storyline`).
#   Scripts/ner/score_dev.sh [BUILD_DIR] [--errors]
set -euo pipefail
bin="${1:-.build-ner/release}/storyline"
shift || true
eval_dir=../shared/eval
"$bin" extract < "$eval_dir/dev/gum-news-gold.jsonl" > /tmp/ner-gum.jsonl
"$bin" extract < "$eval_dir/dev/seeds-input.jsonl" > /tmp/ner-seeds.jsonl
echo "== gum-news"
python3 "$eval_dir/score.py" "$eval_dir/dev/gum-news-gold.jsonl" /tmp/ner-gum.jsonl --layer entities "$@"
echo "== seeds"
python3 "$eval_dir/score.py" "$eval_dir/dev/seeds-gold.jsonl" /tmp/ner-seeds.jsonl --layer entities "$@"
