#!/usr/bin/env bash
# The README's first command, ./scripts/demo, from its main job on: the
# baseline's summary table, the results file's layout and the report, with
# the casesim this build made (CASESIM_DEMO_PROGRAM: nothing installed or
# built; the ordinary build and setup-machine are tested by scripts/test
# itself). It once exited 141 after writing the results, before the report.
# usage: demo_runs.sh SOURCE_DIR CASESIM OUTPUT_DIR
set -euo pipefail
source_dir=$1 casesim=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
status=0
CASESIM_DEMO_PROGRAM=$casesim CASESIM_DEMO_RESULTS=$out "$source_dir/scripts/demo" >"$out/demo.out" 2>"$out/demo.err" ||
  status=$?
fail() { echo "demo_runs: $1" >&2; cat "$out/demo.out" "$out/demo.err" >&2; exit 1; }
[ "$status" = 0 ] || fail "scripts/demo exited $status"
grep -q '^metric  *mean  *95% CI' "$out/demo.out" || fail "no summary table"
grep -q '^visits_overdue ' "$out/demo.out" || fail "the summary table has no visits_overdue"
grep -q '^ *GROUP "summary"$' "$out/demo.out" || fail "no layout of the results file"
grep -q "^Open $out/baseline.html in a browser for the report.$" "$out/demo.out" || fail "no last line"
[ -s "$out/baseline.h5" ] || fail "no results file"
[ ! -e "$out/baseline.h5.partial" ] || fail "a .partial file was left"
grep -q '<section class="brief"' "$out/baseline.html" || fail "the report has no answer section"
echo "demo_runs: scripts/demo ran its main job: results, layout and report in $out"
