#pragma once
// snapshot.yaml: the extract date, and which file in the directory holds each
// Annex A list and the workers (found by name when not given).
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "engine/kernel/date.hpp"
#include "engine/snapshot/annex_a_list.hpp"

namespace casesim::snapshot {

inline constexpr const char* kManifestName = "snapshot.yaml";

struct SnapshotManifest {
  kernel::Date extract_date;
  // Each list's file name in the directory; nullopt when the manifest says the
  // team holds no such list (`none`).
  std::map<AnnexList, std::optional<std::string>> list_files;
  std::string workers_file;
};

// The manifest's key for a list: referrals, assessments, section_47, cin, cp, looked_after.
std::string manifest_key(AnnexList list);

// Reads directory/snapshot.yaml and settles every file name: a list the
// manifest does not name is the one CSV file whose name looks like it
// (docs/snapshot-format.md), and workers.csv by default. Throws SnapshotError
// for a missing or invalid manifest, a named file that is not there, a list
// with no file or with two candidates, or a missing workers file.
SnapshotManifest read_manifest(const std::filesystem::path& directory);

}  // namespace casesim::snapshot
