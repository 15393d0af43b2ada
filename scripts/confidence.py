#!/usr/bin/env python3
"""How far the sure mark can be trusted: of the gold quotations that have a speaking actor and
that newslens found with their exact span, the share marked sure, and the share right among the
sure and among the unsure ones.

    python3 scripts/confidence.py GOLD_ARTICLES.jsonl SYSTEM.jsonl [--json] [--score SCORE_PY]

"Right" is score.py's own quote -> actor judgement (the predicted actor's mentions overlap the
gold speaker's more than any other gold actor's), not a copy of it: score.py keeps that rule in a
closure inside score_articles, which cannot be imported, so this script imports score.py (default
../shared/eval/score.py beside the repository) and runs score_articles twice, on the quotations
marked sure alone and on the others alone; its quote -> actor counts are the two rows. Together
they are score.py's quote -> actor "right" and "of_found" (python/tests/test_confidence.py checks
it on the dev articles).

Also counts the sure attributions of quotations whose gold speaker is no named actor ("a
friend"): a sure actor there is a wrong name shown without a warning.
"""
import argparse
import importlib.util
import json
import pathlib

SCORE_PY = pathlib.Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def load_score(path=SCORE_PY):
    """The shared scorer as a module (a script, not a package: loaded from its path)."""
    if not pathlib.Path(path).is_file():
        raise SystemExit(f"{path}: no score.py there (--score names it)")
    spec = importlib.util.spec_from_file_location("newslens_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_sure(q):
    """A quotation marked sure; any other mark, or none, counts as unsure."""
    return q.get("confidence") == "sure"


def tally(gold_rows, sys_rows, score):
    """{"sure": [right, found], "unsure": [right, found], "sure_without_gold_actor": n,
    "no_gold_actor": n}, with `score` the score.py module."""
    by_id = {r["id"]: r for r in sys_rows}

    def quote_actor(sure):
        only = {i: {**r, "quotes": [q for q in r.get("quotes") or [] if is_sure(q) == sure]} for i, r in by_id.items()}
        qa = score.score_articles(gold_rows, only)["quote_actor"]
        return [qa["right"], qa["of_found"]]

    t = {"sure": quote_actor(True), "unsure": quote_actor(False), "sure_without_gold_actor": 0, "no_gold_actor": 0}
    for g in gold_rows:
        no_actor = {(q["start"], q["end"]) for q in g["quotes"] if q.get("speaker_actor") is None}
        for q in by_id[g["id"]].get("quotes") or []:
            if (q["start"], q["end"]) in no_actor:
                t["no_gold_actor"] += 1
                t["sure_without_gold_actor"] += is_sure(q) and q.get("actor") is not None
    return t


def summary(t):
    n = t["sure"][1] + t["unsure"][1]
    pct = lambda a, b: round(100 * a / b, 2) if b else 0.0  # noqa: E731
    return {"found_with_actor": n, "sure_share": pct(t["sure"][1], n),
            "sure_right": pct(*t["sure"]), "sure": f"{t['sure'][0]}/{t['sure'][1]}",
            "unsure_right": pct(*t["unsure"]), "unsure": f"{t['unsure'][0]}/{t['unsure'][1]}",
            "sure_where_gold_names_no_actor": f"{t['sure_without_gold_actor']}/{t['no_gold_actor']}"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--score", default=SCORE_PY, help="the shared score.py (default: %(default)s)")
    args = ap.parse_args()
    score = load_score(args.score)
    kind, gold_rows = score.read_gold(args.gold)
    if kind != "articles":
        raise SystemExit(f"{args.gold}: not hand-annotated articles (score.py reads it as {kind!r})")
    res = summary(tally(gold_rows, score.read_jsonl(args.system), score))
    print(json.dumps(res) if args.json else f"confidence: {json.dumps(res)}")


if __name__ == "__main__":
    main()
