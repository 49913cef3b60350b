// The loop every recorded run goes round, without the command line: stopping
// keeps the finished slots in the .partial file, and resuming continues to
// exactly the uninterrupted run, precision runs included.
#include "engine/runner/run_and_record.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <vector>

#include "engine/model/metrics.hpp"
#include "tests/experiments/results_equal.hpp"
#include "tests/unit/runner/small_run.hpp"

namespace casesim::runner {
namespace {

namespace fs = std::filesystem;
using testing::small_run_batch;
using testing::SmallRun;
using testing::TemporaryDirectory;

constexpr int kThreads = 2;

TEST(RunAndRecord, RecordsEveryPairAndFinishesTheFile) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 5, 3);
  Recording recording = Recording::start(dir.file("out.h5"), run.metadata, run.layout);
  std::size_t also_saw = 0;
  RecordSettings settings;
  settings.also = [&also_saw](std::span<const ExperimentPair> pairs, std::span<const model::ReplicationResult>) {
    also_saw += pairs.size();
  };
  const RecordedRun outcome = run_and_record(recording, run_here(run.setups, run.seed, kThreads, nullptr), settings);
  EXPECT_FALSE(outcome.stopped);
  EXPECT_FALSE(outcome.precision.has_value());
  EXPECT_EQ(also_saw, 10u);
  EXPECT_FALSE(fs::exists(dir.file("out.h5.partial")));
  const results::ResultsData data = results::read_results(dir.file("out.h5"));
  EXPECT_EQ(data.completed, std::vector<std::uint8_t>(10, 1));
  // Each slot holds its own replication, the same as running it alone.
  const model::ReplicationResult alone = model::run_replication(run.setups[1], run.seed, 4);
  for (std::size_t m = 0; m < model::kMetricCount; ++m) {
    // NaN (not applicable: nothing to count) stays NaN.
    if (std::isnan(alone.summary[m]))
      EXPECT_TRUE(std::isnan(data.summary[m][1 * 5 + 4])) << model::metric_definitions()[m].name;
    else
      EXPECT_EQ(data.summary[m][1 * 5 + 4], alone.summary[m]) << model::metric_definitions()[m].name;
  }
  // And its duration histograms, bin by bin.
  ASSERT_EQ(data.distributions.size(), model::kDurationCount);
  for (std::size_t d = 0; d < model::kDurationCount; ++d)
    for (std::size_t b = 0; b < model::kDurationBins; ++b)
      EXPECT_EQ(data.distributions[d][(1 * 5 + 4) * model::kDurationBins + b],
                alone.durations[d * model::kDurationBins + b]);
}

TEST(RunAndRecord, AStoppedRunLeavesThePartialFileWithTheFinishedSlots) {
  const TemporaryDirectory dir;
  // Many batches (two variants), so the stop comes well before the end:
  // the batches started while the first was recorded are finished too.
  const SmallRun run(dir, 8 * small_run_batch(kThreads, true), 3);
  Recording recording = Recording::start(dir.file("out.h5"), run.metadata, run.layout);
  std::atomic<bool> stop{false};
  RecordSettings settings;
  settings.also = [&stop](std::span<const ExperimentPair>, std::span<const model::ReplicationResult>) { stop = true; };
  std::ostringstream progress_text;
  Progress progress(progress_text, false, 0);
  settings.progress = &progress;
  const RecordedRun outcome = run_and_record(recording, run_here(run.setups, run.seed, kThreads, &stop), settings);
  EXPECT_TRUE(outcome.stopped);
  EXPECT_FALSE(fs::exists(dir.file("out.h5")));
  EXPECT_EQ(recording.completed_count() % small_run_batch(kThreads, true), 0u);
  EXPECT_LT(recording.completed_count(), 16 * small_run_batch(kThreads, true));
  const results::ResultsData part = results::read_results(dir.file("out.h5.partial"));
  EXPECT_EQ(part.completed, recording.completed());
  // Replication-major: a stopped run has the same replications of every variant.
  for (std::size_t r = 0; r < part.layout.replications; ++r)
    EXPECT_EQ(part.completed[r], part.completed[part.layout.replications + r]);
}

