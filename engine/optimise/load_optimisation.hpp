#pragma once
// Reading an optimise file (YAML; docs/optimise.md). Everything is checked
// here, before any replication runs: the file's own fields, the base scenario,
// and every candidate plan's overrides applied to it. Errors are
// scenario::ScenarioError, "FILE:LINE: FIELD: MESSAGE"; a value a scenario
// field cannot take names the optimise file and the line of that value.
#include <cstddef>
#include <string>
#include <vector>

#include "engine/optimise/optimisation.hpp"

namespace casesim::optimise {

// Bounds that keep a search to something a machine can run in one go.
inline constexpr std::size_t kMaxOptimisationPlans = 500;
inline constexpr long long kMaxOptimisationReplications = 1'000'000;

// `metric_names`: the model's metric catalogue, which targets must come from.
// base_scenario is read relative to the directory of the optimise file.
Optimisation parse_optimisation(const scenario::ScenarioSource& source, const std::vector<std::string>& metric_names,
                                scenario::TeamSource team = scenario::TeamSource::scenario_file);
Optimisation load_optimisation(const std::string& path, const std::vector<std::string>& metric_names,
                               scenario::TeamSource team = scenario::TeamSource::scenario_file);

}  // namespace casesim::optimise
