#pragma once
// What every results file records about how it was made, shared by the
// commands that write one (run, experiment).
#include <string>
#include <vector>

#include "engine/results/results_file.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim::cli {

std::string boost_version();  // e.g. "1.74.0": Boost's distributions may change between versions
std::string utc_now();        // ISO 8601, to the second
std::vector<results::Quantity> metric_quantities();  // the model's metric catalogue
std::vector<results::Quantity> series_quantities();  // the model's weekly series

// The metadata every results file carries: the scenario as loaded, the seed
// used, the versions that shape the numbers, and how and when it was made.
results::Metadata results_metadata(const scenario::Scenario& scenario, const scenario::ScenarioSource& source,
                                   std::uint64_t seed, const std::string& command_line);

}  // namespace casesim::cli
