#!/usr/bin/env python3
"""How well do two PolNeAR annotators agree, on the scorer's own attribution measures?

PolNeAR's train split has 16 articles that five or six annotators annotated each (see
`polnear-annotator-choice.tsv`; the JSONL files keep one annotator per article). This script reads
every annotator's brat file from `raw/polnear/polnear-train-raw.tar.gz`, and for each pair of
annotators scores one against the other with `score.py` (gold = the first in id order, system = the
second; the F1s are symmetric up to ties in the scorer's greedy pairing, the source accuracy is
counted on the first's relations). It prints a table of the pairs and their mean: what people
trained on PolNeAR's guidelines reach, against which a system's attribution scores can be read.

    python3 scripts/polnear_agreement.py [--data ../shared/data] [--score ../shared/eval/score.py]
    python3 scripts/polnear_agreement.py --texts /tmp/ag.jsonl          # the 16 articles' texts
    python3 scripts/polnear_agreement.py --system OUT.jsonl             # a system against each annotator

With `--system`, the system's output on those articles (`newslens batch /tmp/ag.jsonl OUT.jsonl`)
is scored against every annotator in turn, the same way. Only meaningful for a model that did not
train on them: the shipped one did (they are in train); the model card gives the recipe.

It checks its own brat reader first: for every train article, the chosen annotator's relations
must equal the JSONL's (they do on 839 of 840 articles).
Standard library only; nothing is written outside a temporary folder.
"""
from __future__ import annotations

import argparse
import collections
import itertools
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile


def parse_ann(text: str) -> list[dict]:
    """Attribution relations of one brat .ann file, as the JSONL's {source, cue, content} spans."""
    # an annotation line is "T12<tab>Cue 5 9;12 15<tab>text" or "E3<tab>Attribution:T4 Cue:T1 ...";
    # the text column can hold a line break (and \u2028, hence not splitlines): skip the rest
    rows = [r for r in (line.split("\t") for line in text.split("\n"))
            if len(r) >= 2 and r[0][:1] in "TE" and r[0][1:].isdigit()]
    spans = {}
    for r in rows:
        if r[0].startswith("T"):
            _kind, frags = r[1].split(" ", 1)
            spans[r[0]] = [tuple(map(int, f.split())) for f in frags.split(";")]
    out = []
    for r in rows:
        if not r[0].startswith("E"):
            continue
        args = r[1].split()
        if not args[0].startswith("Attribution"):
            continue
        roles = collections.defaultdict(list)
        for a in args[1:]:
            role, tid = a.split(":")
            if role.startswith("Content"):  # Content2 arguments merge into content
                role = "Content"
            roles[role].extend(spans[tid])
        if not roles["Cue"] and not roles["Content"]:
            continue
        out.append({k: sorted(map(list, roles[r])) for k, r in
                    (("source", "Source"), ("cue", "Cue"), ("content", "Content"))})
    return out


def canon(rels: list[dict]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in rels)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--score", default="../shared/eval/score.py")
    ap.add_argument("--texts", help="write the multi-annotated articles as {id, text} JSONL here")
    ap.add_argument("--system", help="score this system output against each annotator")
    args = ap.parse_args()

    anns = {}  # (article, annotator) -> relations
    with tarfile.open(os.path.join(args.data, "raw/polnear/polnear-train-raw.tar.gz")) as tar:
        for m in tar.getmembers():
            if m.isfile() and "/attributions/" in m.name and m.name.endswith(".ann"):
                stem = os.path.basename(m.name)[: -len(".ann")]
                article, annotator = stem.rsplit("_", 1)
                anns[(article, annotator)] = parse_ann(tar.extractfile(m).read().decode("utf-8"))

    train = {}
    with open(os.path.join(args.data, "polnear-train.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            train[row["id"]] = row
    bad = [i for i, row in train.items()
           if canon(anns[tuple(i.rsplit("_", 1))]) != canon(row["attributions"])]
    # one train article differs (the JSONL swaps one relation's source and content); more means
    # this reader is wrong
    if len(bad) > 2:
        print(f"the brat reader disagrees with the JSONL on {len(bad)} articles, e.g. {bad[0]}",
              file=sys.stderr)
        return 1
    text = {i.rsplit("_", 1)[0]: row["text"] for i, row in train.items()}

    by_article = collections.defaultdict(set)
    for article, annotator in anns:
        by_article[article].add(annotator)
    multi = {a: s for a, s in by_article.items() if len(s) > 1}
    annotators = sorted(set().union(*multi.values()))
    if args.texts:
        with open(args.texts, "w", encoding="utf-8") as fh:
            for art in sorted(multi):
                fh.write(json.dumps({"id": art, "text": text[art]}) + "\n")
        print(f"{len(multi)} articles -> {args.texts}")
        return 0
    system = None
    if args.system:
        with open(args.system, encoding="utf-8") as fh:
            system = {row["id"]: row.get("attributions") or []
                      for row in map(json.loads, filter(str.strip, fh))}
        missing = sorted(set(multi) - set(system))
        if missing:
            print(f"{args.system} lacks {len(missing)} of the articles, e.g. {missing[0]}", file=sys.stderr)
            return 1

    def score(a, arts, predicted, tmp):
        gold_path, sys_path = os.path.join(tmp, "gold.jsonl"), os.path.join(tmp, "sys.jsonl")
        with open(gold_path, "w", encoding="utf-8") as g, open(sys_path, "w", encoding="utf-8") as s:
            for art in arts:
                g.write(json.dumps({"id": art, "source": "polnear", "text": text[art],
                                    "attributions": anns[(art, a)], "quotes": []}) + "\n")
                s.write(json.dumps({"id": art, "attributions": predicted(art)}) + "\n")
        run = subprocess.run([sys.executable, args.score, gold_path, sys_path, "--json"],
                             capture_output=True, text=True, check=True)
        at = json.loads(run.stdout)["attributions"]
        return at["partial"]["f1"], at["strict"]["f1"], at["source_acc_on_matched"]

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for a, b in itertools.combinations(annotators, 2):
            arts = sorted(x for x, s in multi.items() if a in s and b in s)
            if arts:
                results.append((a, b, len(arts), *score(a, arts, lambda art: anns[(art, b)], tmp)))
        against = []
        if system is not None:
            for a in annotators:
                arts = sorted(x for x, s in multi.items() if a in s)
                against.append((a, "system", len(arts), *score(a, arts, system.get, tmp)))

    print(f"PolNeAR train: {len(multi)} articles with several annotators; every pair of annotators,"
          " one scored against the other by score.py\n")
    table(results)
    if against:
        print(f"\n{args.system} scored against each annotator\n")
        table(against)
    return 0


def table(results):
    print("| annotators | articles | partial F1 | strict F1 | source acc |")
    print("|---|---:|---:|---:|---:|")
    for a, b, n, p, s, src in results:
        print(f"| {a} vs {b} | {n} | {p:.2f} | {s:.2f} | {src:.2f} |")
    cols = list(zip(*results))
    mean = [statistics.mean(c) for c in cols[3:]]
    lo = [min(c) for c in cols[3:]]
    hi = [max(c) for c in cols[3:]]
    print(f"| **mean of {len(results)}** | | **{mean[0]:.2f}** | **{mean[1]:.2f}** | **{mean[2]:.2f}** |")
    print(f"| range | | {lo[0]:.2f}-{hi[0]:.2f} | {lo[1]:.2f}-{hi[1]:.2f} | {lo[2]:.2f}-{hi[2]:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
