#include "analysis/report/paired_differences.hpp"

#include <cmath>

#include "analysis/paired.hpp"

namespace casesim::analysis::report {

std::vector<PairedDifference> paired_differences_from_base(const results::ResultsData& data) {
  std::vector<PairedDifference> out;
  const std::size_t replications = data.layout.replications;
  const auto aligned = [&](std::size_t metric, std::size_t variant) {
    std::vector<double> values(replications);
    for (std::size_t r = 0; r < replications; ++r) {
      const std::size_t slot = variant * replications + r;
      values[r] = data.completed[slot] ? data.summary[metric][slot] : std::nan("");
    }
    return values;
  };
  for (std::size_t m = 0; m < data.layout.metrics.size(); ++m) {
    const std::vector<double> base = aligned(m, 0);
    for (std::size_t v = 1; v < data.layout.variants.size(); ++v) {
      const Summary d = paired_difference(aligned(m, v), base);
      if (d.n < 2) continue;  // no interval without two pairs
      out.push_back({data.layout.metrics[m].name, v, 0, d.n, d.mean, d.ci_low, d.ci_high});
    }
  }
  return out;
}

}  // namespace casesim::analysis::report
