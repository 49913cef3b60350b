#pragma once
// Runs the search of an optimise file: the constrained selection
// (analysis/constrained_selection.hpp) asks for replications of the plans
// still in doubt, look by look, and they are run here as (plan, replication)
// pairs on OpenMP threads with common random numbers: replication k of every
// plan uses the streams of (seed, k). Every decision depends only on the
// results, which do not depend on the number of threads, so a search is
// deterministic for a seed. So a search that was stopped goes on from its
// results file to the same end: the replications the file holds are taken
// from it, not run again, and every look decides as it did.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "analysis/constrained_selection.hpp"
#include "engine/model/replication.hpp"
#include "engine/optimise/optimisation.hpp"
#include "engine/runner/pair_runner.hpp"
#include "engine/runner/recording.hpp"
#include "engine/runner/run_experiment.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::optimise {

// What a stopped search left in its results file: which (plan, replication)
// slots are done, and each target's metric there.
struct RecordedSearch {
  std::size_t replications = 0;                // slots per plan in the file
  std::vector<std::uint8_t> completed;         // [plan * replications + replication]
  std::vector<runner::RecordedValues> values;  // [target][plan][replication], as target_metric_indices orders them
  bool has(std::size_t plan, std::size_t replication) const {
    return replication < replications && completed[plan * replications + replication] != 0;
  }
};

struct SearchSettings {
  std::uint64_t seed = 1;
  int threads = 0;  // 0: OpenMP's default (all cores)
  // Every plan starts from this team (its scenarios already start_from_snapshot'd); null: none.
  std::shared_ptr<const snapshot::Snapshot> start;
  // Once set, no further batch starts: the search ends stopped, every
  // replication it finished recorded. Null: a search that is not stopped.
  const std::atomic<bool>* stop = nullptr;
  // A search resumed from its file: what it holds is taken, not run. Null: none.
  const RecordedSearch* recorded = nullptr;
  // Called before a look's replications run, with how many replications a
  // plan has once it has them all (the last one's index + 1): a results file
  // grows once a look rather than at each of its batches. Empty: not called.
  std::function<void(std::size_t)> before_look{};
};

// Receives each chunk of pairs as it finishes, with its results in the same
// order (to write a results file as the search goes): whole batches, in order.
using RecordChunk = runner::RecordChunk;

struct SearchResult {
  analysis::ConstrainedSelection selection;
  // values[p][t][r]: target t's metric in replication r of plan p, for the
  // replications plan p received.
  std::vector<std::vector<std::vector<double>>> values;
  std::size_t replications_run = 0;    // over all plans, those taken from `recorded` included
  std::size_t replications_taken = 0;  // of them, taken from `recorded`
  bool stopped = false;                // `stop` came before the search ended: `selection` is unfinished
};

// Index of each target's metric in the model's catalogue (targets were checked against it when loaded).
std::vector<std::size_t> target_metric_indices(const Optimisation& optimisation);

SearchResult run_optimisation(const Optimisation& optimisation, const SearchSettings& settings,
                              const RecordChunk& record = {});

}  // namespace casesim::optimise
