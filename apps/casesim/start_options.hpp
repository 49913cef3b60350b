#pragma once
// --start-from, --lenient, --salt-file and --team, as run, experiment,
// optimise and trace take them.
#include <memory>
#include <string>

#include "engine/snapshot/snapshot.hpp"

namespace casesim::cli {

// The snapshot to start from (runner::load_start_snapshot), or null without
// --start-from; then --lenient, --salt-file and --team are usage errors.
std::shared_ptr<const snapshot::Snapshot> start_snapshot(const std::string& start_from, bool lenient,
                                                         const std::string& salt_file, const std::string& team);

}  // namespace casesim::cli
