#include "apps/casesim/start_options.hpp"

#include "apps/casesim/usage_error.hpp"
#include "engine/runner/start_snapshot.hpp"

namespace casesim::cli {

std::shared_ptr<const snapshot::Snapshot> start_snapshot(const std::string& start_from, bool lenient,
                                                         const std::string& salt_file, const std::string& team) {
  if (start_from.empty()) {
    if (lenient) throw UsageError("--lenient: only with --start-from");
    if (!salt_file.empty()) throw UsageError("--salt-file: only with --start-from");
    if (!team.empty()) throw UsageError("--team: only with --start-from");
  }
  return runner::load_start_snapshot(start_from, lenient, salt_file, team);
}

}  // namespace casesim::cli
