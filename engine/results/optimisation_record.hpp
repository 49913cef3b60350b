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
  std::vector<double> cost_per_year;  // [V]
  // [V] over the counted period, each option from its start: what plans are ranked by.
  std::vector<double> cost_over_period;
  std::vector<std::string> plan_words;  // [V] each plan in words: "Recruit one permanent worker now ..."
  double period_weeks = 0.0;            // the counted period
  std::string period;                   // "26 weeks, 15 January to 16 July 2027"
  // With no answer, the plan nearest to one (-1 when there is an answer or none is near).
  std::int64_t nearest_plan = -1;
  std::vector<std::uint64_t> replications;  // [V] replications each plan received
  std::vector<std::string> status;          // [V] feasible, infeasible, dearer or undecided
  std::vector<std::string> targets;         // [T] "P(cp_children_unvisited_6_weeks > 0) <= 0.05"
  // [V * T] plan-major: each target as last judged for each plan (NaN for a plan never run).
  std::vector<double> target_estimate;
  std::vector<double> target_ci_low;
  std::vector<double> target_ci_high;
  std::vector<std::string> target_verdict;  // [V * T] plan-major: met, not met or undecided
};

// Adds /optimise to an existing, closed results file. Throws results::ResultsError.
void write_optimisation_record(const std::string& path, const OptimisationRecord& record);
// Whether the results file has one (it was written by casesim optimise).
bool has_optimisation_record(const std::string& path);
// Reads it back (report, tests, clients). Throws results::ResultsError when absent or malformed.
OptimisationRecord read_optimisation_record(const std::string& path);

}  // namespace casesim::results
