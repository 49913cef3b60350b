#pragma once
// Overrides (an experiment's variants, an optimise file's plans) applied to a
// scenario's YAML tree before it is read, so that what they bring in is
// validated exactly as the file's own values are.
#include "engine/input/yaml_tree.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim::scenario::detail {

// Sets the field at override_.path in `root` to override_.value_yaml, creating
// the mappings on the way that the file left out. The path must follow the
// scenario schema; a list item must exist. Errors name the override's origin,
// or the file's own line where the file's content is in the way.
void apply_override(input::YamlNode& root, const Override& override_);

}  // namespace casesim::scenario::detail
