#!/usr/bin/env python3
"""Builds the article store input of the server benchmark: JSONL records in the form `storyline ingest`
reads ({id, title, published, source, url, text}), COUNT distinct news-shaped articles.

Sources (real news text on this machine; only title, text and publication date are used):

  * ../shared/eval/dev/seeds-input.jsonl            5 articles of 2025 (the founding corpus)
  * ../shared/eval/dev/polnear-gold.jsonl          302 articles, 2016 US political news (PolNeAR)
  * ../shared/eval/dev/timebank-aquaint-gold.jsonl 256 articles, 1996-2000 news (TimeBank + AQUAINT)
  * ../shared/eval/dev/gum-news-gold.jsonl         7 articles, Wikinews (GUM news genre)

Each record is a VARIATION, so that every body is distinct (the store keeps one copy of a body) and no
two records are near-copies (the story clusterer would thread them as one wire story): the title,
the opening paragraphs and the date of one source article (shifted by up to ±400 days), then three to
six paragraphs drawn from other source articles, in a seeded random order. The outlet is drawn from a
fixed list. The same arguments always give the same file.

Usage: make_server_corpus.py --count 100000 --out Benchmarks/data/server/articles.jsonl [--seed N]
"""
import argparse
import datetime
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED_DEV = os.path.join(os.path.dirname(REPO), "shared", "eval", "dev")
SEED = 20261207
OUTLETS = ["Reuters", "AP", "BBC", "The Guardian", "AFP", "Bloomberg", "Politico", "Al Jazeera",
           "Deutsche Welle", "France 24", "Kyiv Independent", "NPR", "CNN", "Financial Times"]


def load_sources():
    names = ["seeds-input.jsonl", "polnear-gold.jsonl", "timebank-aquaint-gold.jsonl", "gum-news-gold.jsonl"]
    articles = []
    for name in names:
        path = os.path.join(SHARED_DEV, name)
        if not os.path.exists(path):
            sys.exit(f"make_server_corpus: {path} is missing (the evaluation kit must be beside the repository)")
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                paragraphs = [p.strip() for p in record["text"].split("\n") if len(p.strip()) > 40]
                if len(paragraphs) < 2:
                    continue
                title = record.get("title") or paragraphs[0][:90]
                published = (record.get("published") or "2025-01-01")[:10]
                articles.append((title, published, paragraphs))
    return articles


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--out", default=os.path.join(HERE, "data", "server", "articles.jsonl"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()

    sources = load_sources()
    pool = [p for _, _, paragraphs in sources for p in paragraphs]
    rng = random.Random(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    words = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            title, published, paragraphs = sources[i % len(sources)]
            day = datetime.date.fromisoformat(published) + datetime.timedelta(days=rng.randint(-400, 400))
            body = paragraphs[: rng.randint(2, 4)] + rng.sample(pool, rng.randint(3, 6))
            text = "\n\n".join(body)
            words += len(text.split())
            outlet = rng.choice(OUTLETS)
            slug = outlet.lower().replace(" ", "-")
            record = {
                "id": f"bench-{i:06d}",
                "title": title,
                "published": day.isoformat(),
                "source": outlet,
                "url": f"https://{slug}.example/{day.isoformat()}/{i}",
                "text": text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    manifest = {"count": args.count, "seed": args.seed, "sources": len(sources), "words": words}
    with open(os.path.splitext(args.out)[0] + ".manifest.json", "w") as handle:
        json.dump(manifest, handle, indent=2)
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
