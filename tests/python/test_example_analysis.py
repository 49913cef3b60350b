"""The example analysis of docs/python.md runs as written and says what the docs show."""

import os
import pathlib
import re
import subprocess
import sys

from conftest import SOURCE_DIR

EXAMPLE = SOURCE_DIR / "analysis" / "examples" / "calibrate_turnover.py"
DOCS = SOURCE_DIR / "docs" / "python.md"


def test_calibration_finds_a_base_rate_and_plots_it(tmp_path):
    plot = tmp_path / "calibrate_turnover.png"
    # Few replications: the test is that it runs and answers sensibly, not the answer's precision.
    done = subprocess.run([sys.executable, str(EXAMPLE), str(plot), "4"], capture_output=True, text=True,
                          env=os.environ, check=False)
    assert done.returncode == 0, done.stderr
    turnover = [float(t) for t in re.findall(r"^base rate [0-9.]+: turnover ([0-9.]+) per FTE-year \(95% CI",
                                             done.stdout, re.MULTILINE)]
    assert len(turnover) == 5
    # Four times the base rate means more leavers (the same seed: common random numbers).
    assert turnover[0] < turnover[-1]
    calibrated = float(re.search(r"^base rate for 17% turnover: (-?[0-9.]+) ", done.stdout, re.MULTILINE).group(1))
    # A base rate, not a wild extrapolation: between none and twice the highest tried.
    assert 0 < calibrated < 0.32
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_docs_show_the_example_as_it_is():
    docs = DOCS.read_text()
    code = EXAMPLE.read_text()
    calibration = code[code.index("target = "):code.index("plt.savefig")]
    assert calibration in docs, "docs/python.md's example differs from analysis/examples/calibrate_turnover.py"
