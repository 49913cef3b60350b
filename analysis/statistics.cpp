#include "analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <Eigen/Core>
#include <boost/math/distributions/students_t.hpp>

namespace casesim::analysis {

double t_critical(double confidence, std::size_t degrees_of_freedom) {
  if (degrees_of_freedom == 0) return std::numeric_limits<double>::infinity();
  const boost::math::students_t distribution(static_cast<double>(degrees_of_freedom));
  return boost::math::quantile(boost::math::complement(distribution, (1.0 - confidence) / 2));
}

Interval shown_interval(double low, double high, std::string_view unit) {
  const double most = unit == "share" ? 1.0 : std::numeric_limits<double>::infinity();
  const auto shown = [most](double v) { return std::isnan(v) ? v : v <= 0.0 ? 0.0 : std::min(v, most); };
  return {shown(low), shown(high)};
}

Summary with_shown_interval(Summary s, std::string_view unit) {
  if (s.n < 2) return s;
  const Interval shown = shown_interval(s.ci_low, s.ci_high, unit);
  s.ci_low = shown.low;
  s.ci_high = shown.high;
  return s;
}

double quantile_sorted(std::span<const double> sorted, double p) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Summary summarise(std::span<const double> values, double confidence) {
  std::vector<double> kept;
  kept.reserve(values.size());
  for (double v : values)
    if (!std::isnan(v)) kept.push_back(v);
  Summary s;
  s.n = kept.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (s.n == 0) {
    s.mean = s.sd = s.ci_low = s.ci_high = s.median = s.p05 = s.p95 = nan;
    return s;
  }
  const Eigen::Map<const Eigen::ArrayXd> x(kept.data(), static_cast<Eigen::Index>(kept.size()));
  s.mean = x.mean();
  if (s.n > 1) {
    s.sd = std::sqrt((x - s.mean).square().sum() / static_cast<double>(s.n - 1));
    const double half = t_critical(confidence, s.n - 1) * s.sd / std::sqrt(static_cast<double>(s.n));
    s.ci_low = s.mean - half;
    s.ci_high = s.mean + half;
  } else {
    s.sd = nan;
    s.ci_low = s.ci_high = nan;
  }
  std::sort(kept.begin(), kept.end());
  s.median = quantile_sorted(kept, 0.5);
  s.p05 = quantile_sorted(kept, 0.05);
  s.p95 = quantile_sorted(kept, 0.95);
  return s;
}

}  // namespace casesim::analysis
