// A search stopped part-way (Ctrl-C, a batch system's time limit) and resumed
// from what it recorded ends as the uninterrupted search does: the same looks,
// the same answer, every value bit for bit, and only the replications it did
// not have are run. Stopped after each of its chunks in turn, so that some
// stops fall inside a look and some between looks.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/model/metrics.hpp"
#include "engine/optimise/load_optimisation.hpp"
#include "engine/optimise/run_optimisation.hpp"
#include "tests/optimise/optimise_files.hpp"

namespace casesim {
namespace {

using Pair = std::pair<std::size_t, std::size_t>;  // (plan, replication)

// Long replications make batches of fewer pairs than the first look holds
// (runner::batch_size), so a look is recorded in several chunks.
constexpr int kHorizonWeeks = 200;

const std::string kStaffing = testing::queue_staffing(R"(targets:
  - metric: cases_waited_share
    mean_at_most: 0.1
  - metric: unallocated_wait_mean
    mean_at_most: 2
procedure: {confidence: 0.95, initial_replications: 10, batch_replications: 10, max_replications: 60}
)");

struct Search {
  optimise::SearchResult result;
  std::vector<Pair> ran;  // every pair recorded, in order
  std::size_t chunks = 0;
};

// Runs the search with `seed`, recording what it runs into `file` (values by
// target, as a results file holds them) and stopping it once `stop_after`
// chunks are in (0: never; a stoppable search all the same, so its batches
// are the same size).
Search search(const optimise::Optimisation& o, std::uint64_t seed, int threads, optimise::RecordedSearch* file,
              const optimise::RecordedSearch* resumed_from = nullptr, std::size_t stop_after = 0) {
  const std::vector<std::size_t> metrics = optimise::target_metric_indices(o);
  std::atomic<bool> stop{false};
  std::vector<Pair> ran;
  std::size_t chunks = 0;
  const optimise::RecordChunk record = [&](std::span<const runner::ExperimentPair> pairs,
                                           std::span<const model::ReplicationResult> results) {
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const auto [plan, replication] = std::pair{pairs[i].variant, pairs[i].replication};
      ran.emplace_back(plan, replication);
      if (file == nullptr) continue;
      if (replication >= file->replications) {  // grown as a results file grows
        optimise::RecordedSearch grown{replication + 1, {}, {}};
        grown.completed.assign(o.plans.size() * grown.replications, 0);
        grown.values.assign(metrics.size(),
                            runner::RecordedValues(o.plans.size(), std::vector<double>(grown.replications, 0.0)));
        for (std::size_t p = 0; p < o.plans.size(); ++p)
          for (std::size_t r = 0; r < file->replications; ++r) {
            grown.completed[p * grown.replications + r] = file->completed[p * file->replications + r];
            for (std::size_t t = 0; t < metrics.size(); ++t) grown.values[t][p][r] = file->values[t][p][r];
          }
        *file = std::move(grown);
      }
      file->completed[plan * file->replications + replication] = 1;
      for (std::size_t t = 0; t < metrics.size(); ++t)
        file->values[t][plan][replication] = results[i].summary[metrics[t]];
    }
    if (++chunks == stop_after) stop = true;
  };
  optimise::SearchResult result = optimise::run_optimisation(o, {seed, threads, nullptr, &stop, resumed_from}, record);
  return {std::move(result), std::move(ran), chunks};
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Three seeds, each stopped after every one of its chunks but the last in
// turn. The first look's 40 pairs come in several chunks (16, 16 and 8 as
// batches are sized now), so the first stops fall inside it and later ones
// inside or at the ends of later looks.
TEST(ResumedSearch, TakesWhatWasRecordedRunsTheRestAndEndsAsTheUninterruptedSearch) {
  const testing::TemporaryFolder folder;
  folder.write("mmc.yaml", testing::queue_scenario(1.0, 1.0, kHorizonWeeks));
  const optimise::Optimisation o =
      optimise::load_optimisation(folder.write("staffing.yaml", kStaffing), model::metric_names());
  for (const std::uint64_t seed : {11u, 2024u, 777777u}) {
    const Search whole = search(o, seed, 1, nullptr);
    ASSERT_FALSE(whole.result.stopped);
    ASSERT_GE(whole.chunks, 4u) << "too few chunks to stop inside a look";
    const std::set<Pair> whole_pairs(whole.ran.begin(), whole.ran.end());

    for (std::size_t stop_after = 1; stop_after < whole.chunks; ++stop_after) {
      SCOPED_TRACE(::testing::Message() << "seed " << seed << ", stopped after chunk " << stop_after);
      optimise::RecordedSearch file;
      const Search stopped = search(o, seed, 1, &file, nullptr, stop_after);
      ASSERT_TRUE(stopped.result.stopped);
      EXPECT_EQ(stopped.chunks, stop_after) << "no batch starts once stopped";
      if (stop_after == 1) {
        EXPECT_LT(stopped.ran.size(), o.plans.size() * o.schedule.initial_replications) << "not inside a look";
      }
      EXPECT_EQ(stopped.result.selection.end(), analysis::SelectionEnd::running);

      const Search resumed = search(o, seed, 2, &file, &file);
      ASSERT_FALSE(resumed.result.stopped);
      const analysis::ConstrainedSelection& a = resumed.result.selection;
      const analysis::ConstrainedSelection& b = whole.result.selection;
      EXPECT_EQ(a.end(), b.end());
      EXPECT_EQ(a.chosen(), b.chosen());
      for (std::size_t p = 0; p < o.plans.size(); ++p) {
        EXPECT_EQ(a.replications(p), b.replications(p)) << o.plans[p].name;
        EXPECT_EQ(a.status(p), b.status(p)) << o.plans[p].name;
        for (std::size_t t = 0; t < o.targets.size(); ++t)
          EXPECT_TRUE(same_bits(resumed.result.values[p][t], whole.result.values[p][t])) << o.plans[p].name;
      }
      // Nothing the stopped search recorded is run again, and nothing is missing.
      std::set<Pair> both(stopped.ran.begin(), stopped.ran.end());
      for (const Pair& pair : resumed.ran) EXPECT_TRUE(both.insert(pair).second) << "run again: " << pair.first;
      EXPECT_EQ(both, whole_pairs);
      EXPECT_EQ(resumed.result.replications_taken, stopped.ran.size());
      EXPECT_EQ(resumed.result.replications_run, whole.result.replications_run);
    }
  }
}

// A results file grows to a look's replications before the look runs
// (before_look: a copy of the file each time it grows, so once a look, not
// once a batch): every replication a look records is within what it was
// told, and it records the last of them, so the file ends the size it would
// have grown to batch by batch.
TEST(SearchLooks, TellTheReplicationsTheyReachBeforeTheyRun) {
  const testing::TemporaryFolder folder;
  folder.write("mmc.yaml", testing::queue_scenario(1.0, 1.0, kHorizonWeeks));
  const optimise::Optimisation o =
      optimise::load_optimisation(folder.write("staffing.yaml", kStaffing), model::metric_names());
  std::vector<std::size_t> told;             // each look's replications, in order
  std::vector<std::size_t> reached_in_look;  // the most each look recorded (its last replication + 1)
  std::size_t chunks = 0;
  const optimise::RecordChunk record = [&](std::span<const runner::ExperimentPair> pairs,
                                           std::span<const model::ReplicationResult>) {
    ASSERT_FALSE(told.empty()) << "recorded before any look was told";
    for (const runner::ExperimentPair& pair : pairs) {
      EXPECT_LT(pair.replication, told.back());
      reached_in_look.back() = std::max(reached_in_look.back(), pair.replication + 1);
    }
    ++chunks;
  };
  optimise::SearchSettings settings{11, 1, nullptr, nullptr, nullptr};
  settings.before_look = [&](std::size_t replications) {
    told.push_back(replications);
    reached_in_look.push_back(0);
  };
  const optimise::SearchResult result = optimise::run_optimisation(o, settings, record);
  ASSERT_FALSE(result.stopped);
  ASSERT_GE(told.size(), 2u) << "one look: nothing to grow";
  EXPECT_GT(chunks, told.size()) << "a look in one chunk: growing once a batch would be the same";
  EXPECT_EQ(reached_in_look, told);
}

}  // namespace
}  // namespace casesim
