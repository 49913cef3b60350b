#include "engine/snapshot/snapshot_manifest.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/input/yaml_readers.hpp"
#include "engine/input/yaml_tree.hpp"
#include "engine/snapshot/column_match.hpp"
#include "engine/snapshot/snapshot_error.hpp"

namespace casesim::snapshot {

namespace {

using input::fail;
using input::YamlNode;

constexpr std::size_t kMaxManifestBytes = 64 * 1024;
const std::string kManifest = kManifestName;

// What a list's file is called when the manifest does not say: Ofsted's
// numbering ("List 6.csv", "annex-a-list6-cin.csv") or the list's subject.
bool looks_like(AnnexList list, const std::string& normalised_stem) {
  std::string stem = normalised_stem;
  if (stem.rfind("annexa", 0) == 0) stem.erase(0, 6);
  const std::string numbered = "list" + std::to_string(static_cast<int>(list));
  if (stem.rfind(numbered, 0) == 0) {
    return stem.size() == numbered.size() || stem[numbered.size()] < '0' || stem[numbered.size()] > '9';
  }
  static const std::map<AnnexList, std::vector<std::string>> kSubjects = {
      {AnnexList::referrals, {"referral"}},
      {AnnexList::assessments, {"assessment"}},
      {AnnexList::section_47, {"section47", "s47"}},
      {AnnexList::children_in_need, {"childreninneed", "cin"}},
      {AnnexList::child_protection, {"childprotection", "cp"}},
      {AnnexList::children_in_care, {"childrenincare", "childrenlookedafter", "lookedafter", "cla"}},
  };
  const auto& subjects = kSubjects.at(list);
  return std::any_of(subjects.begin(), subjects.end(),
                     [&stem](const std::string& subject) { return stem.rfind(subject, 0) == 0; });
}

std::vector<std::string> csv_files_in(const std::filesystem::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    if (normalise_key(entry.path().extension().string()) == "csv") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string text_of(const YamlNode& node, const std::string& field) {
  if (node.kind != YamlNode::Kind::text) fail(node, field, "must be a file name");
  return node.text;
}

// A plain file name inside the snapshot directory, which must exist.
std::string file_in_directory(const YamlNode& node, const std::string& field, const std::filesystem::path& directory) {
  const std::string name = text_of(node, field);
  if (name.empty() || name.find('/') != std::string::npos || name.find('\\') != std::string::npos || name == "." ||
      name == "..") {
    fail(node, field, "must be the name of a file in the snapshot directory, got \"" + name + "\"");
  }
  if (!std::filesystem::is_regular_file(directory / name)) {
    fail(node, field, "no file \"" + name + "\" in the snapshot directory");
  }
  return name;
}

// The manifest as a tree: input::parse_yaml refuses duplicate keys, anchors
// and aliases, tags and non-UTF-8 text, each at its line.
YamlNode load_yaml(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw SnapshotError(kManifest, 0, "",
                        "missing; a snapshot directory needs a manifest giving at least extract_date "
                        "(see docs/snapshot-format.md)");
  }
  if (!std::filesystem::is_regular_file(path, error)) throw SnapshotError(kManifest, 0, "", "not a regular file");
  if (std::filesystem::file_size(path, error) > kMaxManifestBytes) {
    throw SnapshotError(kManifest, 0, "", "larger than the 64 KiB limit for a manifest");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SnapshotError(kManifest, 0, "", "cannot be read");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  YamlNode root = input::parse_yaml(text, kManifest, 0, "", "snapshot manifest");
  if (root.kind != YamlNode::Kind::mapping) {
    throw SnapshotError(kManifest, root.kind == YamlNode::Kind::empty ? 1 : root.line, "",
                        "must be a mapping with extract_date (and optionally lists and workers)");
  }
  return root;
}

}  // namespace

std::string manifest_key(AnnexList list) {
  switch (list) {
    case AnnexList::referrals: return "referrals";
    case AnnexList::assessments: return "assessments";
    case AnnexList::section_47: return "section_47";
    case AnnexList::children_in_need: return "cin";
    case AnnexList::child_protection: return "cp";
    case AnnexList::children_in_care: return "looked_after";
  }
  return "";
}

SnapshotManifest read_manifest(const std::filesystem::path& directory) {
  const YamlNode root = load_yaml(directory / kManifest);
  const input::MappingFields fields(root, "", {"extract_date", "lists", "workers"});

  SnapshotManifest manifest;
  manifest.extract_date = input::read_date(fields.required("extract_date"), "extract_date");

  std::optional<input::MappingFields> lists;
  if (const YamlNode* node = fields.optional("lists")) {
    if (node->kind != YamlNode::Kind::mapping) fail(*node, "lists", "must be a mapping of list to file name");
    std::vector<std::string> keys;
    for (const AnnexList list : kAnnexLists) keys.push_back(manifest_key(list));
    lists.emplace(*node, "lists", std::vector<std::string_view>(keys.begin(), keys.end()));
  }
  const std::vector<std::string> candidates = csv_files_in(directory);
  for (const AnnexList list : kAnnexLists) {
    const std::string key = manifest_key(list);
    if (const YamlNode* named = lists ? lists->optional(key) : nullptr) {
      if (named->kind == YamlNode::Kind::text && named->text == "none") {
        manifest.list_files[list] = std::nullopt;
      } else {
        manifest.list_files[list] = file_in_directory(*named, "lists." + key, directory);
      }
      continue;
    }
    std::vector<std::string> matches;
    for (const auto& name : candidates) {
      if (looks_like(list, normalise_key(std::filesystem::path(name).stem().string()))) matches.push_back(name);
    }
    const int number = static_cast<int>(list);
    if (matches.empty()) {
      throw SnapshotError(kManifest, 0, "lists." + key,
                          "no file found for " + annex_list_title(list) + "; name it list" + std::to_string(number) +
                              ".csv, give its name in snapshot.yaml, or write \"" + key +
                              ": none\" under lists if the team holds no such list");
    }
    if (matches.size() > 1) {
      throw SnapshotError(kManifest, 0, "lists." + key,
                          "both " + matches[0] + " and " + matches[1] + " look like " + annex_list_title(list) +
                              "; give the file's name in snapshot.yaml");
    }
    manifest.list_files[list] = matches.front();
  }

  if (const YamlNode* workers = fields.optional("workers")) {
    manifest.workers_file = file_in_directory(*workers, "workers", directory);
  } else {
    const auto it = std::find_if(candidates.begin(), candidates.end(), [](const std::string& name) {
      return normalise_key(std::filesystem::path(name).stem().string()) == "workers";
    });
    if (it == candidates.end()) {
      throw SnapshotError("workers.csv", 0, "",
                          "missing; the snapshot needs the team's workers (id or name, team, FTE, agency, newly "
                          "qualified, start date, absent until; see docs/snapshot-format.md)");
    }
    manifest.workers_file = *it;
  }
  return manifest;
}

}  // namespace casesim::snapshot
