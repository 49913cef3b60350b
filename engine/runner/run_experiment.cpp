#include "engine/runner/run_experiment.hpp"

#include <exception>
#include <stdexcept>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace casesim::runner {

std::vector<model::ReplicationResult> run_pairs(std::span<const model::ModelSetup> setups, std::uint64_t seed,
                                                std::span<const ExperimentPair> pairs, int threads) {
  for (const ExperimentPair& pair : pairs)
    if (pair.variant >= setups.size())
      throw std::invalid_argument("run_pairs: variant " + std::to_string(pair.variant) + " of " +
                                  std::to_string(setups.size()));
  std::vector<model::ReplicationResult> results(pairs.size());
  std::vector<std::exception_ptr> failures(pairs.size());
  const auto n = static_cast<std::int64_t>(pairs.size());
#ifdef _OPENMP
  const int thread_count = threads > 0 ? threads : omp_get_max_threads();
#else
  (void)threads;  // the browser build: one thread per Web Worker
#endif

  // Dynamic scheduling: a variant with a tighter cap builds longer queues and
  // more events, so threads take the next pair as they finish.
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count)
  for (std::int64_t i = 0; i < n; ++i) {
    const auto slot = static_cast<std::size_t>(i);
    try {
      results[slot] = model::run_replication(setups[pairs[slot].variant], seed, pairs[slot].replication);
    } catch (...) {
      // An exception must not escape a parallel region.
      failures[slot] = std::current_exception();
    }
  }
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return results;
}

std::vector<ExperimentPair> missing_pairs(std::span<const std::uint8_t> completed, std::size_t variants,
                                          std::size_t replications) {
  if (completed.size() != variants * replications)
    throw std::invalid_argument("missing_pairs: " + std::to_string(completed.size()) + " flags for " +
                                std::to_string(variants) + " variants x " + std::to_string(replications) +
                                " replications");
  std::vector<ExperimentPair> pairs;
  for (std::size_t r = 0; r < replications; ++r)
    for (std::size_t v = 0; v < variants; ++v)
      if (completed[v * replications + r] == 0) pairs.push_back({v, r});
  return pairs;
}

}  // namespace casesim::runner
