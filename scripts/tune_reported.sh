#!/usr/bin/env bash
# Choose the reported-speech tagger's settings on a tenth of PolNeAR train held out from its
# training, not on PolNeAR dev: for each setting, train without the held-out tenth, build, run the
# CLI on the tenth and score it with score.py. Settings are given as KEEP:EPOCHS pairs (rows kept,
# epochs). The cue lexicon is rebuilt without the held-out tenth for the run (its rates would
# otherwise be learned from the articles being scored). The shipped model and lexicon are
# restored (and the binary rebuilt) at the end.
#
#   scripts/tune_reported.sh 10000:8 20000:8 30000:8 20000:12
#
# Data: ../shared/data (override with DATA=...). Takes about five minutes per setting (an
# eight-member ensemble; MEMBERS=4 halves it).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
work=$(mktemp -d)
cp models/reported.bin "$work/shipped.bin"
cp models/cues.tsv "$work/shipped-cues.tsv"
restore() {
    cp "$work/shipped.bin" models/reported.bin
    cp "$work/shipped-cues.tsv" models/cues.tsv
    cargo build --release --quiet
    rm -rf "$work"
}
trap restore EXIT
# the trainer's held-out tenth: every tenth article of the file (index % 10 == 9)
python3 - "$DATA/polnear-train.jsonl" "$work/held-out-ids.txt" <<'PY'
import json, sys
ids = [json.loads(line)["id"] for line in open(sys.argv[1])]
open(sys.argv[2], "w").write("\n".join(i for k, i in enumerate(ids) if k % 10 == 9) + "\n")
PY
python3 scripts/build_cues.py "$DATA/polnear-train.jsonl" models/cues.tsv --exclude "$work/held-out-ids.txt"
echo "| rows kept | epochs | held-out partial F1 (P / R) | source accuracy on matched |"
echo "|---:|---:|---|---:|"
for setting in "$@"; do
    keep=${setting%%:*}
    epochs=${setting##*:}
    KEEP=$keep cargo run --release --quiet -- train reported --data "$DATA" --out models \
        --epochs "$epochs" --hold-out 2> "$work/train.log"
    python3 - "$DATA/polnear-train.jsonl" models/held-out-ids.txt "$work/gold.jsonl" <<'PY'
import sys
ids = set(open(sys.argv[2]).read().split())
import json
with open(sys.argv[3], "w") as out:
    for line in open(sys.argv[1]):
        if json.loads(line)["id"] in ids:
            out.write(line)
PY
    cargo build --release --quiet
    target/release/newslens batch "$work/gold.jsonl" "$work/sys.jsonl" --quiet 2> /dev/null
    python3 ../shared/eval/score.py "$work/gold.jsonl" "$work/sys.jsonl" --json |
        python3 -c '
import json, sys
a = json.load(sys.stdin)["attributions"]
p = a["partial"]
row = (sys.argv[1], sys.argv[2], p["f1"], p["p"], p["r"], a["source_acc_on_matched"])
print("| %s | %s | %s (%s / %s) | %s |" % row)
' "$keep" "$epochs"
    rm -f models/held-out-ids.txt
done
