#!/usr/bin/env python3
"""Build models/cues.tsv, the cue lexicon (speech and attribution words), from PolNeAR train cue spans.

    python3 scripts/build_cues.py ../shared/data/polnear-train.jsonl models/cues.tsv [--exclude IDS]

A word is listed when it occurs at least MIN_COUNT times inside cue spans and at least MIN_RATE of its
occurrences anywhere in the corpus are inside a cue span. Output: `word<TAB>cue count<TAB>rate`, sorted.
Readers choose their own bar from the count and rate (`src/cues.rs`: the quote and speaker stages use
the strong words, count >= 4 and rate >= 0.25; the reported-speech tagger reads every listed word's
rate). `--exclude` leaves out the articles whose ids a file lists (the held-out tenth when choosing
settings, so that its cue words are not learned from it).
"""
import collections
import json
import re
import sys

MIN_COUNT = 2
MIN_RATE = 0.1
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


def main(src, dst, exclude=frozenset()):
    in_cue = collections.Counter()
    total = collections.Counter()
    for line in open(src, encoding="utf-8"):
        row = json.loads(line)
        if row["id"] in exclude:
            continue
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
    args = sys.argv[1:]
    excluded = frozenset()
    if "--exclude" in args:
        k = args.index("--exclude")
        excluded = frozenset(open(args[k + 1]).read().split())
        del args[k : k + 2]
    main(args[0], args[1], excluded)
