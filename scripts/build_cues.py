#!/usr/bin/env python3
"""Build models/cues.tsv, the cue lexicon (speech and attribution words), from PolNeAR train cue spans.

    python3 scripts/build_cues.py ../shared/data/polnear-train.jsonl models/cues.tsv

A word is kept when it occurs at least MIN_COUNT times inside cue spans and at least MIN_RATE of its
occurrences anywhere in the corpus are inside a cue span. Output: `word<TAB>cue count<TAB>rate`, sorted.
"""
import collections
import json
import re
import sys

MIN_COUNT = 4
MIN_RATE = 0.25
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


def main(src, dst):
    in_cue = collections.Counter()
    total = collections.Counter()
    for line in open(src, encoding="utf-8"):
        row = json.loads(line)
        text = row["text"]
        cue_chars = set()
        for a in row["attributions"]:
            for s, e in a["cue"]:
                cue_chars.update(range(s, e))
        for m in WORD.finditer(text):
            w = m.group().lower().replace("’", "'")
            total[w] += 1
            if m.start() in cue_chars:
                in_cue[w] += 1
    rows = [(w, n, n / total[w]) for w, n in in_cue.items() if n >= MIN_COUNT and n / total[w] >= MIN_RATE]
    with open(dst, "w", encoding="utf-8") as out:
        for w, n, r in sorted(rows):
            out.write(f"{w}\t{n}\t{r:.3f}\n")
    print(f"{len(rows)} cue words -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
