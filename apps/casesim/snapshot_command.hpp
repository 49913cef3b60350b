#pragma once
// `casesim snapshot`: validates a team snapshot (docs/snapshot-format.md) and
// prints what was read, in terms an analyst can check against the council's
// own system: workers with their caseloads by stage, children by stage,
// children whose last visit is unknown, and (with --lenient) every problem.
// Nothing in clear is printed unless show_names is set, and then only workers'
// names, beside their pseudonyms, for writing dated events about a worker.
#include <ostream>
#include <string>
#include <vector>

#include "engine/snapshot/snapshot.hpp"
#include "engine/snapshot/team_choice.hpp"

namespace casesim::cli {

struct SnapshotOptions {
  std::string directory;
  bool lenient = false;
  std::string salt_file;  // empty: the salt is derived from the snapshot's files
  bool show_names = false;
  std::string team;  // one team of an authority-wide extract; empty: all
};

// The printed summary of a loaded snapshot; worker_names is empty or holds
// each worker's name as written, index-aligned with snapshot.workers.
std::string snapshot_summary(const snapshot::Snapshot& snapshot, const std::vector<std::string>& worker_names);

// What --team left out, per team, and the rows of children it could not place.
std::string team_report_text(const snapshot::TeamReport& report);

// Throws UsageError carrying the loader's one-line message for bad input.
void snapshot_command(const SnapshotOptions& options, std::ostream& out);

}  // namespace casesim::cli
