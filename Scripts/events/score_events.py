#!/usr/bin/env python3
r"""Score event extraction (and cross-document event merging) against the event gold.

usage: python3 Scripts/events/score_events.py GOLD.jsonl SYSTEM.jsonl [--errors] [--json]
                                              [--articles ARTICLES.jsonl]

  GOLD     Tests/Fixtures/events/gold.jsonl (format: Tests/Fixtures/events/README.md)
  SYSTEM   what `storyline extract < Tests/Fixtures/events/articles.jsonl` writes: one JSON
           object per line, {"id": ..., "events": [{"type", "mode", "modality", "trigger",
           "start", "end", "sentence_start", "sentence_end", "actors": [{"text", "entity",
           "start", "end"}], "targets": [...], "place": {...}|null, "date", "date_text",
           "event"}]}; other fields are ignored.  Offsets are Unicode scalar offsets
           (Python str indices), end exclusive.
  --articles  the input articles, used by --errors to show each event's context
           (default: articles.jsonl beside GOLD, when it exists).
  --errors lists, per document, missed and spurious events, argument errors on matches,
           and merge errors (gold events split over several system ids, system ids
           that join several gold events).
  --json   prints the report as JSON on stdout (the summary line goes to stderr).

Standard library only.  Exit status 0 on success, 2 on malformed input (the message
names the file and line).

Scoring
  Event detection  Per document, system events are matched to gold events one-to-one,
      greedily, best candidate first.  A candidate pair needs the same `type` and either
      overlapping trigger offsets, or the gold trigger lying inside the system event's
      sentence span [sentence_start, sentence_end) when the system gives one.  Ranking:
      identical trigger span, then overlapping trigger, then sentence containment;
      ties broken by the distance between the trigger starts.  Precision, recall and F1
      are micro-averaged over the file; per-type counts are printed.  A gold document
      missing from the system file counts as all missed; system documents not in gold
      are ignored (reported on stderr).
  Arguments (accuracy over matched pairs)
      actors, targets  right when every gold name is found among the system arguments
          and every system argument is one of the gold names (also printed: the share of
          matches where every gold name is found, extra system names allowed).  A system argument
          {"text", "entity"} (or a bare string) names a gold name when its `entity` or its
          `text` equals it (case-insensitive, diacritics and quote marks folded) or
          shares its last token ("Biden" ~ "Joe Biden").  Also printed: the share of
          gold names found and of system names that are right.
      place  both null, or the system place names the gold place (same rule).
      date   exact: equal TIMEX3 values (both null counts as equal); compatible: equal,
             or both given and one a prefix of the other ("2023-11" ~ "2023-11-15").
      modality, mode  equal strings (a missing system value is null).
  Merged events  Over all matched pairs of the file, the clustering that system `event`
      ids induce is compared with the one gold `event` ids induce:
        pairwise  precision/recall/F1 of "same event" links between matched reports;
        B3        B-cubed precision/recall/F1;
        merged-event recall     the share of gold events with >= 2 matched reports whose
                                matched reports all got one system id;
        merged-event precision  the share of system ids with >= 2 matched reports whose
                                reports all belong to one gold event.
      A matched system event without an `event` id is a cluster of its own.  When no
      system event carries an `event` id, merging is reported as not scored.

The last line on stdout is a one-line summary, e.g.
  events F1 0.812 · actors 0.700 · date 0.650 · modality 0.900 · merge pairwise F1 0.730 · B3 F1 0.880
"""

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict


class InputError(Exception):
    pass


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

_FOLD = {}
for _ch in "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4":
    _FOLD[ord(_ch)] = "'"
for _ch in "\u201c\u201d\u201e\u201f\u00ab\u00bb":
    _FOLD[ord(_ch)] = '"'
for _ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
    _FOLD[ord(_ch)] = "-"
_WORD = re.compile(r"\w+")


