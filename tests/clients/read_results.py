"""Reads the sample results file with h5py, as docs/results-format.md tells a
researcher to, and checks every value, shape and label in it.

The file comes from write_sample_results (tests/clients/write_sample_results.cpp):
2 variants x 3 replications x 5 weeks, replication 2 of variant 1 unwritten;
/summary/<metric m>[v, r] = 100 v + 10 r + m, except NaN (not applicable) for
unallocated_wait_mean at (0, 1) and for assessments_within_standard_share in
every replication of variant 1; /series/<series s>[v, r, w] = 1000 v + 100 r +
10 s + w; and two duration histograms of 92 bins (see sample_durations there).

First the Python example in the docs runs verbatim (only the file name
changed), so the docs cannot drift from what works; then the same calls check
the rest of the file.

A second file, from write_sample_results --snapshot, checks the docs' example
for a run from a snapshot (children and dated changes).

Usage: /usr/bin/python3 read_results.py SAMPLE.h5 [SNAPSHOT_SAMPLE.h5]
"""
import pathlib
import re
import sys
import warnings

import h5py
import numpy as np
from numpy.testing import assert_array_equal

DOCS = pathlib.Path(__file__).resolve().parents[2] / "docs" / "results-format.md"

VARIANTS = ["baseline", "extra_worker"]
REPLICATIONS = 3
WEEKS = 5
METRICS = ["referrals_received", "unallocated_wait_mean", "assessments_within_standard_share"]
SERIES = ["caseload", "unallocated"]
DISTRIBUTIONS = ["assessment_working_days", "icpc_working_days"]
BINS = 92
UNWRITTEN = (1, 2)  # (variant, replication)


