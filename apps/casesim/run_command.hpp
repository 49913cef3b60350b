#pragma once
// `casesim run`: one scenario, many replications, a results file and a table.
#include <atomic>
#include <cstdint>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>

#include "engine/runner/progress.hpp"

namespace casesim::cli {

struct RunOptions {
  std::string scenario_path;  // empty: the shipped baseline
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  int threads = 0;           // 0: all cores
  std::string output;        // empty: <scenario name>.h5 in the current directory
  bool force = false;        // replace an existing results file
  std::string command_line;  // recorded in the results file
  // Start from a team's snapshot (docs/snapshot-format.md) instead of an empty office.
  std::string start_from;  // the snapshot directory; empty: none
  bool lenient = false;    // report bad snapshot rows, count them, and go on
  std::string salt_file;   // the pseudonyms' key; empty: derived from the snapshot
  std::string team;        // with start_from: one team of an authority-wide extract
  // A scenario with a timeline also runs without it, paired, to say what is
  // because of the change; false runs it with the timeline only.
  bool no_comparison = false;
  bool resume = false;  // continue the unfinished run in OUTPUT.partial
  // Progress on `err` (the program: runner::standard_error_progress_style()).
  runner::ProgressStyle progress = runner::ProgressStyle::none;
  // Set from elsewhere (a signal handler) to stop after the current batch.
  const std::atomic<bool>* stop = nullptr;
};

struct RunOutcome {
  bool interrupted = false;  // stopped by `stop`: OUTPUT.partial holds what was done, and `err` says how to continue
};

// Throws scenario::ScenarioError, snapshot::SnapshotError or UsageError for bad input, and
// results::ResultsError when the results cannot be written or resumed.
RunOutcome run_command(const RunOptions& options, std::ostream& out, std::ostream& err = std::cerr);

}  // namespace casesim::cli
