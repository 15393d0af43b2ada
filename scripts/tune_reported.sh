#!/usr/bin/env bash
# Choose the reported-speech tagger's settings on a tenth of PolNeAR train held out from its
# training, not on PolNeAR dev: for each setting, `scripts/cv_reported.sh 5` trains without the
# held-out tenth (index % 10 == 5; the cue lexicon rebuilt without it too) into a folder of its
# own, runs the CLI on the tenth with that folder's model (`newslens batch --models`) and scores
# it with score.py; the shipped model and lexicon under models/ are never touched.
# A setting is a list of NAME=VALUE overrides of `reported::trainer::Settings` with NL_ before
# them (NL_BUCKETS, NL_LR, NL_DROPOUT, NL_MIN_COUNT, NL_COST, NL_MISS, NL_AVERAGE, NL_CONTEXT,
# NL_SEED) or EPOCHS, joined by commas:
#
#   scripts/tune_reported.sh EPOCHS=4 EPOCHS=7 NL_MISS=2 NL_DROPOUT=0.5,NL_LR=0.1
#
# Data: ../shared/data (override with DATA=...); NEIGHBOURS as for cv_reported.sh. About two
# minutes per setting.
set -euo pipefail
cd "$(dirname "$0")/.."
for setting in "$@"; do
    echo
    echo "$setting:"
    (
        IFS=, read -ra pairs <<< "$setting"
        for p in "${pairs[@]}"; do export "${p?}"; done
        scripts/cv_reported.sh 5
    )
done
