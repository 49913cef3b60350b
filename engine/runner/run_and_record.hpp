#pragma once
// The loop every recorded run goes round: run the pairs not yet recorded,
// record each chunk as it finishes, and, for a precision target, add
// replications until it is met. Used by `casesim run` (one variant), `casesim
// experiment` (here or on MPI ranks) and anything else that writes results.
#include <optional>

#include "engine/runner/pair_runner.hpp"
#include "engine/runner/precision.hpp"
#include "engine/runner/progress.hpp"
#include "engine/runner/recording.hpp"

namespace casesim::runner {

struct RecordSettings {
  std::optional<PrecisionTarget> precision;  // none: the replications the recording was laid out for
  Progress* progress = nullptr;              // advanced as chunks are recorded; may be null
  RecordChunk also;                          // called with each chunk after it is recorded (a run's own tallies)
};

struct RecordedRun {
  bool stopped = false;                     // the pair runner stopped part-way: the recording was left unfinished
  std::optional<PrecisionCheck> precision;  // the last check of a precision run
};

// Runs every pair `recording` has not completed (replication-major, so a
// stopped run has the same replications for every variant), recording each
// chunk with `recording` wherever it ran. With a precision target, checks it
// after each round and grows the recording by next_replications() until it
// is met or at its maximum. Then finishes the recording (moved to its final
// name), or, if stopped, leaves it unfinished to resume.
RecordedRun run_and_record(Recording& recording, const PairRunner& pairs, const RecordSettings& settings = {});

}  // namespace casesim::runner
