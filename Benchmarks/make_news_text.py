#!/usr/bin/env python3
"""Builds the news text of the time-tagger benchmark: JSONL records {id, published, text}.

Sources (real news articles that are on this machine; only their `id`, `text` and `published` are kept):

  * Examples/corpus/*.txt                          5 articles of 2025 (the founding corpus); their
                                                   publication dates and ids come from
                                                   ../shared/eval/dev/seeds-input.jsonl (same texts)
  * ../shared/eval/dev/polnear-gold.jsonl          302 articles, 2016 US political news (PolNeAR)
  * ../shared/eval/dev/timebank-aquaint-gold.jsonl 256 articles, 1996-2000 news (TimeBank + AQUAINT)
  * ../shared/eval/dev/gum-news-gold.jsonl         7 articles, Wikinews (GUM news genre)

`../shared` is the evaluation kit beside the repository (CI and users have it there); the script
stops with a clear message when it is missing. Every source article is used once, in the order above.
Together they are just under 2 MB, so the text is then padded with REPETITION: whole articles drawn
without replacement in a seeded random order (random.Random(SEED).shuffle of the unique articles)
are appended again, with the id suffixed `#rep1`, until the texts total at least --min-bytes UTF-8
bytes (default 2 MiB = 2,097,152 bytes, which is also >= 2 MB). The same inputs always give the same
file. Neither tagger caches anything across documents, so a repeated article costs as much as the
first copy.

Words are whitespace-separated tokens: maximal runs of bytes other than the six ASCII whitespace bytes
(space, \\t, \\n, \\v, \\f, \\r) in the UTF-8 text, i.e. `len(text.encode("utf-8").split())`. The Swift
benchmark counts the same way, and both check their count against MANIFEST.json.

Output: <out>/news.jsonl and <out>/MANIFEST.json (sizes, word counts, sources, seed).

Usage: make_news_text.py [--out Benchmarks/data/time] [--min-bytes 2097152] [--seed 20251123]
"""
import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED_DEV = os.path.join(os.path.dirname(REPO), "shared", "eval", "dev")
SEED = 20251123


def words(text):
    """Whitespace-separated tokens (ASCII whitespace bytes of the UTF-8 text): the benchmark's word."""
    return len(text.encode("utf-8").split())


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus_articles():
    """Examples/corpus texts, with the ids and dates that seeds-input.jsonl gives the same texts."""
    corpus = os.path.join(REPO, "Examples", "corpus")
    seeds = {r["text"]: r for r in read_jsonl(os.path.join(SHARED_DEV, "seeds-input.jsonl"))}
    out = []
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            text = f.read()
        seed = seeds.get(text)
        out.append({"id": seed["id"] if seed else "corpus-" + name[:-4],
                    "published": seed.get("published") if seed else None, "text": text})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(HERE, "data", "time"))
    ap.add_argument("--min-bytes", type=int, default=2 * 1024 * 1024)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()

    if not os.path.isdir(SHARED_DEV):
        sys.exit(f"make_news_text.py: the evaluation kit is missing: {SHARED_DEV} does not exist.\n"
                 "It is expected beside the repository (../shared/eval/dev relative to the repo root).")

    sources = [("Examples/corpus (+ ../shared/eval/dev/seeds-input.jsonl dates)", corpus_articles())]
    for name in ("polnear-gold.jsonl", "timebank-aquaint-gold.jsonl", "gum-news-gold.jsonl"):
        path = os.path.join(SHARED_DEV, name)
        if not os.path.isfile(path):
            sys.exit(f"make_news_text.py: missing {path} (the evaluation kit beside the repository)")
        sources.append(("../shared/eval/dev/" + name,
                        [{"id": r["id"], "published": r.get("published"), "text": r["text"]} for r in read_jsonl(path)]))

    unique, seen, per_source = [], set(), []
    for label, records in sources:
        kept = []
        for r in records:
            if r["text"] in seen or not r["text"].strip():
                continue  # an article present in two sources is used once
            seen.add(r["text"])
            kept.append(r)
        unique.extend(kept)
        per_source.append({"source": label, "documents": len(kept),
                           "bytes": sum(len(r["text"].encode("utf-8")) for r in kept),
                           "words": sum(words(r["text"]) for r in kept)})
    unique_bytes = sum(len(r["text"].encode("utf-8")) for r in unique)

    records = list(unique)
    total = unique_bytes
    rng = random.Random(args.seed)
    copy = 0
    repeated = 0
    while total < args.min_bytes:
        copy += 1
        order = list(unique)
        rng.shuffle(order)
        for r in order:
            if total >= args.min_bytes:
                break
            records.append({"id": f"{r['id']}#rep{copy}", "published": r["published"], "text": r["text"]})
            total += len(r["text"].encode("utf-8"))
            repeated += 1

    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "news.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({"id": r["id"], "published": r["published"], "text": r["text"]}, ensure_ascii=False) + "\n")
    manifest = {
        "file": "news.jsonl",
        "documents": len(records),
        "unique_documents": len(unique),
        "repeated_documents": repeated,
        "text_bytes": total,
        "unique_text_bytes": unique_bytes,
        "words": sum(words(r["text"]) for r in records),
        "unique_words": sum(words(r["text"]) for r in unique),
        "word_definition": "whitespace-separated tokens: runs of bytes other than ASCII space, \\t, \\n, \\v, \\f, \\r in the UTF-8 text",
        "min_bytes": args.min_bytes,
        "seed": args.seed,
        "sources": per_source,
    }
    with open(os.path.join(args.out, "MANIFEST.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print(f"wrote {os.path.relpath(path)}: {len(records)} documents ({len(unique)} unique + {repeated} repeated), "
          f"{total:,} bytes of text ({unique_bytes:,} unique), {manifest['words']:,} words", file=sys.stderr)


if __name__ == "__main__":
    main()
