#include "engine/runner/start_snapshot.hpp"

#include "engine/snapshot/load_snapshot.hpp"
#include "engine/snapshot/pseudonymiser.hpp"

namespace casesim::runner {

std::shared_ptr<const snapshot::Snapshot> load_start_snapshot(const std::string& directory, bool lenient,
                                                              const std::string& salt_file, const std::string& team) {
  if (directory.empty()) return nullptr;
  snapshot::LoadOptions load;
  load.lenient = lenient;
  if (!salt_file.empty()) load.salt = snapshot::read_salt_file(salt_file);
  if (!team.empty()) load.team = team;
  return std::make_shared<const snapshot::Snapshot>(snapshot::load_snapshot(directory, load));
}

}  // namespace casesim::runner
