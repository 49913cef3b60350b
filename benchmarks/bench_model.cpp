// The full model on the shipped baseline: replications and events per second
// on one thread, and the parallel speed-up of a 100-replication run.
#include <cstdint>
#include <string>

#include <benchmark/benchmark.h>
#include <omp.h>

#include "engine/model/replication.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace {

using namespace casesim;

// The baseline over 52 simulated weeks, counted from the start (no warm-up
// discount: every simulated event costs the same whether it is counted or not).
const model::ModelSetup& baseline_52_weeks() {
  static const model::ModelSetup setup = [] {
    const auto source = scenario::read_scenario_source(std::string(CASESIM_SOURCE_DIR) + "/scenarios/baseline.yaml");
    return model::ModelSetup(scenario::parse_scenario(
        source, {{"run.horizon_weeks", "52", "bench_model.cpp", 0}, {"run.warm_up_weeks", "0", "bench_model.cpp", 0}}));
  }();
  return setup;
}

void baseline_replication(benchmark::State& state) {
  const auto& setup = baseline_52_weeks();
  std::uint64_t replication = 0, events = 0;
  for (auto _ : state) {
    const auto result = model::run_replication(setup, 20251123, replication++);
    events += result.events;
    benchmark::DoNotOptimize(result.summary.data());
  }
  state.counters["replications_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["events_per_second"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events_per_replication"] = static_cast<double>(events) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(baseline_replication)->Name("model/baseline_52_weeks")->Unit(benchmark::kMillisecond);

// 100 replications with 1, 2, ... threads: parallel efficiency is
// time(1 thread) / (threads x time(threads)), computed by benchmarks/run.
void hundred_replications(benchmark::State& state) {
  const auto& setup = baseline_52_weeks();
  runner::RunPlan plan;
  plan.seed = 20251123;
  plan.replications = 100;
  plan.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const auto results = runner::run_replications(setup, plan);
    benchmark::DoNotOptimize(results.data());
  }
  state.counters["replications_per_second"] =
      benchmark::Counter(100.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(hundred_replications)
    ->Name("model/100_replications/threads")
    ->DenseRange(1, omp_get_num_procs())
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
