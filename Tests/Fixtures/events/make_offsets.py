#!/usr/bin/env python3
"""Fill in and check the trigger offsets of the event gold (gold.jsonl beside this file).

usage: python3 Tests/Fixtures/events/make_offsets.py [--write] [--articles A.jsonl] [--gold G.jsonl]

The gold was written by hand with, for every event, its `trigger` and an `anchor`: a
string that occurs exactly once in the article text and contains the trigger (the
trigger is its first occurrence inside the anchor).  This script locates each anchor,
sets `start`/`end` (Unicode scalar offsets = Python str indices, end exclusive) and
checks that text[start:end] == trigger, that all reports of one event id have one type,
that every article has exactly one gold line
(and the reverse), and that the fields have the documented values.  Without --write it
only checks, and exits non-zero on any problem; with --write it rewrites gold.jsonl
with the computed offsets (one line per article, in article order).

Standard library only.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "STATEMENT"}
MODALITIES = {"happened", "planned", "proposed", "denied", "hypothetical"}
MODES = {None, "visit", "phone", "video", "multilateral", "drone", "aerial"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
KEY_ORDER = ["type", "mode", "modality", "trigger", "start", "end", "actors", "targets", "place", "date",
             "event", "anchor"]


def read_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON: {e}")
    return out


def locate(text, ev):
    anchor, trig = ev.get("anchor"), ev["trigger"]
    if anchor is None:
        s = ev.get("start")
        if isinstance(s, int) and text[s:ev.get("end", -1)] == trig:
            return s, ev["end"], None
        return None, None, "no anchor and no valid start/end"
    n = text.count(anchor)
    if n != 1:
        return None, None, f"anchor {anchor!r} occurs {n} times"
    a = text.index(anchor)
    i = anchor.find(trig)
    if i < 0:
        return None, None, f"trigger {trig!r} not inside anchor {anchor!r}"
    return a + i, a + i + len(trig), None


def check_fields(ev):
    problems = []
    if ev.get("type") not in TYPES:
        problems.append(f"bad type {ev.get('type')!r}")
    if ev.get("modality") not in MODALITIES:
        problems.append(f"bad modality {ev.get('modality')!r}")
    if ev.get("mode") not in MODES:
        problems.append(f"bad mode {ev.get('mode')!r}")
    for k in ("actors", "targets"):
        v = ev.get(k)
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            problems.append(f"{k} must be a list of names")
    if ev.get("place") is not None and not isinstance(ev.get("place"), str):
        problems.append("place must be a string or null")
    d = ev.get("date")
    if d is not None and not DATE.match(d):
        problems.append(f"bad date {d!r}")
    if not isinstance(ev.get("event"), str) or not ev["event"]:
        problems.append("missing event id")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", default=os.path.join(HERE, "articles.jsonl"))
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.jsonl"))
    ap.add_argument("--write", action="store_true", help="rewrite the gold file with computed offsets")
    args = ap.parse_args(argv)

    articles = read_jsonl(args.articles)
    gold = {g["id"]: g for g in read_jsonl(args.gold)}
    problems = []
    out = []
    ids = [a["id"] for a in articles]
    if len(set(ids)) != len(ids):
        problems.append("duplicate article ids")
    for extra in sorted(set(gold) - set(ids)):
        problems.append(f"{extra}: gold line without an article")
    for art in articles:
        doc = gold.get(art["id"])
        if doc is None:
            problems.append(f"{art['id']}: article without a gold line")
            continue
        text = art["text"]
        events = []
        seen = set()
        for k, ev in enumerate(doc["events"]):
            where = f"{art['id']} event {k} ({ev.get('trigger')!r})"
            s, e, err = locate(text, ev)
            if err:
                problems.append(f"{where}: {err}")
                continue
            if text[s:e] != ev["trigger"]:
                problems.append(f"{where}: text[{s}:{e}] = {text[s:e]!r}")
            if (s, e, ev.get("type")) in seen:
                problems.append(f"{where}: two gold events on one trigger with one type")
            seen.add((s, e, ev.get("type")))
            problems.extend(f"{where}: {p}" for p in check_fields(ev))
            ev = dict(ev, start=s, end=e)
            events.append({k2: ev.get(k2) for k2 in KEY_ORDER if k2 in ev or k2 in ("start", "end")})
        events.sort(key=lambda x: (x["start"], x["end"]))
        out.append({"id": art["id"], "events": events})

    types = {}
    for doc in out:
        for ev in doc["events"]:
            t = types.setdefault(ev["event"], ev["type"])
            if t != ev["type"]:
                problems.append(f"{doc['id']}: event id {ev['event']!r} has types {t} and {ev['type']}")
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    if args.write:
        with open(args.gold, "w", encoding="utf-8") as f:
            for doc in out:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    n = sum(len(d["events"]) for d in out)
    print(f"ok: {len(out)} articles, {n} gold events" + (" (written)" if args.write else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
