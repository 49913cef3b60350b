#!/usr/bin/env python3
"""Issue 19's targets, measured by running the programs as child processes.

    benchmarks/issue19.py BUILD_DIR [--quick]

BUILD_DIR holds apps/casesim/casesim, benchmarks/casesim_profile_model,
benchmarks/casesim_hdf5_only, benchmarks/casesim_caseload_peer_cpp and
benchmarks/casesim_caseload_peer_purpose_built (benchmarks/run builds them). Times are the
children's CPU time where one thread does the work (the comparisons that a
loaded machine would otherwise blur), the replications' own time for the
team sizes (without the program's start-up), and wall time where threads or
the file are the point. Alternated runs, best of each. --quick cuts the repetitions
and the sizes of the slowest cases (for a look, not for the record).
Prints each target with its measured value and `met` or `NOT MET`.
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, cwd=None):
    """Runs cmd; returns (wall s, child CPU s, peak RSS MiB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out = proc.stdout.read()
    err = proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err.strip()[-400:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, out


def scenario_with(path, out_dir, name, **fields):
    """A copy of a scenario with top-level run fields replaced (horizon_weeks, ...)."""
    text = open(path).read()
    for field, value in fields.items():
        text, n = re.subn(rf"(?m)^(  {field}:)\s*\S+", rf"\g<1> {value}", text)
        if n != 1:
            raise RuntimeError(f"{path}: no single '{field}' to replace")
    copy = os.path.join(out_dir, name)
    with open(copy, "w") as f:
        f.write(text)
    return copy


class Targets:
    def __init__(self):
        self.rows = []

    def add(self, target, measured, met):
        self.rows.append((target, measured, met))
        print(f"  -> {target}: {measured} {'met' if met else 'NOT MET'}", flush=True)

    def print(self):
        print()
        print("issue 19 targets")
        width = max(len(t[0]) for t in self.rows)
        for target, measured, met in self.rows:
            print(f"  {target.ljust(width)}  {measured:>10}  {'met' if met else 'NOT MET'}")


# The peer runs under Debian's Python, the one a fresh machine has (and the
# interpreter of the 23 µs), whatever Python runs this script: a
# Python built without the optimisations Debian builds it with (pyenv's, say)
# ran the peer 24 % slower on the same machine and flattered the ratio.
DEBIAN_PYTHON = "/usr/bin/python3"


def peer_python():
    return DEBIAN_PYTHON if os.path.exists(DEBIAN_PYTHON) else sys.executable


def caseload_benchmark(b, targets, rounds):
    """µs per simulated working day: casesim (its model, one thread) and the Python peer."""
    scenario = os.path.join(ROOT, "benchmarks/caseload/caseload-benchmark.yaml")
    peer = os.path.join(ROOT, "benchmarks/caseload/peer_heapq.py")
    python = peer_python()
    version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip()
    days = 13000  # the scenario's 2600 weeks of 5 working days
    casesim_us, peer_us = [], []
    # The Python peer's algorithm in plain C++ (benchmarks/caseload/peer_plain.cpp),
    # as written (every worker's round an event) and with the rounds in one
    # event a day: how much of casesim's lead is the language. And a program
    # written for this model alone (peer_purpose_built.cpp): what running the
    # model can cost at all. Not targets.
    others = {
        "the peer in plain C++, rounds as events": [b.peer_cpp],
        "the peer in plain C++, one round event a day": [b.peer_cpp, "--one-round-a-day"],
        "a program written for this model alone": [b.peer_purpose_built],
    }
    others_us = {name: [] for name, command in others.items() if os.path.exists(command[0])}
    # Four times the others' rounds: a casesim run lasts 20 ms, so three of
    # them were at the mercy of whatever else the machine did then (the best
    # of 3 and of 60 differed by 4 %). Both programs get the same rounds.
    rounds *= 4
    for _ in range(rounds):
        _, cpu, _, _ = run([b.profile_model, scenario, "1"])
        casesim_us.append(1e6 * cpu / days)
        _, cpu, _, _ = run([python, peer, "--days", str(days)])
        peer_us.append(1e6 * cpu / days)
        for name in others_us:
            _, cpu, _, _ = run(others[name] + ["--days", str(days)])
            others_us[name].append(1e6 * cpu / days)
    c, p = min(casesim_us), min(peer_us)
    print(f"caseload benchmark ({days} working days, CPU time, best of {rounds} alternated runs)")
    print(f"  casesim (casesim_profile_model, scenario parse included)  {c:8.2f} us per simulated day")
    print(f"  plain Python heapq loop (benchmarks/caseload/peer_heapq.py) {p:8.2f} us per simulated day"
          f" ({python}, {version})")
    for name, command in others.items():
        if name not in others_us:
            print(f"  ({name} not timed: {command[0]} is not built)")
            continue
        t = min(others_us[name])
        print(f"  {name:45s} {t:8.2f} us per simulated day (the Python peer takes {p / t:.1f} times as long;"
              f" casesim runs {t / c:.2f} times as fast)")
    print(f"  ratio {p / c:.1f}")
    targets.add("caseload benchmark: casesim >= 25 x the plain-Python heapq loop per simulated day", f"{p / c:.1f}",
                p / c >= 25)


def replication_seconds(out):
    """The seconds casesim_profile_model's replications took, from its line of output."""
    found = re.search(r"replications, \d+ events, ([0-9.]+) s,", out)
    if not found:
        raise RuntimeError(f"casesim_profile_model printed no time: {out.strip()[-200:]}")
    return float(found.group(1))


def team_scaling(b, targets, rounds):
    """The baseline's team and demand scaled together: time per replication per worker.

    k x 8 workers: the baseline's eight and 8(k - 1) full-time permanent ones;
    referrals, the duty decisions a day, the escalation thresholds and the
    manager's supervision hours
    (up to the 80 allowed) scaled with the team."""
    baseline = os.path.join(ROOT, "scenarios/baseline.yaml")
    sizes = (1, 4, 16, 64)
    commands = {}
    for k in sizes:
        fte = 7.2 + 8 * (k - 1)  # the added workers are full time
        overrides = [
            f"team.additional_permanent_workers={8 * (k - 1)}",
            f"referrals.rate_per_working_day={0.82 * fte / 7.2:.6f}",
            f"triage.duty_decisions_per_working_day={4 * k}",
            f"policy.escalation.unallocated_threshold={5 * k}",
            f"policy.escalation.overdue_threshold={10 * k}",
            f"team.manager.supervision_hours_per_week={min(80, 8 * k)}",
        ]
        commands[k] = [b.profile_model, baseline, str(max(2, 64 // k))] + overrides
    # The replications' own time, as casesim_profile_model prints it: the
    # process's CPU time would add its start-up and the scenario's parse,
    # which 64 replications of the small team share and 2 of the large do not.
    # The sizes alternate, best of 5 runs each: a run lasts 0.1-0.2 s, and
    # three in a row of one size could all meet the same disturbance (one
    # such put a row 26 % high, and the ratio at 1.21 for a program at 1.05).
    runs = 5 if rounds > 1 else 1
    best = {k: float("inf") for k in sizes}
    for _ in range(runs):
        for k in sizes:
            best[k] = min(best[k], replication_seconds(run(commands[k])[3]))
    rows = []
    for k in sizes:
        workers, replications = 8 * k, max(2, 64 // k)
        rows.append((k, workers, replications, best[k], best[k] / replications / workers))
    print(f"team size (baseline x k: its 156 weeks, one thread, the replications' own time, best of {runs} alternated runs)")
    print("  k  workers  replications  time s  ms per replication per worker  / k=1")
    for k, workers, replications, cpu, per_worker in rows:
        print(f"  {k:2d}  {workers:7d}  {replications:12d}  {cpu:6.2f}  {1e3 * per_worker:29.4f}  {per_worker / rows[0][4]:5.2f}")
    ratio = rows[-1][4] / rows[0][4]
    targets.add("linear in the team: time per replication per worker, 512 workers / 8 <= 1.2", f"{ratio:.2f}",
                ratio <= 1.2)


def writing(b, targets, scratch, quick):
    """Many short replications against few long ones: the same simulated weeks."""
    baseline = os.path.join(ROOT, "scenarios/baseline.yaml")
    short = scenario_with(baseline, scratch, "short.yaml", horizon_weeks=4, warm_up_weeks=0)
    long = scenario_with(baseline, scratch, "long.yaml", horizon_weeks=40, warm_up_weeks=0)
    scale = 10 if quick else 1
    n_short, n_long = 20000 // scale, 2000 // scale
    out = os.path.join(scratch, "w.h5")
    t_short = min(run([b.casesim, "run", short, "-r", str(n_short), "-o", out, "--force"])[0] for _ in range(2))
    t_long = min(run([b.casesim, "run", long, "-r", str(n_long), "-o", out, "--force"])[0] for _ in range(2))
    print(f"writing: {n_short} replications of 4 weeks {t_short:.2f} s, {n_long} of 40 weeks {t_long:.2f} s (wall, all cores)")
    targets.add(f"writing: {n_short} x 4 weeks within 1.5 x the time of {n_long} x 40 weeks", f"{t_short / t_long:.2f}",
                t_short / t_long <= 1.5)


def threads(b, targets, scratch, rounds):
    baseline = os.path.join(ROOT, "scenarios/baseline.yaml")
    out = os.path.join(scratch, "t.h5")
    load = os.getloadavg()[0]
    t1, t2 = [], []
    # Two more rounds than the others: a run lasts half a second, and on a
    # virtual machine whose host takes a core away now and then, the best of
    # three pairs was often a pair that had lost one.
    rounds += 2
    for _ in range(rounds):
        t1.append(run([b.casesim, "run", baseline, "-r", "400", "--threads", "1", "-o", out, "--force"])[0])
        t2.append(run([b.casesim, "run", baseline, "-r", "400", "--threads", "2", "-o", out, "--force"])[0])
    eff = min(t1) / (2 * min(t2))
    print(f"threads: 400 baseline replications, file written: 1 thread {min(t1):.2f} s, 2 threads {min(t2):.2f} s "
          f"(wall, best of {rounds}); load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")
    targets.add("threads: parallel efficiency at 2 threads >= 0.9 (400 baseline replications)", f"{eff:.2f}",
                eff >= 0.9)


def council(b, targets, scratch, quick):
    scenario = os.path.join(ROOT, "benchmarks/council/council.yaml")
    n = 100 if quick else 1000
    wall, cpu, rss, _ = run([b.casesim, "run", scenario, "-r", str(n), "-o", os.path.join(scratch, "c.h5"), "--force"])
    print(f"council: {n} replications of 78 weeks (26 warm-up) on all cores: {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak RSS {rss:.0f} MiB")
    estimate = wall * 1000 / n
    targets.add("whole council: 1,000 replications of a year in under a minute (2 cores)",
                f"{estimate:.0f} s" + ("" if n == 1000 else " (est.)"), estimate < 60)


def startup(b, targets, scratch):
    baseline = os.path.join(ROOT, "scenarios/baseline.yaml")
    out = os.path.join(scratch, "s.h5")
    cases = {
        "hdf5 alone": [b.hdf5_only, os.path.join(scratch, "h.h5")],
        "casesim --version": [b.casesim, "--version"],
        "casesim run baseline -r 1": [b.casesim, "run", baseline, "-r", "1", "--threads", "1", "-o", out, "--force"],
    }
    best = {name: float("inf") for name in cases}
    # CPU time (user + system) beside the wall time the target is set in:
    # on a machine shared with other work it is the steadier comparison.
    best_cpu = {name: float("inf") for name in cases}
    for _ in range(10):
        for name, cmd in cases.items():
            wall, cpu, _, _ = run(cmd)
            best[name] = min(best[name], wall)
            best_cpu[name] = min(best_cpu[name], cpu)
    print("start-up (wall, best of 10 alternated): " + ", ".join(f"{n} {1e3 * t:.0f} ms" for n, t in best.items()))
    print("start-up (CPU, best of the same 10): " + ", ".join(f"{n} {1e3 * t:.0f} ms" for n, t in best_cpu.items()))
    for name in ("casesim --version", "casesim run baseline -r 1"):
        r = best[name] / best["hdf5 alone"]
        targets.add(f"start-up: {name} within 1.5 x a program linking HDF5 alone", f"{r:.2f}", r <= 1.5)


def memory(b, targets, scratch, quick):
    baseline = os.path.join(ROOT, "scenarios/baseline.yaml")
    one = scenario_with(baseline, scratch, "one.yaml", horizon_weeks=52 + 104)
    ten = scenario_with(baseline, scratch, "ten.yaml", horizon_weeks=520 + 104)
    out = os.path.join(scratch, "m.h5")
    # Alternated runs, the least of each: a run's peak RSS varies by 1-2 MiB of
    # its 15 from run to run (14.7-16.3 MiB for the same year), so one run of
    # each put the ratio anywhere from 0.91 to 1.15 with nothing changed.
    runs1, runs10 = [], []
    for _ in range(1 if quick else 5):
        runs1.append(run([b.casesim, "run", one, "-r", "1", "--threads", "1", "-o", out, "--force"])[2])
        runs10.append(run([b.casesim, "run", ten, "-r", "1", "--threads", "1", "-o", out, "--force"])[2])
    rss1, rss10 = min(runs1), min(runs10)
    print(f"memory: peak RSS of one replication (least of {len(runs1)} alternated runs), 1 measured year "
          f"{rss1:.1f} MiB ({min(runs1):.1f}-{max(runs1):.1f}), 10 years {rss10:.1f} MiB ({min(runs10):.1f}-{max(runs10):.1f})")
    targets.add("memory: a 10-year run within 10 % of a 1-year run (peak RSS)", f"{rss10 / rss1:.2f}",
                rss10 / rss1 <= 1.10)
    n = 10000 if quick else 100000
    short = scenario_with(baseline, scratch, "mshort.yaml", horizon_weeks=4, warm_up_weeks=0)
    wall, _, rss, _ = run([b.casesim, "run", short, "-r", str(n), "-o", out, "--force"])
    print(f"memory: {n} replications (4 weeks each, all cores) peak RSS {rss:.1f} MiB, {wall:.1f} s")
    targets.add(f"memory: {n} replications below 100 MB (peak RSS)", f"{rss:.0f} MiB", rss * 1.048576 < 100)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("build_dir")
    p.add_argument("--quick", action="store_true")
    p.add_argument("--only", default="caseload,scaling,writing,threads,council,startup,memory",
                   help="comma-separated parts to run")
    a = p.parse_args()
    b = argparse.Namespace(
        casesim=os.path.join(a.build_dir, "apps/casesim/casesim"),
        profile_model=os.path.join(a.build_dir, "benchmarks/casesim_profile_model"),
        hdf5_only=os.path.join(a.build_dir, "benchmarks/casesim_hdf5_only"),
        peer_cpp=os.path.join(a.build_dir, "benchmarks/casesim_caseload_peer_cpp"),
        peer_purpose_built=os.path.join(a.build_dir, "benchmarks/casesim_caseload_peer_purpose_built"),
    )
    rounds = 1 if a.quick else 3
    targets = Targets()
    parts = a.only.split(",")
    print(f"load average at the start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="casesim-issue19-") as scratch:
        if "caseload" in parts:
            caseload_benchmark(b, targets, rounds)
        if "scaling" in parts:
            team_scaling(b, targets, rounds)
        if "writing" in parts:
            writing(b, targets, scratch, a.quick)
        if "threads" in parts:
            threads(b, targets, scratch, rounds)
        if "council" in parts:
            council(b, targets, scratch, a.quick)
        if "startup" in parts:
            startup(b, targets, scratch)
        if "memory" in parts:
            memory(b, targets, scratch, a.quick)
    targets.print()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
