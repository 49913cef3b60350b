// Scenario YAML → Scenario, validating every value once.
//
// Which fields are required: `name`; the section run and every field in it (a
// run's length and seed decide what the results mean, so none is defaulted);
// referrals.rate_per_working_day; the section pathways; team.social_workers
// and each worker's name and fte. Everything else is optional and takes the
// default in scenario.hpp, which switches its mechanism off. Within a duration
// distribution, distribution and mean are required, and sd is required for
// lognormal and gamma and refused for fixed and exponential. A weekday or month
// profile, when given, lists every day or month. Share mappings (need_mix, each
// row of response_by_need, assessment outcomes) count a share left out as 0 and
// must sum to 1. docs/scenario-format.md is the reference for every field.
//
// Errors are ScenarioError, "FILE:LINE: FIELD: MESSAGE": a value's own line, a
// missing field or a mapping-wide problem (a sum) at the line of the key
// holding its mapping, an unknown key at its own line. Overrides are applied to
// the YAML tree before validation, and what they bring in carries the
// override's origin file and line.
//
// This file reads the source and parses it; the schema is in
// scenario_schema.cpp, overrides in overrides.cpp, the section readers in
// read_sections.cpp.
#include "engine/scenario/load_scenario.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "engine/input/yaml_readers.hpp"
#include "engine/input/yaml_tree.hpp"
#include "engine/scenario/overrides.hpp"
#include "engine/scenario/read_sections.hpp"

namespace casesim::scenario {

ScenarioSource read_scenario_source(const std::string& path) {
  const auto cannot_read = [&](const std::string& reason) {
    return ScenarioError(path, 0, "", "cannot read scenario: " + reason);
  };
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error) throw cannot_read(error.message());
  if (!std::filesystem::is_regular_file(status)) {
    throw cannot_read(std::filesystem::is_directory(status) ? "it is a directory" : "not a regular file");
  }
  const auto too_large = [&] { return cannot_read("larger than the 1 MiB limit for a scenario"); };
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw cannot_read(error.message());
  if (size > kMaxScenarioBytes) throw too_large();

  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw cannot_read(errno != 0 ? std::strerror(errno) : "cannot open");
  ScenarioSource source{path, {}};
  // Read one byte past the limit: the file may have grown since it was sized.
  source.text.resize(kMaxScenarioBytes + 1);
  const std::size_t read = std::fread(source.text.data(), 1, source.text.size(), file.get());
  if (std::ferror(file.get())) throw cannot_read(std::strerror(errno));
  if (read > kMaxScenarioBytes) throw too_large();
  source.text.resize(read);
  return source;
}

Scenario parse_scenario(const ScenarioSource& source, const std::vector<Override>& overrides) {
  if (source.text.size() > kMaxScenarioBytes) {
    throw ScenarioError(source.path, 0, "", "larger than the 1 MiB limit for a scenario");
  }
  using input::YamlNode;
  YamlNode root = input::parse_yaml(source.text, source.path, 0, "", "scenario");
  if (root.kind == YamlNode::Kind::empty) {
    throw ScenarioError(source.path, 0, "", "empty file, expected a scenario (a YAML mapping)");
  }
  if (root.kind != YamlNode::Kind::mapping) {
    input::fail(root, "", "expected a scenario (a YAML mapping), got " + input::describe(root));
  }
  for (const Override& override_ : overrides) detail::apply_override(root, override_);
  return detail::read_scenario(root);
}

Scenario load_scenario(const std::string& path) {
  return parse_scenario(read_scenario_source(path), {});
}

}  // namespace casesim::scenario
