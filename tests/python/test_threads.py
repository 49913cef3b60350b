"""The numbers do not depend on the threads, and Python goes on while casesim simulates."""

import threading
import time

import xarray

import casesim
from conftest import BASELINE, without_making


def test_one_thread_and_two_give_identical_results():
    scenario = casesim.load_scenario(BASELINE)
    one = casesim.run(scenario, replications=4, seed=11, threads=1)
    two = casesim.run(scenario, replications=4, seed=11, threads=2)
    xarray.testing.assert_identical(without_making(one), without_making(two))


def test_other_python_threads_run_while_it_simulates():
    scenario = casesim.load_scenario(BASELINE)
    finished = []
    worker = threading.Thread(target=lambda: finished.append(casesim.run(scenario, replications=16, seed=3,
                                                                        threads=1)))
    # Ticks of this thread while the run goes on: with the GIL held through
    # the simulation there would be none between its start and its end.
    ticks = 0
    worker.start()
    while worker.is_alive():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    assert finished and finished[0].sizes["replication"] == 16
    assert ticks >= 20, f"only {ticks} ticks of another thread while the run went on"
