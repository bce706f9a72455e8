#!/usr/bin/env python3
"""Throughput of dateparser's search_dates over JSONL news records: the Python side of the time benchmark.

Every line of the input is a record {id, published, text} (make_news_text.py writes them). All records
are read and their `published` dates turned into datetimes first (NOT timed). Then every text goes
through

    dateparser.search.search_dates(text, languages=["en"], settings=SETTINGS | {"RELATIVE_BASE": published})

which is how a user tags a news article with dateparser: relative expressions ("Tuesday", "last week",
"two days ago") are resolved against the article's publication date. Settings, chosen as a fair user
would:
  * languages=["en"]: the texts are English; it skips dateparser's language detection (slow, and
    error-prone on short strings), so it helps dateparser's speed and quality;
  * RELATIVE_BASE = the publication date (midnight when only the day is known);
  * everything else is dateparser's default. In particular PREFER_DATES_FROM stays "current_period":
    "past" (--prefer past) sounds right for news but scores lower on the TimeBank/AQUAINT gold
    (value F1 0.135 against 0.197), so the default is the fair choice.
A document on which dateparser raises is counted as a failure and skipped.

Modes: one process (a plain loop) and a pool of N worker processes (default: all cores), forked after
the records are loaded and fed index ranges (nothing is pickled but indices and counts; pool start-up is
inside the timing); each best of --rounds. Words are whitespace-separated tokens, as in the Swift bench:
`len(text.encode("utf-8").split())` (runs of bytes other than ASCII space, \\t, \\n, \\v, \\f, \\r).
Peak RSS from resource.getrusage (this process, and the largest worker). Progress goes to stderr;
the report (JSON) to stdout.

With --tag-output OUT, no timing: the input records are tagged once and written to OUT in the evaluation
kit's record format (FORMAT.md) — {"id", "timexes": [{"text", "type": "DATE", "value": ISO date,
"start", "end"}]} with Unicode-scalar offsets, found by locating each returned substring in the text
from the end of the previous one — for score.py. --tag-output-period OUT2 writes, from the same pass, a
generous variant: each found substring is parsed again with DateDataParser.get_date_data (same
settings, RETURN_TIME_AS_PERIOD=True) and the value keeps only the precision of the period it reports:
year -> "1998", month -> "1998-08", week -> "1998-W33", day -> "1998-08-11", time -> "1998-08-11T15:21"
(type TIME). search_dates does not say what it matched at which precision; this is the best a user
could make of its output with one more call per expression (not part of the timed runs).

Usage: dateparser_bench.py <news.jsonl> [--rounds 1] [--procs N] [--limit N] [--prefer P]
       dateparser_bench.py <input.jsonl> --tag-output <out.jsonl> [--tag-output-period <out2.jsonl>]
"""
import argparse
import datetime
import json
import multiprocessing as mp
import os
import resource
import sys
import time

from dateparser.date import DateDataParser
from dateparser.search import search_dates

LANGUAGES = ["en"]
_DOCS = None  # [(id, text, base datetime or None)], inherited by the pool workers via fork
_SETTINGS = {}


def settings_for(base):
    s = dict(_SETTINGS)
    if base is not None:
        s["RELATIVE_BASE"] = base
    return s


def search(text, base):
    return search_dates(text, languages=LANGUAGES, settings=settings_for(base)) or []


def parse_published(value):
    if not value:
        return None
    try:
        d = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        d = datetime.datetime.fromisoformat(value[:10])
    # dateparser compares RELATIVE_BASE with naive datetimes; keep the stated local time, drop the zone.
    return d.replace(tzinfo=None)


def run_range(bounds, progress=None):
    """Tags documents lo..<hi; returns (documents, failures, expressions)."""
    lo, hi = bounds
    docs = fails = found = 0
    for i in range(lo, hi):
        _, text, base = _DOCS[i]
        try:
            found += len(search(text, base))
            docs += 1
        except Exception:  # noqa: BLE001 - a document that makes dateparser raise is counted and skipped
            fails += 1
        if progress is not None:
            progress(i + 1 - lo)
    return (docs, fails, found)


