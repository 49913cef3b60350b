#pragma once
// What a results file records besides the results: its metadata (the scenario
// as loaded, the seed, the versions that shape the numbers, how and when it
// was made) and its layout (variants, replications, the model's metric and
// series catalogue, the weeks, and from a snapshot its children). Everything
// that writes a results file builds them here: the commands, and the Python
// interface and browser build that call the same runner.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/model_setup.hpp"
#include "engine/results/results_file.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::runner {

std::string boost_version();                         // e.g. "1.74.0": Boost's distributions may change between versions
std::string utc_now();                               // ISO 8601, to the second
std::vector<results::Quantity> metric_quantities();  // the model's metric catalogue
std::vector<results::Quantity> series_quantities();  // the model's weekly series
results::Distributions duration_distributions();     // the model's duration histograms and their bins

// The metadata every results file carries: `scenario` (a run's, or an
// experiment's base) as loaded from `source`, the seed used, the versions that
// shape the numbers, and how and when it was made.
results::Metadata results_metadata(const scenario::Scenario& scenario, const scenario::ScenarioSource& source,
                                   std::uint64_t seed, const std::string& command_line);

// Started from a snapshot: its extract date, and how many bad rows --lenient let through.
void record_start_snapshot(results::Metadata& metadata, const snapshot::Snapshot& start);

// `variants` (their names) x `replications` slots, each holding the model's
// metrics, the weekly series of `scenario`'s horizon and the duration histograms.
results::Layout results_layout(const scenario::Scenario& scenario, std::vector<std::string> variants,
                               std::size_t replications);

// A run from a snapshot (setup.snapshot()) records each of its children: the
// pseudonym, the stage, the allocated worker's pseudonym, and whether a visit
// is already overdue on the extract date. Nothing without a snapshot.
void record_children(results::Layout& layout, const model::ModelSetup& setup);

// A run from a snapshot also records each worker's weekly series
// (model/worker_series.hpp): the ids of `setup`'s tracked workers (the
// snapshot's pseudonyms, "additional permanent 1", ..., and "new worker from
// DATE" for each the timeline starts). Nothing without a snapshot. For a
// what-if, `setup` is the run with the changes, which has every worker the
// run without them has, and those its timeline starts.
void record_workers(results::Layout& layout, const model::ModelSetup& setup);

}  // namespace casesim::runner
