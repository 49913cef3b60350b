#pragma once
// How a run's (variant, replication) pairs get run: here, on this process's
// threads, in batches (run_here), or by MPI worker ranks
// (mpi_experiment.hpp's on_worker_ranks). Either way each chunk of results is
// handed to a RecordChunk as it finishes, so what records them (a Recording)
// does not care where they ran.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "engine/model/replication.hpp"
#include "engine/runner/run_experiment.hpp"

namespace casesim::runner {

// One chunk of pairs come back, results in the order of the pairs.
using RecordChunk = std::function<void(std::span<const ExperimentPair>, std::span<const model::ReplicationResult>)>;
// Work that must be done before the first chunk is recorded (laying out the
// results file), done by the calling thread while the others start on the
// pairs. May be empty. If it throws, no new batch starts and the round
// rethrows it, as for a failed recording.
using BeforeRecording = std::function<void()>;

struct PairRunner {
  // Runs every pair given, recording each chunk as it finishes; false if it
  // was stopped part-way (what was recorded stays recorded).
  std::function<bool(std::span<const ExperimentPair>, const RecordChunk&, const BeforeRecording&)> run_round;
  std::function<std::string()> describe;  // "2 threads", for a command's summary line
};

// Pairs per batch on `threads` threads (0: all cores), for replications of
// `days_per_pair` simulated days each: big enough that the results file's
// writes and flushes are few, with few waits for the last pair of a batch,
// and at least kDaysPerBatch simulated days, so that short replications do
// not spend their time writing (a batch costs a fixed number of writes
// whatever its size). A run that can be stopped takes half the pairs of one
// that cannot, so an interruption loses little and Ctrl-C is answered
// quickly.
inline constexpr std::int64_t kDaysPerBatch = 16384;
std::size_t batch_size(int threads, bool stoppable, std::int64_t days_per_pair);

// The longest replication of `setups`, in simulated days (warm-up included).
std::int64_t days_per_pair(std::span<const model::ModelSetup> setups);

// The batch loop: `pairs` run batch_size(threads, stop, days_per_pair(setups)) at a time, each batch
// recorded whole and in order while the threads go on with the next ones
// (batch_pipeline.hpp). Once `stop` (may be null: a run that is not stopped)
// is set no batch starts; the started ones are finished and recorded, and it
// returns false.
bool run_in_batches(std::span<const model::ModelSetup> setups, std::uint64_t seed,
                    std::span<const ExperimentPair> pairs, int threads, const std::atomic<bool>* stop,
                    const RecordChunk& record, const BeforeRecording& before_recording = {});

// run_in_batches on this process. `setups` (setups[v] is variant v) and
// `stop` must outlive the runner.
PairRunner run_here(std::span<const model::ModelSetup> setups, std::uint64_t seed, int threads,
                    const std::atomic<bool>* stop);

}  // namespace casesim::runner
