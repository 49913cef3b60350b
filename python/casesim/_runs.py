"""Loading scenarios and running them and experiments, through casesim's runner."""

import json
import os
import sys
import tempfile

from casesim import _casesim
from casesim._results import open_results


def load_scenario(path, overrides=None):
    """Loads and checks the scenario file at ``path``; returns a ``casesim.Scenario``.

    ``overrides`` maps dotted field paths to new values, applied before the
    checks exactly as an experiment's variant overrides are, so they are
    checked as the file's own values are::

        load_scenario("baseline.yaml", {"absence.sickness_rate": 0.05,
                                        "team.social_workers[0].fte": 0.8})

    Values may be numbers, strings, booleans, lists or dicts (a distribution
    such as ``{"distribution": "lognormal", "mean": 30, "sd": 10}``).

    Raises ``casesim.ScenarioError`` (a ValueError) for a file that cannot be
    read or holds a bad value, and for a bad override: its ``file``, ``line``
    and ``field`` say where, and ``str()`` is the command line's message. For
    an override, ``file`` and ``line`` are the Python code's that called
    ``load_scenario``, as an experiment file's errors name its override's line.
    """
    pairs = [(str(field), _yaml_text(value)) for field, value in (overrides or {}).items()]
    caller = sys._getframe(1)
    return _casesim.load_scenario(os.fspath(path), pairs, caller.f_code.co_filename, caller.f_lineno)


def run(scenario, replications=None, seed=None, threads=0, start_from=None, *, lenient=False, salt_file=None,
        team=None, comparison=True):
    """Runs ``scenario`` as ``casesim run`` does; returns its results as an ``xarray.Dataset``.

    ``scenario`` is a ``casesim.Scenario`` (``load_scenario``) or a scenario
    file's path. ``replications`` and ``seed`` default to the scenario's
    ``run`` settings; ``threads`` 0 uses every core (the numbers do not depend
    on it). ``start_from`` is a team's snapshot directory
    (docs/snapshot-format.md), with ``lenient``, ``salt_file`` and ``team`` as
    ``casesim run --lenient --salt-file --team``. A scenario with a timeline is
    also run without it, paired (a what-if), unless ``comparison`` is False.

    The runner writes a results file to a temporary directory exactly as
    ``casesim run`` does, and ``open_results`` reads it: the Dataset has the
    file's names, units and dimensions, and for the same seed the same numbers
    as the command line. The GIL is released while the replications run.
    Raises ``casesim.ScenarioError`` for bad input.
    """
    if not isinstance(scenario, _casesim.Scenario):
        scenario = load_scenario(scenario)
    command_line = f"casesim.run({scenario.path!r}, replications={replications!r}, seed={seed!r}, threads={threads!r})"
    return _recorded(lambda output: _casesim.run_to_file(
        scenario, output, replications, seed, threads, _path_text(start_from), lenient, _path_text(salt_file),
        team or "", comparison, command_line))


def experiment(path_or_dict, replications=None, seed=None, threads=0, start_from=None, *, lenient=False,
               salt_file=None, team=None):
    """Runs an experiment as ``casesim experiment`` does; returns its results as an ``xarray.Dataset``.

    ``path_or_dict`` is an experiment file's path, or a dict with the same
    fields as the file (docs/experiments.md): ``name``, ``base_scenario``
    (a path, relative to the current directory for a dict), ``replications``,
    ``seed``, ``metrics``, and ``variants`` or a ``sweep``. The Dataset has a
    ``variant`` dimension, the base first. ``replications`` and ``seed``
    override the experiment's; ``threads``, ``start_from``, ``lenient``,
    ``salt_file`` and ``team`` are as for ``run``.

    Raises ``casesim.ScenarioError`` for bad input; for a dict, its ``file``
    is ``"<experiment dict>"`` and its ``field`` names the bad field.
    """
    if isinstance(path_or_dict, dict):
        # JSON is YAML: the experiment loader reads the dict as it would read a file.
        path, text = "<experiment dict>", json.dumps(path_or_dict, indent=1)
    else:
        path, text = os.fspath(path_or_dict), ""
    command_line = f"casesim.experiment({os.path.basename(path)!r}, replications={replications!r}, seed={seed!r})"
    return _recorded(lambda output: _casesim.experiment_to_file(
        path, text, output, replications, seed, threads, _path_text(start_from), lenient, _path_text(salt_file),
        team or "", command_line))


def _recorded(write):
    """Has ``write`` record a results file in a temporary directory, and reads it into memory."""
    with tempfile.TemporaryDirectory(prefix="casesim-") as directory:
        output = os.path.join(directory, "results.h5")
        write(output)
        return open_results(output)


def _path_text(path):
    return "" if path is None else os.fspath(path)


def _yaml_text(value):
    # JSON is YAML, and it quotes strings, so a value never changes meaning on the way.
    return json.dumps(value)
