#!/bin/sh
# Train the entity tagger without the 84 open Reuters stories (CoNLL-2003 train minus those
# documents) into target/ner-held-out/, so that the open Reuters set can be scored with a tagger
# that never saw it, as the sealed set is: its entities, and the actors built on them, then fail
# as they do on unseen wire copy, and those errors may be read.
#
#   scripts/held_out_tagger.sh            # about 10 minutes on one core
#   target/release/newslens batch --models target/ner-held-out/models OPEN.jsonl OUT.jsonl
set -eu
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
OUT=target/ner-held-out
mkdir -p "$OUT/data" "$OUT/train" "$OUT/models"
python3 scripts/reuters_articles.py --open build "$DATA/conll2003-train.jsonl" "$OUT/open.jsonl"
python3 - "$DATA/conll2003-train.jsonl" "$OUT/open.jsonl" "$OUT/data/conll2003-train.jsonl" <<'PY'
import json, sys
held = {json.loads(l)["id"] for l in open(sys.argv[2])}
kept = [l for l in open(sys.argv[1]) if json.loads(l)["id"] not in held]
open(sys.argv[3], "w").writelines(kept)
print(f"{len(held)} open stories held out, {len(kept)} documents left", file=sys.stderr)
PY
ln -sf "$(cd "$DATA" && pwd)/conll2003-dev.jsonl" "$OUT/data/conll2003-dev.jsonl"
cp models/gazetteer.tsv models/clusters.tsv "$OUT/train/"
cargo build --release -q
target/release/newslens train ner --data "$OUT/data" --out "$OUT/train"
cp "$OUT/train/ner.bin" "$OUT/models/ner.bin"
echo "-> $OUT/models/ner.bin (use with: newslens batch --models $OUT/models)" >&2
