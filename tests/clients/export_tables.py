"""`casesim export`: its tables read back exactly, and its refusals.

Round trip: each file's --long and --series tables, read back with Python's
csv module, hold every value of the file (h5py) exactly, in the documented
order, with an empty cell exactly where the file holds NaN, and no row for a
replication not completed; --long carries each variant's parameters. Then the
bad inputs: a missing file, a file that is not a results file, both or neither
of --long and --series, an output that cannot be written, one that exists.

Usage: /usr/bin/python3 export_tables.py CASESIM WORK_DIR RESULTS.h5 [RESULTS.h5 ...]
"""
import csv
import math
import os
import pathlib
import subprocess
import sys

import h5py
import numpy as np

BAD_INPUT = 2
RUNTIME_FAILURE = 3


def strings(dataset):
    return [str(s) for s in dataset.asstr()[:]]


def export(casesim, *arguments, cwd=None):
    return subprocess.run([casesim, "export", *map(str, arguments)], capture_output=True, text=True, cwd=cwd)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def number(cell):
    """A value cell: empty is NaN (not applicable); anything else reads back exactly."""
    return math.nan if cell == "" else float(cell)


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


def check_long(casesim, work, path):
    out = work / (path.stem + "-long.csv")
    done = export(casesim, path, "--long", "-o", out, "--force")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "", done.stdout
    rows = read_csv(out)
    with h5py.File(path, "r") as f:
        variants = strings(f["variants/names"])
        metrics = strings(f["metrics/names"])
        units = strings(f["metrics/units"])
        completed = f["completed"][:] == 1
        values = {m: f[f"summary/{m}"][:] for m in metrics}
        parameters = strings(f["parameters/names"]) if "parameters" in f else []
        parameter_values = f["parameters/values"][:] if parameters else None
    assert rows[0] == ["variant", "replication", "metric", "value", "unit", *parameters], rows[0]
    expected = [(v, r, m) for v in range(len(variants)) for r in range(completed.shape[1]) if completed[v, r]
                for m in range(len(metrics))]
    assert len(rows) - 1 == len(expected), (len(rows), len(expected))
    not_applicable = 0
    for row, (v, r, m) in zip(rows[1:], expected):
        assert row[:3] == [variants[v], str(r), metrics[m]], row
        assert same(number(row[3]), values[metrics[m]][v, r]), (row, values[metrics[m]][v, r])
        not_applicable += row[3] == ""
        assert row[4] == units[m]
        for p in range(len(parameters)):
            assert same(number(row[5 + p]), parameter_values[v, p]), (row, parameters[p])
    # The same table on standard output.
    printed = export(casesim, path, "--long")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == out.read_text(encoding="utf-8")
    return len(expected), not_applicable


def check_series(casesim, work, path):
    out = work / (path.stem + "-series.csv")
    done = export(casesim, path, "--series", "--output", out, "--force")
    assert done.returncode == 0, done.stderr
    rows = read_csv(out)
    with h5py.File(path, "r") as f:
        variants = strings(f["variants/names"])
        series = strings(f["series/names"])
        units = strings(f["series/units"])
        week_start = strings(f["series/week_start"])
        warm_up_weeks = int(f.attrs["warm_up_weeks"])
        completed = f["completed"][:] == 1
        values = {s: f[f"series/{s}"][:] for s in series}
    assert rows[0] == ["variant", "replication", "series", "week", "week_start", "warm_up", "value", "unit"]
    weeks = len(week_start)
    expected = ((v, r, s, w) for v in range(len(variants)) for r in range(completed.shape[1]) if completed[v, r]
                for s in range(len(series)) for w in range(weeks))
    count = 0
    for row, (v, r, s, w) in zip(rows[1:], expected):
        assert row[:6] == [variants[v], str(r), series[s], str(w), week_start[w],
                           "true" if w < warm_up_weeks else "false"], row
        assert same(number(row[6]), values[series[s]][v, r, w]), (row, values[series[s]][v, r, w])
        assert row[7] == units[s]
        count += 1
    assert count == len(rows) - 1 == int(completed.sum()) * len(series) * weeks, (count, len(rows))
    return count


def check_refusals(casesim, work, path):
    missing = export(casesim, work / "no-such.h5", "--long")
    assert missing.returncode == BAD_INPUT, missing
    assert "no-such.h5" in missing.stderr, missing.stderr

    text = work / "not-results.h5"
    text.write_text("variant,replication\n", encoding="utf-8")
    not_results = export(casesim, text, "--long")
    assert not_results.returncode == RUNTIME_FAILURE, not_results
    assert not_results.stderr.startswith(f"casesim: results file '{text}': is not an HDF5 file"), not_results.stderr
    assert not_results.stdout == ""

    both = export(casesim, path, "--long", "--series")
    assert both.returncode == BAD_INPUT, both
    assert "--long and --series" in both.stderr, both.stderr
    neither = export(casesim, path)
    assert neither.returncode == BAD_INPUT, neither
    assert "--long" in neither.stderr and "--series" in neither.stderr, neither.stderr

    # A directory that does not exist: a failed write, and nothing left behind.
    unwritable = export(casesim, path, "--long", "-o", work / "missing" / "out.csv")
    assert unwritable.returncode == RUNTIME_FAILURE, unwritable
    assert "missing/out.csv" in unwritable.stderr, unwritable.stderr
    assert not (work / "missing").exists()
    # Standard output that cannot be written (a full disk).
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            failed = subprocess.run([casesim, "export", str(path), "--long"], stdout=full, stderr=subprocess.PIPE,
                                    text=True)
        assert failed.returncode == RUNTIME_FAILURE, failed
        assert "writing standard output failed" in failed.stderr, failed.stderr

    existing = work / "existing.csv"
    existing.write_text("keep me\n", encoding="utf-8")
    kept = export(casesim, path, "--long", "-o", existing)
    assert kept.returncode == BAD_INPUT, kept
    assert "--force" in kept.stderr, kept.stderr
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    onto_input = export(casesim, path, "--long", "-o", path, "--force")
    assert onto_input.returncode == BAD_INPUT, onto_input
    assert h5py.is_hdf5(path)

    helped = subprocess.run([casesim, "export", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0
    assert helped.stdout.rstrip().splitlines()[-1].strip().startswith("casesim export "), helped.stdout


def main(casesim, work, paths):
    work = pathlib.Path(work)
    work.mkdir(parents=True, exist_ok=True)
    for path in map(pathlib.Path, paths):
        rows, not_applicable = check_long(casesim, work, path)
        weekly = check_series(casesim, work, path)
        print(f"{path.name}: {rows} metric rows ({not_applicable} not applicable) and {weekly} weekly rows read back")
    check_refusals(casesim, work, pathlib.Path(paths[0]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
