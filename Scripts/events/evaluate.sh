#!/usr/bin/env bash
# Scores `storyline extract` events, and their merging across articles, on the event evaluation
# set in Tests/Fixtures/events (27 articles written for this project; see its README.md).
#
#   Scripts/events/evaluate.sh [path/to/storyline] [--errors] [--json]
#
# The storyline binary defaults to .build/release/storyline (build it first with
# `swift build -c release`); paths are taken from the repository root, wherever you run it from.
# It runs `storyline extract < Tests/Fixtures/events/articles.jsonl`, keeps the output in
# ${TMPDIR:-/tmp}/storyline-events-extract.jsonl, and prints the score of
# Scripts/events/score_events.py (event P/R/F1 and per type, argument accuracy, merged-event
# pairwise/B3 scores and merged-event precision/recall); --errors and --json are passed on to it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin=".build/release/storyline"
if [[ $# -gt 0 && "$1" != --* ]]; then
    bin="$1"
    shift
fi
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
if [[ ! -x "$bin" ]]; then
    echo "evaluate.sh: no storyline binary at $bin (build with 'swift build -c release' or pass its path)" >&2
    exit 2
fi
fixtures="$root/Tests/Fixtures/events"
out="${TMPDIR:-/tmp}/storyline-events-extract.jsonl"
status=0
"$bin" extract < "$fixtures/articles.jsonl" > "$out" || status=$?
if [[ $status -ne 0 ]]; then
    echo "evaluate.sh: storyline extract exited with status $status; scoring what it wrote ($out)" >&2
fi
python3 "$root/Scripts/events/score_events.py" "$fixtures/gold.jsonl" "$out" --articles "$fixtures/articles.jsonl" "$@"
