// The check that weekly series have settled over the counted period, on
// series made up to grow, to stay level, or to wobble, and its warning.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/settling.hpp"

namespace casesim::analysis {
namespace {

TEST(Settling, CountedThirdsLeaveOutTheWarmUpAndTheMiddle) {
  const auto t = counted_thirds(156, 104);  // 52 counted weeks: thirds of 17
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->first_begin, 104u);
  EXPECT_EQ(t->first_end, 121u);
  EXPECT_EQ(t->last_begin, 139u);
  EXPECT_EQ(t->last_end, 156u);
  EXPECT_FALSE(counted_thirds(10, 5).has_value());  // 5 counted weeks: too few
  EXPECT_FALSE(counted_thirds(10, 10).has_value());
  EXPECT_TRUE(counted_thirds(6, 0).has_value());
}

TEST(Settling, ThirdMeansSkipMissingWeeks) {
  const std::vector<double> weekly{100, 100, 1, 3, 7, 9, 5, 11};
  const ThirdMeans m = third_means(weekly, *counted_thirds(8, 2));  // thirds of 2: weeks 2-3 and 6-7
  EXPECT_DOUBLE_EQ(m.first, 2.0);
  EXPECT_DOUBLE_EQ(m.last, 8.0);
  const std::vector<double> gap{0, 0, std::nan(""), 4, 0, 0, std::nan(""), std::nan("")};
  const ThirdMeans g = third_means(gap, *counted_thirds(8, 2));
  EXPECT_DOUBLE_EQ(g.first, 4.0);
  EXPECT_TRUE(std::isnan(g.last));
}

TEST(Settling, AQueueThatGrowsThroughTheCountedPeriodHasNotSettled) {
  // Every replication grows from about 12 to about 45.
  const std::vector<double> first{11, 12, 13, 12, 12};
  const std::vector<double> last{44, 46, 45, 43, 47};
  const Settling s = judge_settling(first, last);
  EXPECT_TRUE(s.unsettled);
  EXPECT_DOUBLE_EQ(s.first, 12.0);
  EXPECT_DOUBLE_EQ(s.last, 45.0);
  EXPECT_DOUBLE_EQ(s.change.mean, 33.0);
  EXPECT_EQ(s.change.n, 5u);
  EXPECT_GT(s.change.ci_low, 0.0);
}

TEST(Settling, ALevelSeriesOrOneThatOnlyWobblesHasSettled) {
  // Level: the change's interval includes 0.
  const Settling level = judge_settling(std::vector<double>{100, 104, 98, 101}, std::vector<double>{103, 99, 101, 100});
  EXPECT_FALSE(level.unsettled);
  // Every replication a little higher (the interval excludes 0) but by 2% of the level: small.
  const Settling drift =
      judge_settling(std::vector<double>{100, 101, 99, 100}, std::vector<double>{102, 103, 101, 102.1});
  EXPECT_GT(drift.change.ci_low, 0.0);
  EXPECT_FALSE(drift.unsettled);
  // A queue creeping up from almost nothing: large against its level, but less than half a case.
  const Settling creeping =
      judge_settling(std::vector<double>{0.05, 0.04, 0.06, 0.05}, std::vector<double>{0.3, 0.28, 0.32, 0.3});
  EXPECT_GT(creeping.change.ci_low, 0.0);
  EXPECT_FALSE(creeping.unsettled);
  // Large against the level but in both directions: no claim.
  const Settling noisy = judge_settling(std::vector<double>{1, 9, 1, 9}, std::vector<double>{9, 1, 9, 2});
  EXPECT_FALSE(noisy.unsettled);
}

TEST(Settling, FallingIsUnsettledTooAndReplicationsNotRunAreLeftOut) {
  const double nan = std::nan("");
  const Settling s = judge_settling(std::vector<double>{20, 22, nan, 21, 19}, std::vector<double>{10, 11, 50, 9, 10});
  EXPECT_TRUE(s.unsettled);
  EXPECT_EQ(s.change.n, 4u);
  EXPECT_LT(s.change.mean, 0.0);
  // One replication gives no interval, and no claim.
  EXPECT_FALSE(judge_settling(std::vector<double>{1}, std::vector<double>{100}).unsettled);
  EXPECT_THROW(judge_settling(std::vector<double>{1, 2}, std::vector<double>{1}), std::invalid_argument);
}

// A results file with the unallocated queue growing through the counted weeks
// in one variant and level in the other, and a caseload that stays level.
results::ResultsData file_with_queue(std::size_t weeks, std::size_t warm_up) {
  results::ResultsData d;
  d.format_version = results::kFormatVersion;
  d.metadata.warm_up_weeks = static_cast<int>(warm_up);
  d.layout.variants = {"cap-22", "cap-12"};
  d.layout.replications = 4;
  d.layout.series = {{"caseload", "cases", "Allocated cases."}, {"unallocated", "cases", "Cases waiting."}};
  for (std::size_t w = 0; w < weeks; ++w) d.layout.week_start_dates.push_back("week " + std::to_string(w));
  d.weekly.assign(2, std::vector<double>(2 * 4 * weeks));
  for (std::size_t v = 0; v < 2; ++v)
    for (std::size_t r = 0; r < 4; ++r)
      for (std::size_t w = 0; w < weeks; ++w) {
        const std::size_t at = (v * 4 + r) * weeks + w;
        const double wobble = (r % 2 == 0 ? 1.0 : -1.0) * static_cast<double>(w % 3);
        d.weekly[0][at] = 110 + wobble;
        d.weekly[1][at] = v == 1 ? 12.0 + 0.65 * static_cast<double>(w) + wobble : 3.0 + wobble * 0.5 + 1.5;
      }
  d.completed.assign(8, 1);
  return d;
}

TEST(Settling, FindsTheSeriesThatHasNotSettledInAResultsFile) {
  const results::ResultsData d = file_with_queue(52, 0);
  EXPECT_TRUE(unsettled_series(d, 0).empty());
  const std::vector<UnsettledSeries> found = unsettled_series(d, 1);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].series, "unallocated");
  EXPECT_EQ(found[0].unit, "cases");
  // The metrics of its part of the work (allocation), in the catalogue's order.
  ASSERT_GE(found[0].metrics.size(), 3u);
  EXPECT_EQ(found[0].metrics[0], "cases_allocated");
  EXPECT_EQ(found[0].metrics[1], "unallocated_wait_mean");
  // A metric the command compares comes first.
  EXPECT_EQ(unsettled_series(d, 1, {"cases_stored", "visits_overdue"})[0].metrics[0], "cases_stored");
  EXPECT_THROW(unsettled_series(d, 2), std::invalid_argument);
}

