#!/usr/bin/env bash
# The optimise report in a browser: `casesim optimise` on a small team whose
# plans start after lead times and can keep leavers on, `casesim report` on its
# results, and the page's first screen checked in headless Chromium for the
# recommended plan in words and its cost over the period, both read from the
# results file's /optimise group (with h5dump), not from the page's own code.
# usage: report_from_optimise.sh CASESIM NODE_MODULES OUTPUT_DIR OPTIMISE_FILE
set -euo pipefail
casesim=$1 node_modules=$2 out=$3 optimise=$4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
cd "$out"
"$casesim" optimise "$optimise" --threads 2 -o optimise-answer.h5 --force >optimise-answer.txt
"$casesim" report optimise-answer.h5 -o optimise-answer.html --force

# One value of /optimise: an attribute (-a) or a dataset element (-d), as h5dump prints it.
value() { h5dump "$1" "/optimise/$2" optimise-answer.h5 | sed -n 's/^ *(0): *//p' | head -1; }
chosen=$(value -a chosen_plan)
if [ "$chosen" -lt 0 ]; then echo "the search chose no plan: $(cat optimise-answer.txt)" >&2; exit 1; fi
element() { h5dump -d "/optimise/$1[$chosen;1]" optimise-answer.h5 | sed -n 's/^ *([0-9]*): *//p' | head -1; }
words=$(element plan_words | sed 's/^"//; s/"$//')
cost=$(element cost_over_period)
period=$(value -a period | sed 's/^"//; s/"$//')
# The terminal output opens with the same answer.
if ! sed -n 2p optimise-answer.txt | grep -qF "Recommended plan: $words."; then
  echo "the output does not open with the plan \"$words\":" >&2
  head -5 optimise-answer.txt >&2
  exit 1
fi
node "$here/check_optimise_answer.cjs" "$node_modules" optimise-answer.html "$out/report-optimise.png" \
  "$words" "$cost" "$period"
