"""Compares a results file's /summary with the browser build's (run_engine.cjs,
check_page.cjs): the same variants and metrics, and for every variant and
replication the same value (NaN where not applicable in both). Prints the time
per replication of each build.

usage: compare_summary.py NATIVE.h5 WEB.json [NATIVE_SECONDS REPLICATIONS]
"""
import json
import math
import sys

import h5py

native_path, web_path = sys.argv[1:3]
web = json.load(open(web_path))
problems = []
with h5py.File(native_path, "r") as f:
    variants = list(f["variants/names"].asstr()[:])
    if web["variants"] != variants:
        problems.append(f"variants differ: native {variants}, web {web['variants']}")
    names = sorted(f["summary"].keys())
    if sorted(web["summary"]) != names:
        problems.append(f"metrics differ: native {names}, web {sorted(web['summary'])}")
    compared = 0
    for name in names:
        native_values = f["summary"][name][()]
        web_values = web["summary"].get(name, [])
        if len(web_values) != native_values.shape[0]:
            problems.append(f"{name}: {len(web_values)} web variants for {native_values.shape[0]} native")
            continue
        for v, (native, values) in enumerate(zip(native_values, web_values)):
            if len(values) != len(native):
                problems.append(f"{name}[{v}]: {len(values)} web values for {len(native)} native")
                continue
            for r, (a, b) in enumerate(zip(native, values)):
                a = float(a)
                same = (b is None and math.isnan(a)) or (b is not None and a == b)
                if not same:
                    problems.append(f"{name}[{v}, {r}]: native {a!r}, web {b!r}")
                compared += 1
if problems:
    print("\n".join(problems[:40]))
    print(f"{len(problems)} differences")
    sys.exit(1)
if compared == 0:
    print("no values compared")
    sys.exit(1)
print(f"{compared} summary values equal across {len(names)} metrics and {len(variants)} variants")
if len(sys.argv) == 5:
    native_per = float(sys.argv[3]) / int(sys.argv[4])
    web_per = web["seconds_per_replication"]
    print(f"seconds per replication: native {native_per:.4f} (one thread), "
          f"web {web_per:.4f} (Node.js), ratio {web_per / native_per:.2f}")
