#include "analysis/proportion.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>

namespace casesim::analysis {

Proportion wilson_interval(std::size_t events, std::size_t trials, double confidence) {
  if (events > trials) throw std::invalid_argument("wilson_interval: more events than trials");
  Proportion p;
  p.events = events;
  p.trials = trials;
  if (trials == 0) {
    p.estimate = p.ci_low = p.ci_high = std::numeric_limits<double>::quiet_NaN();
    return p;
  }
  const double z = boost::math::quantile(boost::math::complement(boost::math::normal(), (1.0 - confidence) / 2));
  const double n = static_cast<double>(trials);
  const double share = static_cast<double>(events) / n;
  const double z2n = z * z / n;
  const double centre = (share + z2n / 2) / (1 + z2n);
  const double half = z / (1 + z2n) * std::sqrt(share * (1 - share) / n + z2n / (4 * n));
  p.estimate = share;
  // Clamped because rounding can put the bound a hair outside 0..1 at 0 or n events.
  p.ci_low = std::max(0.0, centre - half);
  p.ci_high = std::min(1.0, centre + half);
  return p;
}

Proportion exceedance(std::span<const double> values, double threshold, double confidence) {
  std::size_t events = 0, trials = 0;
  for (double v : values) {
    if (std::isnan(v)) continue;
    ++trials;
    if (v > threshold) ++events;
  }
  return wilson_interval(events, trials, confidence);
}

}  // namespace casesim::analysis
