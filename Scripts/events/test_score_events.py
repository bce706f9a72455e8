#!/usr/bin/env python3
"""Tests for score_events.py: gold against itself, and against damaged copies of it.

run: python3 Scripts/events/test_score_events.py   (standard library only)
"""

import copy
import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import score_events as se  # noqa: E402

GOLD = os.path.join(ROOT, "Tests", "Fixtures", "events", "gold.jsonl")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def as_system(docs):
    """Gold lines in the system shape: arguments as {"text", "entity"} objects, sentence spans added."""
    out = []
    for d in docs:
        evs = []
        for e in d["events"]:
            s = dict(e)
            s["actors"] = [{"text": a, "entity": a} for a in e["actors"]]
            s["targets"] = [{"text": a, "entity": a} for a in e["targets"]]
            s["place"] = {"text": e["place"], "entity": e["place"]} if e["place"] else None
            s["sentence_start"], s["sentence_end"] = max(0, e["start"] - 5), e["end"] + 5
            evs.append(s)
        out.append({"id": d["id"], "events": evs})
    return out


class ScoreEventsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.gold_docs = load(GOLD)
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def write(self, docs, name):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        return path

    def run_json(self, system_docs, name="sys.jsonl", extra=()):
        path = self.write(system_docs, name)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = se.main([GOLD, path, "--json", *extra])
        self.assertEqual(code, 0, err.getvalue())
        return json.loads(out.getvalue())

    def test_gold_against_itself(self):
        for docs in (self.gold_docs, as_system(self.gold_docs)):
            r = self.run_json(docs)
            self.assertEqual(r["events"]["f1"], 1.0)
            for k, v in r["arguments"].items():
                self.assertEqual(v["accuracy"], 1.0, k)
            m = r["merging"]
            self.assertTrue(m["scored"])
            self.assertEqual(m["pairwise"]["f1"], 1.0)
            self.assertEqual(m["b3"]["f1"], 1.0)
            self.assertEqual(m["merged_event_recall"]["accuracy"], 1.0)
            self.assertEqual(m["merged_event_precision"]["accuracy"], 1.0)

    def test_removed_events_lower_recall_only(self):
        docs = as_system(self.gold_docs)
        removed = 0
        for d in docs:
            removed += len(d["events"][::3])
            del d["events"][::3]
        r = self.run_json(docs)
        self.assertEqual(r["events"]["precision"], 1.0)
        n = r["events"]["gold"]
        self.assertAlmostEqual(r["events"]["recall"], (n - removed) / n)
        self.assertEqual(r["merging"]["pairwise"]["precision"], 1.0)

    def test_changed_types_lower_both(self):
        docs = as_system(self.gold_docs)
        changed = 0
        for d in docs:
            for e in d["events"][::4]:
                e["type"] = "MOBILIZE" if e["type"] != "MOBILIZE" else "AID"
                changed += 1
        r = self.run_json(docs)
        n = r["events"]["gold"]
        self.assertAlmostEqual(r["events"]["precision"], (n - changed) / n)
        self.assertAlmostEqual(r["events"]["recall"], (n - changed) / n)
        self.assertLess(r["per_type"]["MOBILIZE"]["precision"], 0.5)

    def test_sentence_span_matching(self):
        docs = as_system(self.gold_docs)
        for d in docs:
            for e in d["events"]:
                e["start"] = e["end"] = None
        r = self.run_json(docs)
        self.assertEqual(r["events"]["recall"], 1.0)

    def test_merging_everything_lowers_precision(self):
        docs = as_system(self.gold_docs)
        for d in docs:
            for e in d["events"]:
                e["event"] = "one"
        r = self.run_json(docs)
        m = r["merging"]
        self.assertEqual(m["pairwise"]["recall"], 1.0)
        self.assertLess(m["pairwise"]["precision"], 0.1)
        self.assertEqual(m["merged_event_recall"]["accuracy"], 1.0)
        self.assertEqual(m["merged_event_precision"]["accuracy"], 0.0)
        self.assertEqual(r["events"]["f1"], 1.0)

    def test_merging_two_gold_events(self):
        docs = as_system(self.gold_docs)
        for d in docs:
            for e in d["events"]:
                if e["event"] == "biden-xi-2024-11-16":
                    e["event"] = "biden-xi-2023-11-15"
        r = self.run_json(docs)
        m = r["merging"]
        self.assertEqual(m["pairwise"]["recall"], 1.0)
        self.assertLess(m["pairwise"]["precision"], 1.0)
        self.assertLess(m["merged_event_precision"]["accuracy"], 1.0)
        self.assertEqual(m["impure_system_ids"], ["biden-xi-2023-11-15"])

    def test_split_ids_lower_recall(self):
        docs = as_system(self.gold_docs)
        for d in docs:
            for k, e in enumerate(d["events"]):
                e["event"] = f"{d['id']}-{k}"
        r = self.run_json(docs)
        m = r["merging"]
        self.assertEqual(m["pairwise"]["recall"], 0.0)
        self.assertEqual(m["b3"]["precision"], 1.0)
        self.assertLess(m["b3"]["recall"], 1.0)
        self.assertEqual(m["merged_event_recall"]["accuracy"], 0.0)

    def test_no_event_ids_not_scored(self):
        docs = as_system(self.gold_docs)
        for d in docs:
            for e in d["events"]:
                del e["event"]
        r = self.run_json(docs)
        self.assertFalse(r["merging"]["scored"])

    def test_arguments(self):
        docs = as_system(self.gold_docs)
        for d in docs:
            for e in d["events"]:
                # last-token rule: "Biden" names "Joe Biden"
                e["actors"] = [{"text": a.split()[-1], "entity": None} for a in [x["entity"] for x in e["actors"]]]
                if e["date"] and len(e["date"]) == 10:
                    e["date"] = e["date"][:7]
                e["modality"] = "happened"
        r = self.run_json(docs)
        a = r["arguments"]
        self.assertEqual(a["actors"]["accuracy"], 1.0)
        self.assertLess(a["date_exact"]["accuracy"], 1.0)
        self.assertEqual(a["date_compatible"]["accuracy"], 1.0)
        self.assertLess(a["modality"]["accuracy"], 1.0)
        self.assertEqual(a["targets"]["accuracy"], 1.0)

    def test_missing_document_and_no_events_field(self):
        docs = as_system(self.gold_docs)
        docs = [{"id": d["id"]} for d in docs[1:]]
        r = self.run_json(docs)
        self.assertEqual(r["events"]["tp"], 0)
        self.assertEqual(r["missing_documents"], [self.gold_docs[0]["id"]])
        self.assertEqual(r["documents_without_events_field"], len(self.gold_docs) - 1)

    def test_errors_output(self):
        docs = as_system(self.gold_docs)
        docs[0]["events"] = docs[0]["events"][1:]
        path = self.write(docs, "err.jsonl")
        out = io.StringIO()
        with redirect_stdout(out):
            code = se.main([GOLD, path, "--errors"])
        self.assertEqual(code, 0)
        self.assertIn("missed", out.getvalue())
        self.assertIn(self.gold_docs[0]["id"], out.getvalue())

    def test_malformed_input(self):
        path = os.path.join(self.tmp.name, "bad.jsonl")
        with open(path, "w") as f:
            f.write(json.dumps({"id": "ev-001", "events": []}) + "\n")
            f.write("{not json\n")
        err = io.StringIO()
        with redirect_stderr(err), redirect_stdout(io.StringIO()):
            code = se.main([GOLD, path])
        self.assertNotEqual(code, 0)
        self.assertIn(f"{path}:2", err.getvalue())
        with open(path, "w") as f:
            f.write(json.dumps({"id": "ev-001", "events": [{"trigger": "met"}]}) + "\n")
        err = io.StringIO()
        with redirect_stderr(err), redirect_stdout(io.StringIO()):
            code = se.main([GOLD, path])
        self.assertNotEqual(code, 0)
        self.assertIn(f"{path}:1", err.getvalue())
        self.assertIn("type", err.getvalue())


if __name__ == "__main__":
    unittest.main()