TEST(RunAndRecord, AResumedRunEqualsTheUninterruptedRun) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 2 * small_run_batch(kThreads, true), 5);
  Recording whole = Recording::start(dir.file("whole.h5"), run.metadata, run.layout);
  run_and_record(whole, run_here(run.setups, run.seed, kThreads, nullptr));

  Recording first = Recording::start(dir.file("stopped.h5"), run.metadata, run.layout);
  std::atomic<bool> stop{false};
  RecordSettings stop_after_a_batch;
  stop_after_a_batch.also = [&stop](std::span<const ExperimentPair>, std::span<const model::ReplicationResult>) {
    stop = true;
  };
  ASSERT_TRUE(run_and_record(first, run_here(run.setups, run.seed, 1, &stop), stop_after_a_batch).stopped);

  // On one thread rather than two: the results do not depend on it.
  Recording resumed = Recording::resume(dir.file("stopped.h5"), run.metadata, run.layout);
  EXPECT_EQ(resumed.completed_count(), small_run_batch(1, true));
  EXPECT_FALSE(run_and_record(resumed, run_here(run.setups, run.seed, kThreads, nullptr)).stopped);
  EXPECT_FALSE(fs::exists(dir.file("stopped.h5.partial")));
  testing::expect_same_results(results::read_results(dir.file("whole.h5")),
                               results::read_results(dir.file("stopped.h5")));
}

// A precision target on a small run that needs a few rounds to meet it.
struct PrecisionRun : SmallRun {
  PrecisionRun(const TemporaryDirectory& dir) : SmallRun(dir, 3, 11) {
    target.relative_half_width = 0.03;
    target.metric = model::index(model::Metric::caseload_per_fte_mean);
    target.max_replications = 400;
    metadata.experiment->precision = target.relative_half_width;
    metadata.experiment->precision_metric = "caseload_per_fte_mean";
    metadata.experiment->max_replications = target.max_replications;
  }
  PrecisionTarget target;
};

TEST(RunAndRecord, APrecisionRunAddsReplicationsUntilTheTargetIsMet) {
  const TemporaryDirectory dir;
  const PrecisionRun run(dir);
  Recording recording = Recording::start(dir.file("out.h5"), run.metadata, run.layout);
  RecordSettings settings;
  settings.precision = run.target;
  const RecordedRun outcome = run_and_record(recording, run_here(run.setups, run.seed, kThreads, nullptr), settings);
  ASSERT_TRUE(outcome.precision.has_value());
  EXPECT_TRUE(outcome.precision->met);
  EXPECT_GT(recording.replications(), 3u);
  EXPECT_LT(recording.replications(), run.target.max_replications);
  EXPECT_TRUE(check_precision(recording.metric_values(run.target.metric), run.target.relative_half_width).met);
  const results::ResultsData data = results::read_results(dir.file("out.h5"));
  EXPECT_EQ(data.layout.replications, recording.replications());
  EXPECT_EQ(data.completed, std::vector<std::uint8_t>(2 * recording.replications(), 1));
}

TEST(RunAndRecord, AResumedPrecisionRunTakesTheSameSteps) {
  const TemporaryDirectory dir;
  const PrecisionRun run(dir);
  RecordSettings settings;
  settings.precision = run.target;
  Recording whole = Recording::start(dir.file("whole.h5"), run.metadata, run.layout);
  run_and_record(whole, run_here(run.setups, run.seed, kThreads, nullptr), settings);

  // Stopped once the rule has grown the run at least once.
  Recording first = Recording::start(dir.file("stopped.h5"), run.metadata, run.layout);
  std::atomic<bool> stop{false};
  RecordSettings stopping = settings;
  stopping.also = [&stop, &first](std::span<const ExperimentPair>, std::span<const model::ReplicationResult>) {
    if (first.replications() > 3) stop = true;
  };
  ASSERT_TRUE(run_and_record(first, run_here(run.setups, run.seed, kThreads, &stop), stopping).stopped);
  ASSERT_GT(first.replications(), 3u);
  ASSERT_LT(first.completed_count(), 2 * whole.replications());

  // The rule still has steps to take after the resume.
  ASSERT_LT(first.replications(), whole.replications());

  Recording resumed = Recording::resume(dir.file("stopped.h5"), run.metadata, run.layout);
  EXPECT_EQ(resumed.replications(), first.replications());
  const RecordedRun outcome = run_and_record(resumed, run_here(run.setups, run.seed, kThreads, nullptr), settings);
  EXPECT_TRUE(outcome.precision->met);
  EXPECT_EQ(resumed.replications(), whole.replications());
  testing::expect_same_results(results::read_results(dir.file("whole.h5")),
                               results::read_results(dir.file("stopped.h5")));
}

}  // namespace
}  // namespace casesim::runner
