#!/usr/bin/env python3
"""Build tests/fixtures/articles.jsonl: five PolNeAR train articles annotated by hand in the
score.py "articles" format (entities with actor ids, optional entities, quotes with speaker
actor, actors). The annotations below are ours; the texts come from the shared PolNeAR file.

    python3 scripts/build_article_fixtures.py ../shared/data/polnear-train.jsonl tests/fixtures/articles.jsonl

Each article lists its mentions in text order as (surface, label, actor); label None marks an
optional mention (demonyms, party labels, days and months, names inside a larger title). Quotes
are (opening words, speaker actor or None). Conventions: tests/fixtures/README.md.
"""
import json
import sys

from dev_articles import actors_of, place_mentions  # one mention placer and actor-list builder for every fixture set


ARTICLES = {
    "politico_2016-02-19_rep-welch-to-back-sanders-for-pr_4b22": {
        "mentions": [
            ("Welch", "PER", "welch"), ("Sanders", "PER", "sanders"), ("Peter Welch", "PER", "welch"),
            ("Bernie Sanders", "PER", "sanders"), ("Sanders", "PER", "sanders"), ("Welch", "PER", "welch"),
            ("Friday", None, None), ("Vermont Edition", "MISC", "vted"), ("Sanders", "PER", "sanders"),
            ("March", None, None), ("Vermont", None, None), ("Sanders", "PER", "sanders"),
            ("Democratic National Convention", "MISC", "dnc"), ("Welch", "PER", "welch"), ("March", None, None),
            ("Welch", "PER", "welch"), ("Vermont Edition", "MISC", "vted"), ("Bernie Sanders", "PER", "sanders"),
            ("Welch", "PER", "welch"), ("July", None, None), ("Welch", "PER", "welch"),
            ("Hillary Clinton", "PER", "clinton"), ("Democrats", None, None), ("Vermont", None, None),
            ("Peter Shumlin", "PER", "shumlin"), ("Patrick Leahy", "PER", "leahy"), ("Vermont", None, None),
            ("Howard Dean", "PER", "dean"), ("Clinton", "PER", "clinton"),
        ],
        "quotes": [("\"I'll be voting", "welch"), ("\"And I've decided", "welch"), ("\"as a superdelegate", "welch")],
    },
    "breitbart_2016-07-05_ryan-anti-semitic-images-have-no_d473": {
        "mentions": [
            ("Ryan", "PER", "ryan"), ("Anti-Semitic", None, None), ("Tuesday", None, None), ("WTMJ", "ORG", "wtmj"),
            ("Midday with Charlie Sykes", "MISC", "midday"), ("Republican", None, None),
            ("Donald Trump", "PER", "trump"), ("Hillary Clinton", "PER", "clinton"), ("Star of David", "MISC", "star"),
            ("House", "ORG", "house"), ("Paul Ryan", "PER", "ryan"), ("R-WI", None, None), ("anti-Semitic", None, None),
            ("Ryan", "PER", "ryan"), ("anti-Semitic", None, None),
            ("Hill", "ORG", "thehill"),
        ],
        "quotes": [("“anti-Semitic images", "ryan"), ("“Look, anti-Semitic", "ryan"), ("“Look I’ve made", "ryan")],
    },
    "usa-today_2016-05-03_ted-cruz-says-heckler-deserves-a_4e07": {
        "mentions": [
            ("Ted Cruz", "PER", "cruz"), ("Texas", "LOC", "texas"), ("Ted Cruz", "PER", "cruz"),
            ("American", None, None), ("Hillary Clinton", "PER", "clinton"), ("Indiana", "LOC", "indiana"),
            ("Sunday", None, None), ("Cruz", "PER", "cruz"), ("Cruz", "PER", "cruz"), ("Donald Trump", "PER", "trump"),
            ("Cruz", "PER", "cruz"), ("Trump", "PER", "trump"), ("Republican", None, None), ("Indiana", "LOC", "indiana"),
            ("Tuesday", None, None), ("Trump", "PER", "trump"), ("Cruz", "PER", "cruz"),
            ("RealClearPolitics", "ORG", "rcp"), ("Hoosier", None, None), ("Trump", "PER", "trump"), ("Cruz", "PER", "cruz"),
        ],
        "quotes": [
            ("\"spanking\"", "cruz"), ("\"Apparently", "cruz"), ("\"You suck!\"", None), ("\"Thank you, son,\"", "cruz"),
            ("\"children should", "cruz"), ("\"Imagine what", "cruz"), ("\"You know, in my", "cruz"),
        ],
    },
    "usa-today_2016-07-15_ginsburg-apologizes-for-trump-co_d473": {
        "mentions": [
            ("Ginsburg", "PER", "rbg"), ("Trump", "PER", "trump"), ("Ruth Bader Ginsburg", "PER", "rbg"),
            ("Donald Trump", "PER", "trump"), ("Supreme Court", "ORG", "court"), ("Republican", None, None),
            ("Ginsburg", "PER", "rbg"), ("Trump", "PER", "trump"), ("Trump", "PER", "trump"), ("Ginsburg", "PER", "rbg"),
            ("Supreme Court", "ORG", "court"), ("Trump", "PER", "trump"), ("Ginsburg", "PER", "rbg"),
            ("New York Times", "ORG", "nyt"), ("Washington Post", "ORG", "wapo"),
        ],
        "quotes": [("\"On reflection", "rbg"), ("\"Judges should", "rbg"), ("\"want to contemplate\"", "rbg"), ("\"Her mind", "trump")],
    },
    "huff-post_2016-01-17_bernie-sanders-to-release-medica_4e07": {
        "mentions": [
            ("Bernie Sanders", "PER", "sanders"), ("Clinton", "PER", "clinton"), ("Bernie Sanders", "PER", "sanders"),
            ("I-Vt.", None, None), ("Sanders", "PER", "sanders"), ("CNN", "ORG", "cnn"),
            ("State of the Union", "MISC", "sotu"), ("Sunday", None, None), ("God", None, None), ("Hillary", None, None),
            ("Clinton", "PER", "clinton"), ("Politico", "ORG", "politico"), ("Saturday", None, None),
            ("David Brock", "PER", "brock"), ("Correct the Record", "ORG", "ctr"), ("Clinton", None, None),
            ("Iowa", "LOC", "iowa"), ("Clinton", "PER", "clinton"), ("July", None, None), ("Clinton", "PER", "clinton"),
            ("Last month", None, None), ("Huffington Post", "ORG", "huffpost"), ("Scott Conroy", "PER", "conroy"),
            ("Sanders", "PER", "sanders"), ("November", None, None),
        ],
        "quotes": [("“Of course", "sanders"), ("“Thank God", "sanders"), ("“Sure it is", "sanders")],
    },
}


