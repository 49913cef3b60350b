#include "engine/runner/experiment_run.hpp"

#include <utility>

#include "engine/runner/results_metadata.hpp"
#include "engine/scenario/start_from_snapshot.hpp"

namespace casesim::runner {

ExperimentRun prepare_experiment_run(scenario::Experiment experiment, const ExperimentSettings& settings,
                                     std::shared_ptr<const snapshot::Snapshot> start) {
  if (start)
    for (auto& v : experiment.variants)
      v.scenario = scenario::start_from_snapshot(std::move(v.scenario), *start, experiment.base_source.path);
  std::vector<model::ModelSetup> setups;
  for (const auto& v : experiment.variants) {
    scenario::Scenario s = v.scenario;
    s.run.seed = settings.seed;
    s.run.replications = static_cast<int>(settings.replications);
    setups.emplace_back(std::move(s), start);
  }
  return ExperimentRun{std::move(experiment), settings, std::move(setups), std::move(start)};
}

results::Metadata experiment_metadata(const ExperimentRun& run, const std::string& experiment_path,
                                      const std::string& command_line) {
  const scenario::Experiment& experiment = run.experiment;
  const ExperimentSettings& settings = run.settings;
  results::Metadata metadata =
      results_metadata(experiment.variants.front().scenario, experiment.base_source, settings.seed, command_line);
  if (run.start) record_start_snapshot(metadata, *run.start);
  results::ExperimentRecord record;
  record.name = experiment.name;
  record.description = experiment.description;
  record.file = experiment_path;
  record.text = experiment.source.text;
  record.metrics = experiment.metrics;
  for (const auto& v : experiment.variants) record.variant_overrides.push_back(v.overrides_yaml);
  record.parameter_names = experiment.parameter_names;
  record.parameter_values = experiment.parameter_values;
  record.initial_replications = settings.replications;
  record.precision = settings.precision;
  record.precision_metric = settings.precision_metric;
  record.max_replications = settings.max_replications;
  metadata.experiment = std::move(record);
  return metadata;
}

results::Layout experiment_layout(const ExperimentRun& run) {
  std::vector<std::string> variant_names;
  for (const auto& v : run.experiment.variants) variant_names.push_back(v.name);
  results::Layout layout = results_layout(run.experiment.variants.front().scenario, std::move(variant_names),
                                          static_cast<std::size_t>(run.settings.replications));
  // From a snapshot, each variant's per-child results, as a run's.
  if (run.start) record_children(layout, run.setups.front());
  return layout;
}

}  // namespace casesim::runner
