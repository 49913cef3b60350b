"""Calibrates the baseline's base turnover rate against DfE's figure (docs/python.md).

The base rate (workforce.turnover.annual_rate) is uncertain: overload and
sickness raise it, so the simulated team's turnover is not the base rate. This
runs the baseline at a few base rates with the same seed (common random
numbers, so the differences are the rate's), fits a line through the mean
turnover, and reads off the base rate at which the team's turnover is DfE's
17% a year (domain.md: about 16-18%, Children's social work workforce).

    PYTHONPATH=build/python python3 analysis/examples/calibrate_turnover.py [OUTPUT.png] [REPLICATIONS]
"""
import pathlib
import sys

import matplotlib
matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt
import numpy as np

import casesim

baseline = pathlib.Path(__file__).resolve().parents[2] / "scenarios" / "baseline.yaml"
output = sys.argv[1] if len(sys.argv) > 1 else "calibrate_turnover.png"
replications = int(sys.argv[2]) if len(sys.argv) > 2 else 40

# From import to plot: the calibration itself.
target = 0.17  # DfE: permanent leavers per FTE-year in post, about 16-18%
rates = np.linspace(0.04, 0.16, 5)
turnover, half_widths = [], []
for rate in rates:
    scenario = casesim.load_scenario(baseline, overrides={"workforce.turnover.annual_rate": rate})
    values = casesim.run(scenario, replications=replications, seed=1)["turnover_rate"]
    turnover.append(values.mean().item())
    half_widths.append(1.96 * values.std(ddof=1).item() / np.sqrt(replications))  # 95% confidence interval
slope, intercept = np.polyfit(rates, turnover, 1)
calibrated = (target - intercept) / slope
plt.errorbar(rates, turnover, yerr=half_widths, fmt="o", capsize=3, label="simulated turnover (mean, 95% CI)")
plt.plot(rates, intercept + slope * rates, color="black", linewidth=0.8, label="fitted line")
plt.axhline(target, color="grey", linestyle="--", label="DfE: 17% a year")
plt.axvline(calibrated, color="red", label=f"calibrated base rate {calibrated:.3f}")
plt.xlabel("workforce.turnover.annual_rate"), plt.ylabel("turnover_rate (per FTE-year)"), plt.legend()
plt.savefig(output, dpi=100)

for rate, value, half_width in zip(rates, turnover, half_widths):
    print(f"base rate {rate:.2f}: turnover {value:.3f} per FTE-year (95% CI +/- {half_width:.3f})")
print(f"base rate for 17% turnover: {calibrated:.3f} (the baseline has 0.12)")
print(f"plot: {output}")