def build(row, spec):
    text = row["text"]
    mentions = [(surface, label, actor, i) for i, (surface, label, actor) in enumerate(spec["mentions"])]
    entities, optional = place_mentions(text, mentions, lambda i: f"{row['id']}: mention {i}")
    gold_quotes = {q["start"]: q for q in row["quotes"]}
    quotes = []
    for opening, actor in spec["quotes"]:
        starts = [s for s in gold_quotes if text.startswith(opening, s)]
        if len(starts) != 1:
            raise SystemExit(f"{row['id']}: quote {opening!r} matches {len(starts)} PolNeAR quotes")
        q = gold_quotes[starts[0]]
        quotes.append({"start": q["start"], "end": q["end"], "text": text[q["start"]:q["end"]], "speaker_actor": actor})
    return {"id": row["id"], "source": "polnear-train, annotated for newslens", "text": text, "entities": entities,
            "optional_entities": optional, "quotes": quotes, "actors": actors_of(entities, quotes, row["id"])}


def main(src, dst):
    rows = {}
    for line in open(src, encoding="utf-8"):
        r = json.loads(line)
        if r["id"] in ARTICLES:
            rows[r["id"]] = r
    with open(dst, "w", encoding="utf-8") as out:
        for aid, spec in ARTICLES.items():
            out.write(json.dumps(build(rows[aid], spec), ensure_ascii=False) + "\n")
    print(f"{len(ARTICLES)} articles -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
