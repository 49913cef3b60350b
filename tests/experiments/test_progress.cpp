// The progress line: counts, rate and time left, worked out by hand.
#include <gtest/gtest.h>

#include <sstream>

#include "engine/runner/progress.hpp"
#include "engine/runner/run_experiment.hpp"

namespace casesim::runner {
namespace {

TEST(FormatProgress, ShowsCountRateAndTimeLeft) {
  // 120 done in 4 s: 30/s; 480 left / 30 = 16 s.
  EXPECT_EQ(format_progress(120, 600, 120, 4.0), "  120/600 replications (20.0%)  30.0/s  16s left");
  // A resumed run: 300 found done, 100 more in 10 s: 10/s; 200 left: 20 s.
  EXPECT_EQ(format_progress(400, 600, 100, 10.0), "  400/600 replications (66.7%)  10.0/s  20s left");
  // 9000 left at 2/s = 4500 s = 1 h 15 min.
  EXPECT_EQ(format_progress(1000, 10000, 1000, 500.0), "  1000/10000 replications (10.0%)  2.0/s  1h15m left");
  EXPECT_EQ(format_progress(0, 600, 0, 0.0), "  0/600 replications (0.0%)");
}

TEST(Progress, WritesNothingWhenDisabled) {
  std::ostringstream out;
  Progress progress(out, false, 10);
  progress.advance(5);
  progress.finish();
  EXPECT_EQ(out.str(), "");
}

TEST(Progress, RewritesOneLineAndEndsIt) {
  std::ostringstream out;
  Progress progress(out, true, 10, 4);
  progress.finish();
  EXPECT_EQ(out.str(), "\r  4/10 replications (40.0%)\n");
}

TEST(MissingPairs, AreReplicationMajorAndSkipCompletedSlots) {
  // 2 variants x 3 replications; done: (0, 0) and (1, 1).
  const std::vector<std::uint8_t> completed{1, 0, 0, 0, 1, 0};
  const std::vector<ExperimentPair> expected{{1, 0}, {0, 1}, {0, 2}, {1, 2}};
  EXPECT_EQ(missing_pairs(completed, 2, 3), expected);
}

}  // namespace
}  // namespace casesim::runner
