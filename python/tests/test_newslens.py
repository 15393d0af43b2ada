"""The Python package against our own sentences: code-point offsets on non-ASCII text, the same
rows from analyze_many (any thread count) as from analyze, and error rows."""
import json
import subprocess
import pathlib

import pytest

import newslens

TEXT = ("Budget talks resume 🎉\n\nMayor Zoë Ünal said the budget would be balanced by June. "
        "“We will not cut the buses,” Ünal told reporters.")


def test_offsets_slice_python_strings():
    a = newslens.analyze(TEXT)
    zoe = next(e for e in a["entities"] if e["text"] == "Zoë Ünal")
    assert TEXT[zoe["start"]:zoe["end"]] == "Zoë Ünal"
    (q,) = a["quotes"]
    assert TEXT[q["start"]:q["end"]] == "“We will not cut the buses,”"
    actors = {x["id"]: x for x in a["actors"]}
    assert actors[q["actor"]]["name"] == "Zoë Ünal"
    reported = [r for r in a["attributions"] if r["quote"] is None]
    assert [TEXT[s:e] for s, e in reported[0]["content"]] == ["the budget would be balanced by June"]
    assert reported[0]["actor"] == q["actor"]


def test_many_equals_one_by_one_in_order():
    texts = [TEXT.replace("June", f"month {i}") for i in range(40)] + ["", "no names here."]
    one = [newslens.analyze(t) for t in texts]
    assert newslens.analyze_many(texts) == one
    assert newslens.analyze_many(iter(texts), threads=1) == one
    assert newslens.analyze_many([]) == []


def test_bad_input():
    with pytest.raises(ValueError, match="limit is 8 MB"):
        newslens.analyze("x" * (9 * 1024 * 1024))
    rows = newslens.analyze_many(["Ann Lee said so.", "x" * (9 * 1024 * 1024)])
    assert "quotes" in rows[0] and "limit is 8 MB" in rows[1]["error"]
    with pytest.raises(TypeError):
        newslens.analyze(None)


def cli_analysis(tmp_path, *flags):
    """`newslens analyze` of TEXT as a dict (the test is skipped when the CLI is not built)."""
    cli = pathlib.Path(__file__).resolve().parents[2] / "target/release/newslens"
    if not cli.exists():
        pytest.skip("the CLI is not built")
    f = tmp_path / "t.txt"
    f.write_text(TEXT, encoding="utf-8")
    out = subprocess.run([str(cli), "analyze", str(f), *flags], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def test_same_json_as_the_cli(tmp_path):
    assert cli_analysis(tmp_path) == newslens.analyze(TEXT)
    assert newslens.__version__


def test_accurate_mode_is_the_cli_accurate_mode(tmp_path):
    acc = newslens.analyze(TEXT, accurate=True)
    assert cli_analysis(tmp_path, "--accurate") == acc
    assert acc["quotes"] == newslens.analyze(TEXT)["quotes"]
    assert newslens.analyze_many([TEXT, TEXT], accurate=True) == [acc, acc]
