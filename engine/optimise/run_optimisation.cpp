#include "engine/optimise/run_optimisation.hpp"

#include <algorithm>
#include <stdexcept>

#include "engine/model/metrics.hpp"

namespace casesim::optimise {

std::vector<std::size_t> target_metric_indices(const Optimisation& optimisation) {
  const auto& definitions = model::metric_definitions();
  std::vector<std::size_t> indices;
  for (const Target& t : optimisation.targets) {
    const auto found = std::find_if(definitions.begin(), definitions.end(),
                                    [&t](const model::QuantityDefinition& d) { return d.name == t.metric; });
    if (found == definitions.end()) throw std::invalid_argument("run_optimisation: unknown metric " + t.metric);
    indices.push_back(static_cast<std::size_t>(found - definitions.begin()));
  }
  return indices;
}

SearchResult run_optimisation(const Optimisation& optimisation, const SearchSettings& settings,
                              const RecordChunk& record) {
  const std::size_t plans = optimisation.plans.size();
  std::vector<double> costs;
  std::vector<analysis::SafetyTarget> bounds;
  for (const Plan& p : optimisation.plans) costs.push_back(p.cost_over_period);
  for (const Target& t : optimisation.targets) bounds.push_back(t.bound);
  const std::vector<std::size_t> metrics = target_metric_indices(optimisation);

  std::vector<model::ModelSetup> setups;
  setups.reserve(plans);
  for (const Plan& p : optimisation.plans) {
    scenario::Scenario s = p.scenario;
    s.run.seed = settings.seed;
    setups.emplace_back(std::move(s), settings.start);
  }

  SearchResult result{
      analysis::ConstrainedSelection(std::move(costs), std::move(bounds), optimisation.schedule),
      std::vector<std::vector<std::vector<double>>>(plans, std::vector<std::vector<double>>(metrics.size())), 0};
  analysis::ConstrainedSelection& selection = result.selection;
  while (selection.end() == analysis::SelectionEnd::running) {
    const std::size_t target_replications = selection.next_replications();
    for (const std::size_t p : selection.plans_to_run())
      for (auto& per_target : result.values[p]) per_target.resize(target_replications);
    std::vector<runner::ExperimentPair> pairs;
    std::size_t taken = 0;
    for (const std::size_t p : selection.plans_to_run())
      for (std::size_t r = selection.replications(p); r < target_replications; ++r) {
        if (settings.recorded == nullptr || !settings.recorded->has(p, r)) {
          pairs.push_back({p, r});
          continue;
        }
        for (std::size_t t = 0; t < metrics.size(); ++t) result.values[p][t][r] = settings.recorded->values[t][p][r];
        ++taken;
      }
    // The look's pairs run in the batches of any run (runner::run_in_batches):
    // each batch recorded while the threads go on with the next, and only a
    // few batches' results (with their weekly series) held at once.
    const RecordChunk keep = [&](std::span<const runner::ExperimentPair> chunk,
                                 std::span<const model::ReplicationResult> results) {
      for (std::size_t i = 0; i < chunk.size(); ++i)
        for (std::size_t t = 0; t < metrics.size(); ++t)
          result.values[chunk[i].variant][t][chunk[i].replication] = results[i].summary[metrics[t]];
      if (record) record(chunk, results);
    };
    if (!pairs.empty() && settings.before_look) {
      std::size_t reached = 0;
      for (const runner::ExperimentPair& pair : pairs) reached = std::max(reached, pair.replication + 1);
      settings.before_look(reached);
    }
    if (!pairs.empty() &&
        !runner::run_in_batches(setups, settings.seed, pairs, settings.threads, settings.stop, keep)) {
      result.stopped = true;  // the look is unfinished: what it finished is recorded
      return result;
    }
    result.replications_run += pairs.size() + taken;
    result.replications_taken += taken;
    selection.record_look(result.values);
  }
  return result;
}

}  // namespace casesim::optimise
