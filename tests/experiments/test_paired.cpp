// Paired differences and the variance common random numbers remove, against
// values worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "analysis/paired.hpp"

namespace casesim::analysis {
namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// variant - base = {2, 3, 1, 4}: mean 2.5, sum of squared deviations 5, so
// variance 5/3 and sd 1.2909944; t(0.975, 3 df) = 3.1824463, half-width
// 3.1824463 * 1.2909944 / 2 = 2.0542603. The fifth pair has a NaN and is left out.
const std::vector<double> kVariant{3, 5, 4, 8, kNaN};
const std::vector<double> kBase{1, 2, 3, 4, 10};

TEST(PairedDifference, IsThePairedTIntervalOfTheDifferences) {
  const Summary d = paired_difference(kVariant, kBase);
  EXPECT_EQ(d.n, 4u);
  EXPECT_DOUBLE_EQ(d.mean, 2.5);
  EXPECT_NEAR(d.sd, 1.290994, 1e-6);
  EXPECT_NEAR(d.ci_low, 2.5 - 2.0542603, 1e-6);
  EXPECT_NEAR(d.ci_high, 2.5 + 2.0542603, 1e-6);
}

TEST(CommonRandomNumbersGain, ComparesPairedWithUnpairedVariance) {
  // var(variant) = 14/3 (values 3, 5, 4, 8 about 5), var(base) = 5/3 (1..4
  // about 2.5): unpaired 19/3; paired 5/3; ratio 19/5 = 3.8.
  const VarianceReduction g = common_random_numbers_gain(kVariant, kBase);
  EXPECT_EQ(g.n, 4u);
  EXPECT_NEAR(g.paired_variance, 5.0 / 3, 1e-12);
  EXPECT_NEAR(g.unpaired_variance, 19.0 / 3, 1e-12);
  EXPECT_NEAR(g.ratio, 3.8, 1e-12);
}

TEST(CommonRandomNumbersGain, IdenticalVariantsDifferByExactlyZero) {
  const std::vector<double> same{2.5, 7.25, 1.0, 9.5};
  const Summary d = paired_difference(same, same);
  EXPECT_EQ(d.mean, 0.0);
  EXPECT_EQ(d.sd, 0.0);
  EXPECT_EQ(d.ci_low, 0.0);
  EXPECT_EQ(d.ci_high, 0.0);
  EXPECT_TRUE(std::isinf(common_random_numbers_gain(same, same).ratio));
}

TEST(CommonRandomNumbersGain, NeedsTwoPairs) {
  EXPECT_TRUE(std::isnan(common_random_numbers_gain(std::vector<double>{1.0}, std::vector<double>{2.0}).ratio));
}

TEST(PairedDifference, RefusesSeriesOfDifferentLengths) {
  EXPECT_THROW(paired_difference(std::vector<double>{1, 2}, std::vector<double>{1}), std::invalid_argument);
}

}  // namespace
}  // namespace casesim::analysis
