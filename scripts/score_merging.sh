#!/usr/bin/env bash
# Prints the cross-document merge scores on the real sets in ../shared/data (ECB+ val halves and test, NewsWCL50;
# MEANTIME event chains): document-pair precision/recall, incidents alone, events mixing happenings, and mention
# CoNLL F1 beside the same-head-lemma baseline. The same figures are floors in IncidentQualityTests.
#   scripts/score_merging.sh            # scores with the configured thresholds
#   CROSSCHECK_SWEEP=1 scripts/score_merging.sh   # also the threshold grid (IncidentSweepTests)
set -euo pipefail
cd "$(dirname "$0")/.."
filter="IncidentQualityTests|EventQualityTests"
if [ -n "${CROSSCHECK_SWEEP:-}" ]; then filter="$filter|IncidentSweepTests"; fi
swift build --build-tests >/dev/null
swift test --skip-build --filter "$filter" 2>&1 | grep -E "^(ECB\+|NewsWCL50|MEANTIME events|SWEEP)|recorded an issue|skipped:"
