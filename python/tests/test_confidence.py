"""scripts/confidence.py against the shared scorer: its sure and unsure rows add up to score.py's
quote -> actor numbers ("right" of "of_found"), on the hand-annotated fixtures and on the 60
open dev articles, each analysed by the wheel. Skipped where the shared data is not beside the
repository (../shared: score.py, PolNeAR dev)."""
import json
import pathlib
import subprocess
import sys

import pytest

import newslens

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORE_PY = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORE_PY.is_file(), reason=f"no {SCORE_PY}")


def analysed(gold, tmp_path):
    """The wheel's analysis of each gold article, as `newslens batch` writes it (an id a row)."""
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = tmp_path / "system.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for row, a in zip(rows, newslens.analyze_many([r["text"] for r in rows])):
            fh.write(json.dumps({"id": row["id"], **a}, ensure_ascii=False) + "\n")
    return out


def run_json(*args):
    return json.loads(subprocess.run([sys.executable, *map(str, args), "--json"], check=True,
                                     capture_output=True, text=True).stdout)


def assert_agree(gold, tmp_path):
    system = analysed(gold, tmp_path)
    qa = run_json(SCORE_PY, gold, system)["quote_actor"]
    conf = run_json(ROOT / "scripts" / "confidence.py", gold, system, "--score", SCORE_PY)
    (sure_right, sure_n), (unsure_right, unsure_n) = (map(int, conf[k].split("/")) for k in ("sure", "unsure"))
    assert (sure_right + unsure_right, sure_n + unsure_n) == (qa["right"], qa["of_found"]), (conf, qa)
    assert conf["found_with_actor"] == qa["of_found"] > 0
    return conf


def test_fixture_articles(tmp_path):
    assert_agree(ROOT / "tests" / "fixtures" / "articles.jsonl", tmp_path)


@pytest.mark.skipif(not (SHARED / "data" / "polnear-dev.jsonl").is_file(), reason="no PolNeAR dev in ../shared/data")
def test_dev_articles(tmp_path):
    gold = tmp_path / "dev.jsonl"
    subprocess.run([sys.executable, ROOT / "scripts" / "dev_articles.py", "build", SHARED / "data" / "polnear-dev.jsonl", gold],
                   check=True, cwd=ROOT, capture_output=True)
    conf = assert_agree(gold, tmp_path)
    assert conf["found_with_actor"] > 500  # the 60 articles' quotations, not a handful
