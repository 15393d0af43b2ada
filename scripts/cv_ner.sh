#!/usr/bin/env bash
# The entity tagger measured on tenths of CoNLL-2003 train, each held out in turn: for each fold K
# (documents with index % 10 == K), the tagger is trained without it (`newslens train ner
# --hold-out --fold K`, which makes all its own choices on the rest) into a folder of its own,
# and the CLI run on the tenth with that folder's ner.bin (`newslens batch --models DIR`: the
# whole entity stage, span and document rules included). The outputs of all folds are scored
# together by score.py (and each fold alone): CoNLL dev is then only a report, and a setting is
# judged on several times its 5,942 entities. The shipped files under models/ are never touched
# and nothing is rebuilt.
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
e = json.load(sys.stdin)["entities"]
pl = e["per_label"]
print("| %s | %s | %s | %s / %s | %s | %s | %s | %s |" % (sys.argv[1], sys.argv[2], e["f1"], e["p"], e["r"],
      pl["PER"], pl["ORG"], pl["LOC"], pl["MISC"]))
' "$3" "$(grep -c . "$1")"
}
echo "| fold | documents | F1 | P / R | PER | ORG | LOC | MISC |"
echo "|---|---:|---:|---|---:|---:|---:|---:|"
for k in "${folds[@]}"; do
    dir=$work/fold-$k
    if [ -z "${REUSE:-}" ]; then
        mkdir -p "$dir"
        cp "$GAZ_DIR/gazetteer.tsv" "$GAZ_DIR/clusters.tsv" "$dir/"
        python3 - "$DATA/conll2003-train.jsonl" "$k" "$dir/ids.txt" "$dir/gold.jsonl" <<'PY'
import json, sys
rows = [line for line in open(sys.argv[1]) if line.strip()]
k = int(sys.argv[2])
held = [r for i, r in enumerate(rows) if i % 10 == k]
open(sys.argv[3], "w").write("".join(json.loads(r)["id"] + "\n" for r in held))
open(sys.argv[4], "w").write("".join(held))
PY
        # --check on the held-out tenth: the trainer's log shows its token-span F1 by epoch
        # (never used for a choice; the choices are made on a tenth of the other nine)
        target/release/newslens train ner --data "$DATA" --out "$dir" --hold-out --fold "$k" \
            --check "$dir/gold.jsonl" ${MEMBERS:+--members "$MEMBERS"} ${EPOCHS:+--epochs "$EPOCHS"} \
            2> "$dir/train.log"
        cmp -s <(sort "$dir/ids.txt") <(sort "$dir/held-out-ids.txt") ||
            { echo "fold $k: the trainer held out other documents" >&2; exit 1; }
    fi
    [ -f "$dir/ner.bin" ] || { echo "no model in $dir" >&2; exit 1; }
    target/release/newslens batch "$dir/gold.jsonl" "$dir/sys.jsonl" --models "$dir" --quiet 2> /dev/null
    summary "$dir/gold.jsonl" "$dir/sys.jsonl" "$k"
    cat "$dir/gold.jsonl" >> "$work/gold-all.jsonl"
    cat "$dir/sys.jsonl" >> "$work/sys-all.jsonl"
done
summary "$work/gold-all.jsonl" "$work/sys-all.jsonl" "**all ${#folds[@]} pooled**"
