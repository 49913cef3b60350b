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

#include "engine/input/input_file.hpp"
#include "engine/input/yaml_readers.hpp"
#include "engine/input/yaml_tree.hpp"
#include "engine/scenario/overrides.hpp"
#include "engine/scenario/read_sections.hpp"
#include "engine/scenario/scenario_bases.hpp"

namespace casesim::scenario {

ScenarioSource read_scenario_source(const std::string& path, std::string_view noun) {
  ScenarioSource source{path, input::read_input_file(path, path, {noun, kMaxScenarioBytes})};
  if (noun == "scenario") {
    source.tree = scenario_tree(source);
    source.bases = read_bases(source);
  }
  return source;
}

Scenario parse_scenario(const ScenarioSource& source, const std::vector<Override>& overrides, TeamSource team) {
  // A file naming no base, read as written, is read from the tree its source
  // already holds: resolving it would only copy that tree.
  if (overrides.empty() && source.tree && !source.tree->find("base")) return detail::read_scenario(*source.tree, team);
  input::YamlNode root = resolved_tree(source);
  for (const Override& override_ : overrides) detail::apply_override(root, override_);
  return detail::read_scenario(root, team);
}

Scenario load_scenario(const std::string& path, TeamSource team) {
  return parse_scenario(read_scenario_source(path), {}, team);
}

}  // namespace casesim::scenario
