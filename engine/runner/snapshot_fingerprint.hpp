#pragma once
// Which snapshot a run started from, in 16 hex digits, so that an unfinished
// run is resumed only from the same one: the same rows (a re-extract differs),
// the same pseudonyms (another --salt-file gives others) and the same bad rows
// let through by --lenient. Not a security measure: a checksum of what shapes
// the numbers.
#include <string>

#include "engine/snapshot/snapshot.hpp"

namespace casesim::runner {

std::string snapshot_fingerprint(const snapshot::Snapshot& snapshot);

}  // namespace casesim::runner
