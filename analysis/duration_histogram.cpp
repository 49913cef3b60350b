#include "analysis/duration_histogram.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace casesim::analysis {

namespace {

template <typename Count>
std::uint64_t total(std::span<const Count> histogram) {
  return std::accumulate(histogram.begin(), histogram.end(), std::uint64_t{0});
}

template <typename Count>
double share(std::span<const Count> histogram, const DurationBand& band) {
  const auto first = static_cast<std::size_t>(band.first_working_day);
  // The last bin is "more than": open at the top, so only an open band can end in it.
  if (histogram.empty() || band.first_working_day < 0 || first >= histogram.size() ||
      (!band.open_ended() && static_cast<std::size_t>(band.last_working_day) + 1 >= histogram.size()))
    throw std::invalid_argument("share_in_band: band " + std::string(band.label) + " does not fit a histogram of " +
                                std::to_string(histogram.size()) + " bins");
  const std::uint64_t all = total(histogram);
  if (all == 0) return std::numeric_limits<double>::quiet_NaN();
  const std::size_t end = band.open_ended() ? histogram.size() : static_cast<std::size_t>(band.last_working_day) + 1;
  std::uint64_t in_band = 0;
  for (std::size_t d = first; d < end; ++d) in_band += histogram[d];
  return static_cast<double>(in_band) / static_cast<double>(all);
}

template <typename Count>
double quantile(std::span<const Count> histogram, double p) {
  if (!(p > 0.0 && p <= 1.0)) throw std::invalid_argument("duration_quantile: p must be in (0, 1]");
  const std::uint64_t all = total(histogram);
  if (all == 0) return std::numeric_limits<double>::quiet_NaN();
  // The smallest d with count(<= d) >= p * all, in whole numbers so that a
  // quartile exactly on a boundary is not moved by rounding.
  const double needed = std::ceil(p * static_cast<double>(all) - 1e-9);
  std::uint64_t so_far = 0;
  for (std::size_t d = 0; d < histogram.size(); ++d) {
    so_far += histogram[d];
    if (static_cast<double>(so_far) >= needed) return static_cast<double>(d);
  }
  return static_cast<double>(histogram.size() - 1);
}

}  // namespace

std::uint64_t completions(std::span<const std::uint32_t> histogram) {
  return total(histogram);
}
std::uint64_t completions(std::span<const std::uint64_t> histogram) {
  return total(histogram);
}

double share_in_band(std::span<const std::uint32_t> histogram, const DurationBand& band) {
  return share(histogram, band);
}
double share_in_band(std::span<const std::uint64_t> histogram, const DurationBand& band) {
  return share(histogram, band);
}

double duration_quantile(std::span<const std::uint32_t> histogram, double p) {
  return quantile(histogram, p);
}
double duration_quantile(std::span<const std::uint64_t> histogram, double p) {
  return quantile(histogram, p);
}

void add_histogram(std::span<std::uint64_t> total, std::span<const std::uint32_t> histogram) {
  if (total.size() != histogram.size())
    throw std::invalid_argument("add_histogram: " + std::to_string(histogram.size()) + " bins into " +
                                std::to_string(total.size()));
  for (std::size_t b = 0; b < total.size(); ++b) total[b] += histogram[b];
}

}  // namespace casesim::analysis
