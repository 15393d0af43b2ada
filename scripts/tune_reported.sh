#!/usr/bin/env bash
# Choose the reported-speech tagger's settings on a tenth of PolNeAR train held out from its
# training, not on PolNeAR dev: for each setting, `scripts/cv_reported.sh 9` trains without the
# held-out tenth (index % 10 == 9; the cue lexicon rebuilt without it too) into a folder of its
# own, runs the CLI on the tenth with that folder's model (`newslens batch --models`) and scores
# it with score.py; the shipped model and lexicon under models/ are never touched.
# Settings are given as KEEP:EPOCHS pairs (rows kept, epochs).
#
#   scripts/tune_reported.sh 10000:8 20000:8 30000:8 20000:12
#
# Data: ../shared/data (override with DATA=...). Takes about five minutes per setting (an
# eight-member ensemble; MEMBERS=4 halves it).
set -euo pipefail
cd "$(dirname "$0")/.."
export MEMBERS=${MEMBERS:-8}
for setting in "$@"; do
    echo
    echo "rows kept ${setting%%:*}, epochs ${setting##*:}:"
    KEEP=${setting%%:*} EPOCHS=${setting##*:} scripts/cv_reported.sh 9
done
