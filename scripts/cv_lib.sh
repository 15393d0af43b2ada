# Cross-validation on tenths of a training set, shared by scripts/cv_reported.sh and
# scripts/cv_ner.sh; sourced from the repository root, not run. Fold K holds the documents with
# index % 10 == K. For each fold the sourcing script's `train_fold K DIR` trains a model without
# it into DIR (the trainer writes the ids it held out to DIR/held-out-ids.txt, which must be the
# fold's); the CLI then runs on the fold with that folder's files (`newslens batch --models
# DIR`), and score.py scores each fold alone and all of them pooled. The shipped files under
# models/ are never touched and nothing is rebuilt.
#
# The sourcing script sets `folds` (an array) and CV_ROW (Python that reads score.py's --json
# on standard input and prints one row of the table from argv[1], the fold, and argv[2], the
# number of documents), defines `train_fold`, prints the table's header and calls `cv_run`.
# SAVE=DIR keeps each fold's model, gold and output in DIR/fold-K; REUSE=DIR scores the current
# code with the models saved there (a change of rules, not of the model: seconds).

# The folder the folds are kept in: $REUSE, $SAVE, or a temporary one removed on exit.
cv_work() {
    if [ -n "${REUSE:-}" ]; then
        work=$REUSE
    elif [ -n "${SAVE:-}" ]; then
        work=$SAVE
        mkdir -p "$work"
    else
        work=$(mktemp -d)
        trap 'rm -rf "$work"' EXIT
    fi
}

# cv_split DATA_FILE K DIR: fold K's ids (DIR/ids.txt) and documents (DIR/gold.jsonl).
cv_split() {
    python3 - "$1" "$2" "$3/ids.txt" "$3/gold.jsonl" <<'PY'
import json, sys
rows = [line for line in open(sys.argv[1]) if line.strip()]
k = int(sys.argv[2])
held = [r for i, r in enumerate(rows) if i % 10 == k]
open(sys.argv[3], "w").write("".join(json.loads(r)["id"] + "\n" for r in held))
open(sys.argv[4], "w").write("".join(held))
PY
}

# cv_summary GOLD SYS LABEL: one row of the table (CV_ROW on score.py's scores).
cv_summary() {
    python3 ../shared/eval/score.py "$1" "$2" --json | python3 -c "$CV_ROW" "$3" "$(grep -c . "$1")"
}

# cv_run DATA_FILE MODEL [BATCH_ARGS...]: every fold of `folds` (trained unless REUSE, then
# scored with the folder's MODEL file and BATCH_ARGS), then all of them pooled.
cv_run() {
    local data_file=$1 model=$2
    shift 2
    cv_work
    cargo build --release --quiet
    : > "$work/gold-all.jsonl"
    : > "$work/sys-all.jsonl"
    local k dir
    for k in "${folds[@]}"; do
        dir=$work/fold-$k
        if [ -z "${REUSE:-}" ]; then
            mkdir -p "$dir"
            cv_split "$data_file" "$k" "$dir"
            train_fold "$k" "$dir"
            cmp -s <(sort "$dir/ids.txt") <(sort "$dir/held-out-ids.txt") ||
                { echo "fold $k: the trainer held out other documents" >&2; exit 1; }
        fi
        [ -f "$dir/$model" ] || { echo "no model in $dir" >&2; exit 1; }
        target/release/newslens batch "$dir/gold.jsonl" "$dir/sys.jsonl" --models "$dir" --quiet \
            "$@" 2> /dev/null
        cv_summary "$dir/gold.jsonl" "$dir/sys.jsonl" "$k"
        cat "$dir/gold.jsonl" >> "$work/gold-all.jsonl"
        cat "$dir/sys.jsonl" >> "$work/sys-all.jsonl"
    done
    cv_summary "$work/gold-all.jsonl" "$work/sys-all.jsonl" "**all ${#folds[@]} pooled**"
}
