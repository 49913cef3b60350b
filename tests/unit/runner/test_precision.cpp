// The precision stopping rule: when a target is met, which variant is widest,
// and how many replications the next round asks for.
#include "engine/runner/precision.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "analysis/statistics.hpp"

namespace casesim::runner {
namespace {

// 9, 10, 11: mean 10, sd 1, so the 95% half-width is t(0.975, 2) / sqrt(3).
const std::vector<double> kAroundTen{9.0, 10.0, 11.0};
const double kAroundTenRatio = analysis::t_critical(0.95, 2) / std::sqrt(3.0) / 10.0;  // about 0.248

TEST(Precision, AMetricThatDoesNotVaryMeetsAnyTarget) {
  const PrecisionCheck check = check_precision({{4.0, 4.0, 4.0}, {0.0, 0.0}}, 1e-9);
  EXPECT_TRUE(check.met);
  EXPECT_EQ(check.worst_ratio, 0.0);
}

TEST(Precision, MetOnlyWhenEveryVariantIsBelowTheTarget) {
  const std::vector<std::vector<double>> values{{5.0, 5.0, 5.0}, kAroundTen};
  EXPECT_TRUE(check_precision(values, kAroundTenRatio * 1.01).met);
  const PrecisionCheck not_met = check_precision(values, kAroundTenRatio * 0.99);
  EXPECT_FALSE(not_met.met);
  EXPECT_EQ(not_met.worst_variant, 1u);
  EXPECT_NEAR(not_met.worst_ratio, kAroundTenRatio, 1e-12);
}

// NaN: the metric does not apply in that replication (nothing to count).
TEST(Precision, IsJudgedOnTheReplicationsWhereTheMetricApplies) {
  const double na = std::numeric_limits<double>::quiet_NaN();
  const PrecisionCheck some = check_precision({{9.0, na, 10.0, 11.0}}, kAroundTenRatio * 1.01);
  EXPECT_TRUE(some.met);
  EXPECT_NEAR(some.worst_ratio, kAroundTenRatio, 1e-12);
  // Applying in fewer than two: no interval, never precise; the next round doubles.
  const PrecisionCheck too_few = check_precision({kAroundTen, {na, 5.0, na}}, 0.5);
  EXPECT_FALSE(too_few.met);
  EXPECT_EQ(too_few.worst_variant, 1u);
  EXPECT_TRUE(std::isnan(too_few.worst_ratio));
  EXPECT_EQ(next_replications(3, too_few, 0.5, 100), 6u);
}

TEST(Precision, AVariantWithAZeroMeanThatVariesIsNeverPrecise) {
  const PrecisionCheck check = check_precision({kAroundTen, {-1.0, 0.0, 1.0}}, 0.5);
  EXPECT_FALSE(check.met);
  EXPECT_EQ(check.worst_variant, 1u);
  EXPECT_TRUE(std::isinf(check.worst_ratio));
}

TEST(Precision, NextReplicationsFollowsTheSquareRootRuleWithTenPercentToSpare) {
  PrecisionCheck check;
  check.worst_ratio = 0.06;  // 1.2 times a target of 0.05: 1.1 * 10 * 1.44 = 15.84
  EXPECT_EQ(next_replications(10, check, 0.05, 1000), 16u);
}

TEST(Precision, NextReplicationsAddsAtLeastOneAndAtMostDoubles) {
  PrecisionCheck check;
  check.worst_ratio = 0.0501;  // barely over: 1.1 * 10 * 1.004 = 11.04, rounded up
  EXPECT_EQ(next_replications(10, check, 0.05, 1000), 12u);
  check.worst_ratio = 0.04;  // already met by the ratio: still one more
  EXPECT_EQ(next_replications(10, check, 0.05, 1000), 11u);
  check.worst_ratio = 0.5;  // far off: at most double
  EXPECT_EQ(next_replications(10, check, 0.05, 1000), 20u);
  check.worst_ratio = std::numeric_limits<double>::infinity();
  EXPECT_EQ(next_replications(10, check, 0.05, 1000), 20u);
}

TEST(Precision, NextReplicationsNeverPassesTheMaximum) {
  PrecisionCheck check;
  check.worst_ratio = 0.5;
  EXPECT_EQ(next_replications(10, check, 0.05, 13), 13u);
}

}  // namespace
}  // namespace casesim::runner
