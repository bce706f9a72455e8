# Steps 1–3 of the benchmarks that compare Storyline with a spaCy-based peer (run-entity-benchmark.sh,
# run-quote-benchmark.sh); sourced, not run. Expects HERE, REPO, PYTHON, SCRATCH, VENV, DATA, REGEN, PINS (the
# pinned packages) and VENV_CHECK (Python code that exits 0 when the venv already has those pins); sets BIN_DIR.

echo "== 1/5 Python venv ($VENV)" >&2
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
if ! "$VENV/bin/python" -c "$VENV_CHECK" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${PINS[@]}"
fi

echo "== 2/5 news text ($DATA)" >&2
if [ "$REGEN" = 1 ] || [ ! -f "$DATA/news.jsonl" ]; then
  "$VENV/bin/python" "$HERE/make_news_text.py" --out "$DATA"
fi

echo "== 3/5 swift build -c release --scratch-path $SCRATCH (storyline-train-ner, storyline)" >&2
(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline-train-ner >&2)
(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product storyline >&2)
BIN_DIR="$(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
