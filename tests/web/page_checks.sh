#!/usr/bin/env bash
# The page in headless Chromium (check_page.cjs), then its numbers against the
# command line's: the example run (#example: the shipped what-if, its seed, 20
# replications) against `casesim run` of the same, and the what-if saved after
# adding a leaver through the form, run by `casesim run` as saved, against the
# page's run of it; and the page's files under 8 MB. Exits 77 (skipped) when
# the page has not been built.
# usage: page_checks.sh CASESIM NODE_MODULES SITE_DIR WHAT_IF.yaml SNAPSHOT_DIR OUTPUT_DIR
set -euo pipefail
casesim=$1 node_modules=$2 site=$3 what_if=$4 snapshot=$5 out=$6
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$site/casesim.html" ]; then
  echo "no page at $site/casesim.html (scripts/build-web makes it): skipped"
  exit 77
fi
mkdir -p "$out"
# The page's files, all a council copies: under 8 MB in all.
bytes=$(du -cb "$site"/casesim.html "$site"/casesim-*.js | tail -1 | cut -f1)
if [ "$bytes" -ge 8000000 ]; then
  echo "the page's files are $bytes bytes, over 8 MB"
  exit 1
fi
node "$here/check_page.cjs" "$node_modules" "$site" "$snapshot" "$out" "$what_if"
"$casesim" run "$what_if" --start-from "$snapshot" --replications 20 --output "$out/native-example.h5" --force >/dev/null
/usr/bin/python3 "$here/compare_summary.py" "$out/native-example.h5" "$out/page-example.json"
"$casesim" run "$out/page-leaver.yaml" --start-from "$snapshot" --output "$out/native-leaver.h5" --force >/dev/null
/usr/bin/python3 "$here/compare_summary.py" "$out/native-leaver.h5" "$out/page-leaver.json"
