#pragma once
// Reading an experiment file (YAML). Everything is checked here, before any
// replication runs: the experiment's own fields, the base scenario, and every
// variant's overrides applied to it. Errors are ScenarioError,
// "FILE:LINE: FIELD: MESSAGE"; a bad override path or value names the
// experiment file and the line of the override.
#include <string>
#include <vector>

#include "engine/scenario/experiment.hpp"

namespace casesim::scenario {

// Bounds that keep an experiment to something a machine can hold.
inline constexpr long long kMaxExperimentReplications = 1'000'000;
inline constexpr std::size_t kMaxExperimentVariants = 10'000;

// `metric_names`: the model's metric catalogue, which the experiment's
// `metrics` must come from. base_scenario is read relative to the directory of
// the experiment file.
Experiment parse_experiment(const ScenarioSource& source, const std::vector<std::string>& metric_names,
                            TeamSource team = TeamSource::scenario_file);
Experiment load_experiment(const std::string& path, const std::vector<std::string>& metric_names,
                           TeamSource team = TeamSource::scenario_file);

}  // namespace casesim::scenario
