#pragma once
// The batch loop of run_in_batches (pair_runner.hpp), with recording
// overlapped with simulating: the OpenMP team runs the pairs in one dynamic
// loop, and whichever thread finishes the last pair of the oldest batch not
// yet recorded records it (with any complete batches after it, in one
// chunk) while the other threads go on with the next batches. Batches are
// recorded whole and in order, by one thread at a time, so the results file
// is written in the same order and holds the same values whatever the
// number of threads; only which thread writes changes.
//
// At most kBatchesAhead batches beyond the oldest unrecorded one are run (a
// thread that would go further waits, blocked, for the recording), which
// bounds the results held in memory. A stop, a failed replication or a
// failed recording lets no new batch start: the batches already started are
// finished, and recorded if nothing failed in or before them.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/model/replication.hpp"
#include "engine/runner/pair_runner.hpp"

namespace casesim::runner {

inline constexpr std::size_t kBatchesAhead = 3;

// Runs `pairs` in batches of `batch` pairs on `threads` threads (0: all
// cores), recording each batch in order. False if `stop` (may be null) ended
// it before every batch was recorded. Rethrows a recording's failure, or else
// the lowest-numbered failing pair's exception, once the team has stopped.
// `before_recording` (may be empty) runs on the calling thread, the team's
// first, before it takes any pair; the other threads start on the pairs
// meanwhile, and nothing is recorded until it has returned.
bool run_batch_pipeline(std::span<const model::ModelSetup> setups, std::uint64_t seed,
                        std::span<const ExperimentPair> pairs, std::size_t batch, int threads,
                        const std::atomic<bool>* stop, const RecordChunk& record,
                        const BeforeRecording& before_recording = {});

}  // namespace casesim::runner
