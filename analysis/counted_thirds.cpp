#include "analysis/counted_thirds.hpp"

#include <cmath>
#include <limits>

namespace casesim::analysis {

namespace {

double mean_of(std::span<const double> weekly, std::size_t begin, std::size_t end) {
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t w = begin; w < end && w < weekly.size(); ++w)
    if (!std::isnan(weekly[w])) {
      sum += weekly[w];
      ++n;
    }
  return n > 0 ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

std::optional<CountedThirds> counted_thirds(std::size_t weeks, std::size_t warm_up_weeks) {
  if (warm_up_weeks >= weeks || weeks - warm_up_weeks < kFewestCountedWeeks) return std::nullopt;
  const std::size_t third = (weeks - warm_up_weeks) / 3;
  return CountedThirds{warm_up_weeks, warm_up_weeks + third, weeks - third, weeks};
}

ThirdMeans third_means(std::span<const double> weekly, const CountedThirds& thirds) {
  return {mean_of(weekly, thirds.first_begin, thirds.first_end), mean_of(weekly, thirds.last_begin, thirds.last_end)};
}

}  // namespace casesim::analysis
