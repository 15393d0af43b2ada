#!/usr/bin/env python3
"""The hand-annotated PolNeAR dev articles: annotations in the repo, texts from the shared data.

    python3 scripts/dev_articles.py build ../shared/data/polnear-dev.jsonl OUT.jsonl
        writes the articles in score.py's "articles" format (the texts are research data, so only
        the annotations live in tests/fixtures/dev-annotations.txt; the JSONL is built when needed)
    python3 scripts/dev_articles.py draft ../shared/data/polnear-dev.jsonl SYSTEM.jsonl ID...
        prints an article for annotation: the text with the system's entities in [brackets|LABEL],
        then a block in the annotation format to correct by hand (never to accept unread)

Annotation format (tests/fixtures/dev-annotations.txt), one block per article:

    ## <article id>
    surface | PER/ORG/LOC/MISC/- | actor id/-    a mention, in text order; label "-": an optional
                                                 mention; actor "-": a name that is no actor
    > n | actor id/- | opening words             PolNeAR's n-th derived quote and who said it

Mentions are found in order: each surface is searched from the end of the previous one, so every
mention must be listed, in order. Every PolNeAR quote of the article must be listed once.
Conventions: tests/fixtures/README.md.
"""
import json
import re
import sys

ROOT_ANN = "tests/fixtures/dev-annotations.txt"
KIND = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "other"}


def read_jsonl(path):
    """The rows of a JSONL file by their "id", in file order."""
    with open(path, encoding="utf-8") as fh:
        return {r["id"]: r for r in (json.loads(l) for l in fh if l.strip())}


def parse_blocks(path, quote_line):
    """The blocks of an annotation file (this one's format, or reuters_articles.py's), by article id:
    {"mentions": [(surface, label or None, actor or None, line number)], "quotes": [...]}. A line
    "## id" opens a block, other lines opening with "#" are comments; `quote_line(line, cols,
    where)` reads a quote line into its entry for "quotes" (`cols`: the line split at "|",
    `where`: "file:line" for an error), or returns None for a line that is no quote line, which
    is then a mention: "surface | label | actor", "-" for no label (optional) or no actor."""
    blocks, cur = {}, None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#") and not line.startswith("## "):
            continue
        if line.startswith("## "):
            cur = blocks.setdefault(line[3:].strip(), {"mentions": [], "quotes": []})
            continue
        if cur is None:
            raise SystemExit(f"{path}:{n}: annotation before the first '## id' line")
        cols = [c.strip() for c in line.split("|")]
        quote = quote_line(line, cols, f"{path}:{n}")
        if quote is not None:
            cur["quotes"].append((*quote, n))
            continue
        if len(cols) != 3:
            raise SystemExit(f"{path}:{n}: a mention line is 'surface | label | actor', got {cols}")
        surface, label, actor = cols
        if label != "-" and label not in KIND:
            raise SystemExit(f"{path}:{n}: unknown label {label!r}")
        cur["mentions"].append((surface, None if label == "-" else label, None if actor in ("-", "") else actor, n))
    return blocks


def polnear_quote(line, cols, where):
    """'> n | actor id/- | opening words': PolNeAR's n-th quote, who said it, how it opens."""
    if not line.startswith(">"):
        return None
    if len(cols) < 2:
        raise SystemExit(f"{where}: quote line needs '> n | actor'")
    return int(cols[0][1:].strip()), None if cols[1] == "-" else cols[1], cols[2] if len(cols) > 2 else ""


def parse_annotations(path):
    return parse_blocks(path, polnear_quote)


def find_word(text, surface, at):
    """The first occurrence of `surface` at or after `at` that is not inside a longer word."""
    while True:
        i = text.find(surface, at)
        if i < 0:
            return i
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(surface)] if i + len(surface) < len(text) else " "
        if not (before.isalnum() and surface[0].isalnum()) and not (after.isalnum() and surface[-1].isalnum()):
            return i
        at = i + 1


def actors_of(entities, quotes, doc_id):
    """The actor list of score.py's articles format: one entry per actor id, named by its longest
    mention, with mention and quote counts. Entities with actor None are names that are no actor."""
    actors = {}
    for e in entities:
        if e["actor"] is None:
            continue
        a = actors.setdefault(e["actor"], {"id": e["actor"], "name": e["text"], "kind": KIND[e["label"]], "mentions": 0, "quotes": 0})
        a["mentions"] += 1
        if len(e["text"]) > len(a["name"]):
            a["name"] = e["text"]
    for q in quotes:
        if q["speaker_actor"]:
            if q["speaker_actor"] not in actors:
                raise SystemExit(f"{doc_id}: quote speaker {q['speaker_actor']!r} has no mention")
            actors[q["speaker_actor"]]["quotes"] += 1
    return list(actors.values())


