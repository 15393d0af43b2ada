"""newslens over a partitioned corpus on Dask, written as Parquet: one row per quotation and one
row per actor, per document.

    python python/recipes/dask_newslens.py 'corpus/*.jsonl' out/ [--scheduler tcp://host:8786]

Input: JSONL files of {"id", "text"} rows (``.gz`` too); Dask cuts them into partitions
(``--blocksize``, default one per file). Output: ``out/quotes/part-N.parquet`` and
``out/actors/part-N.parquet`` (pyarrow), written by the workers as each partition finishes, so
nothing is gathered on the client and memory stays at one partition per worker.

Without ``--scheduler`` a LocalCluster on this machine runs it. On a real cluster, install the
same wheel on every worker (``pip install newslens-*.whl``; it has no dependencies) and pass the
scheduler's address: the code is the same, only the client changes. Each worker analyses its
partition with ``newslens.analyze_many(threads=1)``: Dask supplies the parallelism.
"""
import argparse
import json
import os

import dask
import pyarrow as pa
import pyarrow.parquet as pq
from dask import bag as db

import newslens

QUOTES = pa.schema([
    ("doc_id", pa.string()), ("quote", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
    ("text", pa.string()), ("speaker_text", pa.string()), ("actor_id", pa.string()),
    ("actor_name", pa.string()), ("confidence", pa.string()),
])
ACTORS = pa.schema([
    ("doc_id", pa.string()), ("actor_id", pa.string()), ("name", pa.string()), ("kind", pa.string()),
    ("role", pa.string()), ("mentions", pa.int32()), ("quotes", pa.int32()),
])


def quote_rows(doc_id, text, analysis):
    """One row per quotation (code-point offsets into ``text``)."""
    names = {a["id"]: a["name"] for a in analysis["actors"]}
    return [{
        "doc_id": doc_id, "quote": i, "start": q["start"], "end": q["end"],
        "text": text[q["start"]:q["end"]], "speaker_text": q["speaker_text"],
        "actor_id": q["actor"], "actor_name": names.get(q["actor"]), "confidence": q["confidence"],
    } for i, q in enumerate(analysis["quotes"])]


def actor_rows(doc_id, analysis):
    """One row per actor."""
    return [{
        "doc_id": doc_id, "actor_id": a["id"], "name": a["name"], "kind": a["kind"], "role": a["role"],
        "mentions": len(a["mentions"]), "quotes": a["quotes"],
    } for a in analysis["actors"]]


def write_partition(lines, index, out_dir):
    """Analyse one partition's rows and write its two Parquet files; returns (documents, quotes)."""
    docs = [json.loads(l) for l in lines if l.strip()]
    analyses = newslens.analyze_many([d["text"] for d in docs], threads=1)
    quotes, actors = [], []
    for d, a in zip(docs, analyses):
        if "error" in a:
            continue
        quotes += quote_rows(str(d["id"]), d["text"], a)
        actors += actor_rows(str(d["id"]), a)
    for name, rows, schema in (("quotes", quotes, QUOTES), ("actors", actors, ACTORS)):
        os.makedirs(os.path.join(out_dir, name), exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), os.path.join(out_dir, name, f"part-{index:05d}.parquet"))
    return len(docs), len(quotes)


def run(paths, out_dir, blocksize=None):
    """Analyse every row of ``paths`` on the current Dask client (or scheduler); returns
    (documents, quotations)."""
    parts = db.read_text(paths, blocksize=blocksize).to_delayed()
    tasks = [dask.delayed(write_partition)(p, i, out_dir) for i, p in enumerate(parts)]
    counts = dask.compute(*tasks)
    return sum(c[0] for c in counts), sum(c[1] for c in counts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSONL file(s), a glob")
    ap.add_argument("out", help="output folder")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    ap.add_argument("--blocksize", default=None, help='partition size, e.g. "64MB" (default: one per file)')
    args = ap.parse_args()
    from dask.distributed import Client, LocalCluster
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(threads_per_worker=1, dashboard_address=None))
    with client:
        docs, quotes = run(args.input, args.out, args.blocksize)
    print(f"{docs} documents, {quotes} quotations -> {args.out}")


if __name__ == "__main__":
    main()