def docs_example(language, containing=None):
    """The first fenced code block in `language` in docs/results-format.md
    (the first holding `containing`, when given)."""
    for match in re.finditer(r"```" + language + r"\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL):
        if containing is None or containing in match.group(1):
            return match.group(1)
    raise AssertionError(f"{DOCS} has no ```{language} example" + (f" with {containing}" if containing else ""))


def expected_summary(m):
    values = np.array([[100.0 * v + 10 * r + m for r in range(REPLICATIONS)] for v in range(len(VARIANTS))])
    values[UNWRITTEN] = np.nan
    if m == 1:
        values[0, 1] = np.nan  # not applicable
    if m == 2:
        values[1, :] = np.nan  # not applicable in any replication of variant 1
    return values


def expected_durations(d):
    """The sample's histograms, as write_sample_results.cpp's sample_durations makes them."""
    counts = np.zeros((len(VARIANTS), REPLICATIONS, BINS), dtype=np.uint32)
    for r in range(REPLICATIONS):
        if d == 0:
            if r != 1:
                counts[0, r, 20], counts[0, r, 43], counts[0, r, 91] = 5, 10 + r, 1
            counts[1, r, 12] = 4
        else:
            counts[0, r, 14] = 2 + r
            counts[1, r, 14], counts[1, r, 30] = 1, 1
    counts[UNWRITTEN] = 0
    return counts


def expected_series(s):
    values = np.array([[[1000.0 * v + 100 * r + 10 * s + w for w in range(WEEKS)] for r in range(REPLICATIONS)]
                       for v in range(len(VARIANTS))])
    values[UNWRITTEN] = np.nan
    return values


def run_example(code, path, what):
    """Runs a docs example on `path`, with any warning (numpy's "mean of empty slice") an error."""
    example = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec(compile(code.replace('"baseline.h5"', repr(path)), f"{DOCS} ({what})", "exec"), example)
    return example


def check_docs_example(path):
    code = docs_example("python")
    assert '"baseline.h5"' in code
    example = run_example(code, path, "python example")

    assert example["run"]["seed"] == 20240401
    assert example["run"]["scenario_name"] == "sample"
    assert list(example["variants"]) == VARIANTS
    assert_array_equal(example["completed"], [[True, True, True], [True, True, False]])
    # Not applicable in replication 1 of the base; not written in replication 2 of the other.
    assert_array_equal(example["waits"], [[1, np.nan, 21], [101, 111, np.nan]])
    assert_array_equal(example["applies"], [[True, False, True], [True, True, False]])
    assert_array_equal(example["n"], [2, 2])
    # Means over the replications where it applies: (1 + 21) / 2 and (101 + 111) / 2.
    assert_array_equal(example["mean_wait"], [11, 106])

    # The same lines on a metric that applies in no replication of a variant: NaN, n 0, no warning.
    shares = run_example(code.replace("summary/unallocated_wait_mean", "summary/assessments_within_standard_share"),
                         path, "python example, on a share")
    assert_array_equal(shares["n"], [3, 0])
    assert_array_equal(shares["mean_wait"], [12, np.nan])
    assert_array_equal(example["weeks"], np.array(["2024-04-01", "2024-04-08", "2024-04-15", "2024-04-22",
                                                   "2024-04-29"], dtype="datetime64[D]"))
    assert example["caseload"].shape == (2, 3, 5)
    # Variant 0: mean of 100 r + w over r = 0, 1, 2; variant 1: of 1000 + 100 r + w over r = 0, 1.
    assert_array_equal(example["caseload_mean"], [[100, 101, 102, 103, 104], [1050, 1051, 1052, 1053, 1054]])


def check_whole_file(path):
    with h5py.File(path, "r") as f:
        # Exactly the documented objects, no more.
        objects = []
        f.visit(objects.append)
        documented = ["completed", "metrics", "metrics/descriptions", "metrics/names", "metrics/units",
                      "scenario", "scenario/text", "series", "series/descriptions", "series/names",
                      "series/units", "series/week_start", "summary", "variants", "variants/names",
                      "distributions", "distributions/names"]
        documented += [f"summary/{m}" for m in METRICS] + [f"series/{s}" for s in SERIES]
        documented += [f"distributions/{d}" for d in DISTRIBUTIONS]
        # The coordinates that name each axis (docs: "Dimensions and units").
        documented += ["variant", "replication", "week", "week_start", "warm_up", "metric", "weekly_series", "bin",
                       "bin_label", "distribution"]
        assert sorted(objects) == sorted(documented), sorted(objects)

        run = dict(f.attrs)
        assert run == {
            "format_version": 3, "casesim_version": "0.1.0", "scenario_name": "sample",
            "scenario_description": "A sample team, for the clients' tests.",
            "scenario_file": "scenarios/sample.yaml", "seed": 20240401, "start_date": "2024-04-01",
            "horizon_weeks": 5, "warm_up_weeks": 1, "stream_scheme_version": 1, "boost_version": "1.74.0",
            "command_line": "write_sample_results sample.h5", "created_utc": "2024-04-01T09:00:00Z",
            "coordinates": "week_start warm_up bin_label"}, run
        assert f.attrs["seed"].dtype == np.uint64
        assert f.attrs["format_version"].dtype == np.int32
        assert all(isinstance(run[k], str) for k in ("scenario_name", "created_utc", "command_line"))

        assert f["scenario/text"].asstr()[()] == "name: sample\n# Caf\u00e9 \u00a35\n"
        assert list(f["variants/names"].asstr()[:]) == VARIANTS
        assert list(f["metrics/names"].asstr()[:]) == METRICS
        assert list(f["metrics/units"].asstr()[:]) == ["referrals", "working days", "share"]
        assert list(f["metrics/descriptions"].asstr()[:]) == [
            "Referrals received after the warm-up.", "Mean wait from acceptance to allocation.",
            "Share of assessments done within 45 working days."]
        assert list(f["series/names"].asstr()[:]) == SERIES
        assert list(f["series/units"].asstr()[:]) == ["cases", "cases"]
        assert list(f["series/descriptions"].asstr()[:]) == [
            "Allocated cases in the team at the end of the week.",
            "Accepted cases waiting for allocation at the end of the week."]
        assert list(f["series/week_start"].asstr()[:]) == [
            "2024-04-01", "2024-04-08", "2024-04-15", "2024-04-22", "2024-04-29"]

        completed = f["completed"]
        assert completed.dtype == np.uint8 and completed.shape == (2, 3)
        assert_array_equal(completed[:], [[1, 1, 1], [1, 1, 0]])
        for m, name in enumerate(METRICS):
            dataset = f[f"summary/{name}"]
            assert dataset.dtype == np.float64 and dataset.shape == (2, 3), name
            assert dataset.chunks == (1, 3) and dataset.maxshape == (2, None), name
            assert dataset.compression is None, name
            assert_array_equal(dataset[:], expected_summary(m))
        for s, name in enumerate(SERIES):
            dataset = f[f"series/{name}"]
            assert dataset.dtype == np.float64 and dataset.shape == (2, 3, 5), name
            assert dataset.chunks == (1, 3, 5) and dataset.maxshape == (2, None, 5), name
            assert_array_equal(dataset[:], expected_series(s))
        assert np.isnan(f["summary/referrals_received"][UNWRITTEN])
        assert np.isnan(f["series/unallocated"][1, 2, :]).all()

        assert list(f["distributions/names"].asstr()[:]) == DISTRIBUTIONS
        for d, name in enumerate(DISTRIBUTIONS):
            dataset = f[f"distributions/{name}"]
            assert dataset.dtype == np.uint32 and dataset.shape == (2, 3, BINS), name
            assert dataset.chunks == (1, 3, BINS) and dataset.maxshape == (2, None, BINS), name
            assert_array_equal(dataset[:], expected_durations(d))
            assert dataset.attrs["unit"] == ["assessments", "conferences"][d]
            assert isinstance(dataset.attrs["description"], str)
            edges = dataset.attrs["bin_edges"]
            assert edges.dtype == np.float64 and len(edges) == BINS + 1
            assert_array_equal(edges[:-1], np.arange(BINS))
            assert np.isinf(edges[-1])
            labels = list(dataset.attrs["bin_labels"])
            assert labels[0] == "0" and labels[90] == "90" and labels[91] == "more than 90" and len(labels) == BINS


def check_distributions_docs_example(path):
    """The docs' example for the duration histograms: variant 0's assessments, 5 on day 20,
    10 + r on day 43 and 1 beyond 90 in replications 0 and 2; none in replication 1."""
    code = docs_example("python", containing="distributions/assessment_working_days")
    example = run_example(code, path, "python distributions example")
    assert example["unit"] == "assessments"
    assert example["labels"][-1] == "more than 90"
    assert example["counts"].shape == (3, BINS)
    assert_array_equal(example["done"], [16, 0, 18])
    # 41-45 working days: 10 of 16 and 12 of 18; not applicable where none completed.
    assert_array_equal(example["share"], [10 / 16, np.nan, 12 / 18])
    # Pooled: 10 on day 20, 22 on day 43, 2 beyond: the 17th of 34 took 43 days.
    assert example["median"] == 43


def check_snapshot_docs_example(path):
    """The docs' example for a run from a snapshot, on write_sample_results --snapshot's file:
    1 variant x 3 replications (replication 2 unwritten) x 4 children; visit_late rows
    r0: 1 1 0 0, r1: 1 0 1 0, so each child's chance is 1, 0.5, 0.5, 0."""
    code = docs_example("python", containing='"agency-leave.h5"')
    example = {}
    exec(compile(code.replace('"agency-leave.h5"', repr(path)), f"{DOCS} (python snapshot example)", "exec"), example)

    assert example["extract_date"] == "2027-01-15"
    assert example["problems"] == 2
    assert example["changes"] == [("2027-03-01", "2 agency workers leave"),
                                  ("2027-04-06", "New NQSW, a newly qualified permanent worker (1 FTE), starts")]
    assert list(example["children"]) == ["C-0000000a", "C-0000000b", "C-0000000c", "C-0000000d"]
    assert list(example["stages"]) == ["CP plan", "CIN plan", "looked after", "open assessment"]
    assert_array_equal(example["overdue_at_start"], [False, True, False, False])
    assert example["late"].dtype == np.uint8 and example["late"].shape == (1, 3, 4)
    # The unwritten replication holds 0s; counting it would give 2/3, 1/3, 1/3, 0.
    assert_array_equal(example["chance"], [1.0, 0.5, 0.5, 0.0])
    assert list(example["most_at_risk"]) == [0, 1, 2, 3]

    with h5py.File(path, "r") as f:
        objects = []
        f.visit(objects.append)
        for name in ["snapshot", "timeline", "timeline/dates", "timeline/events", "children", "children/ids",
                     "children/stages", "children/overdue_at_start", "children/visit_late"]:
            assert name in objects, name
        assert f["children/overdue_at_start"].dtype == np.float64
        assert f["snapshot"].attrs["problems"].dtype == np.uint64
        assert_array_equal(f["children/visit_late"][0], [[1, 1, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0]])
        assert f["children/visit_late"].maxshape == (1, None, 4)
        assert_array_equal(f["completed"][:], [[1, 1, 0]])


def check_what_if_docs_example(path):
    """The docs' example for a paired what-if, on write_sample_results --what-if's file:
    visits_overdue 10 + r without and 15 + 2r with (differences 5, 6, 7); child c late
    with the changes in replication r when c <= r, never without; per-worker series
    1000 v + 100 r + 10 w + k (caseload) and the same + 0.5 (overdue visits)."""
    code = docs_example("python", containing="what_if")
    example = {}
    exec(compile(code.replace('"agency-leave.h5"', repr(path)), f"{DOCS} (python what-if example)", "exec"), example)
    assert example["variants"] == ["without the changes", "with the changes"]
    assert_array_equal(example["difference"], [5.0, 6.0, 7.0])
    assert list(example["workers"]) == ["W-000000000000000a", "", "W-000000000000000b"]
    assert_array_equal(example["rise"], [1.0, 2 / 3, 1 / 3])

    with h5py.File(path, "r") as f:
        assert f.attrs["what_if"] == 1
        assert f.attrs["format_version"] == 3
        assert list(f["workers/ids"].asstr()[:]) == ["W-000000000000000a", "W-000000000000000b"]
        assert list(f["workers/series"].asstr()[:]) == ["caseload", "overdue_visits"]
        v, r, w, k = np.meshgrid(range(2), range(3), range(2), range(2), indexing="ij")
        expected = 1000.0 * v + 100 * r + 10 * w + k
        for name, offset in [("caseload", 0.0), ("overdue_visits", 0.5)]:
            dataset = f[f"workers/{name}"]
            assert dataset.dtype == np.float64 and dataset.shape == (2, 3, 2, 2), name
            assert dataset.maxshape == (2, None, 2, 2), name
            assert dataset.attrs["unit"] == {"caseload": "cases", "overdue_visits": "children"}[name]
            assert_array_equal(dataset[:], expected + offset)


def main():
    path = sys.argv[1]
    check_docs_example(path)
    check_whole_file(path)
    check_distributions_docs_example(path)
    if len(sys.argv) > 2:
        check_snapshot_docs_example(sys.argv[2])
    if len(sys.argv) > 3:
        check_what_if_docs_example(sys.argv[3])
    print("h5py read the results file as documented: all checks passed")


if __name__ == "__main__":
    main()
