#!/usr/bin/env bash
# The browser build gives the command line's numbers: the shipped what-if from
# the shipped snapshot, the same seed and replications, run by `casesim run`
# and by the WebAssembly engine under Node.js (as the page's workers run it);
# every replication's every /summary value must be equal (docs/web.md says why
# they can be: the same code, the same correctly rounded libm functions).
# Exits 77 (skipped) when the browser build is not there.
# Debian's python3 (with h5py), by full path: one earlier on PATH may lack it.
# usage: same_as_native.sh CASESIM ENGINE_MODULE.js SCENARIO SNAPSHOT_DIR OUTPUT_DIR [REPLICATIONS] [SEED]
set -euo pipefail
casesim=$1 module=$2 scenario=$3 snapshot=$4 out=$5 replications=${6:-20} seed=${7:-20270115}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$module" ]; then
  echo "no browser build at $module (scripts/build-web makes it): skipped"
  exit 77
fi
mkdir -p "$out"
# One thread, as one Web Worker; the time is the command's own of its replications ("1.23 s, ...").
"$casesim" run "$scenario" --start-from "$snapshot" --replications "$replications" --seed "$seed" --threads 1 \
  --output "$out/native.h5" --force >"$out/native.txt"
native_seconds=$(sed -n 's/^\([0-9.]*\) s, .*million events.*/\1/p' "$out/native.txt")
node "$here/run_engine.cjs" "$module" "$scenario" "$snapshot" "$replications" "$seed" "$out/web.json"
/usr/bin/python3 "$here/compare_summary.py" "$out/native.h5" "$out/web.json" "$native_seconds" "$replications"
