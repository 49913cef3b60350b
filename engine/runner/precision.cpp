#include "engine/runner/precision.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/statistics.hpp"

namespace casesim::runner {

PrecisionCheck check_precision(const std::vector<std::vector<double>>& values, double relative_half_width) {
  PrecisionCheck check{true, 0.0, 0};
  for (std::size_t v = 0; v < values.size(); ++v) {
    const analysis::Summary s = analysis::summarise(values[v]);
    const double half = s.half_width();
    // A metric that does not vary at all is as precise as it can be.
    const double ratio = half == 0.0 ? 0.0 : half / std::fabs(s.mean);
    if (!(ratio < relative_half_width)) check.met = false;
    if (!(ratio <= check.worst_ratio)) {
      check.worst_ratio = ratio;
      check.worst_variant = v;
    }
  }
  return check;
}

std::size_t next_replications(std::size_t now, const PrecisionCheck& check, double relative_half_width,
                              std::size_t most) {
  double projected = static_cast<double>(2 * now);
  if (std::isfinite(check.worst_ratio))
    projected = std::ceil(1.1 * static_cast<double>(now) * (check.worst_ratio / relative_half_width) *
                          (check.worst_ratio / relative_half_width));
  const double next = std::clamp(projected, static_cast<double>(now + 1), static_cast<double>(2 * now));
  return std::min(most, static_cast<std::size_t>(next));
}

}  // namespace casesim::runner
