#!/usr/bin/env python3
"""Python analyze_many against `newslens batch` on the same texts (PolNeAR dev repeated to 20 MB).

    target/py-test/bin/python scripts/bench_python.py [SHARED_DIR]   (after ./build.sh test or ./build.sh python + a venv with the wheel)
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import time

import newslens

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared")

texts = [json.loads(l)["text"] for l in open(SHARED / "data/polnear-dev.jsonl", encoding="utf-8")]
size = sum(len(t.encode()) for t in texts)
copies = 20_000_000 // size + 1
docs = texts * copies
mb = size * copies / 1e6
with tempfile.TemporaryDirectory() as d:
    src = pathlib.Path(d) / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i, t in enumerate(docs):
            f.write(json.dumps({"id": str(i), "text": t}) + "\n")
    t0 = time.perf_counter()
    subprocess.run([ROOT / "target/release/newslens", "batch", src, pathlib.Path(d) / "out.jsonl", "--quiet"], check=True)
    cli = time.perf_counter() - t0
t0 = time.perf_counter()
rows = newslens.analyze_many(docs)
py = time.perf_counter() - t0
assert len(rows) == len(docs)
print(f"| {len(docs)} documents, {mb:.1f} MB | CLI batch {mb / cli:.2f} MB/s | Python analyze_many {mb / py:.2f} MB/s | Python / CLI {cli / py:.2f} |")
