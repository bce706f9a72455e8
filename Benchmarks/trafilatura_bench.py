#!/usr/bin/env python3
"""Throughput of trafilatura on a directory of HTML pages: the Python side of the ingest benchmark.

All `*.html` files are read into memory first (file I/O is NOT timed), then every page goes through
`trafilatura.bare_extraction(bytes, with_metadata=True, include_comments=False)`: main text AND
metadata (title, author, date via htmldate, site name, URL...), the same work Storyline's
HTMLReader does. `with_metadata` is off by default in trafilatura 2.x and is switched on here on
purpose; comments are switched off because Storyline does not extract comments either. Everything
else is trafilatura's default (the standard, non-`fast` mode with its fallback extractors).

Modes: one process (a plain loop) and a pool of N worker processes (default: all cores) over the
same pages, each best of `--rounds`. `--dump` keeps title/date/text strings from the single-process
rounds (a negligible cost) and writes them afterwards. Peak RSS from `resource.getrusage` (this process, and the
largest worker for the pool). Output: one JSON object on standard output.

Usage: trafilatura_bench.py <pages-dir> [--rounds 2] [--procs N] [--limit N] [--fast] [--dump out.jsonl]
"""
import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time

import trafilatura

OPTIONS = dict(with_metadata=True, include_comments=False)
_PAGES = None  # pages in each worker (inherited via fork)
_FAST = False


def extract(data):
    return trafilatura.bare_extraction(data, fast=_FAST, **OPTIONS)


def tally_of(doc):
    if doc is None:
        return (0, 1, 0, 0, 0)
    text = doc.text or ""
    return (1, 0, len(text), 1 if doc.title else 0, 1 if doc.date else 0)


def run_range(bounds, keep=None):
    """Extracts pages lo..<hi; with `keep` (a list), also records (title, date, text) for the dump."""
    lo, hi = bounds
    acc = [0, 0, 0, 0, 0]
    for i in range(lo, hi):
        try:
            doc = extract(_PAGES[i])
            t = tally_of(doc)
            if keep is not None:
                keep.append(None if doc is None else (doc.title, doc.date, doc.text or ""))
        except Exception as e:  # noqa: BLE001 - a failing page counts as a failure, like a thrown error in Swift
            t = (0, 1, 0, 0, 0)
            if keep is not None:
                keep.append(repr(e))
        for k in range(5):
            acc[k] += t[k]
    return acc


def cpu_now():
    """User + system CPU seconds of this process plus its reaped children (the pool workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        u = resource.getrusage(who)
        total += u.ru_utime + u.ru_stime
    return total


def main():
    global _PAGES, _FAST
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--procs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--fast", action="store_true", help="trafilatura's fast mode (no fallback extractors)")
    ap.add_argument("--dump", help="write extracted title/date/text per page (kept from the single-process rounds) to this JSONL")
    args = ap.parse_args()
    _FAST = args.fast

    names = sorted(n for n in os.listdir(args.directory) if n.endswith((".html", ".htm")))[: args.limit]
    pages = []
    for n in names:
        with open(os.path.join(args.directory, n), "rb") as f:
            pages.append(f.read())
    _PAGES = pages
    total = sum(len(p) for p in pages)
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    run_range((0, min(5, len(pages))))  # warm-up, untimed: imports, regex compilation, caches

    def measure(mode, workers, fn):
        times, cpu, last = [], [], None
        for _ in range(args.rounds):
            c0 = cpu_now()
            t0 = time.perf_counter()
            last = fn()
            times.append(time.perf_counter() - t0)
            cpu.append(cpu_now() - c0)
        best = min(times)
        best_cpu = cpu[times.index(best)]
        return {"mode": mode, "workers": workers, "pages": len(pages), "bytes": total, "seconds": best,
                "pages_per_s": len(pages) / best, "mb_per_s": total / 1e6 / best, "round_seconds": times,
                "cpu_seconds": best_cpu, "pages_per_cpu_s": len(pages) / best_cpu,
                "articles": last[0], "failures": last[1], "with_title": last[3], "with_date": last[4]}

    # The dump comes from the single-process rounds (only title/date/text strings are kept, not the trees).
    kept = []

    def single():
        kept.clear()
        return run_range((0, len(pages)), kept if args.dump else None)

    modes = [measure("1 core", 1, single)]

    # Pool: workers are forked after the pages are in memory (no per-page pickling of the HTML), then
    # fed small index ranges for load balance. Pool start-up is inside the timing.
    step = max(1, len(pages) // (args.procs * 16))
    chunks = [(i, min(len(pages), i + step)) for i in range(0, len(pages), step)]
    ctx = mp.get_context("fork")

    def pooled():
        with ctx.Pool(args.procs) as pool:
            acc = [0, 0, 0, 0, 0]
            for part in pool.imap_unordered(run_range, chunks):
                for k in range(5):
                    acc[k] += part[k]
            return acc

    if args.procs > 1:
        modes.append(measure("all cores", args.procs, pooled))
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for n, got in zip(names, kept):
                rec = {"file": n, "title": None, "published": None, "text": "", "headings": [], "dateline": None}
                if got is None:
                    rec["error"] = "no extraction"
                elif isinstance(got, str):
                    rec["error"] = got
                else:
                    rec.update(title=got[0], published=got[1], text=got[2])
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")

    from importlib.metadata import version

    report = {"tool": "trafilatura", "reader": f"trafilatura.bare_extraction({'fast=True, ' if args.fast else ''}"
              "with_metadata=True, include_comments=False)",
              "versions": {k: version(k) for k in ("trafilatura", "htmldate", "lxml", "justext")},
              "python": sys.version.split()[0],
              "pages": len(pages), "bytes": total, "io_excluded": True, "rounds": args.rounds, "cores": args.procs,
              "modes": modes, "peak_rss_bytes": self_peak, "peak_rss_worker_bytes": children_peak,
              "rss_after_load_bytes": rss_after_load}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
