#include "engine/runner/pair_runner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/runner/batch_pipeline.hpp"
#include "engine/runner/run_replications.hpp"

namespace casesim::runner {

std::size_t batch_size(int threads, bool stoppable) {
  RunPlan plan;
  plan.threads = threads;
  const int per_thread = stoppable ? 4 : 8;
  return static_cast<std::size_t>(std::max(4 * per_thread, per_thread * thread_count(plan)));
}

bool run_in_batches(std::span<const model::ModelSetup> setups, std::uint64_t seed,
                    std::span<const ExperimentPair> pairs, int threads, const std::atomic<bool>* stop,
                    const RecordChunk& record) {
  return run_batch_pipeline(setups, seed, pairs, batch_size(threads, stop != nullptr), threads, stop, record);
}

PairRunner run_here(std::span<const model::ModelSetup> setups, std::uint64_t seed, int threads,
                    const std::atomic<bool>* stop) {
  RunPlan plan;
  plan.threads = threads;
  PairRunner here;
  here.run_round = [setups, seed, threads, stop](std::span<const ExperimentPair> pairs, const RecordChunk& record) {
    return run_in_batches(setups, seed, pairs, threads, stop, record);
  };
  here.describe = [used = thread_count(plan)] { return fmt::format("{} threads", used); };
  return here;
}

}  // namespace casesim::runner
