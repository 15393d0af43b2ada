#!/usr/bin/env python3
"""Rewrite the score tables of README.md and models/README.md from fresh scorer runs.

    python3 scripts/update_scores.py [SHARED_DIR]      (default ../shared; needs target/release/newslens)
"""
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared")


def score(gold, *flags):
    """score.py's result on the CLI's output; for hand-annotated articles, with the confidence
    split of scripts/confidence.py under "confidence"."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
        subprocess.run([ROOT / "target/release/newslens", "batch", gold, out.name, "--quiet", *flags], check=True)
        res = json.loads(subprocess.run(["python3", SHARED / "eval/score.py", gold, out.name, "--json"], check=True,
                                        capture_output=True, text=True).stdout)
        if res.get("kind") == "articles":
            res["confidence"] = json.loads(subprocess.run(["python3", ROOT / "scripts/confidence.py", gold, out.name, "--json",
                                                           "--score", SHARED / "eval/score.py"],
                                                          check=True, capture_output=True, text=True).stdout)
    return res


def built(script, gold_out, src=None, *flags):
    """Build a hand-annotated set (texts from the shared data) with `script`."""
    src = src or ("polnear-dev.jsonl" if script == "dev_articles.py" else "conll2003-dev.jsonl")
    subprocess.run(["python3", ROOT / "scripts" / script, *flags, "build", SHARED / "data" / src, gold_out], check=True,
                   cwd=ROOT, stderr=subprocess.DEVNULL)


def replace_table(path, table):
    text = path.read_text()
    head, rest = text.split("SCORES_START", 1)
    _, tail = rest.split("SCORES_END", 1)
    path.write_text(f"{head}SCORES_START\n{table}{'SCORES_END'}{tail}")


def main():
    c = score(SHARED / "data/conll2003-dev.jsonl")
    p = score(SHARED / "data/polnear-dev.jsonl")
    pa = score(SHARED / "data/polnear-dev.jsonl", "--accurate")
    a = score(ROOT / "tests/fixtures/articles.jsonl")
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as dev_gold:
        built("dev_articles.py", dev_gold.name)
        d = score(dev_gold.name)
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as sealed_gold:
        built("reuters_articles.py", sealed_gold.name)
        r = score(sealed_gold.name)
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as open_gold:
        built("reuters_articles.py", open_gold.name, "conll2003-train.jsonl", "--open")
        o = score(open_gold.name)
    pl = c["entities"]["per_label"]
    card = [
        ("dev articles", "entity F1", d["entities"]["f1"]),
        ("dev articles", "quote->actor accuracy", d["quote_actor"]["acc_of_gold"]),
        ("dev articles", "actor recall", d["actors"]["recall"]),
        ("dev articles", "actor precision", d["actors"]["precision"]),
        ("dev articles", "share of attributions marked sure", d["confidence"]["sure_share"]),
        ("dev articles", "sure attributions right", d["confidence"]["sure_right"]),
        ("sealed Reuters articles", "entity F1", r["entities"]["f1"]),
        ("sealed Reuters articles", "quote->actor accuracy", r["quote_actor"]["acc_of_gold"]),
        ("sealed Reuters articles", "actor recall", r["actors"]["recall"]),
        ("sealed Reuters articles", "actor precision", r["actors"]["precision"]),
        ("sealed Reuters articles", "share of attributions marked sure", r["confidence"]["sure_share"]),
        ("sealed Reuters articles", "sure attributions right", r["confidence"]["sure_right"]),
        ("open Reuters articles", "quote->actor accuracy", o["quote_actor"]["acc_of_gold"]),
        ("open Reuters articles", "actor recall", o["actors"]["recall"]),
        ("open Reuters articles", "actor precision", o["actors"]["precision"]),
        ("open Reuters articles", "share of attributions marked sure", o["confidence"]["sure_share"]),
        ("open Reuters articles", "sure attributions right", o["confidence"]["sure_right"]),
        ("CoNLL-2003 dev", "entity F1", c["entities"]["f1"]),
        ("PolNeAR dev", "quotes F1", p["quotes"]["f1"]),
        ("PolNeAR dev", "quote+speaker F1", p["quote+speaker"]["f1"]),
        ("PolNeAR dev", "speaker accuracy on found quotes", p["speaker_acc_on_found"]),
        ("PolNeAR dev", "attributions partial F1", p["attributions"]["partial"]["f1"]),
        ("PolNeAR dev", "attributions strict F1", p["attributions"]["strict"]["f1"]),
        ("PolNeAR dev", "attribution source accuracy on matched", p["attributions"]["source_acc_on_matched"]),
        ("PolNeAR dev, --accurate", "attributions partial F1", pa["attributions"]["partial"]["f1"]),
        ("PolNeAR dev, --accurate", "attributions strict F1", pa["attributions"]["strict"]["f1"]),
        ("PolNeAR dev, --accurate", "attribution source accuracy on matched", pa["attributions"]["source_acc_on_matched"]),
        ("annotated articles", "entity F1", a["entities"]["f1"]),
        ("annotated articles", "quote->actor accuracy", a["quote_actor"]["acc_of_gold"]),
        ("annotated articles", "actor recall", a["actors"]["recall"]),
        ("annotated articles", "actor precision", a["actors"]["precision"]),
    ]
    replace_table(ROOT / "models/README.md", "| data | metric | value |\n|---|---|---:|\n" + "".join(f"| {d} | {m} | {v} |\n" for d, m, v in card))
    dpl = d["entities"]["per_label"]
    rpl = r["entities"]["per_label"]

    def sure(x):
        k = x["confidence"]
        return f'{k["sure_right"]} ({k["sure"]}) at {k["sure_share"]}% sure; unsure right {k["unsure_right"]} ({k["unsure"]})'

    readme = [
        ("**60 hand-annotated PolNeAR dev articles, open** (`tests/fixtures/dev-annotations.txt`)", "quote -> actor accuracy",
         f'{d["quote_actor"]["acc_of_gold"]} ({d["quote_actor"]["right"]} of {d["quote_actor"]["of_gold"]})', "90"),
        ("**46 Reuters articles, sealed** (`tests/fixtures/reuters-annotations.txt`)", "quote -> actor accuracy",
         f'{r["quote_actor"]["acc_of_gold"]} ({r["quote_actor"]["right"]} of {r["quote_actor"]["of_gold"]})', "90"),
        ("**84 Reuters articles, open** (CoNLL train texts, `tests/fixtures/reuters-open-annotations.txt`)",
         "quote -> actor accuracy; sure right (share sure)",
         f'{o["quote_actor"]["acc_of_gold"]} ({o["quote_actor"]["right"]} of {o["quote_actor"]["of_gold"]}); '
         f'{o["confidence"]["sure_right"]} at {o["confidence"]["sure_share"]}%', "90; 97 at 80%"),
        ("60 open articles", "sure attributions right (share marked sure)", sure(d), "97 at 80%"),
        ("46 sealed articles", "sure attributions right (share marked sure)", sure(r), "97 at 80%"),
        ("60 open articles", "actor recall / precision", f'{d["actors"]["recall"]} / {d["actors"]["precision"]}', "96 / 93"),
        ("46 sealed articles", "actor recall / precision", f'{r["actors"]["recall"]} / {r["actors"]["precision"]}', "96 / 93"),
        ("60 open articles", "entities F1 (PER / ORG / LOC / MISC)",
         f'{d["entities"]["f1"]} ({" / ".join(str(dpl[k]) for k in ("PER", "ORG", "LOC", "MISC"))})', "91"),
        ("46 sealed articles", "entities F1 (PER / ORG / LOC / MISC)",
         f'{r["entities"]["f1"]} ({" / ".join(str(rpl[k]) for k in ("PER", "ORG", "LOC", "MISC"))})', "91"),
        ("CoNLL-2003 dev", "entities F1 (micro)", c["entities"]["f1"], "93"),
        ("CoNLL-2003 dev", "PER / ORG / LOC / MISC F1", " / ".join(str(pl[k]) for k in ("PER", "ORG", "LOC", "MISC")), ""),
        ("PolNeAR dev", "quotes F1", p["quotes"]["f1"], "97"),
        ("PolNeAR dev", "quote+speaker F1", p["quote+speaker"]["f1"], "89"),
        ("PolNeAR dev", "speaker accuracy on found quotes", p["speaker_acc_on_found"], "92"),
        ("PolNeAR dev", "attributions (direct and reported) partial F1 (P / R)",
         f'{p["attributions"]["partial"]["f1"]} ({p["attributions"]["partial"]["p"]} / {p["attributions"]["partial"]["r"]})', "78"),
        ("PolNeAR dev", "attributions strict F1", p["attributions"]["strict"]["f1"], ""),
        ("PolNeAR dev", "attribution source accuracy on matched", p["attributions"]["source_acc_on_matched"], "88"),
        ("PolNeAR dev, `--accurate` (three nets; CLI, Rust and Python, not the page)", "attributions partial F1 (P / R) / strict F1 / source accuracy",
         f'{pa["attributions"]["partial"]["f1"]} ({pa["attributions"]["partial"]["p"]} / {pa["attributions"]["partial"]["r"]}) / '
         f'{pa["attributions"]["strict"]["f1"]} / {pa["attributions"]["source_acc_on_matched"]}', ""),
    ]
    replace_table(ROOT / "README.md", "| data | metric | newslens | target |\n|---|---|---:|---:|\n" + "".join(f"| {d} | {m} | {v} | {t} |\n" for d, m, v, t in readme))
    for row in readme:
        print(*row, sep=" | ")


if __name__ == "__main__":
    main()
