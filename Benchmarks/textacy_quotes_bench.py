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
import json
import sys

import spacy
import textacy
from textacy.extract.triples import direct_quotations

from spacy_ner_bench import MODEL, arguments, load, timed

MARKS = "\"'“”‘’«»„‟‹›"


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
    args = arguments()

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

    for doc in nlp.pipe(texts[:5]):  # warm-up, untimed
        quotes_of(doc)

    def one_pass():
        found = failed = 0
        for doc in nlp.pipe(texts, batch_size=64):
            quotes, bad = quotes_of(doc)
            found += len(quotes)
            failed += bad
        return found, failed

    fields, (found, failed) = timed(texts, args.rounds, "spaCy + textacy", one_pass)
    report = {
        "tool": "textacy direct_quotations",
        "textacy": textacy.__version__,
        "spacy": spacy.__version__,
        "model": MODEL,
        "failed_documents": failed,
        "quotes": found,
        **fields,
    }
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
