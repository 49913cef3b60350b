#pragma once
// The team's snapshot a run, experiment or optimisation starts from
// (docs/snapshot-format.md), loaded once and shared by every variant's model.
#include <memory>
#include <string>

#include "engine/snapshot/snapshot.hpp"

namespace casesim::runner {

// `directory` loaded strictly, or with `lenient` every bad row reported,
// counted and let through; `salt_file` holds the pseudonyms' key (empty:
// derived from the snapshot's files); `team`, when not empty, takes that one
// team from an authority-wide extract. Null when `directory` is empty: the
// office starts empty. Throws snapshot::SnapshotError for bad input.
std::shared_ptr<const snapshot::Snapshot> load_start_snapshot(const std::string& directory, bool lenient,
                                                              const std::string& salt_file, const std::string& team);

}  // namespace casesim::runner