def cpu_now():
    """User + system CPU seconds of this process plus its reaped children (the pool workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        u = resource.getrusage(who)
        total += u.ru_utime + u.ru_stime
    return total


def words(text):
    return len(text.encode("utf-8").split())


def load(path, limit):
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            if limit is not None and len(docs) >= limit:
                break
            r = json.loads(line)
            try:
                docs.append((r["id"], r["text"], parse_published(r.get("published"))))
            except (KeyError, ValueError) as e:
                sys.exit(f"dateparser_bench.py: {path}:{n}: not a usable {{id, published, text}} record ({e!r})")
    if not docs:
        sys.exit(f"dateparser_bench.py: no records in {path}")
    return docs


def period_value(surface, when, parser):
    """(type, value) at the precision dateparser reports for `surface` (see --tag-output-period)."""
    period = "day"
    try:
        data = parser.get_date_data(surface)
        if data.date_obj is not None:
            period = data.period or "day"
    except Exception:  # noqa: BLE001
        pass
    if period == "year":
        return "DATE", f"{when.year:04d}"
    if period == "month":
        return "DATE", f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}"
    if period == "time":
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    return "DATE", when.date().isoformat()


def tag_to_file(docs, out_path, period_path=None):
    """Untimed: FORMAT.md records with Unicode-scalar offsets (Python str indices are code points)."""
    unlocated = fails = 0
    period_out = open(period_path, "w", encoding="utf-8") if period_path else None
    with open(out_path, "w", encoding="utf-8") as out:
        for k, (doc_id, text, base) in enumerate(docs, 1):
            timexes, period_timexes = [], []
            parser = None
            if period_out is not None:
                parser = DateDataParser(languages=LANGUAGES,
                                        settings={**settings_for(base), "RETURN_TIME_AS_PERIOD": True})
            try:
                results = search(text, base)
            except Exception as e:  # noqa: BLE001
                results = []
                fails += 1
                print(f"dateparser raised on {doc_id}: {e!r}", file=sys.stderr)
            cursor = 0
            for surface, when in results:
                start = text.find(surface, cursor)
                if start < 0:
                    start = text.find(surface)
                if start < 0:
                    unlocated += 1
                    continue
                end = start + len(surface)
                cursor = end
                timexes.append({"text": surface, "type": "DATE", "value": when.date().isoformat(),
                                "start": start, "end": end})
                if parser is not None:
                    kind, value = period_value(surface, when, parser)
                    period_timexes.append({"text": surface, "type": kind, "value": value, "start": start, "end": end})
            out.write(json.dumps({"id": doc_id, "timexes": timexes}, ensure_ascii=False) + "\n")
            if period_out is not None:
                period_out.write(json.dumps({"id": doc_id, "timexes": period_timexes}, ensure_ascii=False) + "\n")
            if k % 50 == 0:
                print(f"   dateparser tagging {os.path.basename(out_path)}: {k}/{len(docs)}", file=sys.stderr)
    if period_out is not None:
        period_out.close()
    print(f"   wrote {out_path}: {len(docs)} documents, {fails} failed, {unlocated} expressions not located",
          file=sys.stderr)


def main():
    global _DOCS, _SETTINGS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSONL records {id, published, text}")
    ap.add_argument("--rounds", type=int, default=1, help="rounds per mode; the best is reported (default 1)")
    ap.add_argument("--procs", type=int, default=os.cpu_count() or 1, help="pool size for the all-cores mode")
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--prefer", choices=["past", "current_period", "future"],
                    help="set dateparser's PREFER_DATES_FROM (default: not set, i.e. dateparser's current_period)")
    ap.add_argument("--tag-output", metavar="OUT", help="no timing: write the found expressions as FORMAT.md JSONL")
    ap.add_argument("--tag-output-period", metavar="OUT2",
                    help="with --tag-output: also write the period-aware variant of the values")
    args = ap.parse_args()
    _SETTINGS = {"PREFER_DATES_FROM": args.prefer} if args.prefer else {}

    docs = load(args.input, args.limit)
    _DOCS = docs
    if args.tag_output:
        tag_to_file(docs, args.tag_output, args.tag_output_period)
        return

    total_bytes = sum(len(t.encode("utf-8")) for _, t, _ in docs)
    total_words = sum(words(t) for _, t, _ in docs)
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    run_range((0, min(5, len(docs))))  # warm-up, untimed: imports, locale data, regex compilation

    def measure(mode, workers, fn):
        times, cpu, last = [], [], None
        for r in range(args.rounds):
            print(f"   dateparser {mode}, round {r + 1}/{args.rounds}: {len(docs)} documents, {total_words:,} words",
                  file=sys.stderr)
            c0 = cpu_now()
            t0 = time.perf_counter()
            last = fn(t0)
            times.append(time.perf_counter() - t0)
            cpu.append(cpu_now() - c0)
            print(f"   ... {times[-1]:.1f} s ({total_words / times[-1]:,.0f} words/s)", file=sys.stderr)
        best = min(times)
        best_cpu = cpu[times.index(best)]
        return {"mode": mode, "workers": workers, "seconds": best,
                "words_per_s": total_words / best, "mb_per_s": total_bytes / 1e6 / best,
                "documents_per_s": len(docs) / best, "round_seconds": times,
                "cpu_seconds": best_cpu, "words_per_cpu_s": total_words / best_cpu,
                "documents": last[0], "failures": last[1], "expressions": last[2]}

    tick = max(1, len(docs) // 10)

    def single(t0):
        def progress(n):
            if n % tick == 0:
                print(f"      {n}/{len(docs)} documents, {time.perf_counter() - t0:.0f} s", file=sys.stderr)

        return run_range((0, len(docs)), progress)

    modes = [measure("1 core", 1, single)]

    # Pool: forked after the records are loaded, fed small index ranges for load balance.
    step = max(1, len(docs) // (args.procs * 16))
    chunks = [(i, min(len(docs), i + step)) for i in range(0, len(docs), step)]
    ctx = mp.get_context("fork")

    def pooled(t0):
        acc = [0, 0, 0]
        with ctx.Pool(args.procs) as pool:
            for k, part in enumerate(pool.imap_unordered(run_range, chunks), 1):
                for j in range(3):
                    acc[j] += part[j]
                if k % max(1, len(chunks) // 10) == 0:
                    print(f"      {acc[0] + acc[1]}/{len(docs)} documents, {time.perf_counter() - t0:.0f} s",
                          file=sys.stderr)
        return acc

    if args.procs > 1:
        modes.append(measure("all cores", args.procs, pooled))
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024

    from importlib.metadata import version

    report = {"tool": "dateparser",
              "tagger": f"dateparser.search.search_dates(text, languages={LANGUAGES!r}, "
                        f"settings={{'RELATIVE_BASE': published{''.join(f', {k!r}: {v!r}' for k, v in _SETTINGS.items())}}})",
              "settings": {"languages": LANGUAGES, "RELATIVE_BASE": "the record's published date",
                           **_SETTINGS},
              "versions": {k: version(k) for k in ("dateparser", "regex", "python-dateutil", "pytz", "tzlocal")},
              "python": sys.version.split()[0],
              "documents": len(docs), "bytes": total_bytes, "words": total_words,
              "word_definition": "len(text.encode('utf-8').split()): runs of bytes other than ASCII whitespace",
              "io_excluded": True, "rounds": args.rounds, "cores": args.procs, "modes": modes,
              "expressions": modes[0]["expressions"], "failures": modes[0]["failures"],
              "peak_rss_bytes": self_peak, "peak_rss_worker_bytes": children_peak,
              "rss_after_load_bytes": rss_after_load}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
