#!/usr/bin/env bash
# The caseload-caps experiment (few replications), its report and `casesim
# summary --csv` of the same file, and the page checked in headless Chromium:
# the title is the experiment's own (not its base scenario's), the first
# screen's sentences give the file's means and the right direction, the
# compared measures are charted, and the page reads at 420 px.
# usage: report_from_experiment.sh CASESIM NODE_MODULES OUTPUT_DIR EXPERIMENT
set -euo pipefail
casesim=$1 node_modules=$2 out=$3 experiment=$4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
cd "$out"
"$casesim" experiment "$experiment" -r 4 -o caps.h5 --force >/dev/null
"$casesim" report caps.h5 -o caps.html --force
"$casesim" summary caps.h5 --csv >caps-summary.csv
node "$here/check_report.cjs" "$node_modules" caps.html "$out/report-from-experiment.png" 6 \
  --answer=caps-summary.csv "--title=Caseload caps" --narrow
grep -q 'id="compared-measures"' caps.html || { echo "no chart of the compared measures" >&2; exit 1; }
grep -q 'Caseload cap of 22 per FTE (today) against 18 and 15.' caps.html ||
  { echo "the experiment's description is not under the title" >&2; exit 1; }
