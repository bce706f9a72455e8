#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/Package.swift) and runs each for a given time.
#
#   Fuzz/run.sh [SECONDS] [HARNESS...]      # default: 600 s each, all harnesses, one after the other
#
# HARNESS is a name without its "fuzz-" prefix or with it: html feed warc jsonl sentences quotations time extract.
# Environment: FUZZ_JOBS=N runs N harnesses at once (default 1); FUZZ_NO_BUILD=1 skips the build; FUZZ_NICE=N
# runs them under `nice -n N` (default 10).
#
# Each harness fuzzes a working corpus, Fuzz/corpus/<harness>/ (seeded from the committed Fuzz/Seeds/<harness>/,
# kept between runs), with:
#   -timeout=1          an input that takes over one second is a hang,
#   -rss_limit_mb=2048  and one that takes over 2 GiB a memory blow-up (-malloc_limit_mb the same),
#   -max_len            per harness (64 KB for the readers, 16 KB for text, 8 KB for the whole pipeline),
#   -dict               Fuzz/Dictionaries/<harness>.dict when there is one.
# Crashes, hangs and OOMs are written to Fuzz/artifacts/<harness>/ (crash-*, timeout-*, oom-*, slow-unit-*); the
# log of each run is Fuzz/logs/<harness>.log. At the end it prints per harness: seconds, execs, exec/s,
# coverage (cov/ft), corpus size and the artifacts found. Exit status 1 when any harness found something.
#
# The hang limit is wall-clock time: run it on an otherwise quiet machine, or slow-but-linear inputs (the instrumented
# extract pipeline takes 70-100 us a byte on a loaded 2-core machine) are reported as timeouts; replay an artifact
# with Fuzz/.build/release/fuzz-<harness> FILE to see its time.
#
# Needs what .ci/run installs (libxml2-dev, zlib1g-dev, pkg-config) and a Swift toolchain with libFuzzer (the
# swift.org Linux toolchains have it).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
all=(html feed warc jsonl sentences quotations time extract)
harnesses=()
for name in "${@:-${all[@]}}"; do harnesses+=("${name#fuzz-}"); done
jobs=${FUZZ_JOBS:-1}
niceness=${FUZZ_NICE:-10}

max_len() {
    case "$1" in
        html | feed | warc | jsonl) echo 65536 ;;
        extract) echo 8192 ;;
        *) echo 16384 ;;
    esac
}

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    echo "fuzz: building the harnesses (release, -sanitize=fuzzer,address)"
    nice -n "$niceness" swift build -c release --package-path Fuzz --scratch-path Fuzz/.build \
        -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" || true
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: build failed" >&2; exit 2; }
fi
bin=Fuzz/.build/release

run_one() {
    local h=$1
    local corpus=Fuzz/corpus/fuzz-$h artifacts=Fuzz/artifacts/fuzz-$h log=Fuzz/logs/fuzz-$h.log
    mkdir -p "$corpus" "$artifacts" Fuzz/logs
    cp -n Fuzz/Seeds/fuzz-$h/* "$corpus"/ 2>/dev/null || true
    local dict=()
    [ -f "Fuzz/Dictionaries/fuzz-$h.dict" ] && dict=("-dict=Fuzz/Dictionaries/fuzz-$h.dict")
    # -fork keeps going after a crash, hang or OOM (each is saved as an artifact), so one bug does not end the run.
    # ASan's leak check is off: libxml2 and the Swift runtime keep global caches that are not leaks of one input.
    ASAN_OPTIONS=detect_leaks=0 nice -n "$niceness" "$bin/fuzz-$h" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -max_len="$(max_len "$h")" -print_final_stats=1 "${dict[@]}" \
        -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1 || true
}

summary() {
    local h=$1 log=Fuzz/logs/fuzz-$1.log
    # The fork mode's last status line: "#N: cov: C ft: F corp: K exec/s: E oom/timeout/crash: O/T/C time: Ss".
    local last
    last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -1 || true)
    local execs cov ft corp eps='' crashes secs
    execs=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last")
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
    crashes=$(sed -nE 's/.* oom\/timeout\/crash: ([0-9]+\/[0-9]+\/[0-9]+).*/\1/p' <<<"$last")
    secs=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")
    # The average over the run (the status line's exec/s is that of its last interval).
    [ -n "$execs" ] && [ "${secs:-0}" -gt 0 ] && eps=$((execs / secs))
    local found
    found=$(find "Fuzz/artifacts/fuzz-$h" -maxdepth 1 -type f -newer "$log.start" 2>/dev/null | wc -l)
    printf '%-16s %7s %12s %8s %7s %7s %7s %-16s %s\n' "fuzz-$h" "${secs:-?}" "${execs:-?}" "${eps:-?}" \
        "${cov:-?}" "${ft:-?}" "${corp:-?}" "${crashes:-?}" "$found"
}

status=0
running=0
for h in "${harnesses[@]}"; do
    [ -x "$bin/fuzz-$h" ] || { echo "fuzz: no harness fuzz-$h" >&2; exit 2; }
    mkdir -p Fuzz/logs && touch "Fuzz/logs/fuzz-$h.log.start"
    echo "fuzz: running fuzz-$h for ${seconds}s (log Fuzz/logs/fuzz-$h.log)"
    run_one "$h" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait || true

echo
printf '%-16s %7s %12s %8s %7s %7s %7s %-16s %s\n' harness seconds execs exec/s cov ft corpus \
    oom/timeout/crash "new artifacts"
for h in "${harnesses[@]}"; do
    line=$(summary "$h")
    echo "$line"
    [ "$(awk '{print $NF}' <<<"$line")" = 0 ] || status=1
done
exit "$status"
