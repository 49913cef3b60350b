#!/usr/bin/env bash
# The manager's what-if in a browser: `casesim run` from the shipped synthetic
# snapshot with the scenario's dated changes, `casesim report` on its results,
# and the page checked in headless Chromium for the answer on the first screen
# (its numbers against the file's, read with casesim summary --csv), the
# per-worker charts, the starting point, the dated changes on every weekly
# chart and the children-at-risk table. Also leaves
# the README's picture (report-what-if-doc.png) in the output directory.
# usage: report_from_what_if.sh CASESIM NODE_MODULES OUTPUT_DIR SCENARIO SNAPSHOT_DIR
set -euo pipefail
casesim=$1 node_modules=$2 out=$3 scenario=$4 snapshot=$5
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
cd "$out"
"$casesim" run "$scenario" --start-from "$snapshot" -r 40 -o what-if.h5 --force >/dev/null
"$casesim" report what-if.h5 -o what-if.html --force
# The file's late visits with and without the changes, for the first screen's sentences.
visits() { "$casesim" summary what-if.h5 --csv | awk -F, -v v="$1" '$1 == v && $2 == "visits_overdue" { print $5 }'; }
with=$(visits "with the changes") without=$(visits "without the changes")
node "$here/check_report.cjs" "$node_modules" what-if.html "$out/report-what-if.png" 4 --what-if \
  "--expect-visits=$with,$without" "--doc-shot=$out/report-what-if-doc.png"
