// The loader's bounds on a duration distribution (scenario.hpp) are enough for
// the model's arithmetic: at every corner of what it accepts (the least and
// the greatest mean of each kind of field, with the narrowest and the widest
// sd), the sampler's parameters are finite and its draws finite, not
// negative, and small enough to be whole days in a Day (int32) even as weeks.
// Between the corners mean^2, sd^2 and their ratio lie between the corners'
// values, so the corners are the cases that could overflow or vanish.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/kernel/random_streams.hpp"
#include "engine/model/duration_sampler.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::scenario {
namespace {

using Kind = DurationDistribution::Kind;

struct Corner {
  Kind kind;
  double mean;
  double sd;
};

std::vector<Corner> corners() {
  std::vector<Corner> all;
  for (const double max_mean : {kMaxCaseDurationWorkingDays, kMaxSicknessWorkingDays, kMaxStaffingDurationWeeks}) {
    for (const double mean : {kMinDurationMean, max_mean}) {
      all.push_back({Kind::fixed, mean, 0.0});
      all.push_back({Kind::exponential, mean, 0.0});
      for (const Kind kind : {Kind::lognormal, Kind::gamma}) {
        for (const double sd : {kMinSdToMean * mean, kMaxSdToMean * mean}) all.push_back({kind, mean, sd});
      }
    }
  }
  return all;
}

TEST(DurationBounds, EveryCornerOfTheAcceptedRangeGivesFiniteDrawsThatFitInDays) {
  // 7 x a draw in weeks is turned into whole days in a Day.
  const double largest_day = std::numeric_limits<std::int32_t>::max() / 7.0;
  std::uint64_t key = 0;
  for (const Corner& corner : corners()) {
    const std::string what = "kind " + std::to_string(static_cast<int>(corner.kind)) + ", mean " +
                             std::to_string(corner.mean) + ", sd " + std::to_string(corner.sd);
    // The sampler's own parameters, as it computes them.
    if (corner.kind == Kind::lognormal) {
      const double sigma2 = std::log1p((corner.sd * corner.sd) / (corner.mean * corner.mean));
      EXPECT_TRUE(std::isfinite(sigma2) && sigma2 > 0.0) << what;
      EXPECT_TRUE(std::isfinite(std::log(corner.mean) - sigma2 / 2)) << what;
    } else if (corner.kind == Kind::gamma) {
      const double shape = (corner.mean * corner.mean) / (corner.sd * corner.sd);
      const double scale = (corner.sd * corner.sd) / corner.mean;
      EXPECT_TRUE(std::isfinite(shape) && shape > 0.0) << what;
      EXPECT_TRUE(std::isfinite(scale) && scale > 0.0) << what;
    }
    model::DurationSampler sampler(DurationDistribution{corner.kind, corner.mean, corner.sd});
    double largest = 0.0;
    for (int i = 0; i < 20'000; ++i) {
      kernel::KeyedEngine engine = kernel::make_keyed(20270115, 0, 1, key++);
      const double draw = sampler(engine);
      ASSERT_TRUE(std::isfinite(draw) && draw >= 0.0) << what << ": drew " << draw;
      largest = std::max(largest, draw);
    }
    EXPECT_LT(largest, largest_day) << what;
  }
}

}  // namespace
}  // namespace casesim::scenario
