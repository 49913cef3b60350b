"""casesim.run and casesim.experiment give exactly the numbers of casesim run and casesim experiment."""

import h5py
import numpy
import xarray

import casesim
from conftest import BASELINE, SOURCE_DIR, file_values, run_program, without_making

REPLICATIONS = 3
SEED = 4242


def test_run_gives_the_programs_summary_bit_for_bit(casesim_program, tmp_path):
    output = tmp_path / "cli.h5"
    done = run_program(casesim_program, "run", BASELINE, "--replications", REPLICATIONS, "--seed", SEED,
                       "--threads", 1, "--output", output)
    assert done.returncode == 0, done.stderr
    results = casesim.run(casesim.load_scenario(BASELINE), replications=REPLICATIONS, seed=SEED, threads=2)
    summary = file_values(output, "summary")
    assert len(summary) == len(casesim.metric_names())
    for name, values in summary.items():
        assert values.shape == (1, REPLICATIONS), name
        # Bit for bit: equal as numbers, NaN (nothing to count) where the program has NaN.
        numpy.testing.assert_array_equal(results[name].values, values, err_msg=name, strict=True)
    for name, values in file_values(output, "series").items():
        numpy.testing.assert_array_equal(results[name].values, values, err_msg=name, strict=True)


def test_open_results_of_the_programs_file_equals_run(casesim_program, tmp_path):
    output = tmp_path / "cli.h5"
    done = run_program(casesim_program, "run", BASELINE, "-r", REPLICATIONS, "-s", SEED, "-o", output)
    assert done.returncode == 0, done.stderr
    from_file = casesim.open_results(output)
    from_run = casesim.run(BASELINE, replications=REPLICATIONS, seed=SEED)
    # Names, dimensions, coordinates, units and values; only when and how each was made differ.
    xarray.testing.assert_identical(without_making(from_file), without_making(from_run))
    assert from_run.attrs["seed"] == SEED
    assert from_run["caseload_per_fte_mean"].dims == ("variant", "replication")


def test_every_result_carries_the_files_units_and_numbers_stay_numbers(casesim_program, tmp_path):
    output = tmp_path / "cli.h5"
    done = run_program(casesim_program, "run", BASELINE, "-r", 2, "-s", SEED, "-o", output)
    assert done.returncode == 0, done.stderr
    results = casesim.run(BASELINE, replications=2, seed=SEED)
    with h5py.File(output, "r") as file:
        catalogue = dict(zip(file["metrics/names"].asstr()[...], file["metrics/units"].asstr()[...]))
    for name, unit in catalogue.items():
        assert results[name].attrs["units"] == unit, name
        assert results[name].attrs["long_name"], name
        # "hours" and "weeks" are units, not a reason to turn the numbers into time intervals.
        assert results[name].dtype == numpy.float64, name
    assert results["caseload_per_fte"].dims == ("variant", "replication", "week")
    assert int(results["warm_up"].sum()) == results.attrs["warm_up_weeks"]


def test_experiment_gives_the_programs_results(casesim_program, tmp_path):
    experiment = SOURCE_DIR / "scenarios" / "experiments" / "caseload-caps.yaml"
    output = tmp_path / "cli.h5"
    done = run_program(casesim_program, "experiment", experiment, "-r", 2, "-s", SEED, "-o", output)
    assert done.returncode == 0, done.stderr
    results = casesim.experiment(experiment, replications=2, seed=SEED)
    xarray.testing.assert_identical(without_making(casesim.open_results(output)), without_making(results))
    assert results.sizes["variant"] > 1


def test_an_experiment_given_as_a_dict_runs_as_its_file_would(tmp_path):
    variants = [{"name": "no cap"},
                {"name": "cap 15", "overrides": {"policy.caseload_cap.cases": 15}}]
    as_dict = {"name": "caps", "base_scenario": str(BASELINE), "replications": 2, "seed": SEED,
               "metrics": ["caseload_per_fte_mean"], "variants": variants}
    file = tmp_path / "caps.yaml"
    file.write_text(
        f"name: caps\nbase_scenario: {BASELINE}\nreplications: 2\nseed: {SEED}\nmetrics: [caseload_per_fte_mean]\n"
        "variants:\n  - {name: no cap}\n  - {name: cap 15, overrides: {policy.caseload_cap.cases: 15}}\n")
    from_dict = casesim.experiment(as_dict)
    xarray.testing.assert_equal(from_dict, casesim.experiment(file))
    assert from_dict.sizes["variant"] == 2
