#!/usr/bin/env python3
"""How far the sure mark can be trusted: of the gold quotations that have a speaking actor and
that newslens found with their exact span, the share marked sure, and the share right among the
sure and among the unsure ones ("right" as score.py's quote -> actor: the predicted actor's
mentions overlap the gold speaker's more than any other gold actor's).

    python3 scripts/confidence.py GOLD_ARTICLES.jsonl SYSTEM.jsonl [--json]

Also counts the sure attributions of quotations whose gold speaker is no named actor ("a
friend"): a sure actor there is a wrong name shown without a warning.
"""
import json
import sys


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def overlaps(a, b):
    return sum(1 for x in a for y in b if x[0] < y[1] and y[0] < x[1])


def gold_actor_of(gold_mentions, spans):
    best, best_n = None, 0
    for aid, ms in gold_mentions.items():
        n = overlaps(spans, ms)
        if n > best_n:
            best, best_n = aid, n
    return best


def tally(gold_rows, sys_rows):
    by_id = {r["id"]: r for r in sys_rows}
    t = {"sure": [0, 0], "unsure": [0, 0], "sure_without_gold_actor": 0, "no_gold_actor": 0}
    for g in gold_rows:
        s = by_id[g["id"]]
        gm = {}
        for e in g["entities"]:
            gm.setdefault(e["actor"], []).append((e["start"], e["end"]))
        actor_spans = {a["id"]: [tuple(m) for m in a.get("mentions", [])] for a in s.get("actors") or []}
        gold_q = {(q["start"], q["end"]): q for q in g["quotes"]}
        for q in s.get("quotes") or []:
            gq = gold_q.get((q["start"], q["end"]))
            if gq is None:
                continue
            mark = q.get("confidence", "unsure")
            if gq.get("speaker_actor") is None:
                t["no_gold_actor"] += 1
                t["sure_without_gold_actor"] += mark == "sure" and q.get("actor") is not None
                continue
            if q.get("actor") is not None:
                got = gold_actor_of(gm, actor_spans.get(q["actor"], []))
            else:
                got = gold_actor_of(gm, [tuple(m) for m in q.get("speaker") or []])
            t[mark][0] += got == gq["speaker_actor"]
            t[mark][1] += 1
    return t


def summary(t):
    n = t["sure"][1] + t["unsure"][1]
    pct = lambda a, b: round(100 * a / b, 2) if b else 0.0  # noqa: E731
    return {"found_with_actor": n, "sure_share": pct(t["sure"][1], n),
            "sure_right": pct(*t["sure"]), "sure": f"{t['sure'][0]}/{t['sure'][1]}",
            "unsure_right": pct(*t["unsure"]), "unsure": f"{t['unsure'][0]}/{t['unsure'][1]}",
            "sure_where_gold_names_no_actor": f"{t['sure_without_gold_actor']}/{t['no_gold_actor']}"}


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    res = summary(tally(read_jsonl(sys.argv[1]), read_jsonl(sys.argv[2])))
    print(json.dumps(res) if "--json" in sys.argv else f"confidence: {json.dumps(res)}")
