#pragma once
// Reading a team's snapshot: the Annex A lists 3-8 saved as CSV, workers.csv
// and the manifest snapshot.yaml, from one directory (docs/snapshot-format.md).
// The only code that knows those files; child ids and worker names are
// pseudonymised here and go no further.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/snapshot/snapshot.hpp"
#include "engine/snapshot/snapshot_error.hpp"
#include "engine/snapshot/team_choice.hpp"

namespace casesim::snapshot {

struct LoadOptions {
  // Strict (false): the first problem throws SnapshotError. Lenient: every row
  // problem is collected in Snapshot::problems and the row is skipped or
  // degraded as docs/snapshot-format.md says; problems with a whole file (a
  // missing column, a missing file, the manifest) still throw.
  bool lenient = false;
  // The pseudonyms' key, at least kMinSaltBytes bytes (read_salt_file in
  // pseudonymiser.hpp reads one from a file). nullopt: derived from the bytes
  // of the snapshot's data files. Never stored.
  std::optional<std::string> salt;
  // When set, filled with each worker's id or name as written in workers.csv,
  // index-aligned with Snapshot::workers: for the analyst's terminal only
  // (casesim snapshot --show-names), never for a file.
  std::vector<std::string>* worker_names = nullptr;
  // One team of an authority-wide extract (team_choice.hpp); nullopt: every
  // worker and child. When set, what it left out goes to team_report if that
  // is not null.
  std::optional<std::string> team;
  TeamReport* team_report = nullptr;
  // When set, filled with each child's Child Unique ID as written, by
  // pseudonym: for the local-only report (casesim report --names), never for
  // any other output.
  std::map<std::string, std::string>* child_ids = nullptr;
};

// Throws SnapshotError for bad input (see LoadOptions::lenient), and
// std::invalid_argument for a salt shorter than kMinSaltBytes. Workers are in
// workers.csv's order; children are ordered by the row that gave their
// stage (list number, then line).
Snapshot load_snapshot(const std::filesystem::path& directory, const LoadOptions& options);

// "looked after", "CP plan", "CIN plan", "open assessment", "section 47 enquiry", "referral".
std::string stage_name(Stage stage);

}  // namespace casesim::snapshot
