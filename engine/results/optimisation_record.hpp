#pragma once
// The /optimise group of a results file written by `casesim optimise`: each
// plan's cost, replications and status, the targets as judged, and the answer
// (docs/optimise.md). The rest of the file is an ordinary experiment's, written
// by results::ResultsWriter, with one variant per plan; this group is added to
// the finished file before it is moved into place.
#include <cstdint>
#include <string>
#include <vector>

namespace casesim::results {

struct OptimisationRecord {
  double confidence = 0.0;           // for all decisions together
  double interval_confidence = 0.0;  // the level of each interval (Bonferroni)
  std::string end;                   // chosen, none_feasible or budget_spent
  std::int64_t chosen_plan = -1;     // the answer's variant index; -1 when there is none
  std::string currency;
  std::vector<double> cost_per_year;        // [V]
  std::vector<std::uint64_t> replications;  // [V] replications each plan received
  std::vector<std::string> status;          // [V] feasible, infeasible, dearer or undecided
  std::vector<std::string> targets;         // [T] "P(cp_children_unvisited_6_weeks > 0) <= 0.05"
  // [V * T] plan-major: each target as last judged for each plan (NaN for a plan never run).
  std::vector<double> target_estimate;
  std::vector<double> target_ci_low;
  std::vector<double> target_ci_high;
};

// Adds /optimise to an existing, closed results file. Throws results::ResultsError.
void write_optimisation_record(const std::string& path, const OptimisationRecord& record);
// Reads it back (tests, clients). Throws results::ResultsError when absent or malformed.
OptimisationRecord read_optimisation_record(const std::string& path);

}  // namespace casesim::results
