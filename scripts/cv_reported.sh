#!/usr/bin/env bash
# The reported-speech tagger measured on several tenths of PolNeAR train, each held out in turn:
# for each fold K (documents with index % 10 == K), the cue lexicon is built without it, the
# tagger trained without it (`newslens train reported --hold-out --fold K`), and the CLI run on
# it. The outputs of all folds are scored together by score.py (and each fold alone), so a
# setting is judged on several times the held-out tenth's 1,683 relations. The shipped model and
# lexicon are restored (and the binary rebuilt) at the end.
#
#   scripts/cv_reported.sh            # folds 5 6 7 8 9
#   scripts/cv_reported.sh 0 1 2 3 4  # others
#
# Data: ../shared/data (override with DATA=...). About three minutes a fold with MEMBERS=4 (the
# default here; the shipped model has eight members, which measured the same on the tenth).
# KEEP (rows kept) and EPOCHS override the trainer's settings (`scripts/tune_reported.sh`).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
export MEMBERS=${MEMBERS:-4}
folds=("$@")
[ ${#folds[@]} -gt 0 ] || folds=(5 6 7 8 9)
work=$(mktemp -d)
cp models/reported.bin "$work/shipped.bin"
cp models/cues.tsv "$work/shipped-cues.tsv"
restore() {
    cp "$work/shipped.bin" models/reported.bin
    cp "$work/shipped-cues.tsv" models/cues.tsv
    rm -f models/held-out-ids.txt
    cargo build --release --quiet
    rm -rf "$work"
}
trap restore EXIT
: > "$work/gold-all.jsonl"
: > "$work/sys-all.jsonl"
summary() {
    python3 ../shared/eval/score.py "$1" "$2" --json | python3 -c '
import json, sys
a = json.load(sys.stdin)["attributions"]
p = a["partial"]
print("| %s | %s | %s (%s / %s) | %s | %s |" % (sys.argv[1], sys.argv[2], p["f1"], p["p"], p["r"],
      a["strict"]["f1"], a["source_acc_on_matched"]))
' "$3" "$(grep -c . "$1")"
}
echo "| fold | articles | partial F1 (P / R) | strict F1 | source accuracy on matched |"
echo "|---|---:|---|---:|---:|"
for k in "${folds[@]}"; do
    python3 - "$DATA/polnear-train.jsonl" "$k" "$work/ids.txt" "$work/gold.jsonl" <<'PY'
import json, sys
rows = [line for line in open(sys.argv[1]) if line.strip()]
k = int(sys.argv[2])
held = [r for i, r in enumerate(rows) if i % 10 == k]
open(sys.argv[3], "w").write("".join(json.loads(r)["id"] + "\n" for r in held))
open(sys.argv[4], "w").write("".join(held))
PY
    python3 scripts/build_cues.py "$DATA/polnear-train.jsonl" models/cues.tsv --exclude "$work/ids.txt" > /dev/null 2>&1
    cargo run --release --quiet -- train reported --data "$DATA" --out models --hold-out --fold "$k" \
        ${EPOCHS:+--epochs "$EPOCHS"} 2> "$work/train.log"
    cmp -s <(sort "$work/ids.txt") <(sort models/held-out-ids.txt) ||
        { echo "fold $k: the trainer held out other documents" >&2; exit 1; }
    cargo build --release --quiet
    target/release/newslens batch "$work/gold.jsonl" "$work/sys.jsonl" --quiet 2> /dev/null
    summary "$work/gold.jsonl" "$work/sys.jsonl" "$k"
    cat "$work/gold.jsonl" >> "$work/gold-all.jsonl"
    cat "$work/sys.jsonl" >> "$work/sys-all.jsonl"
done
summary "$work/gold-all.jsonl" "$work/sys-all.jsonl" "**all ${#folds[@]} pooled**"
