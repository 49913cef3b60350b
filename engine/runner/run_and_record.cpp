#include "engine/runner/run_and_record.hpp"

#include <vector>

namespace casesim::runner {

RecordedRun run_and_record(Recording& recording, const PairRunner& pairs, const RecordSettings& settings) {
  const RecordChunk record = [&](std::span<const ExperimentPair> chunk,
                                 std::span<const model::ReplicationResult> results) {
    recording.record(chunk, results);
    if (settings.also) settings.also(chunk, results);
    if (settings.progress != nullptr) settings.progress->advance(chunk.size());
  };
  const auto finish_progress = [&settings] {
    if (settings.progress != nullptr) settings.progress->finish();
  };
  RecordedRun run;
  while (true) {
    const std::vector<ExperimentPair> missing =
        missing_pairs(recording.completed(), recording.variants(), recording.replications());
    // A recording begun (Recording::begin) is laid out beside the first pairs.
    if (!pairs.run_round(missing, record, [&recording] { recording.lay_out(); })) {
      finish_progress();
      recording.leave_unfinished();
      run.stopped = true;
      return run;
    }
    if (!settings.precision) break;
    const PrecisionTarget& target = *settings.precision;
    run.precision = check_precision(recording.metric_values(target.metric), target.relative_half_width);
    if (run.precision->met || recording.replications() >= target.max_replications) break;
    recording.extend_replications(next_replications(recording.replications(), *run.precision,
                                                    target.relative_half_width, target.max_replications));
    if (settings.progress != nullptr) settings.progress->set_total(recording.variants() * recording.replications());
  }
  finish_progress();
  recording.finish();
  return run;
}

}  // namespace casesim::runner
