#pragma once
// The scenario schema: which fields each mapping of a scenario file allows,
// and their shape. Overrides follow it to reach a field, the section readers
// check each mapping's keys against it, and scenario_field_paths() lists it
// (docs/scenario-format.md documents exactly those paths). A field listed here
// but read by no reader would be accepted and ignored: the EveryField tests in
// tests/unit/scenario catch that.
#include <string>
#include <string_view>
#include <vector>

#include "engine/input/yaml_readers.hpp"
#include "engine/input/yaml_tree.hpp"

namespace casesim::scenario::detail {

enum class Shape { value, mapping, list_of_values, list_of_mappings };

struct FieldShape {
  std::string_view name;
  Shape shape;
  // For a mapping whose fields are shared with others (every duration
  // distribution, every response row), the schema that lists them; empty: the
  // schema at this field's own path.
  std::string_view schema = {};
};

struct MappingSchema {
  std::string_view path;  // list items written "[]": "team.social_workers[]"; shared ones "<...>"
  std::vector<FieldShape> fields;
};

// The schema every duration distribution shares, and that of a band of a
// banded one (a list of {from, to, share}: DfE's shape for durations).
inline constexpr std::string_view kDistribution = "<distribution>";
inline constexpr std::string_view kDurationBand = "<duration band>";

// Every mapping's schema. Field order is the order of the struct's arrays
// where a mapping fills one (weekdays, months, need levels, responses), and
// the readers rely on it.
const std::vector<MappingSchema>& scenario_schema();

// The schema at `schema_key` (a path with list items written "[]", or a shared
// schema's name). A key the schema lacks is a bug: std::logic_error.
const MappingSchema& schema_of(std::string_view schema_key);

// The schema key of the mapping held by `field` of the mapping at `parent`.
std::string child_schema(std::string_view parent, const FieldShape& field);

// `name`'s entry in the schema at `parent`; std::logic_error if it has none.
const FieldShape& field_shape(std::string_view parent, std::string_view name);

// The allowed field names, for messages: "start_date, horizon_weeks, ...".
std::string joined_names(const MappingSchema& mapping);

// Fields of the mapping at `path`, checked against the schema at `schema_key`.
input::MappingFields fields_of(const input::YamlNode& node, const std::string& path, std::string_view schema_key);

}  // namespace casesim::scenario::detail
