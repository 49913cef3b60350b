#pragma once
// An experiment's (variant, replication) pairs spread over MPI ranks, with
// dynamic load balancing: rank 0 hands out chunks of pairs, and each worker
// rank asks for the next chunk as it returns the results of the last one. A
// worker runs its chunk with run_pairs (OpenMP on its own cores), so every
// pair has the same streams, and the same result, as in one process.
//
// Rank 0 only coordinates and writes: it answers a worker before writing what
// the worker brought, and sleeps while it waits, so it needs little of a core
// and can share a node with a worker (docs/cluster.md). Only what the results
// file stores travels: each result's summary, weekly series and per-child
// flags (ledger, event count and the model's self-checks stay on the worker).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/model/replication.hpp"
#include "engine/runner/pair_runner.hpp"
#include "engine/runner/rank_channel.hpp"
#include "engine/runner/run_experiment.hpp"

namespace casesim::runner {

// Rank 0's side.
class MpiCoordinator {
 public:
  // `ranks` must outlive the coordinator.
  explicit MpiCoordinator(RankChannel& ranks);
  // Releases the workers (see release()); never throws.
  ~MpiCoordinator();
  MpiCoordinator(const MpiCoordinator&) = delete;
  MpiCoordinator& operator=(const MpiCoordinator&) = delete;

  // Runs `pairs` on the worker ranks, in their order, and calls `record` with
  // each chunk as it comes back (in the order chunks finish); each result
  // holds summary, weekly and child_visit_late only. Once `stop` is
  // set no more chunks are handed out; the ones out are still recorded, and
  // run() returns false. A worker that fails makes run() throw
  // std::runtime_error naming its rank, after the other chunks out have come
  // back and been recorded. Workers left idle at the end wait for the next run().
  // While much is left a chunk is a batch of a single process (batch_size)
  // for the worker's threads and replications of `days_per_pair` simulated days.
  bool run(std::span<const ExperimentPair> pairs, const RecordChunk& record, const std::atomic<bool>* stop,
           std::int64_t days_per_pair);

  // Tells every worker there is no more work, after taking (and discarding)
  // whatever a worker still had out. Idempotent.
  void release();

  int workers() const { return static_cast<int>(workers_.size()); }
  // Threads of all workers that have asked for work so far.
  int threads_in_all() const;
  // Time rank 0 has spent taking results in and recording them (the results
  // file's writes and flushes): when it nears the run's whole time, rank 0 is
  // the bottleneck and more workers will not help (docs/cluster.md).
  double recording_seconds() const { return recording_seconds_; }

 private:
  enum class State { NotHeardFrom, Waiting, Working, Done };
  struct Worker {
    State state = State::NotHeardFrom;
    int threads = 0;
    std::vector<ExperimentPair> chunk;
  };
  void hand_out(int rank, std::span<const ExperimentPair> pairs, std::size_t& next, bool stoppable,
                std::int64_t days_per_pair);

  RankChannel& ranks_;
  std::vector<Worker> workers_;  // workers_[k] is rank k + 1
  double recording_seconds_ = 0.0;
};

// The pairs of a run handed out by `coordinator` to the worker ranks: a
// PairRunner for run_and_record, which records on this rank (rank 0) as the
// chunks come back, in chunks sized for replications of `days_per_pair`
// simulated days (runner::days_per_pair). `coordinator` and `stop` must outlive it.
PairRunner on_worker_ranks(MpiCoordinator& coordinator, const std::atomic<bool>* stop, std::int64_t days_per_pair);

// A worker rank's side: asks rank 0 for chunks, runs each with run_pairs on
// `threads` threads (0: all of this rank's cores), and sends the results back,
// until rank 0 says there is no more. A failing chunk is reported to rank 0
// (which reports it to the user) and ends the loop; serve_pairs does not throw.
void serve_pairs(RankChannel& ranks, std::span<const model::ModelSetup> setups, std::uint64_t seed, int threads);

// A worker that cannot even start (its input fails to load) tells rank 0 why.
void report_worker_failure(RankChannel& ranks, const std::string& what);

}  // namespace casesim::runner
