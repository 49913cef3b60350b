#include "analysis/warm_up.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace casesim::analysis {

WarmUpChoice mser5_warm_up(std::span<const double> weekly) {
  for (double v : weekly)
    if (std::isnan(v)) throw std::invalid_argument("mser5_warm_up: the series has a missing (NaN) week");
  WarmUpChoice choice;
  choice.batches = weekly.size() / kMserBatchWeeks;
  choice.mser = std::numeric_limits<double>::quiet_NaN();
  if (choice.batches < 2) return choice;

  std::vector<double> batch_means(choice.batches);
  for (std::size_t j = 0; j < choice.batches; ++j) {
    double sum = 0;
    for (std::size_t w = 0; w < kMserBatchWeeks; ++w) sum += weekly[j * kMserBatchWeeks + w];
    batch_means[j] = sum / static_cast<double>(kMserBatchWeeks);
  }
  const std::size_t k = choice.batches;
  for (std::size_t d = 0; 2 * d < k; ++d) {
    const double kept = static_cast<double>(k - d);
    double mean = 0;
    for (std::size_t j = d; j < k; ++j) mean += batch_means[j];
    mean /= kept;
    double squares = 0;
    for (std::size_t j = d; j < k; ++j) squares += (batch_means[j] - mean) * (batch_means[j] - mean);
    const double mser = squares / (kept * kept);
    // Strictly smaller: among equal values the shortest warm-up wins.
    if (d == 0 || mser < choice.mser) {
      choice.mser = mser;
      choice.batches_dropped = d;
    }
  }
  choice.warm_up_weeks = choice.batches_dropped * kMserBatchWeeks;
  return choice;
}

}  // namespace casesim::analysis
