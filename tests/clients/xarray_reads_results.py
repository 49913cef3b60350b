"""Opens results files with xarray (engine="h5netcdf"), as docs/results-format.md
tells a researcher to, and checks that every axis is a named dimension of the
right size, every dataset says what it holds and in what units, and the weeks
carry their start dates and warm-up flags: each against what the file itself
says through plain h5py (its lists of names, units and descriptions, its
week_start dates and its warm_up_weeks attribute).

Usage: /usr/bin/python3 xarray_reads_results.py RESULTS.h5 [RESULTS.h5 ...]
(files of `casesim run`, `casesim experiment` and the clients' sample files)
"""
import pathlib
import re
import sys

import h5py
import numpy as np
import xarray as xr
from numpy.testing import assert_array_equal

DOCS = pathlib.Path(__file__).resolve().parents[2] / "docs" / "results-format.md"


def strings(dataset):
    return [str(s) for s in dataset.asstr()[:]]


def docs_example():
    """The xarray example of docs/results-format.md, run as written on `path`."""
    for match in re.finditer(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL):
        if "import xarray" in match.group(1):
            return match.group(1)
    raise AssertionError(f"{DOCS} has no ```python example importing xarray")


def open_group(path, group=None):
    # decode_timedelta=False: a metric in "hours" stays a number of hours
    # (xarray would otherwise read it as a duration, its `units` moved into
    # .encoding), so every dataset's units can be compared as written.
    return xr.open_dataset(path, engine="h5netcdf", group=group, decode_timedelta=False)


def check_every_group_opens(path):
    """Every group opens in xarray (no axis without a dimension), and every
    dataset has a long_name, and units when it holds measured numbers."""
    groups = ["/"]
    with h5py.File(path, "r") as f:
        f.visititems(lambda name, item: groups.append("/" + name) if isinstance(item, h5py.Group) else None)
        datasets = []
        f.visititems(lambda name, item: datasets.append((name, item)) if isinstance(item, h5py.Dataset) else None)
        for name, item in datasets:
            assert "long_name" in item.attrs, f"{path}: /{name} has no long_name"
            numeric = item.dtype.kind in "fiu" and name not in ("parameters/values",)
            if numeric:
                assert "units" in item.attrs, f"{path}: /{name} has no units"
    for group in groups:
        with open_group(path, group) as ds:
            for name, variable in ds.variables.items():
                assert not any(d.startswith("phony_dim") for d in variable.dims), (path, group, name)


def check(path):
    with h5py.File(path, "r") as f:
        variants = strings(f["variants/names"])
        replications = f["completed"].shape[1]
        week_start = strings(f["series/week_start"])
        warm_up_weeks = int(f.attrs["warm_up_weeks"])
        metrics = strings(f["metrics/names"])
        metric_units = strings(f["metrics/units"])
        metric_descriptions = strings(f["metrics/descriptions"])
        series = strings(f["series/names"])
        series_units = strings(f["series/units"])
        series_descriptions = strings(f["series/descriptions"])
        distributions = strings(f["distributions/names"]) if "distributions" in f else []
        bins = len(f[f"distributions/{distributions[0]}"].attrs["bin_labels"]) if distributions else 0
        summary_values = {m: f[f"summary/{m}"][:] for m in metrics}
        series_values = {s: f[f"series/{s}"][:] for s in series}
        children = f["children/ids"].shape[0] if "children" in f else 0
        workers = f["workers/ids"].shape[0] if "workers" in f else 0
        experiment = "experiment" in f
    weeks = len(week_start)
    warm_up = [w < warm_up_weeks for w in range(weeks)]

    with open_group(path) as root:
        assert root.sizes["variant"] == len(variants)
        assert root.sizes["replication"] == replications
        assert root.sizes["week"] == weeks
        assert list(root["variant"].values) == variants
        assert_array_equal(root["replication"].values, np.arange(replications))
        assert_array_equal(root["week"].values, np.arange(weeks))
        assert "week_start" in root.coords and root["week_start"].dims == ("week",)
        assert list(root["week_start"].values) == week_start
        assert "warm_up" in root.coords and root["warm_up"].dtype == bool
        assert list(root["warm_up"].values) == warm_up
        assert root["week"].attrs["warm_up_weeks"] == warm_up_weeks
        assert root["completed"].dims == ("variant", "replication")
        assert root.attrs["warm_up_weeks"] == warm_up_weeks

    with open_group(path, "summary") as summary:
        assert sorted(summary.data_vars) == sorted(metrics)
        for m, unit, description in zip(metrics, metric_units, metric_descriptions):
            assert summary[m].dims == ("variant", "replication"), (m, summary[m].dims)
            assert summary[m].attrs["units"] == unit, (m, summary[m].attrs)
            assert summary[m].attrs["long_name"] == description
            assert_array_equal(summary[m].values, summary_values[m])

    with open_group(path, "series") as weekly:
        assert "week_start" in weekly.coords
        for s, unit, description in zip(series, series_units, series_descriptions):
            assert weekly[s].dims == ("variant", "replication", "week"), (s, weekly[s].dims)
            assert weekly[s].attrs["units"] == unit
            assert weekly[s].attrs["long_name"] == description
            assert weekly[s].attrs["warm_up_weeks"] == warm_up_weeks
            assert list(weekly[s]["week_start"].values) == week_start
            assert_array_equal(weekly[s].values, series_values[s])

    if distributions:
        with open_group(path, "distributions") as histograms:
            for d in distributions:
                assert histograms[d].dims == ("variant", "replication", "bin")
                assert histograms.sizes["bin"] == bins
    if children:
        with open_group(path, "children") as group:
            assert group["visit_late"].dims == ("variant", "replication", "child")
            assert group.sizes["child"] == children
    if workers:
        with open_group(path, "workers") as group:
            assert group["caseload"].dims == ("variant", "replication", "week", "worker")
            assert group.sizes["worker"] == workers
    if experiment:
        with open_group(path, "parameters") as group:
            assert group["values"].dims == ("variant", "parameter")

    # Labelled all the way through: the root's coordinates merged with a group.
    with open_group(path) as root, open_group(path, "series") as weekly:
        merged = xr.merge([root, weekly])
        first = merged[series[0]].sel(variant=variants[0])
        assert first.dims == ("replication", "week")
        assert list(first["warm_up"].values) == warm_up

    check_every_group_opens(path)


def main(paths):
    for path in paths:
        check(path)
    # The docs' example runs as written on the first file.
    example = docs_example()
    namespace = {}
    exec(compile(example.replace('"baseline.h5"', repr(paths[0])), str(DOCS), "exec"), namespace)
    print(f"xarray read {len(paths)} results files with named dimensions and units")


if __name__ == "__main__":
    main(sys.argv[1:])
