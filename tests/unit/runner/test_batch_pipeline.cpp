// The batch loop that records a batch while the threads run the next ones:
// batches are recorded whole, in order, once each, with the values a
// replication run alone gives, whatever the number of threads; a stop or a
// failed recording starts no new batch; the results held wait within the
// window of kBatchesAhead batches; the work before recording (laying out the
// file) runs beside the first pairs and before any recording.
#include "engine/runner/batch_pipeline.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

#include "engine/runner/run_experiment.hpp"
#include "tests/unit/runner/small_run.hpp"

namespace casesim::runner {
namespace {

using testing::SmallRun;
using testing::TemporaryDirectory;

// Every chunk recorded: its pairs and the results that came with them.
struct Recorded {
  std::vector<std::vector<ExperimentPair>> chunks;
  std::vector<model::ReplicationResult> results;
  std::size_t pairs() const { return results.size(); }
};

RecordChunk keep_in(Recorded& recorded) {
  return [&recorded](std::span<const ExperimentPair> pairs, std::span<const model::ReplicationResult> results) {
    recorded.chunks.emplace_back(pairs.begin(), pairs.end());
    recorded.results.insert(recorded.results.end(), results.begin(), results.end());
  };
}

bool same_values(const model::ReplicationResult& a, const model::ReplicationResult& b) {
  // Bit for bit, NaN (not applicable) included.
  return std::memcmp(a.summary.data(), b.summary.data(), sizeof(a.summary)) == 0 && a.events == b.events &&
         a.weekly.size() == b.weekly.size() &&
         std::memcmp(a.weekly.data(), b.weekly.data(), a.weekly.size() * sizeof(double)) == 0 &&
         a.durations == b.durations;
}

// The pairs of each chunk, in the order recorded, are the run's pairs from
// the first, and each chunk ends at the end of a batch.
void expect_whole_batches_in_order(const Recorded& recorded, std::span<const ExperimentPair> pairs, std::size_t batch) {
  std::size_t next = 0;
  for (const auto& chunk : recorded.chunks) {
    ASSERT_FALSE(chunk.empty());
    for (const ExperimentPair& pair : chunk) {
      ASSERT_LT(next, pairs.size());
      EXPECT_EQ(pair.variant, pairs[next].variant);
      EXPECT_EQ(pair.replication, pairs[next].replication);
      ++next;
    }
    EXPECT_TRUE(next % batch == 0 || next == pairs.size()) << "a chunk ended inside a batch, at pair " << next;
  }
}

TEST(BatchPipeline, RecordsWholeBatchesInOrderWithTheSameValuesWhateverTheThreads) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 11, 7);
  const std::vector<ExperimentPair> pairs = missing_pairs(std::vector<std::uint8_t>(22, 0), 2, 11);
  const std::vector<model::ReplicationResult> alone = run_pairs(run.setups, run.seed, pairs, 1);
  for (const int threads : {1, 2, 3}) {
    Recorded recorded;
    EXPECT_TRUE(run_batch_pipeline(run.setups, run.seed, pairs, 3, threads, nullptr, keep_in(recorded)));
    expect_whole_batches_in_order(recorded, pairs, 3);
    ASSERT_EQ(recorded.pairs(), pairs.size()) << threads << " threads";
    for (std::size_t i = 0; i < pairs.size(); ++i)
      EXPECT_TRUE(same_values(recorded.results[i], alone[i])) << "pair " << i << ", " << threads << " threads";
  }
}

TEST(BatchPipeline, ASlowRecordingHoldsAtMostTheWindowOfBatches) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 20, 3);
  const std::vector<ExperimentPair> pairs = missing_pairs(std::vector<std::uint8_t>(40, 0), 2, 20);
  const std::size_t batch = 2;
  Recorded recorded;
  const RecordChunk keep = keep_in(recorded);
  // The recording is far slower than the replications: the threads run
  // ahead of it until the window is full, and then wait.
  const RecordChunk slowly = [&keep](std::span<const ExperimentPair> chunk,
                                     std::span<const model::ReplicationResult> results) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    keep(chunk, results);
  };
  EXPECT_TRUE(run_batch_pipeline(run.setups, run.seed, pairs, batch, 2, nullptr, slowly));
  expect_whole_batches_in_order(recorded, pairs, batch);
  EXPECT_EQ(recorded.pairs(), pairs.size());
  for (const auto& chunk : recorded.chunks) EXPECT_LE(chunk.size(), (kBatchesAhead + 1) * batch);
}

TEST(BatchPipeline, AStopStartsNoNewBatchAndRecordsTheStartedOnesWhole) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 30, 5);
  const std::vector<ExperimentPair> pairs = missing_pairs(std::vector<std::uint8_t>(60, 0), 2, 30);
  const std::size_t batch = 4;
  for (const int threads : {1, 2}) {
    Recorded recorded;
    const RecordChunk keep = keep_in(recorded);
    std::atomic<bool> stop{false};
    const RecordChunk then_stop = [&](std::span<const ExperimentPair> chunk,
                                      std::span<const model::ReplicationResult> results) {
      keep(chunk, results);
      stop = true;
    };
    EXPECT_FALSE(run_batch_pipeline(run.setups, run.seed, pairs, batch, threads, &stop, then_stop));
    expect_whole_batches_in_order(recorded, pairs, batch);
    EXPECT_EQ(recorded.pairs() % batch, 0u);
    // The first chunk, and at most the batches that had started beside it.
    EXPECT_LE(recorded.pairs(), 2 * (kBatchesAhead + 1) * batch);
    if (threads == 1) {
      EXPECT_EQ(recorded.pairs(), batch) << "one thread starts nothing while it records";
    }
  }
}

