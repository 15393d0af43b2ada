#!/usr/bin/env bash
# The entity tagger measured on tenths of CoNLL-2003 train, each held out in turn: for each fold K
# (documents with index % 10 == K), the tagger is trained without it (`newslens train ner
# --hold-out --fold K`, which makes all its own choices on the rest) into a folder of its own,
# and the CLI run on the tenth with that folder's ner.bin (`newslens batch --models DIR`: the
# whole entity stage, span and document rules included). The outputs of all folds are scored
# together by score.py (and each fold alone): CoNLL dev is then only a report, and a setting is
# judged on several times its 5,942 entities. The shipped files under models/ are never touched
# and nothing is rebuilt. The folds, training aside, are scripts/cv_lib.sh's.
#
#   scripts/cv_ner.sh                  # folds 0 1 2 3 4
#   scripts/cv_ner.sh 5 6 7 8 9        # others
#   SAVE=/tmp/cvn scripts/cv_ner.sh    # keep each fold's model, gold and output
#   REUSE=/tmp/cvn scripts/cv_ner.sh   # score the current code with the saved models (a change
#                                      # of rules, not of the tagger: seconds)
#   MEMBERS=2 scripts/cv_ner.sh        # a smaller ensemble than the shipped 8 (faster)
#   EPOCHS=8 scripts/cv_ner.sh         # the trainer's epoch range (default 12)
#
# The lists the tagger reads are the shipped models/gazetteer.tsv and models/clusters.tsv
# (GAZ_DIR=... for others). Both were built with CoNLL train among their inputs, but neither
# holds its labels: the clusters are unlabeled text, LOWER the words written in lower case.
# Data: ../shared/data (override with DATA=...). With MEMBERS=8 a fold trains as long as
# `newslens train ner` (several minutes a core); MEMBERS=2 about a third of that.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
GAZ_DIR=${GAZ_DIR:-models}
folds=("$@")
[ ${#folds[@]} -gt 0 ] || folds=(0 1 2 3 4)
source scripts/cv_lib.sh

# train_fold K DIR: the tagger without fold K, with the lists beside it
train_fold() {
    local k=$1 dir=$2
    cp "$GAZ_DIR/gazetteer.tsv" "$GAZ_DIR/clusters.tsv" "$dir/"
    # --check on the held-out tenth: the trainer's log shows its token-span F1 by epoch
    # (never used for a choice; the choices are made on a tenth of the other nine)
    target/release/newslens train ner --data "$DATA" --out "$dir" --hold-out --fold "$k" \
        --check "$dir/gold.jsonl" ${MEMBERS:+--members "$MEMBERS"} ${EPOCHS:+--epochs "$EPOCHS"} \
        2> "$dir/train.log"
}

CV_ROW='
import json, sys
e = json.load(sys.stdin)["entities"]
pl = e["per_label"]
print("| %s | %s | %s | %s / %s | %s | %s | %s | %s |" % (sys.argv[1], sys.argv[2], e["f1"], e["p"], e["r"],
      pl["PER"], pl["ORG"], pl["LOC"], pl["MISC"]))
'
echo "| fold | documents | F1 | P / R | PER | ORG | LOC | MISC |"
echo "|---|---:|---:|---|---:|---:|---:|---:|"
cv_run "$DATA/conll2003-train.jsonl" ner.bin
