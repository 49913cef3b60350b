#pragma once
// Choosing the warm-up period from a weekly series with MSER-5 (White, 1997;
// Franklin and White, 2008): average the series in batches of 5 weeks, and
// drop the number of leading batches d that minimises
//   MSER(d) = sum_{j > d} (Z_j - mean of Z_{d+1..k})^2 / (k - d)^2,
// the squared standard error of what is left. Only truncations that keep at
// least half the batches are considered, since a minimum late in the series
// says the run is too short rather than that the start is biased.
#include <cstddef>
#include <span>

namespace casesim::analysis {

inline constexpr std::size_t kMserBatchWeeks = 5;

struct WarmUpChoice {
  std::size_t warm_up_weeks = 0;  // batches dropped x 5
  std::size_t batches_dropped = 0;
  std::size_t batches = 0;  // whole batches in the series (a partial last batch is left out)
  double mser = 0.0;        // the minimised statistic (NaN with fewer than 2 batches)
};

// A series shorter than 2 batches gives warm_up_weeks 0 and NaN mser. NaN
// weeks are not allowed (average over completed replications first):
// std::invalid_argument.
WarmUpChoice mser5_warm_up(std::span<const double> weekly);

}  // namespace casesim::analysis
