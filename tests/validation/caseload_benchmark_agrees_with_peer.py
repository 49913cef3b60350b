#!/usr/bin/python3
"""casesim and an independent implementation run the same caseload model.

    caseload_benchmark_agrees_with_peer.py CASESIM SOURCE_DIR WORK_DIR [PEER_CPP [PEER_PURPOSE_BUILT]]

The caseload benchmark (benchmarks/README.md) times casesim against a plain
Python event loop written from the same spec (benchmarks/caseload/peer_heapq.py;
the spec is summarised there). A speed ratio means something only
if both run the same model, and the spec gives a closed form for the
allocation queue alone (Erlang C): "there is no closed form for the overdue
count -- compare implementations". So this compares them: casesim's
replications of benchmarks/caseload/caseload-benchmark.yaml against the peer
under as many seeds, measure by measure, and fails if any mean differs by more
than four standard errors (Welch). Both streams of random numbers are fixed,
so the outcome is the same on every run. A model that differs from the spec's
moves these means by many standard errors: casesim's scenario with a planning
window of 0 differs on the visits by 48 and on the overdue visits by 222, and
with a cap of 17 on every measure by 10 to 24.

With PEER_CPP (casesim_caseload_peer_cpp, the Python peer's algorithm in plain
C++, benchmarks/caseload/peer_plain.cpp), casesim is compared with it the same
way: benchmarks/issue19.py times casesim beside it, which means something only
if it runs the same model too.

With PEER_PURPOSE_BUILT as well (casesim_caseload_peer_purpose_built, a
program written for this model alone, benchmarks/caseload/peer_purpose_built.cpp),
that program is held to more: it draws the same numbers in the same order as
PEER_CPP, so under every seed it must print exactly PEER_CPP's counts (a
design that found the eligible cases, the visit order or the least-loaded
worker differently would change them), and it is compared with casesim too.

The results file is read with h5py as docs/results-format.md shows.
"""
import math
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import h5py
import numpy as np

RUNS = 20       # casesim's replications, and the peer's seeds
DAYS = 13000    # the scenario's 2600 weeks of 5 working days
MOST_Z = 4.0

# casesim's summary measure, the peer's output line, and what both count.
MEASURES = [
    ("visits_due", "visits", "statutory visits: casesim counts those that fell due, the peer those done"),
    ("visits_overdue", "overdue", "visits whose due day passed without one"),
    ("unallocated_wait_mean", "mean unallocated wait (days)", "mean wait for a worker, working days"),
    ("cases_waited_share", "fraction that waited", "share of allocated referrals that waited"),
    ("cases_allocated", "allocated referrals", "referrals allocated"),
]


def run_casesim(casesim, scenario, out):
    done = subprocess.run([casesim, "run", scenario, "-r", str(RUNS), "-o", out, "--force"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"casesim run {scenario} exited {done.returncode}: {done.stderr.strip()[-600:]}")
    with h5py.File(out, "r") as f:
        return {ours: np.asarray(f["summary"][ours][0, :], dtype=float) for ours, _, _ in MEASURES}


def run_peer(command, seed):
    out = subprocess.run(command + ["--days", str(DAYS), "--seed", str(seed)], check=True,
                         capture_output=True, text=True).stdout
    values = {}
    for line in out.splitlines():
        found = re.match(r"(.+?)\s{2,}(-?[0-9.]+)", line)
        if found:
            values[found.group(1).strip()] = float(found.group(2))
    return values


# The lines of a peer's report that are its run's times, not its model's counts.
TIMING_LINES = ("wall seconds", "cpu seconds", "events/s", "us per simulated day (cpu)")


def same_counts(peers_a, peers_b, label_a, label_b):
    """Whether two peers printed the same counts under every seed; names the first that differs."""
    for seed, (a, b) in enumerate(zip(peers_a, peers_b), start=1):
        a = {k: v for k, v in a.items() if k not in TIMING_LINES}
        b = {k: v for k, v in b.items() if k not in TIMING_LINES}
        if a != b or not a:
            differing = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            print(f"seed {seed}: {label_a} and {label_b} differ on {differing or 'nothing printed'}")
            return False
    print(f"{label_a} and {label_b}: the same counts under all {len(peers_a)} seeds")
    return True


def compare(ours, peers, label):
    """Each measure's means compared by Welch's test; returns the names that differ."""
    failed = []
    for name, peer_name, meaning in MEASURES:
        a = ours[name]
        b = np.array([p[peer_name] for p in peers])
        assert len(a) == RUNS and len(b) == RUNS, (name, len(a), len(b))
        se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
        z = (a.mean() - b.mean()) / se if se > 0 else (0.0 if a.mean() == b.mean() else math.inf)
        verdict = "agree" if abs(z) <= MOST_Z else "DIFFER"
        print(f"{name:24s} casesim {a.mean():12.3f}  {label} {b.mean():12.3f}  z {z:+6.2f}  {verdict}  ({meaning})")
        if abs(z) > MOST_Z:
            failed.append(f"{name} ({label})")
    return failed


def main():
    casesim, source, work = sys.argv[1:4]
    peer_cpp = sys.argv[4] if len(sys.argv) > 4 else None
    peer_purpose_built = sys.argv[5] if len(sys.argv) > 5 else None
    os.makedirs(work, exist_ok=True)
    scenario = os.path.join(source, "benchmarks/caseload/caseload-benchmark.yaml")
    peer = [sys.executable, os.path.join(source, "benchmarks/caseload/peer_heapq.py")]
    ours = run_casesim(casesim, scenario, os.path.join(work, "caseload-benchmark.h5"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        peers = list(pool.map(lambda seed: run_peer(peer, seed), range(1, RUNS + 1)))

    failed = compare(ours, peers, "peer")
    if peer_cpp:
        peers_cpp = [run_peer([peer_cpp], seed) for seed in range(1, RUNS + 1)]
        failed += compare(ours, peers_cpp, "C++ peer")
        if peer_purpose_built:
            peers_built = [run_peer([peer_purpose_built], seed) for seed in range(1, RUNS + 1)]
            failed += compare(ours, peers_built, "purpose-built")
            if not same_counts(peers_cpp, peers_built, "C++ peer", "purpose-built"):
                failed.append("the purpose-built program's counts")
    # Two runs that did nothing would agree too: the visits must be what the
    # spec's load gives.
    visits_a_day = ours["visits_due"].mean() / DAYS
    print(f"visits a working day: {visits_a_day:.2f} (10 workers, 174 cases on average, one every 10 days)")
    if not 16.0 < visits_a_day < 19.0:
        failed.append("visits a day")
    if failed:
        print("casesim and the peer differ on: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
