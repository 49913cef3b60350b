#include "engine/runner/run_replications.hpp"

#include <exception>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace casesim::runner {

int thread_count([[maybe_unused]] const RunPlan& plan) {  // unread in the browser build
#ifdef _OPENMP
  return plan.threads > 0 ? plan.threads : omp_get_max_threads();
#else
  return 1;  // the browser build: one thread per Web Worker
#endif
}

std::vector<model::ReplicationResult> run_replications(const model::ModelSetup& setup, const RunPlan& plan) {
  std::vector<model::ReplicationResult> results(plan.replications);
  std::vector<std::exception_ptr> failures(plan.replications);
  const auto n = static_cast<std::int64_t>(plan.replications);

  // Dynamic scheduling: replications differ in length (a team that falls behind
  // has more events), so threads take the next one as they finish.
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count(plan))
  for (std::int64_t i = 0; i < n; ++i) {
    const auto slot = static_cast<std::size_t>(i);
    try {
      results[slot] = model::run_replication(setup, plan.seed, plan.first_replication + slot);
    } catch (...) {
      // An exception must not escape a parallel region.
      failures[slot] = std::current_exception();
    }
  }
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace casesim::runner
