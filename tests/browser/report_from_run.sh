#!/usr/bin/env bash
# `casesim run` on a small scenario, `casesim report` on its results, and the
# page checked in headless Chromium: its first screen against `casesim summary
# --csv` of the same file, its title, and its layout at 420 px. Run from any
# directory: the report must not depend on where casesim was built.
# usage: report_from_run.sh CASESIM NODE_MODULES OUTPUT_DIR SCENARIO
set -euo pipefail
casesim=$1 node_modules=$2 out=$3 scenario=$4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
cd "$out"
"$casesim" run "$scenario" -r 8 -o small.h5 --force >/dev/null
"$casesim" report small.h5 -o small.html --force
"$casesim" summary small.h5 --csv >small-summary.csv
node "$here/check_report.cjs" "$node_modules" small.html "$out/report-from-run.png" 4 --durations \
  --answer=small-summary.csv --title=Baseline --narrow
