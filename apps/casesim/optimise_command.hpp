#pragma once
// `casesim optimise`: the cheapest staffing plan that meets named safety
// targets, found by a sequential constrained selection with common random
// numbers (docs/optimise.md); prints the answer, the runners-up and every
// plan's replications and status, and writes a results file.
#include <atomic>
#include <cstdint>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>

#include "engine/runner/progress.hpp"

namespace casesim::cli {

struct OptimiseOptions {
  std::string optimise_path;
  std::optional<std::uint64_t> seed;  // overrides the file
  int threads = 0;                    // 0: all cores
  std::string output;                 // empty: <name>.h5
  bool force = false;                 // replace an existing results file
  std::string command_line;           // recorded in the results file
  std::string start_from;             // a team's snapshot to start every plan from; empty: none
  bool lenient = false;
  std::string salt_file;
  std::string team;  // with start_from: one team of an authority-wide extract
  // Progress on `err` (the program: runner::standard_error_progress_style()).
  runner::ProgressStyle progress = runner::ProgressStyle::none;
  bool resume = false;  // continue the unfinished search in OUTPUT.partial
  // Set from elsewhere (a signal handler) to stop after the current batch.
  const std::atomic<bool>* stop = nullptr;
};

struct OptimiseOutcome {
  std::string output;       // the results file
  std::string end;          // chosen, none_feasible or budget_spent
  std::string chosen_plan;  // empty unless end is chosen
  double chosen_cost_per_year = 0.0;
  double chosen_cost_over_period = 0.0;  // over the counted period, each option from its start
  bool interrupted = false;  // stopped by `stop`: OUTPUT.partial holds what was done, and `err` says how to continue
};

// Throws scenario::ScenarioError or UsageError for bad input, and
// results::ResultsError when the results cannot be written.
OptimiseOutcome optimise_command(const OptimiseOptions& options, std::ostream& out, std::ostream& err = std::cerr);

}  // namespace casesim::cli
