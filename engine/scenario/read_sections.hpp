#pragma once
// The section readers: a scenario's YAML tree (overrides already applied) to
// a validated Scenario, each section against its schema (scenario_schema.hpp).
#include "engine/input/yaml_tree.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::scenario::detail {

// Throws ScenarioError for any field that is missing, unknown or invalid.
Scenario read_scenario(const input::YamlNode& root, TeamSource team);

}  // namespace casesim::scenario::detail
