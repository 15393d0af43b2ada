"""The Dask recipe on a real LocalCluster (2 worker processes): the Parquet rows equal the rows
built from the CLI's output for the same texts."""
import json
import pathlib
import subprocess
import sys

import pyarrow.parquet as pq
from dask.distributed import Client, LocalCluster

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "recipes"))
import dask_newslens  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]


def corpus(n, part):
    return [{"id": f"p{part}-{i}", "text":
             f"Vote {i} divides the council\n\nMayor Zoë Ünal said district {i} would be balanced. "
             f"“We will not cut the buses,” Ünal told reporters. Councillor Bob Roe disagreed. "
             f"“It is worse than that,” Roe said. 🎉"} for i in range(n)]


def test_local_cluster_writes_the_cli_rows(tmp_path):
    files = []
    for part in range(3):
        f = tmp_path / f"in-{part}.jsonl"
        f.write_text("".join(json.dumps(r) + "\n" for r in corpus(15, part)), encoding="utf-8")
        files.append(f)
    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        docs, quotes = dask_newslens.run(str(tmp_path / "in-*.jsonl"), str(out))
    assert docs == 45

    # the same texts through the CLI
    both = tmp_path / "all.jsonl"
    both.write_text("".join(f.read_text(encoding="utf-8") for f in files), encoding="utf-8")
    cli_out = tmp_path / "cli.jsonl"
    subprocess.run([str(ROOT / "target/release/newslens"), "batch", str(both), str(cli_out), "--quiet"], check=True)
    texts = {r["id"]: r["text"] for f in files for r in map(json.loads, f.read_text(encoding="utf-8").splitlines())}
    want_q, want_a = [], []
    for line in cli_out.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        want_q += dask_newslens.quote_rows(a["id"], texts[a["id"]], a)
        want_a += dask_newslens.actor_rows(a["id"], a)
    got_q = pq.read_table(out / "quotes").to_pylist()
    got_a = pq.read_table(out / "actors").to_pylist()
    key = lambda r: (r["doc_id"], r.get("quote", r.get("actor_id")))
    assert sorted(got_q, key=key) == sorted(want_q, key=key)
    assert sorted(got_a, key=key) == sorted(want_a, key=key)
    assert quotes == len(want_q) == 90
    assert {r["text"] for r in got_q} == {"“We will not cut the buses,”", "“It is worse than that,”"}
    assert {r["actor_name"] for r in got_q} == {"Zoë Ünal", "Bob Roe"}
