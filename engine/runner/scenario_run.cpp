#include "engine/runner/scenario_run.hpp"

#include "engine/runner/results_metadata.hpp"
#include "engine/runner/what_if_comparison.hpp"

namespace casesim::runner {

ScenarioRun plan_scenario_run(const scenario::Scenario& scenario, const scenario::ScenarioSource& source,
                              const std::shared_ptr<const snapshot::Snapshot>& start, bool comparison_wanted,
                              const std::string& command_line) {
  ScenarioRun run;
  run.what_if = runs_what_if_comparison(scenario, comparison_wanted);
  run.answered = run.what_if ? results::kWithTheChanges : 0;
  run.setups = run_setups(scenario, start, run.what_if);
  run.metadata = results_metadata(scenario, source, scenario.run.seed, command_line);
  run.metadata.what_if = run.what_if;
  run.layout = results_layout(scenario, run_variant_names(scenario, run.what_if),
                              static_cast<std::size_t>(scenario.run.replications));
  if (start) {
    record_start_snapshot(run.metadata, *start);
    record_children(run.layout, run.setups.back());
    record_workers(run.layout, run.setups.back());
  }
  return run;
}

}  // namespace casesim::runner
