#pragma once
// A scenario's run as it is recorded, whoever asks for it (`casesim run`, the
// Python interface): its variants' models and what its results file records
// of them, so that every caller writes the same file for the same scenario.
#include <memory>
#include <string>
#include <vector>

#include "engine/model/model_setup.hpp"
#include "engine/results/results_file.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::runner {

struct ScenarioRun {
  // A paired what-if (what_if_comparison.hpp): the team without its dated
  // changes is variant 0, and `answered` (results::kWithTheChanges) the one
  // with them; otherwise the scenario alone, variant 0.
  bool what_if = false;
  std::size_t answered = 0;
  std::vector<model::ModelSetup> setups;  // setups[v] is variant v
  results::Metadata metadata;
  results::Layout layout;
};

// `scenario` (loaded from `source`, already started from `start` when there
// is one) with its own seed and replications. `comparison_wanted` false runs a
// scenario with a timeline without its paired comparison (--no-comparison);
// `command_line` is recorded as how the file was made.
ScenarioRun plan_scenario_run(const scenario::Scenario& scenario, const scenario::ScenarioSource& source,
                              const std::shared_ptr<const snapshot::Snapshot>& start, bool comparison_wanted,
                              const std::string& command_line);

}  // namespace casesim::runner
