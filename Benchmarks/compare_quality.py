#!/usr/bin/env python3
"""Extraction quality of each tool's dump against the generated ground truth.

Body: bag-of-words (multiset of lower-cased word tokens) precision, recall and F1 of the extracted
text against the ground-truth body, as in trafilatura's own evaluation. The ground-truth body is the
article's paragraphs plus its sub-headings and live-blog entry headlines; captions, teasers,
comments, bylines and the page's chrome are not part of it. A first line of the extracted text that
repeats the extracted title is dropped before scoring (trafilatura puts the headline first); a
dateline that a tool split off the body ("WASHINGTON, Mar 12 (Wire) -") is put back in front.
Scores are micro-averaged (token counts summed over all pages) and also given as the mean per-page
F1; a page with no extraction scores zero.

Title: exact match after whitespace normalisation. Date: the publication day (YYYY-MM-DD) matches.

Usage: compare_quality.py <truth.jsonl> name=dump.jsonl [name=dump.jsonl ...] [--json out.json]
"""
import argparse
import json
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text):
    return Counter(t.lower() for t in TOKEN.findall(text or ""))


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def body_of(rec):
    text = rec.get("text") or ""
    title = norm(rec.get("title"))
    lines = text.split("\n")
    if title and lines and norm(lines[0]) == title:
        text = "\n".join(lines[1:])
    extra = [rec.get("dateline") or ""] + list(rec.get("headings") or [])
    return " ".join(x for x in extra if x) + "\n" + text


def score(truth_path, dump_path):
    truth = {}
    with open(truth_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            truth[r["file"]] = r
    got = {}
    with open(dump_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            got[r["file"]] = r
    tp = ext = gold = 0
    f1s = []
    titles = dates = dates_found = titles_found = empty = 0
    per_template = {}
    for name, t in truth.items():
        g = tokens("\n".join(t["paragraphs"] + t.get("headings", [])))
        r = got.get(name, {})
        e = tokens(body_of(r))
        inter = sum((g & e).values())
        ne, ng = sum(e.values()), sum(g.values())
        tp, ext, gold = tp + inter, ext + ne, gold + ng
        p = inter / ne if ne else 0.0
        rc = inter / ng if ng else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        f1s.append(f1)
        if not ne:
            empty += 1
        tpl = per_template.setdefault(t["template"], [])
        tpl.append(f1)
        if r.get("title"):
            titles_found += 1
        if norm(r.get("title")) == norm(t["title"]):
            titles += 1
        if r.get("published"):
            dates_found += 1
        if (r.get("published") or "")[:10] == t["published"]:
            dates += 1
    n = len(truth)
    p = tp / ext if ext else 0.0
    rc = tp / gold if gold else 0.0
    return {
        "pages": n,
        "precision": p,
        "recall": rc,
        "f1": 2 * p * rc / (p + rc) if p + rc else 0.0,
        "mean_page_f1": sum(f1s) / n if n else 0.0,
        "empty_pages": empty,
        "title_exact": titles / n if n else 0.0,
        "title_found": titles_found / n if n else 0.0,
        "date_day_correct": dates / n if n else 0.0,
        "date_found": dates_found / n if n else 0.0,
        "f1_by_template": {k: sum(v) / len(v) for k, v in sorted(per_template.items())},
    }


def table(results):
    cols = list(results)
    rows = [("body precision", "precision"), ("body recall", "recall"), ("body F1 (micro)", "f1"),
            ("body F1 (mean/page)", "mean_page_f1"), ("pages with empty body", "empty_pages"),
            ("title exact match", "title_exact"), ("publication day correct", "date_day_correct")]
    width = max(12, *(len(c) for c in cols))
    out = [f"{'quality':<26}" + "".join(f"{c:>{width + 2}}" for c in cols)]
    for label, key in rows:
        cells = []
        for c in cols:
            v = results[c][key]
            cells.append(f"{v:>{width + 2}}" if isinstance(v, int) else f"{v:>{width + 2}.3f}")
        out.append(f"{label:<26}" + "".join(cells))
    templates = sorted({k for c in cols for k in results[c]["f1_by_template"]})
    for tpl in templates:
        out.append(f"{'  F1 ' + tpl:<26}" + "".join(f"{results[c]['f1_by_template'].get(tpl, 0):>{width + 2}.3f}" for c in cols))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("truth")
    ap.add_argument("dumps", nargs="+", help="name=path.jsonl")
    ap.add_argument("--json", help="write the scores as JSON here")
    args = ap.parse_args()
    results = {}
    for d in args.dumps:
        name, _, path = d.partition("=")
        results[name] = score(args.truth, path)
    print(table(results))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    sys.exit(main())
