// Analysis functions against values worked out by hand.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/metamodel.hpp"
#include "analysis/proportion.hpp"
#include "analysis/ranking.hpp"
#include "analysis/statistics.hpp"
#include "analysis/warm_up.hpp"

namespace casesim::analysis {
namespace {

TEST(ShownInterval, StopsWhereTheMeasureCanGoAndKeepsWhatIsInside) {
  const Interval count = shown_interval(-2.5, 7.0, "visits");
  EXPECT_EQ(count.low, 0.0);
  EXPECT_EQ(count.high, 7.0);
  const Interval share = shown_interval(0.4, 1.3, "share");
  EXPECT_EQ(share.low, 0.4);
  EXPECT_EQ(share.high, 1.0);
  // Only a share is bounded above; -0 is shown as 0, never "-0.00".
  EXPECT_EQ(shown_interval(0.4, 1.3, "working days").high, 1.3);
  EXPECT_FALSE(std::signbit(shown_interval(-0.0, 0.0, "visits").low));
  EXPECT_TRUE(std::isnan(shown_interval(std::nan(""), 1.0, "share").low));
}

TEST(ShownInterval, OneReplicationHasNoIntervalToStop) {
  Summary one;
  one.n = 1;
  one.mean = one.ci_low = one.ci_high = -1.0;  // not a real measure's value: only that it is left alone
  EXPECT_EQ(with_shown_interval(one, "visits").ci_low, -1.0);
  const std::vector<double> values{0.0, 0.0, 5.0};
  const Summary computed = summarise(values);
  ASSERT_LT(computed.ci_low, 0.0);
  const Summary shown = with_shown_interval(computed, "visits");
  EXPECT_EQ(shown.ci_low, 0.0);
  EXPECT_EQ(shown.ci_high, computed.ci_high);
  EXPECT_EQ(shown.mean, computed.mean);
}

TEST(Wilson, FiveOfTenIsCentredOnAHalf) {
  // z = 1.959964; z^2/n = 0.384146; centre = (0.5 + 0.192073) / 1.384146 = 0.5;
  // half = 1.959964 / 1.384146 * sqrt(0.025 + 0.0096036) = 0.263406.
  const Proportion p = wilson_interval(5, 10);
  EXPECT_DOUBLE_EQ(p.estimate, 0.5);
  EXPECT_NEAR(p.ci_low, 0.236594, 1e-6);
  EXPECT_NEAR(p.ci_high, 0.763406, 1e-6);
}

TEST(Wilson, NoEventsStillGivesAnUpperBound) {
  // centre = half = 0.1920729 / 1.3841459 = 0.1387664: the interval is 0 to 0.2775328.
  const Proportion p = wilson_interval(0, 10);
  EXPECT_DOUBLE_EQ(p.estimate, 0.0);
  EXPECT_DOUBLE_EQ(p.ci_low, 0.0);
  EXPECT_NEAR(p.ci_high, 0.2775328, 1e-7);
}

TEST(Wilson, NoTrialsIsNaNAndTooManyEventsIsRefused) {
  EXPECT_TRUE(std::isnan(wilson_interval(0, 0).estimate));
  EXPECT_THROW(wilson_interval(3, 2), std::invalid_argument);
}

TEST(Exceedance, CountsValuesStrictlyAboveTheThresholdAndSkipsNaN) {
  const std::vector<double> gaps{10, 30, 31, 45, std::nan(""), 29};
  const Proportion p = exceedance(gaps, 30);
  EXPECT_EQ(p.events, 2u);  // 31 and 45; 30 itself is not more than 30
  EXPECT_EQ(p.trials, 5u);
  EXPECT_DOUBLE_EQ(p.estimate, 0.4);
  const Proportion same = wilson_interval(2, 5);
  EXPECT_DOUBLE_EQ(p.ci_low, same.ci_low);
  EXPECT_DOUBLE_EQ(p.ci_high, same.ci_high);
}

TEST(Mser5, DropsTheTransientBatches) {
  // Two batches at 50 (the start-up), then batch means alternating 10 and 12.
  // MSER(d) = SS / (k - d)^2 with k = 10 batches: d = 0: 2346.4 / 100 = 23.5;
  // d = 1: 1360 / 81 = 16.8; d = 2: 8 / 64 = 0.125; d = 3: 6.857 / 49 = 0.140;
  // d = 4: 6 / 36 = 0.167. The minimum is at d = 2, i.e. 10 weeks.
  std::vector<double> weekly(10, 50.0);
  for (int batch = 0; batch < 8; ++batch)
    for (int w = 0; w < 5; ++w) weekly.push_back(batch % 2 == 0 ? 10.0 : 12.0);
  weekly.push_back(1000.0);  // a partial last batch is ignored
  const WarmUpChoice choice = mser5_warm_up(weekly);
  EXPECT_EQ(choice.batches, 10u);
  EXPECT_EQ(choice.batches_dropped, 2u);
  EXPECT_EQ(choice.warm_up_weeks, 10u);
  EXPECT_DOUBLE_EQ(choice.mser, 0.125);
}

TEST(Mser5, AStationarySeriesNeedsNoWarmUp) {
  // Batch means 10, 12, 10, 12, 10, 12: d = 0 gives 6 / 36 = 0.1667, d = 1 gives
  // 4.8 / 25 = 0.192, d = 2 gives 4 / 16 = 0.25.
  std::vector<double> weekly;
  for (int batch = 0; batch < 6; ++batch)
    for (int w = 0; w < 5; ++w) weekly.push_back(batch % 2 == 0 ? 10.0 : 12.0);
  const WarmUpChoice choice = mser5_warm_up(weekly);
  EXPECT_EQ(choice.warm_up_weeks, 0u);
  EXPECT_NEAR(choice.mser, 1.0 / 6.0, 1e-12);
}

TEST(Mser5, ShortSeriesAndMissingWeeks) {
  EXPECT_EQ(mser5_warm_up(std::vector<double>(9, 1.0)).warm_up_weeks, 0u);
  EXPECT_TRUE(std::isnan(mser5_warm_up(std::vector<double>(9, 1.0)).mser));
  std::vector<double> gap(20, 1.0);
  gap[3] = std::nan("");
  EXPECT_THROW(mser5_warm_up(gap), std::invalid_argument);
}

TEST(Metamodel, RecoversExactCoefficientsAndStandardisesThem) {
  // y = 3 + 2 x1 - 0.5 x2 exactly. x1 and x2 are each 1..6 (sd sqrt(3.5));
  // y = 4, 6.5, 7, 9.5, 10, 12.5 with mean 8.25 and variance 45.375 / 5 = 9.075.
  Eigen::MatrixXd x(6, 2);
  x << 1, 2, 2, 1, 3, 4, 4, 3, 5, 6, 6, 5;
  Eigen::VectorXd y(6);
  y << 4, 6.5, 7, 9.5, 10, 12.5;
  const Metamodel model = fit_metamodel(x, y, {"cap", "referral_rate"});
  EXPECT_NEAR(model.intercept, 3.0, 1e-12);
  EXPECT_NEAR(model.coefficients[0], 2.0, 1e-12);
  EXPECT_NEAR(model.coefficients[1], -0.5, 1e-12);
  EXPECT_NEAR(model.standardised[0], 2.0 * std::sqrt(3.5) / std::sqrt(9.075), 1e-12);
  EXPECT_NEAR(model.standardised[1], -0.5 * std::sqrt(3.5) / std::sqrt(9.075), 1e-12);
  EXPECT_NEAR(model.r_squared, 1.0, 1e-12);
  EXPECT_EQ(model.observations, 6u);
  EXPECT_EQ(model.parameters[1], "referral_rate");
}

TEST(Metamodel, RSquaredWithNoiseMatchesTheHandValue) {
  // y = x + e with x = 1..4, e = (1, -1, -1, 1): the fitted slope is
  // sum (x - 2.5)(y - 2.5) / sum (x - 2.5)^2 = 5 / 5 = 1 (e is orthogonal to x),
  // so the residuals are e: R^2 = 1 - 4 / (5 + 4) = 5 / 9. NaN rows are left out.
  Eigen::MatrixXd x(5, 1);
  x << 1, 2, 3, 4, 9;
  Eigen::VectorXd y(5);
  y << 2, 1, 2, 5, std::nan("");
  const Metamodel model = fit_metamodel(x, y, {"x"});
  EXPECT_NEAR(model.coefficients[0], 1.0, 1e-12);
  EXPECT_NEAR(model.intercept, 0.0, 1e-12);
  EXPECT_NEAR(model.r_squared, 5.0 / 9.0, 1e-12);
  EXPECT_EQ(model.observations, 4u);
}

TEST(Metamodel, RefusesLeversThatCannotBeSeparated) {
  Eigen::MatrixXd constant(4, 1);
  constant << 2, 2, 2, 2;
  EXPECT_THROW(fit_metamodel(constant, Eigen::VectorXd::LinSpaced(4, 0, 3), {"cap"}), std::invalid_argument);
  Eigen::MatrixXd together(5, 2);
  together << 1, 2, 2, 4, 3, 6, 4, 8, 5, 10;
  EXPECT_THROW(fit_metamodel(together, Eigen::VectorXd::LinSpaced(5, 0, 4), {"a", "b"}), std::invalid_argument);
}

TEST(Ranking, LowerIsBetterAndTiesShareARank) {
  const std::vector<std::string> names{"a", "b", "c", "d"};
  const std::vector<std::vector<double>> values{{2, 4}, {1, 1}, {3, 3}, {2, 2}};  // means 3, 1, 3, 2
  const auto ranked = rank_variants(names, values);
  ASSERT_EQ(ranked.size(), 4u);
  EXPECT_EQ(ranked[0].name, "b");
  EXPECT_EQ(ranked[0].rank, 1u);
  EXPECT_EQ(ranked[1].name, "d");
  EXPECT_EQ(ranked[1].rank, 2u);
  EXPECT_EQ(ranked[2].name, "a");
  EXPECT_EQ(ranked[2].rank, 3u);
  EXPECT_EQ(ranked[3].name, "c");
  EXPECT_EQ(ranked[3].rank, 3u);
  EXPECT_DOUBLE_EQ(ranked[2].summary.mean, 3.0);
}

TEST(Ranking, HigherIsBetterAndEmptyVariantsRankLast) {
  const std::vector<std::string> names{"a", "b", "c"};
  const std::vector<std::vector<double>> values{{1}, {}, {5}};
  const auto ranked = rank_variants(names, values, Better::higher);
  EXPECT_EQ(ranked[0].name, "c");
  EXPECT_EQ(ranked[1].name, "a");
  EXPECT_EQ(ranked[2].name, "b");
  EXPECT_EQ(ranked[2].rank, 3u);
}

}  // namespace
}  // namespace casesim::analysis
