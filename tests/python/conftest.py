"""What the casesim package's tests share: the program to compare with, and the shipped files."""

import os
import pathlib
import subprocess

import h5py
import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("CASESIM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BASELINE = SOURCE_DIR / "scenarios" / "baseline.yaml"

# Metadata that says when and how a file was made, not what it holds: it
# differs between any two runs, whoever makes them.
MAKING_ATTRIBUTES = ("created_utc", "command_line")


@pytest.fixture(scope="session")
def casesim_program():
    """The casesim program of the same build (ctest passes its path)."""
    program = os.environ.get("CASESIM_PROGRAM")
    if not program:
        pytest.fail("CASESIM_PROGRAM is not set: run these tests through ctest (tests/python/CMakeLists.txt)")
    return program


def run_program(program, *arguments):
    """Runs the casesim program and returns its completed process; the caller checks the status."""
    return subprocess.run([program, *map(str, arguments)], capture_output=True, text=True, check=False)


def file_values(path, group):
    """Every dataset of ``group`` in the results file at ``path`` that has a replication axis, by name."""
    with h5py.File(path, "r") as file:
        return {name: dataset[...] for name, dataset in file[group].items() if dataset.ndim >= 2}


def without_making(dataset):
    """``dataset`` without the attributes that say when and how it was made."""
    copy = dataset.copy()
    for name in MAKING_ATTRIBUTES:
        copy.attrs.pop(name, None)
    return copy
