#pragma once
// Runs the search of an optimise file: the constrained selection
// (analysis/constrained_selection.hpp) asks for replications of the plans
// still in doubt, look by look, and they are run here as (plan, replication)
// pairs on OpenMP threads with common random numbers: replication k of every
// plan uses the streams of (seed, k). Every decision depends only on the
// results, which do not depend on the number of threads, so a search is
// deterministic for a seed.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "analysis/constrained_selection.hpp"
#include "engine/model/replication.hpp"
#include "engine/optimise/optimisation.hpp"
#include "engine/runner/pair_runner.hpp"
#include "engine/runner/run_experiment.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::optimise {

struct SearchSettings {
  std::uint64_t seed = 1;
  int threads = 0;  // 0: OpenMP's default (all cores)
  // Every plan starts from this team (its scenarios already start_from_snapshot'd); null: none.
  std::shared_ptr<const snapshot::Snapshot> start;
};

// Receives each chunk of pairs as it finishes, with its results in the same
// order (to write a results file as the search goes): whole batches, in order.
using RecordChunk = runner::RecordChunk;

struct SearchResult {
  analysis::ConstrainedSelection selection;
  // values[p][t][r]: target t's metric in replication r of plan p, for the
  // replications plan p received.
  std::vector<std::vector<std::vector<double>>> values;
  std::size_t replications_run = 0;  // over all plans
};

// Index of each target's metric in the model's catalogue (targets were checked against it when loaded).
std::vector<std::size_t> target_metric_indices(const Optimisation& optimisation);

SearchResult run_optimisation(const Optimisation& optimisation, const SearchSettings& settings,
                              const RecordChunk& record = {});

}  // namespace casesim::optimise
