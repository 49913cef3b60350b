#pragma once
// Runs replications of one scenario in parallel with OpenMP.
//
// Replication r always uses streams derived from (seed, r), and each writes
// only its own result slot, so the results are bit-identical whatever the
// number of threads or the order in which replications finish.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/model/replication.hpp"

namespace casesim::runner {

struct RunPlan {
  std::uint64_t seed = 1;
  std::size_t first_replication = 0;
  std::size_t replications = 1;
  int threads = 0;  // 0: OpenMP's default (all cores)
};

// Results in replication order. If any replication throws, the exception of the
// lowest-numbered failing replication is rethrown after all have stopped.
std::vector<model::ReplicationResult> run_replications(const model::ModelSetup& setup, const RunPlan& plan);

// The number of threads a plan will use.
int thread_count(const RunPlan& plan);

}  // namespace casesim::runner
