#pragma once
// Comparing a variant with the base when both ran with common random numbers:
// replication k of each saw the same referrals, so the difference is taken
// replication by replication (a paired comparison), and the variance that
// pairing removes is reported.
#include <cstddef>
#include <span>

#include "analysis/statistics.hpp"

namespace casesim::analysis {

// Per-replication differences variant[k] - base[k], summarised: mean and 95%
// Student-t interval with n - 1 degrees of freedom (a paired t interval).
// Pairs where either value is NaN (an unfinished replication) are left out.
// The spans must have the same length (std::invalid_argument).
Summary paired_difference(std::span<const double> variant, std::span<const double> base, double confidence = 0.95);

struct VarianceReduction {
  std::size_t n = 0;               // pairs used
  double paired_variance = 0.0;    // sample variance of the differences
  double unpaired_variance = 0.0;  // var(variant) + var(base): what independent runs would give
  // unpaired / paired: how many times fewer replications the paired comparison
  // needs for the same precision. Infinity when the differences do not vary
  // (identical variants); NaN with fewer than two pairs or when neither varies.
  double ratio = 0.0;
};

// Same pairing rules as paired_difference.
VarianceReduction common_random_numbers_gain(std::span<const double> variant, std::span<const double> base);

}  // namespace casesim::analysis
