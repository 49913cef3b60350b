#pragma once
// Where a command's results file goes: checked and locked before any work,
// not found out after it. --force replaces a results file, never a directory,
// a device, an input of the command, or a file another casesim is writing.
#include <string>
#include <vector>

#include "apps/casesim/destination.hpp"
#include "apps/casesim/output_lock.hpp"

namespace casesim::cli {

struct ResultsClaim {
  std::string output;
  bool force = false;
  std::vector<NamedInput> inputs;  // the scenario, experiment or optimise file...
  // --resume: OUTPUT.partial must be there (run, experiment and optimise,
  // the commands that write one, can each continue theirs).
  bool resume = false;
};

// Checks the destination (check_destination), locks it (OutputLock), and
// refuses an unfinished OUTPUT.partial without --force or --resume, or
// --resume without one. Hold the lock until the results file has its final name.
[[nodiscard]] OutputLock claim_results_destination(const ResultsClaim& claim);

}  // namespace casesim::cli
