#include "engine/runner/pair_runner.hpp"

#include <algorithm>

#include <fmt/format.h>

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
  const std::size_t batch = batch_size(threads, stop != nullptr);
  for (std::size_t first = 0; first < pairs.size(); first += batch) {
    if (stop != nullptr && stop->load()) return false;
    const auto chunk = pairs.subspan(first, std::min(batch, pairs.size() - first));
    record(chunk, run_pairs(setups, seed, chunk, threads));
  }
  return true;
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
