#pragma once
// Statistics across replications. Values that are NaN (a replication that has
// not finished) are left out and n says how many were used.
#include <cstddef>
#include <span>
#include <string_view>

namespace casesim::analysis {

struct Summary {
  std::size_t n = 0;
  double mean = 0.0;
  double sd = 0.0;      // sample standard deviation (n - 1)
  double ci_low = 0.0;  // 95% confidence interval for the mean (Student t, n - 1 df)
  double ci_high = 0.0;
  double median = 0.0;
  double p05 = 0.0;  // 5th and 95th percentiles (linear interpolation, Hyndman-Fan type 7)
  double p95 = 0.0;
  double half_width() const { return (ci_high - ci_low) / 2; }
};

Summary summarise(std::span<const double> values, double confidence = 0.95);

struct Interval {
  double low = 0.0;
  double high = 0.0;
};

// An interval as casesim shows it, on the terminal and in the report: every
// measure counts, times or shares something, so a bound below 0, or a share's
// (unit "share") above 1, is only the normal approximation's reach. NaN stays
// NaN and -0 becomes 0. Results files keep the computed interval.
Interval shown_interval(double low, double high, std::string_view unit);

// `s` with its 95% interval as shown_interval gives it (when n > 1: a single
// replication has no interval).
Summary with_shown_interval(Summary s, std::string_view unit);

// The two-sided Student t critical value for a confidence level and degrees of freedom.
double t_critical(double confidence, std::size_t degrees_of_freedom);

// The p-th quantile (0..1) of values sorted ascending, type 7 interpolation.
double quantile_sorted(std::span<const double> sorted, double p);

}  // namespace casesim::analysis