TEST(Settling, NoClaimWithTooFewCountedWeeks) {
  EXPECT_TRUE(unsettled_series(file_with_queue(52, 48), 1).empty());
}

TEST(Settling, ReplicationsNotCompletedAreLeftOut) {
  results::ResultsData d = file_with_queue(52, 0);
  d.completed = {1, 1, 1, 1, 1, 0, 0, 0};  // cap-12: only one replication, so no interval
  EXPECT_TRUE(unsettled_series(d, 1).empty());
}

TEST(Settling, TheWarningSaysInPlainWordsWhatGrewAndWhatDependsOnIt) {
  UnsettledSeries u;
  u.series = "unallocated";
  u.unit = "cases";
  u.settling.first = 12.2;
  u.settling.last = 45.4;
  u.settling.change.mean = 33.2;
  u.metrics = {"unallocated_wait_mean"};
  EXPECT_EQ(settling_warning(u, 52),
            "Warning: the unallocated queue grows through the counted year (from 12 to 45 cases): results such as "
            "unallocated_wait_mean depend on the run's length.");
  u.metrics = {"unallocated_wait_mean", "cases_stored", "unallocated_at_end", "cases_allocated"};
  u.settling.first = 4.5;
  u.settling.last = 0.5;
  u.settling.change.mean = -4.0;
  EXPECT_EQ(settling_warning(u, 30, "cap-12"),
            "Warning (cap-12): the unallocated queue falls through the counted 30 weeks (from 4.5 to 0.50 cases): "
            "results such as unallocated_wait_mean, cases_stored and unallocated_at_end depend on the run's length.");
  u.series = "made_up";
  u.metrics.clear();
  EXPECT_EQ(settling_warning(u, 52),
            "Warning: the made_up series falls through the counted year (from 4.5 to 0.50 cases): the results depend "
            "on the run's length.");
}

}  // namespace
}  // namespace casesim::analysis
