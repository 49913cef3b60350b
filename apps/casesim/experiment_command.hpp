#pragma once
// `casesim experiment`: every variant of an experiment, replications paired by
// common random numbers, one results file written as batches complete, and a
// comparison table.
#include <atomic>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "engine/runner/progress.hpp"

namespace casesim::cli {

struct ExperimentOptions {
  std::string experiment_path;
  std::optional<std::uint64_t> replications;  // overrides the file
  std::optional<std::uint64_t> seed;          // overrides the file
  int threads = 0;                            // 0: all cores
  std::string output;                         // empty: <experiment name>.h5
  bool force = false;                         // replace an existing results file or unfinished run
  bool resume = false;                        // continue OUTPUT.partial
  std::optional<double> precision;            // relative 95% half-width target, e.g. 0.05
  std::string precision_metric;
  std::optional<std::uint64_t> max_replications;  // precision runs: default 10000
  std::string command_line;                       // recorded in the results file
  std::string start_from;                         // a team's snapshot every variant starts from; empty: none
  bool lenient = false;
  std::string salt_file;
  std::string team;  // with start_from: one team of an authority-wide extract
  // Progress on `err` (the program: runner::standard_error_progress_style()).
  runner::ProgressStyle progress = runner::ProgressStyle::none;
  // Set from elsewhere (a signal handler) to stop after the current batch.
  const std::atomic<bool>* stop = nullptr;
};

inline constexpr std::uint64_t kDefaultMaxReplications = 10'000;

struct ExperimentOutcome {
  bool interrupted = false;      // stopped by `stop`; the .partial file holds what was done
  std::string output;            // the results file (complete), or the .partial file (interrupted)
  std::size_t replications = 0;  // per variant, in the file
  bool precision_met = false;    // precision runs only
  bool worker = false;           // an MPI worker rank: rank 0 wrote the file and printed the table (docs/cluster.md)
};

// Throws scenario::ScenarioError or UsageError for bad input, and
// results::ResultsError when the results cannot be written or resumed.
// Under an MPI launcher with several ranks (a build with CASESIM_WITH_MPI),
// rank 0 does all of the above and the other ranks only run replications.
ExperimentOutcome experiment_command(const ExperimentOptions& options, std::ostream& out, std::ostream& err);

}  // namespace casesim::cli
