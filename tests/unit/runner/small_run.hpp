#pragma once
// A small two-variant run for the runner's tests: the short team of
// tests/experiments (cap 18 per FTE) and the same team capped at 12, with the
// metadata and layout a results file of it records. Each test states its own
// replications and seed and runs in well under a second.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/model_setup.hpp"
#include "engine/results/results_file.hpp"
#include "engine/runner/pair_runner.hpp"
#include "engine/runner/results_metadata.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "tests/experiments/experiment_files.hpp"

namespace casesim::testing {

struct SmallRun {
  SmallRun(const TemporaryDirectory& dir, std::size_t replications, std::uint64_t run_seed)
      : source(scenario::read_scenario_source(dir.write("small.yaml", kSmallScenario))),
        base(scenario::parse_scenario(source)) {
    scenario::Scenario capped = base;
    capped.policy.caseload_cap.cases = 12;
    setups.emplace_back(base);
    setups.emplace_back(capped);
    metadata = runner::results_metadata(base, source, run_seed, "runner test");
    results::ExperimentRecord record;
    record.name = "caps";
    record.file = "caps.yaml";
    record.text = "name: caps\n";
    record.metrics = {"caseload_per_fte_mean"};
    record.variant_overrides = {"{}", "{policy.caseload_cap.cases: 12}"};
    record.initial_replications = replications;
    metadata.experiment = record;
    layout = runner::results_layout(base, {"cap-18", "cap-12"}, replications);
    seed = run_seed;
  }

  scenario::ScenarioSource source;
  scenario::Scenario base;
  std::vector<model::ModelSetup> setups;
  results::Metadata metadata;
  results::Layout layout;
  std::uint64_t seed = 0;
};

// Pairs per batch of a SmallRun (its replications are short, so a batch
// holds more of them than of the baseline's).
inline std::size_t small_run_batch(int threads, bool stoppable) {
  const model::ModelSetup setup(scenario::parse_scenario(scenario::ScenarioSource{"small.yaml", kSmallScenario}));
  return runner::batch_size(threads, stoppable, setup.horizon_days());
}

}  // namespace casesim::testing
