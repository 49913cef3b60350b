#pragma once
// Runs (variant, replication) pairs of an experiment in one OpenMP loop.
//
// Common random numbers: replication k of every variant runs with streams from
// (seed, k), so variant and base see the same referrals and their difference
// is paired. Each pair writes only its own result slot, so the results are
// bit-identical whatever the number of threads.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/model/replication.hpp"

namespace casesim::runner {

struct ExperimentPair {
  std::size_t variant = 0;
  std::size_t replication = 0;
  bool operator==(const ExperimentPair&) const = default;
};

// Results in the order of `pairs`. setups[v] is variant v. If any pair throws,
// the exception of the first failing pair (in `pairs` order) is rethrown after
// all have stopped. threads 0: OpenMP's default.
std::vector<model::ReplicationResult> run_pairs(std::span<const model::ModelSetup> setups, std::uint64_t seed,
                                                std::span<const ExperimentPair> pairs, int threads);

// The pairs not yet completed, replication-major (every variant's replication
// 0, then every variant's replication 1, ...), so a run stopped part-way has
// the same replications for every variant and can already be compared.
// completed[v * replications + r], as in a results file.
std::vector<ExperimentPair> missing_pairs(std::span<const std::uint8_t> completed, std::size_t variants,
                                          std::size_t replications);

}  // namespace casesim::runner
