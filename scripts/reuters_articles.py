#!/usr/bin/env python3
"""The sealed dev set: Reuters wire stories of CoNLL-2003 dev, as running text, annotated by hand.

    python3 scripts/reuters_articles.py ids ../shared/data/conll2003-dev.jsonl
        the documents of the set (world, political and business news that quote someone)
    python3 scripts/reuters_articles.py blank ../shared/data/conll2003-dev.jsonl ID...
        prints an article as running text, then a block to annotate: its CoNLL entities in text
        order with an empty actor, and one line per quotation mark pair (from the gold data only,
        never from newslens's output, so that nothing of ours leaks into the annotation)
    python3 scripts/reuters_articles.py build ../shared/data/conll2003-dev.jsonl OUT.jsonl
        writes the annotated articles in score.py's "articles" format
    python3 scripts/reuters_articles.py score ../shared/data/conll2003-dev.jsonl [NEWSLENS]
    (--ann FILE reads another annotation file than tests/fixtures/reuters-annotations.txt;
     --open reads the open set's, tests/fixtures/reuters-open-annotations.txt, whose texts are
     CoNLL-2003 train stories: python3 scripts/reuters_articles.py --open build
     ../shared/data/conll2003-train.jsonl OUT.jsonl, then score as any articles file)
        builds the set, runs `newslens batch` on it and prints only the set's totals
        (scripts/confidence.py's table included): the set is sealed, its errors are never read

CoNLL-2003 keeps the tokens of each sentence joined by spaces. `running_text` joins them as a
newspaper prints them ("Bailey's", "(AFP)", "\"Today ...,\" Mitchell said") and puts each
sentence in a paragraph of its own, as Reuters does, except that a sentence inside an open
quotation continues its paragraph. The CoNLL entities move with their tokens, so they stay gold.

Annotation format (tests/fixtures/reuters-annotations.txt), one block per article:

    ## <conll2003-dev-nnnn>
    surface | PER/ORG/LOC/MISC/- | actor id/-    each CoNLL entity, in text order, with its label
                                                 ("-": optional, a demonym or a group) and its actor
                                                 ("-": a name that is no actor)
    > opening words | actor id/-                 a quotation, from its opening mark: who said it
    x opening words                              a quoted span that is no quotation (a title, a
                                                 scare quote, a nickname)

Every quoted span of the article is listed once, as a quotation or not. Conventions:
tests/fixtures/README.md.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from dev_articles import actors_of, parse_blocks, place_mentions, read_jsonl, write_articles  # noqa: E402

ROOT_ANN = os.path.join(HERE, "..", "tests", "fixtures", "reuters-annotations.txt")
# the open Reuters set: CoNLL-2003 train stories with the same conventions; its errors may be read
OPEN_ANN = os.path.join(HERE, "..", "tests", "fixtures", "reuters-open-annotations.txt")

# tokens glued to the word before them / after them
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re", "'ve",
                   "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M", "'", "..."}
NO_SPACE_AFTER = {"(", "[", "{", "$", "US$"}
SPORTS = re.compile(r"^[A-Z][A-Z .&/-]+ ?-|^[A-Z]+ [A-Z ]+-|Reuters historical calendar|World Markets Overnight")


def running_text(doc):
    """(text, entities): the document as a newspaper prints it, with its entities moved along."""
    lines = doc["text"].split("\n")
    # the code-point offset of every token in the CoNLL text
    tokens, at = [], 0
    for li, line in enumerate(lines):
        for tok in line.split(" "):
            tokens.append([li, at, tok])
            at += len(tok) + 1
    # CoNLL's sentence splitter leaves a quotation's opening mark at the end of the sentence
    # before it: the mark moves to the sentence it opens
    opening = False
    for i, t in enumerate(tokens):
        if t[2] == '"':
            opening = not opening
            if opening and i + 1 < len(tokens) and tokens[i + 1][0] != t[0]:
                t[0] = tokens[i + 1][0]
    out, new_start = [], {}
    open_quote = False
    glue_next = True
    prev_line = None
    for li, old, tok in tokens:
        reopens = False
        if prev_line is not None and li != prev_line:
            # a sentence inside an open quotation continues its paragraph, unless it opens with a
            # mark of its own: then the quotation runs on into a new paragraph (news convention)
            reopens = open_quote and tok == '"'
            out.append(" " if open_quote and not reopens else "\n\n")
            glue_next = True
        prev_line = li
        if tok == '"':
            space = not glue_next and not open_quote
            open_quote = open_quote if reopens else not open_quote
            glue_after = open_quote
        else:
            space = not glue_next and tok not in NO_SPACE_BEFORE
            glue_after = tok in NO_SPACE_AFTER
        if space:
            out.append(" ")
        new_start[old] = sum(map(len, out))
        out.append(tok)
        glue_next = glue_after
    text = "".join(out)
    starts = sorted(new_start)
    ents = []
    for e in doc["entities"]:
        s = new_start[e["start"]]
        # the last token of the entity: the greatest token start below its end
        last = max(o for o in starts if o < e["end"])
        end = new_start[last] + (e["end"] - last)
        ents.append({"start": s, "end": end, "label": e["label"], "text": text[s:end]})
    return text, ents


def quoted_spans(text):
    """Every span between a pair of double marks, marks included. A quotation left open at a
    paragraph's end continues when the next paragraph opens with a mark; other unbalanced marks
    are no quotation."""
    spans, start = [], None
    for para in re.finditer(r"[^\n]+", text):
        marks = [para.start() + m.start() for m in re.finditer('"', para.group())]
        if start is not None:
            if marks and marks[0] == para.start():
                marks = marks[1:]  # the continuing paragraph's opening mark
            else:
                start = None
        for pos in marks:
            if start is None:
                start = pos
            else:
                spans.append((start, pos + 1))
                start = None
    return spans


def selected(rows):
    """World, political and business stories with at least one quoted span."""
    return [r for r in rows if '"' in r["text"] and not SPORTS.match(r["text"].split("\n")[0])]


def quotation_line(line, cols, where):
    """'> opening words | actor id/-': a quotation and who said it (actor None: no named actor);
    'x opening words': a quoted span that is no quotation (actor False)."""
    if not (line.startswith(">") or line.startswith("x ")):
        return None
    opening = cols[0][1:].strip()
    if line.startswith("x "):
        return opening, False
    if len(cols) != 2:
        raise SystemExit(f"{where}: a quotation line is '> opening words | actor'")
    return opening, None if cols[1] == "-" else cols[1]


def parse_annotations(path):
    return parse_blocks(path, quotation_line)


def build_article(doc, spec):
    text, gold_ents = running_text(doc)
    entities, optional = place_mentions(text, spec["mentions"], lambda n: f"line {n}: {doc['id']}")
    listed = {(e["start"], e["end"]) for e in entities} | {(e["start"], e["end"]) for e in optional}
    missing = [e["text"] for e in gold_ents if (e["start"], e["end"]) not in listed]
    if missing:
        raise SystemExit(f"{doc['id']}: CoNLL entities not annotated: {missing[:5]}")
    spans = quoted_spans(text)
    quotes, seen = [], set()
    for opening, actor, n in spec["quotes"]:
        hit = [s for s in spans if text[s[0] + 1:].lstrip().startswith(opening) and s not in seen]
        if not hit:
            raise SystemExit(f"line {n}: {doc['id']}: no quoted span opens with {opening!r}")
        s = hit[0]
        seen.add(s)
        if actor is not False:
            quotes.append({"start": s[0], "end": s[1], "text": text[s[0]:s[1]], "speaker_actor": actor})
    if len(seen) != len(spans):
        left = [text[a:a + 30] for a, b in spans if (a, b) not in seen]
        raise SystemExit(f"{doc['id']}: quoted spans not annotated: {left}")
    split = doc["id"].rsplit("-", 1)[0]
    return {"id": doc["id"], "source": f"{split} (Reuters), annotated for newslens", "text": text,
            "entities": entities, "optional_entities": optional, "quotes": quotes,
            "actors": actors_of(entities, quotes, doc["id"])}


def build(src, dst):
    write_articles(src, dst, parse_annotations(ROOT_ANN), build_article)


def blank(src, ids):
    rows = read_jsonl(src)
    for aid in ids:
        text, ents = running_text(rows[aid])
        print(f"=== {aid}\n{text}\n")
        print(f"## {aid}")
        for e in ents:
            print(f"{e['text']} | {e['label']} | ?")
        for s, e in quoted_spans(text):
            print(f"> {' '.join(text[s + 1:min(e - 1, s + 40)].split()[:4])} | ?")
        print()


def score(src, exe):
    with tempfile.TemporaryDirectory() as tmp:
        gold, out = os.path.join(tmp, "gold.jsonl"), os.path.join(tmp, "out.jsonl")
        build(src, gold)
        subprocess.run([exe, "batch", gold, out], check=True, stderr=subprocess.DEVNULL)
        res = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "..", "..", "shared", "eval", "score.py"),
                                         gold, out, "--json"], check=True, capture_output=True, text=True).stdout)
        res["actors"].pop("missed", None)  # sealed: totals only
        for k, v in res.items():
            print(f"{k}: {json.dumps(v)}")
        subprocess.run([sys.executable, os.path.join(HERE, "confidence.py"), gold, out], check=True)


if __name__ == "__main__":
    if "--ann" in sys.argv:  # another annotation file (a batch being annotated)
        i = sys.argv.index("--ann")
        ROOT_ANN = sys.argv[i + 1]
        del sys.argv[i:i + 2]
    if "--open" in sys.argv:  # the open set, on ../shared/data/conll2003-train.jsonl
        sys.argv.remove("--open")
        ROOT_ANN = OPEN_ANN
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "ids" and len(sys.argv) == 3:
        for r in selected(read_jsonl(sys.argv[2]).values()):
            print(r["id"], len(r["text"]), r["text"].count('"') // 2, r["text"].split("\n")[0][:70], sep="\t")
    elif cmd == "blank" and len(sys.argv) >= 4:
        blank(sys.argv[2], sys.argv[3:])
    elif cmd == "build" and len(sys.argv) == 4:
        build(sys.argv[2], sys.argv[3])
    elif cmd == "score" and len(sys.argv) in (3, 4):
        score(sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else os.path.join(HERE, "..", "target", "release", "newslens"))
    else:
        raise SystemExit(__doc__)