TEST(BatchPipeline, AFailedRecordingIsRethrownAndNothingIsRecordedAfterIt) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 20, 9);
  const std::vector<ExperimentPair> pairs = missing_pairs(std::vector<std::uint8_t>(40, 0), 2, 20);
  std::size_t calls = 0;
  const RecordChunk fails_second = [&calls](std::span<const ExperimentPair>,
                                            std::span<const model::ReplicationResult>) {
    if (++calls == 2) throw std::runtime_error("disk full");
  };
  EXPECT_THROW(
      {
        try {
          run_batch_pipeline(run.setups, run.seed, pairs, 2, 2, nullptr, fails_second);
        } catch (const std::runtime_error& e) {
          EXPECT_STREQ(e.what(), "disk full");
          throw;
        }
      },
      std::runtime_error);
  EXPECT_EQ(calls, 2u);
}

// The work before recording (laying out the results file) is done once, on
// the calling thread, before anything is recorded; with more threads the
// others run pairs meanwhile, and every batch is still recorded whole and in
// order with the values of a run alone.
TEST(BatchPipeline, TheWorkBeforeRecordingRunsOnceOnTheCallingThreadBesideThePairs) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 12, 4);
  const std::vector<ExperimentPair> pairs = missing_pairs(std::vector<std::uint8_t>(24, 0), 2, 12);
  const std::vector<model::ReplicationResult> alone = run_pairs(run.setups, run.seed, pairs, 1);
  const std::size_t batch = 2;
  for (const int threads : {1, 2, 3}) {
    Recorded recorded;
    const RecordChunk keep = keep_in(recorded);
    std::atomic<std::size_t> recorded_before = 99;
    std::atomic<int> calls = 0;
    std::atomic<bool> on_calling_thread = false;
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<std::size_t> chunks_when_prepared = 99;
    const BeforeRecording prepare = [&] {
      ++calls;
      on_calling_thread = std::this_thread::get_id() == caller;
      recorded_before = recorded.chunks.size();
      // Long enough for the other threads to finish whole batches meanwhile.
      std::this_thread::sleep_for(std::chrono::milliseconds(threads > 1 ? 100 : 0));
      chunks_when_prepared = recorded.chunks.size();
    };
    EXPECT_TRUE(run_batch_pipeline(run.setups, run.seed, pairs, batch, threads, nullptr, keep, prepare));
    EXPECT_EQ(calls, 1) << threads << " threads";
    EXPECT_TRUE(on_calling_thread) << threads << " threads";
    EXPECT_EQ(recorded_before, 0u) << threads << " threads";
    EXPECT_EQ(chunks_when_prepared, 0u) << "recorded before the work before recording was done";
    expect_whole_batches_in_order(recorded, pairs, batch);
    ASSERT_EQ(recorded.pairs(), pairs.size()) << threads << " threads";
    for (std::size_t i = 0; i < pairs.size(); ++i)
      EXPECT_TRUE(same_values(recorded.results[i], alone[i])) << "pair " << i << ", " << threads << " threads";
    if (threads > 1) {
      // What finished while the calling thread was busy went in one chunk:
      // the pairs ran beside the work, up to the window.
      ASSERT_FALSE(recorded.chunks.empty());
      EXPECT_GT(recorded.chunks.front().size(), batch) << threads << " threads";
    }
  }
}

// Work before recording that fails is a failed recording: rethrown, and
// nothing is recorded.
TEST(BatchPipeline, FailedWorkBeforeRecordingIsRethrownAndNothingIsRecorded) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 10, 2);
  const std::vector<ExperimentPair> pairs = missing_pairs(std::vector<std::uint8_t>(20, 0), 2, 10);
  for (const int threads : {1, 2}) {
    std::size_t calls = 0;
    const RecordChunk count = [&calls](std::span<const ExperimentPair>, std::span<const model::ReplicationResult>) {
      ++calls;
    };
    const BeforeRecording fails = [] { throw std::runtime_error("cannot lay out"); };
    EXPECT_THROW(
        {
          try {
            run_batch_pipeline(run.setups, run.seed, pairs, 2, threads, nullptr, count, fails);
          } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "cannot lay out");
            throw;
          }
        },
        std::runtime_error);
    EXPECT_EQ(calls, 0u) << threads << " threads";
  }
}

TEST(BatchPipeline, AVariantWithoutASetupIsRefusedBeforeAnythingRuns) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 2, 1);
  const std::vector<ExperimentPair> pairs{{0, 0}, {2, 0}};
  std::size_t calls = 0;
  const RecordChunk count = [&calls](std::span<const ExperimentPair>, std::span<const model::ReplicationResult>) {
    ++calls;
  };
  EXPECT_THROW(run_batch_pipeline(run.setups, run.seed, pairs, 1, 2, nullptr, count), std::invalid_argument);
  EXPECT_EQ(calls, 0u);
}

}  // namespace
}  // namespace casesim::runner