def name_key(s):
    """Case-folded, diacritics-stripped, quote-folded, whitespace-collapsed name."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).translate(_FOLD)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def last_token(key):
    toks = _WORD.findall(key)
    return toks[-1] if toks else ""


def arg_names(arg):
    """The names a system argument offers: its entity and its text."""
    if arg is None:
        return []
    if isinstance(arg, str):
        return [arg]
    if isinstance(arg, dict):
        return [v for v in (arg.get("entity"), arg.get("text")) if isinstance(v, str) and v.strip()]
    return []


def names_match(gold_name, sys_names):
    g = name_key(gold_name)
    if not g:
        return False
    gl = last_token(g)
    for n in sys_names:
        k = name_key(n)
        if not k:
            continue
        if k == g or (gl and last_token(k) == gl):
            return True
    return False


def arg_list_score(gold_list, sys_list):
    """(right, gold_found, n_gold, sys_right, n_sys) for one argument list."""
    gold_list = gold_list or []
    sys_list = [a for a in (sys_list or []) if arg_names(a)]
    found = sum(1 for g in gold_list if any(names_match(g, arg_names(s)) for s in sys_list))
    sys_ok = sum(1 for s in sys_list if any(names_match(g, arg_names(s)) for g in gold_list))
    right = found == len(gold_list) and sys_ok == len(sys_list)
    return right, found, len(gold_list), sys_ok, len(sys_list)


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------

def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _check_event(ev, where, gold):
    if not isinstance(ev, dict):
        raise InputError(f"{where}: an event must be a JSON object")
    if not isinstance(ev.get("type"), str) or not ev["type"].strip():
        raise InputError(f"{where}: event has no string `type`")
    for a, b in (("start", "end"), ("sentence_start", "sentence_end")):
        va, vb = ev.get(a), ev.get(b)
        if gold and a == "start" and not (_is_int(va) and _is_int(vb)):
            raise InputError(f"{where}: gold event needs integer `start` and `end`")
        if (va is None) != (vb is None):
            raise InputError(f"{where}: `{a}` and `{b}` must be given together")
        if va is not None and not (_is_int(va) and _is_int(vb) and 0 <= va <= vb):
            raise InputError(f"{where}: `{a}`/`{b}` must be integers with {a} <= {b}")
    for k in ("actors", "targets"):
        if ev.get(k) is not None and not isinstance(ev[k], list):
            raise InputError(f"{where}: `{k}` must be a list")
    if gold:
        if not isinstance(ev.get("event"), str) or not ev["event"]:
            raise InputError(f"{where}: gold event needs a string `event` id")
    elif "event" in ev and ev["event"] is not None and not isinstance(ev["event"], (str, int)):
        raise InputError(f"{where}: `event` must be a string")


def read_jsonl(path, gold):
    """{id: doc} and the id order; raises InputError naming file and line."""
    docs, order = {}, []
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}")
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{where}: not valid JSON ({e.msg}, column {e.colno})")
            if not isinstance(doc, dict):
                raise InputError(f"{where}: a line must be a JSON object")
            did = doc.get("id")
            if not isinstance(did, str) or not did:
                raise InputError(f"{where}: missing string `id`")
            if did in docs:
                raise InputError(f"{where}: duplicate id {did!r}")
            events = doc.get("events")
            if events is None and not gold:
                events = None  # no events layer at all: counted, reported
            elif not isinstance(events, list):
                raise InputError(f"{where}: `events` must be a list")
            else:
                for k, ev in enumerate(events):
                    _check_event(ev, f"{where}: events[{k}]", gold)
            docs[did] = {"events": events, "text": doc.get("text")}
            order.append(did)
    return docs, order


def read_texts(path):
    texts = {}
    if not path or not os.path.exists(path):
        return texts
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    d = json.loads(line)
                    texts[d["id"]] = d.get("text") or ""
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue
    return texts


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------

def match_document(gold_events, sys_events):
    """One-to-one greedy matching, best candidate first. Returns [(gi, si)]."""
    cands = []
    for gi, g in enumerate(gold_events):
        gt, gs, ge = g["type"].upper(), g["start"], g["end"]
        for si, s in enumerate(sys_events):
            if s["type"].upper() != gt:
                continue
            ss, se = s.get("start"), s.get("end")
            tier = None
            if ss is not None:
                if ss == gs and se == ge:
                    tier = 0
                elif ss < ge and gs < se:
                    tier = 1
            if tier is None:
                sb, sn = s.get("sentence_start"), s.get("sentence_end")
                if sb is not None and sb <= gs and ge <= sn:
                    tier = 2
            if tier is None:
                continue
            dist = abs((ss if ss is not None else gs) - gs)
            cands.append((tier, dist, gi, si))
    cands.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    return pairs


def prf(tp, n_gold, n_sys):
    p = tp / n_sys if n_sys else None
    r = tp / n_gold if n_gold else None
    if tp == 0 and (n_gold or n_sys):
        f = 0.0
    elif p is not None and r is not None:
        f = 2 * p * r / (p + r)
    else:
        f = None
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "gold": n_gold, "system": n_sys}


def acc(right, total):
    return {"accuracy": right / total if total else None, "right": right, "total": total}


# --------------------------------------------------------------------------
# Merging
# --------------------------------------------------------------------------

def _c2(n):
    return n * (n - 1) // 2


def merge_scores(items):
    """items: [(gold_id, sys_id)] for matched pairs; sys_id unique per item when absent."""
    cell = Counter(items)
    gsize = Counter(g for g, _ in items)
    ssize = Counter(s for _, s in items)
    tp = sum(_c2(n) for n in cell.values())
    gl = sum(_c2(n) for n in gsize.values())
    sl = sum(_c2(n) for n in ssize.values())
    pairwise = prf(tp, gl, sl)
    pairwise = {"precision": pairwise["precision"], "recall": pairwise["recall"], "f1": pairwise["f1"],
                "shared_links": tp, "gold_links": gl, "system_links": sl}
    n = len(items)
    if n:
        bp = sum(cell[(g, s)] / ssize[s] for g, s in items) / n
        br = sum(cell[(g, s)] / gsize[g] for g, s in items) / n
        bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    else:
        bp = br = bf = None
    sys_of_gold = defaultdict(set)
    gold_of_sys = defaultdict(set)
    for g, s in items:
        sys_of_gold[g].add(s)
        gold_of_sys[s].add(g)
    multi_g = [g for g, k in gsize.items() if k >= 2]
    multi_s = [s for s, k in ssize.items() if k >= 2]
    whole_g = [g for g in multi_g if len(sys_of_gold[g]) == 1]
    pure_s = [s for s in multi_s if len(gold_of_sys[s]) == 1]
    return {
        "pairwise": pairwise,
        "b3": {"precision": bp, "recall": br, "f1": bf},
        "merged_event_recall": acc(len(whole_g), len(multi_g)),
        "merged_event_precision": acc(len(pure_s), len(multi_s)),
        "split_gold_events": sorted(g for g in multi_g if len(sys_of_gold[g]) > 1),
        "impure_system_ids": [s[1] if s[0] == "sys" else None for s in
                              sorted((s for s in multi_s if len(gold_of_sys[s]) > 1), key=str)],
        "_impure": sorted((s for s in multi_s if len(gold_of_sys[s]) > 1), key=str),
        "_sys_of_gold": sys_of_gold,
        "_gold_of_sys": gold_of_sys,
    }


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------

ARG_KEYS = ("actors", "targets", "place", "date_exact", "date_compatible", "modality", "mode")


def _date_compatible(g, s):
    if g is None or s is None:
        return g is None and s is None
    g, s = str(g), str(s)
    return g.startswith(s) or s.startswith(g)


def score(gold, gold_order, system, texts=None):
    texts = texts or {}
    per_type = defaultdict(lambda: [0, 0, 0])  # tp, gold, sys
    tp = n_gold = n_sys = 0
    arg_right = Counter()
    names = Counter()
    no_events_layer = 0
    missing_docs = []
    merge_items = []
    any_sys_ids = False
    errors = []
    for did in gold_order:
        g_events = gold[did]["events"]
        sdoc = system.get(did)
        if sdoc is None:
            missing_docs.append(did)
            s_events = []
        elif sdoc["events"] is None:
            no_events_layer += 1
            s_events = []
        else:
            s_events = sdoc["events"]
        pairs = match_document(g_events, s_events)
        n_gold += len(g_events)
        n_sys += len(s_events)
        tp += len(pairs)
        for g in g_events:
            per_type[g["type"].upper()][1] += 1
        for s in s_events:
            per_type[s["type"].upper()][2] += 1
        doc_err = {"id": did, "missed": [], "spurious": [], "arguments": []}
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}
        for gi, si in pairs:
            g, s = g_events[gi], s_events[si]
            per_type[g["type"].upper()][0] += 1
            wrong = []
            for k in ("actors", "targets"):
                right, found, ng, sok, ns = arg_list_score(g.get(k), s.get(k))
                arg_right[k] += right
                names[k + "_found"] += found
                names[k + "_gold"] += ng
                names[k + "_sys_right"] += sok
                names[k + "_sys"] += ns
                names[k + "_all_found"] += found == ng
                if not right:
                    wrong.append((k, g.get(k), [arg_names(a)[:1][0] if arg_names(a) else None for a in (s.get(k) or [])]))
            gp, sp = g.get("place"), s.get("place")
            place_ok = (gp is None and not arg_names(sp)) or (gp is not None and names_match(gp, arg_names(sp)))
            arg_right["place"] += place_ok
            if not place_ok:
                wrong.append(("place", gp, (arg_names(sp) or [None])[0]))
            gd, sd = g.get("date"), s.get("date")
            arg_right["date_exact"] += gd == sd
            arg_right["date_compatible"] += _date_compatible(gd, sd)
            if gd != sd:
                wrong.append(("date", gd, sd))
            for k in ("modality", "mode"):
                ok = g.get(k) == s.get(k)
                arg_right[k] += ok
                if not ok:
                    wrong.append((k, g.get(k), s.get(k)))
            sid = s.get("event")
            if sid is not None:
                any_sys_ids = True
                sid = ("sys", str(sid))
            else:
                sid = ("single", did, si)
            merge_items.append((g["event"], sid, did, gi, si))
            if wrong:
                doc_err["arguments"].append({"type": g["type"], "trigger": g.get("trigger"), "start": g["start"],
                                             "wrong": [{"field": f, "gold": a, "system": b} for f, a, b in wrong]})
        text = texts.get(did) or (gold[did].get("text")) or ""
        for gi, g in enumerate(g_events):
            if gi not in matched_g:
                doc_err["missed"].append(_describe(g, text))
        for si, s in enumerate(s_events):
            if si not in matched_s:
                doc_err["spurious"].append(_describe(s, text))
        if doc_err["missed"] or doc_err["spurious"] or doc_err["arguments"]:
            errors.append(doc_err)

    n_match = tp
    report = {
        "documents": len(gold_order),
        "events": prf(tp, n_gold, n_sys),
        "per_type": {t: dict(prf(*([v[0], v[1], v[2]])), tp=v[0]) for t, v in sorted(per_type.items())},
        "arguments": {k: acc(arg_right[k], n_match) for k in ARG_KEYS},
        "argument_names": {
            k: {"gold_found": acc(names[k + "_found"], names[k + "_gold"])["accuracy"],
                "system_right": acc(names[k + "_sys_right"], names[k + "_sys"])["accuracy"],
                "all_gold_found": acc(names[k + "_all_found"], n_match)["accuracy"]}
            for k in ("actors", "targets")},
        "missing_documents": missing_docs,
        "documents_without_events_field": no_events_layer,
    }
    gold_multi = Counter(g["event"] for did in gold_order for g in gold[did]["events"])
    gold_docs_of = defaultdict(set)
    for did in gold_order:
        for g in gold[did]["events"]:
            gold_docs_of[g["event"]].add(did)
    report["gold_event_ids"] = {"ids": len(gold_multi), "reports": sum(gold_multi.values()),
                                "with_2_or_more_reports": sum(1 for v in gold_multi.values() if v >= 2),
                                "in_2_or_more_articles": sum(1 for v in gold_docs_of.values() if len(v) >= 2)}
    if any_sys_ids:
        m = merge_scores([(g, s) for g, s, _, _, _ in merge_items])
        report["merging"] = {k: v for k, v in m.items() if not k.startswith("_")}
        report["merging"]["scored"] = True
        report["merging"]["matched_reports"] = len(merge_items)
        merge_err = _merge_errors(m, merge_items, gold, system)
    else:
        report["merging"] = {"scored": False,
                             "reason": "the system gave no `event` ids" if merge_items else "no matched events"}
        merge_err = []
    report["_errors"] = errors
    report["_merge_errors"] = merge_err
    return report


def _describe(ev, text):
    s, e = ev.get("start"), ev.get("end")
    d = {"type": ev.get("type"), "trigger": ev.get("trigger"), "start": s, "end": e,
         "modality": ev.get("modality"), "event": ev.get("event")}
    if text and _is_int(s) and _is_int(e):
        a, b = max(0, s - 60), min(len(text), e + 60)
        d["context"] = (text[a:s] + "[" + text[s:e] + "]" + text[e:b]).replace("\n", " ")
    return d


def _merge_errors(m, items, gold, system):
    out = []
    where = defaultdict(list)
    for g, s, did, gi, si in items:
        trig = gold[did]["events"][gi].get("trigger")
        where[("g", g)].append((did, trig, s[1] if s[0] == "sys" else None))
        where[("s", s)].append((did, trig, g))
    for g in m["split_gold_events"]:
        out.append({"kind": "gold event split over system ids", "gold_event": g,
                    "reports": [{"id": d, "trigger": t, "system_event": s} for d, t, s in where[("g", g)]]})
    for s in m["_impure"]:
        out.append({"kind": "system id joins gold events", "system_event": s[1],
                    "reports": [{"id": d, "trigger": t, "gold_event": g} for d, t, g in where[("s", s)]]})
    return out


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def _f(x):
    return "   —  " if x is None else f"{x:6.3f}"


def summary_line(r):
    parts = [f"events F1 {_f(r['events']['f1']).strip()}"]
    a = r["arguments"]
    for k, label in (("actors", "actors"), ("date_exact", "date"), ("modality", "modality")):
        parts.append(f"{label} {_f(a[k]['accuracy']).strip()}")
    mg = r["merging"]
    if mg.get("scored"):
        parts.append(f"merge pairwise F1 {_f(mg['pairwise']['f1']).strip()}")
        parts.append(f"B3 F1 {_f(mg['b3']['f1']).strip()}")
    else:
        parts.append("merging not scored")
    return " · ".join(parts)


def format_text(r, gold_path, sys_path, show_errors):
    L = []
    ev = r["events"]
    L.append(f"gold {gold_path} · system {sys_path} · {r['documents']} documents")
    if r["missing_documents"]:
        L.append(f"  {len(r['missing_documents'])} gold document(s) missing from the system file (all missed)")
    if r["documents_without_events_field"]:
        L.append(f"  {r['documents_without_events_field']} system document(s) have no `events` field (counted as no events)")
    L.append("")
    L.append("Event detection (same type; trigger overlap or gold trigger inside the system sentence)")
    L.append(f"  P {_f(ev['precision'])}  R {_f(ev['recall'])}  F1 {_f(ev['f1'])}   "
             f"(matched {ev['tp']} · gold {ev['gold']} · system {ev['system']})")
    L.append(f"  {'type':<10} {'gold':>5} {'sys':>5} {'match':>6} {'P':>7} {'R':>7} {'F1':>7}")
    for t, d in r["per_type"].items():
        L.append(f"  {t:<10} {d['gold']:>5} {d['system']:>5} {d['tp']:>6} {_f(d['precision'])} {_f(d['recall'])} {_f(d['f1'])}")
    L.append("")
    L.append(f"Arguments on the {ev['tp']} matched events (accuracy)")
    a = r["arguments"]
    names = r["argument_names"]
    for k, label in (("actors", "actors"), ("targets", "targets"), ("place", "place"), ("date_exact", "date (exact)"),
                     ("date_compatible", "date (compatible)"), ("modality", "modality"), ("mode", "mode")):
        extra = ""
        if k in names:
            extra = (f"   (every gold name found {_f(names[k]['all_gold_found']).strip()}; gold names found "
                     f"{_f(names[k]['gold_found']).strip()}, system names right {_f(names[k]['system_right']).strip()})")
        L.append(f"  {label:<18} {_f(a[k]['accuracy'])}  {a[k]['right']}/{a[k]['total']}{extra}")
    L.append("")
    mg = r["merging"]
    ge = r["gold_event_ids"]
    L.append(f"Merged events (gold: {ge['ids']} event ids over {ge['reports']} reports; {ge['with_2_or_more_reports']} with 2+ reports, "
             f"{ge['in_2_or_more_articles']} reported in 2+ articles)")
    if not mg.get("scored"):
        L.append(f"  not scored: {mg['reason']}")
    else:
        pw, b3 = mg["pairwise"], mg["b3"]
        L.append(f"  over {mg['matched_reports']} matched reports")
        L.append(f"  pairwise links   P {_f(pw['precision'])}  R {_f(pw['recall'])}  F1 {_f(pw['f1'])}   "
                 f"(shared {pw['shared_links']} · gold {pw['gold_links']} · system {pw['system_links']})")
        L.append(f"  B3               P {_f(b3['precision'])}  R {_f(b3['recall'])}  F1 {_f(b3['f1'])}")
        mr, mp = mg["merged_event_recall"], mg["merged_event_precision"]
        L.append(f"  merged-event recall    {_f(mr['accuracy'])}  {mr['right']}/{mr['total']} gold events with 2+ matched reports kept whole")
        L.append(f"  merged-event precision {_f(mp['accuracy'])}  {mp['right']}/{mp['total']} system ids with 2+ matched reports that are pure")
    if show_errors:
        L.append("")
        L.append("Errors")
        for d in r["_errors"]:
            L.append(f"  == {d['id']}")
            for e in d["missed"]:
                L.append(f"    missed   {e['type']:<10} {e['trigger']!r} @{e['start']} {e.get('modality') or ''} [{e.get('event')}]")
                if e.get("context"):
                    L.append(f"             …{e['context']}…")
            for e in d["spurious"]:
                L.append(f"    spurious {e['type']:<10} {e['trigger']!r} @{e['start']} {e.get('modality') or ''}")
                if e.get("context"):
                    L.append(f"             …{e['context']}…")
            for e in d["arguments"]:
                w = "; ".join(f"{x['field']}: gold {x['gold']!r} system {x['system']!r}" for x in e["wrong"])
                L.append(f"    args     {e['type']:<10} {e['trigger']!r} @{e['start']}: {w}")
        for e in r["_merge_errors"]:
            L.append(f"  merge: {e['kind']}: {e.get('gold_event') or e.get('system_event')}")
            for x in e["reports"]:
                other = x.get("system_event", x.get("gold_event"))
                L.append(f"    {x['id']} {x['trigger']!r} -> {other}")
    L.append("")
    L.append(summary_line(r))
    return "\n".join(L)


def _public(r, show_errors):
    out = {k: v for k, v in r.items() if not k.startswith("_")}
    if show_errors:
        out["errors"] = r["_errors"]
        out["merge_errors"] = r["_merge_errors"]
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score event extraction and event merging against the event gold.")
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--errors", action="store_true", help="list missed/spurious events, argument and merge errors")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--articles", help="articles JSONL for error context (default: articles.jsonl beside GOLD)")
    args = ap.parse_args(argv)
    try:
        gold, order = read_jsonl(args.gold, gold=True)
        system, _ = read_jsonl(args.system, gold=False)
    except InputError as e:
        print(f"score_events.py: error: {e}", file=sys.stderr)
        return 2
    extra = [d for d in system if d not in gold]
    if extra:
        print(f"score_events.py: {len(extra)} system document(s) not in gold ignored: {', '.join(extra[:5])}"
              + ("…" if len(extra) > 5 else ""), file=sys.stderr)
    art = args.articles or os.path.join(os.path.dirname(os.path.abspath(args.gold)), "articles.jsonl")
    texts = read_texts(art) if args.errors else {}
    report = score(gold, order, system, texts)
    if args.json:
        print(json.dumps(_public(report, args.errors), ensure_ascii=False, indent=2))
        print(summary_line(report), file=sys.stderr)
    else:
        print(format_text(report, args.gold, args.system, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
