#include "engine/runner/pair_runner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/runner/batch_pipeline.hpp"
#include "engine/runner/run_replications.hpp"

namespace casesim::runner {

std::size_t batch_size(int threads, bool stoppable, std::int64_t days_per_pair) {
  RunPlan plan;
  plan.threads = threads;
  const int per_thread = stoppable ? 4 : 8;
  const auto for_threads = static_cast<std::int64_t>(std::max(4 * per_thread, per_thread * thread_count(plan)));
  const std::int64_t days = std::max<std::int64_t>(1, days_per_pair);
  const std::int64_t for_days = (kDaysPerBatch * per_thread / 4 + days - 1) / days;
  return static_cast<std::size_t>(std::max(for_threads, for_days));
}

std::int64_t days_per_pair(std::span<const model::ModelSetup> setups) {
  std::int64_t longest = 0;
  for (const model::ModelSetup& setup : setups) longest = std::max<std::int64_t>(longest, setup.horizon_days());
  return longest;
}

bool run_in_batches(std::span<const model::ModelSetup> setups, std::uint64_t seed,
                    std::span<const ExperimentPair> pairs, int threads, const std::atomic<bool>* stop,
                    const RecordChunk& record, const BeforeRecording& before_recording) {
  return run_batch_pipeline(setups, seed, pairs, batch_size(threads, stop != nullptr, days_per_pair(setups)), threads,
                            stop, record, before_recording);
}

PairRunner run_here(std::span<const model::ModelSetup> setups, std::uint64_t seed, int threads,
                    const std::atomic<bool>* stop) {
  RunPlan plan;
  plan.threads = threads;
  PairRunner here;
  here.run_round = [setups, seed, threads, stop](std::span<const ExperimentPair> pairs, const RecordChunk& record,
                                                 const BeforeRecording& before_recording) {
    return run_in_batches(setups, seed, pairs, threads, stop, record, before_recording);
  };
  here.describe = [used = thread_count(plan)] { return fmt::format("{} threads", used); };
  return here;
}

}  // namespace casesim::runner
