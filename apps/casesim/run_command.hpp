#pragma once
// `casesim run`: one scenario, many replications, a results file and a table.
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

#include "engine/snapshot/snapshot.hpp"

namespace casesim::cli {

// A command-line mistake (exit status 2, like a bad scenario).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Big enough for any real study; beyond it the per-replication results alone
// would not fit in memory.
inline constexpr std::uint64_t kMaxReplications = 1'000'000;

struct RunOptions {
  std::string scenario_path;  // empty: the shipped baseline
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  int threads = 0;            // 0: all cores
  std::string output;         // empty: <scenario name>.h5 in the current directory
  bool force = false;         // replace an existing results file
  std::string command_line;   // recorded in the results file
  // Start from a team's snapshot (docs/snapshot-format.md) instead of an empty office.
  std::string start_from;     // the snapshot directory; empty: none
  bool lenient = false;       // report bad snapshot rows, count them, and go on
  std::string salt_file;      // the pseudonyms' key; empty: derived from the snapshot
};

// Throws scenario::ScenarioError, snapshot::SnapshotError or UsageError for bad input, and
// results::ResultsError when the results cannot be written.
void run_command(const RunOptions& options, std::ostream& out);

std::string casesim_version();

// The snapshot a run or experiment starts from: null without --start-from
// (then --lenient and --salt-file are usage errors).
std::shared_ptr<const snapshot::Snapshot> load_start_snapshot(const std::string& directory, bool lenient,
                                                              const std::string& salt_file);


}  // namespace casesim::cli
