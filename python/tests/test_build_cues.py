"""scripts/build_cues.py on a corpus and embedding file of our own: a word the corpus never saw is
listed when its vector neighbours are cue words, and only then."""
import importlib.util
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location("build_cues", ROOT / "scripts" / "build_cues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus(tmp_path):
    rows = []
    for i in range(6):
        text = f"The mayor said the table {i} was new."
        s = text.index("said")
        rows.append({"id": f"d{i}", "text": text, "attributions": [{"cue": [[s, s + 4]]}]})
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def embeddings(tmp_path):
    vectors = {
        "said": [1.0, 0.1, 0.0], "stated": [0.9, 0.2, 0.0],  # speech verbs
        "table": [0.0, 1.0, 0.1], "chair": [0.1, 0.9, 0.0],  # furniture
        "mayor": [0.0, 0.1, 1.0], "the": [0.3, 0.3, 0.3], "was": [0.2, 0.3, 0.4], "new": [0.1, 0.4, 0.4],
    }
    path = tmp_path / "vectors.json"
    path.write_text(json.dumps({"dimensions": 3, "words": list(vectors), "vectors": vectors}))
    return path


def listed(path):
    return {line.split("\t")[0]: line.split("\t")[1:] for line in path.read_text().splitlines()}


def test_unseen_word_is_listed_by_its_neighbours_only_with_the_option(tmp_path):
    build = load_script()
    train, vectors = corpus(tmp_path), embeddings(tmp_path)
    plain, wide = tmp_path / "plain.tsv", tmp_path / "wide.tsv"
    build.main(str(train), str(plain))
    build.main(str(train), str(wide), neighbours=str(vectors))
    assert set(listed(plain)) == {"said"}
    wide_words = listed(wide)
    assert "stated" in wide_words and "chair" not in wide_words and "table" not in wide_words
    count, rate = wide_words["stated"]
    assert int(count) == 0 and float(rate) >= build.MIN_PREDICTED
    assert wide_words["said"] == listed(plain)["said"]