def place_mentions(text, mentions, where):
    """(entities, optional entities): each annotated mention found in `text` after the previous
    one; `where` names the annotation in an error ("file:line: doc id")."""
    entities, optional = [], []
    at = 0
    for surface, label, actor, n in mentions:
        i = find_word(text, surface, at)
        if i < 0:
            raise SystemExit(f"{where(n)}: {surface!r} not found after offset {at}")
        at = i + len(surface)
        span = {"start": i, "end": at, "text": surface}
        if label is None:
            optional.append(span)
        else:
            # actor None: a name that is not an actor (an event, a law, a work, a product)
            entities.append({**span, "label": label, "actor": actor})
    return entities, optional


def build_article(row, spec):
    text = row["text"]
    entities, optional = place_mentions(text, spec["mentions"], lambda n: f"{ROOT_ANN}:{n}: {row['id']}")
    quotes = []
    seen = set()
    for qi, actor, opening, n in spec["quotes"]:
        if not 0 <= qi < len(row["quotes"]):
            raise SystemExit(f"{ROOT_ANN}:{n}: {row['id']} has no quote {qi}")
        q = row["quotes"][qi]
        qt = text[q["start"]:q["end"]]
        if opening and not qt.startswith(opening):
            raise SystemExit(f"{ROOT_ANN}:{n}: quote {qi} opens {qt[:20]!r}, not {opening!r}")
        seen.add(qi)
        quotes.append({"start": q["start"], "end": q["end"], "text": qt, "speaker_actor": actor})
    if seen != set(range(len(row["quotes"]))):
        raise SystemExit(f"{row['id']}: quotes {sorted(set(range(len(row['quotes']))) - seen)} not annotated")
    actors = actors_of(entities, quotes, row["id"])
    return {"id": row["id"], "source": "polnear-dev, annotated for newslens", "text": text, "entities": entities,
            "optional_entities": optional, "quotes": sorted(quotes, key=lambda q: q["start"]), "actors": actors}


def write_articles(src, dst, blocks, build_one):
    """Each annotated article of `blocks`, built by `build_one(row, block)` from its row of `src`,
    as a line of `dst` (score.py's articles format)."""
    rows = read_jsonl(src)
    with open(dst, "w", encoding="utf-8") as out:
        for aid, spec in blocks.items():
            if aid not in rows:
                raise SystemExit(f"{aid}: not in {src}")
            out.write(json.dumps(build_one(rows[aid], spec), ensure_ascii=False) + "\n")
    print(f"{len(blocks)} articles -> {dst}", file=sys.stderr)


def build(src, dst):
    write_articles(src, dst, parse_annotations(ROOT_ANN), build_article)


def slug(name):
    words = re.sub(r"[^\w\s-]", "", name).lower().split()
    return words[-1] if words else "x"


def draft(src, system, ids):
    rows = read_jsonl(src)
    sys_rows = read_jsonl(system)
    for aid in ids:
        row, s = rows[aid], sys_rows[aid]
        text = row["text"]
        actor_of = {}
        names = {}
        for a in s["actors"]:
            names[a["id"]] = slug(a["name"])
            for m in a["mentions"]:
                actor_of[tuple(m)] = a["id"]
        out, at = [], 0
        for e in sorted(s["entities"], key=lambda e: e["start"]):
            out.append(text[at:e["start"]])
            out.append(f"[{text[e['start']:e['end']]}|{e['label']}]")
            at = e["end"]
        out.append(text[at:])
        print(f"=== {aid}\n{''.join(out)}\n")
        print(f"## {aid}")
        for e in sorted(s["entities"], key=lambda e: e["start"]):
            a = actor_of.get((e["start"], e["end"]))
            print(f"{text[e['start']:e['end']]} | {e['label']} | {names.get(a, '?')}")
        sq = {(q["start"], q["end"]): q for q in s["quotes"]}
        for i, q in enumerate(row["quotes"]):
            src_txt = " / ".join(text[a:b] for a, b in q["speaker"] or [])
            p = sq.get((q["start"], q["end"]))
            guess = names.get(p["actor"], "?") if p and p.get("actor") else "?"
            opening = text[q["start"]:q["start"] + 24].split("\n")[0].replace("|", " ").strip()
            print(f"> {i} | {guess} | {opening} | [PolNeAR source: {src_txt}]")
        print()


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "build" and len(sys.argv) == 4:
        build(sys.argv[2], sys.argv[3])
    elif cmd == "draft" and len(sys.argv) >= 5:
        draft(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(__doc__)
