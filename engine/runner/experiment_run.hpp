#pragma once
// An experiment's run as it is recorded, whoever asks for it (`casesim
// experiment`, here or on MPI ranks, and the Python interface): each
// variant's model and what the results file records of them, so that every
// caller writes the same file for the same experiment.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/model_setup.hpp"
#include "engine/results/results_file.hpp"
#include "engine/scenario/experiment.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::runner {

// How many replications and with what seed, already checked by the caller.
struct ExperimentSettings {
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;  // per variant (to start with, for a precision run)
  double precision = 0.0;          // relative 95% half-width target; 0: none
  std::string precision_metric;
  std::uint64_t max_replications = 0;
};

struct ExperimentRun {
  scenario::Experiment experiment;  // from a snapshot, every variant started from it
  ExperimentSettings settings;
  std::vector<model::ModelSetup> setups;            // setups[v] is variant v, with the settings' seed and replications
  std::shared_ptr<const snapshot::Snapshot> start;  // null: the office starts empty
};

// From a snapshot, every variant starts from the same team on its extract date.
ExperimentRun prepare_experiment_run(scenario::Experiment experiment, const ExperimentSettings& settings,
                                     std::shared_ptr<const snapshot::Snapshot> start);

// The results file's metadata (the base scenario's, and the experiment's
// record: `experiment_path`, the variants' overrides and parameters, the
// settings) and layout (the variants, and from a snapshot each variant's
// children). `command_line` is recorded as how the file was made.
results::Metadata experiment_metadata(const ExperimentRun& run, const std::string& experiment_path,
                                      const std::string& command_line);
results::Layout experiment_layout(const ExperimentRun& run);

}  // namespace casesim::runner
