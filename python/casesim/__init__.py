"""casesim from Python: load a scenario, run it, and get its results as xarray.

The runs are casesim's own: the same loaders, checks, runner and results file
as the command line, so the same seed gives the same numbers as
``casesim run`` and ``casesim experiment`` (docs/python.md).

    import casesim
    scenario = casesim.load_scenario("scenarios/baseline.yaml",
                                     overrides={"absence.sickness_rate": 0.05})
    results = casesim.run(scenario, replications=20, seed=1)
    results["caseload_per_fte_mean"].mean("replication")
"""

from casesim._casesim import Scenario, ScenarioError, __version__, metric_names
from casesim._results import open_results
from casesim._runs import experiment, load_scenario, run

__all__ = [
    "Scenario",
    "ScenarioError",
    "__version__",
    "experiment",
    "load_scenario",
    "metric_names",
    "open_results",
    "run",
]
