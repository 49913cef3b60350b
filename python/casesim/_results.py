"""Reading a results file (docs/results-format.md) into one xarray.Dataset."""

import h5py
import xarray

# The groups whose datasets hold results by variant and replication, under
# names that are unique across them (the model's metrics, weekly series and
# duration histograms). Per-child and per-worker results (/children,
# /workers) reuse series names, so they are read on their own:
# xarray.open_dataset(path, engine="h5netcdf", group="workers").
RESULT_GROUPS = ("summary", "series", "distributions")


def open_results(path):
    """Reads the results file at ``path`` into memory as an ``xarray.Dataset``.

    Every dataset of ``/summary``, ``/series`` and ``/distributions`` becomes a
    variable of the same name, with the file's dimensions (``variant``,
    ``replication``, ``week``, ``bin``), coordinates (``week_start``,
    ``warm_up``, ...), ``units`` and ``long_name``; ``completed`` says which
    replications finished; for an experiment, ``parameter_values``
    (``variant``, ``parameter``) is ``/parameters/values``, each variant's
    value of each field it overrides. The root group's attributes (seed, scenario,
    versions, ...) become the Dataset's. The file is read with
    ``xarray.open_dataset(path, engine="h5netcdf")``, loaded, and closed before
    this returns, so it may be moved or deleted afterwards. Every value is
    the number in the file, whatever its units (no time decoding).
    """
    parts = [_load(path, None)]
    with h5py.File(path, "r") as file:
        groups = [name for name in RESULT_GROUPS if name in file]
        has_parameters = "parameters/values" in file
    for group in groups:
        dataset = _load(path, group)
        # The group's catalogues (names, units, descriptions) are each variable's attributes here.
        parts.append(dataset[[name for name, variable in dataset.data_vars.items() if "replication" in variable.dims]])
    if has_parameters:
        parameters = _load(path, "parameters")
        parts.append(parameters[["values"]].rename({"values": "parameter_values"}))
    # "override": each variable keeps its own attributes (units, long_name),
    # and the Dataset the root group's.
    return xarray.merge(parts, join="exact", combine_attrs="override")


def _load(path, group):
    # decode_timedelta=False: a metric in "hours" or "weeks" stays the number
    # the file holds, not a CF time interval.
    with xarray.open_dataset(path, engine="h5netcdf", group=group, decode_timedelta=False) as dataset:
        return dataset.load()
