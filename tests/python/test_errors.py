"""Bad input arrives as casesim.ScenarioError, saying where, in the program's words."""

import inspect

import pytest

import casesim
from conftest import BASELINE, run_program


def baseline_with(tmp_path, old, new):
    """A copy of the baseline with one line changed, and that line's number."""
    lines = BASELINE.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[number] = new
    path = tmp_path / "bad.yaml"
    path.write_text("".join(lines))
    return path, number + 1


def test_a_bad_value_names_the_file_line_and_field_as_the_program_does(casesim_program, tmp_path):
    path, line = baseline_with(tmp_path, "  horizon_weeks:", "  horizon_weeks: -3\n")
    with pytest.raises(casesim.ScenarioError) as raised:
        casesim.load_scenario(path)
    error = raised.value
    assert isinstance(error, ValueError)
    assert (error.file, error.line, error.field) == (str(path), line, "run.horizon_weeks")
    assert str(error) == f"{path}:{line}: run.horizon_weeks: {error.message}"
    done = run_program(casesim_program, "run", path, "--output", tmp_path / "never.h5")
    assert done.returncode == 2
    assert str(error) in done.stderr


def test_a_bad_override_names_the_line_that_wrote_it_and_its_field():
    with pytest.raises(casesim.ScenarioError) as raised:
        line = inspect.currentframe().f_lineno + 1
        casesim.load_scenario(BASELINE, overrides={"workforce.turnover.annual_rate": "often"})
    error = raised.value
    assert (error.file, error.line, error.field) == (__file__, line, "workforce.turnover.annual_rate")
    assert "often" in error.message
    assert str(error) == f"{__file__}:{line}: workforce.turnover.annual_rate: {error.message}"


def test_an_override_of_no_such_field_lists_what_is_allowed():
    with pytest.raises(casesim.ScenarioError) as raised:
        casesim.load_scenario(BASELINE, overrides={"workforce.turnover.anual_rate": 0.1})
    assert raised.value.field == "workforce.turnover.anual_rate"
    assert "annual_rate" in raised.value.message


def test_a_missing_file_is_a_scenario_error(tmp_path):
    with pytest.raises(casesim.ScenarioError) as raised:
        casesim.load_scenario(tmp_path / "absent.yaml")
    assert raised.value.file == str(tmp_path / "absent.yaml")


def test_a_bad_experiment_dict_names_its_field():
    with pytest.raises(casesim.ScenarioError) as raised:
        casesim.experiment({"name": "e", "base_scenario": str(BASELINE), "replications": 2, "seed": 1,
                            "metrics": ["no_such_metric"], "variants": [{"name": "base"}]})
    assert raised.value.file == "<experiment dict>"
    assert raised.value.field == "metrics[0]"
    assert "unknown metric 'no_such_metric'" in raised.value.message


def test_replications_and_threads_out_of_range_are_value_errors():
    scenario = casesim.load_scenario(BASELINE)
    with pytest.raises(ValueError, match="replications: must be between 1 and"):
        casesim.run(scenario, replications=0)
    with pytest.raises(ValueError, match="threads: must be 0"):
        casesim.run(scenario, replications=1, threads=-1)


def test_a_bad_snapshot_is_a_scenario_error(tmp_path):
    with pytest.raises(casesim.ScenarioError) as raised:
        casesim.run(casesim.load_scenario(BASELINE), replications=1, start_from=tmp_path)
    assert raised.value.file
