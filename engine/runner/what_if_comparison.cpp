#include "engine/runner/what_if_comparison.hpp"

#include "engine/results/results_file.hpp"

namespace casesim::runner {

static_assert(results::kWithoutTheChanges == 0 && results::kWithTheChanges == 1,
              "run_setups lays the variants out in the results file's order");

bool runs_what_if_comparison(const scenario::Scenario& scenario, bool comparison_wanted) {
  return comparison_wanted && !scenario.timeline.empty();
}

std::vector<std::string> run_variant_names(const scenario::Scenario& scenario, bool what_if) {
  if (!what_if) return {scenario.name};
  return {kWithoutTheChangesName, kWithTheChangesName};
}

std::vector<model::ModelSetup> run_setups(const scenario::Scenario& scenario,
                                          const std::shared_ptr<const snapshot::Snapshot>& start, bool what_if) {
  std::vector<model::ModelSetup> setups;
  if (what_if) {
    scenario::Scenario without = scenario;
    without.timeline.clear();
    setups.emplace_back(std::move(without), start);
  }
  setups.emplace_back(scenario, start);
  return setups;
}

}  // namespace casesim::runner
