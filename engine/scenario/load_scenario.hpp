#pragma once
// Reading a scenario from YAML (through engine/input's safe tree). Every value
// is validated here, once, so the model can trust a Scenario.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/input/input_error.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::input {
struct YamlNode;
}

namespace casesim::scenario {

// Bad input in a scenario, an experiment or an optimise file: input::InputError,
// whose what() is "FILE:LINE: FIELD: MESSAGE".
using ScenarioError = input::InputError;

// What was loaded, verbatim, so a results file can record the exact input.
struct ScenarioSource {
  std::string path;
  std::string text;
  // The scenarios it builds on (`base:`, scenario_bases.hpp), nearest first,
  // verbatim; empty when it names none.
  std::vector<ScenarioSource> bases = {};
  // `text` parsed, kept by read_scenario_source so that loading the scenario
  // and recording it parse the file once (scenario_tree, scenario_bases.hpp);
  // null for a source made from text alone, which is parsed where it is used.
  std::shared_ptr<const input::YamlNode> tree = nullptr;
};

// A change to one scenario field, applied to the YAML before validation (an
// experiment varies a field this way). Errors in it name origin_file:origin_line.
struct Override {
  std::string path;        // dotted: "policy.caseload_cap.cases", "team.social_workers[2].fte"
  std::string value_yaml;  // the new value, as YAML: "20", "{basis: per_worker, cases: 15}"
  std::string origin_file;
  int origin_line = 0;
};

// Where a run's team comes from. From a snapshot (--start-from), the snapshot's
// workers replace the file's team and its extract date the run's start, so the
// timeline's workers and dates are checked by start_from_snapshot against
// those instead, and a timeline may name a worker as the snapshot's
// workers.csv does.
enum class TeamSource { scenario_file, snapshot };

// Scenario files larger than this are refused before parsing.
inline constexpr std::size_t kMaxScenarioBytes = 1024 * 1024;

// Throws ScenarioError when the path cannot be read, is not a regular file (a
// FIFO, a device, a directory) or is larger than kMaxScenarioBytes. `noun`
// says what the file is in those messages: "cannot read experiment: ...".
// Experiments and optimise files are read this way too. A scenario's bases
// (`base:`) are read with it, so that what was run is known whole.
ScenarioSource read_scenario_source(const std::string& path, std::string_view noun = "scenario");
// Throws ScenarioError on any invalid content or override.
Scenario parse_scenario(const ScenarioSource& source, const std::vector<Override>& overrides = {},
                        TeamSource team = TeamSource::scenario_file);
Scenario load_scenario(const std::string& path, TeamSource team = TeamSource::scenario_file);

// Every field a scenario file can set, as dotted paths in schema order: values
// only (a distribution's distribution, mean and sd are listed, not the mapping
// holding them), list items written "[]" ("team.social_workers[].fte").
// docs/scenario-format.md documents exactly these.
std::vector<std::string> scenario_field_paths();

}  // namespace casesim::scenario
