#include "analysis/paired.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace casesim::analysis {

namespace {

struct Pairs {
  std::vector<double> variant, base, difference;
};

Pairs complete_pairs(std::span<const double> variant, std::span<const double> base) {
  if (variant.size() != base.size())
    throw std::invalid_argument("paired comparison of " + std::to_string(variant.size()) + " and " +
                                std::to_string(base.size()) + " values");
  Pairs pairs;
  for (std::size_t k = 0; k < variant.size(); ++k) {
    if (std::isnan(variant[k]) || std::isnan(base[k])) continue;
    pairs.variant.push_back(variant[k]);
    pairs.base.push_back(base[k]);
    pairs.difference.push_back(variant[k] - base[k]);
  }
  return pairs;
}

double sample_variance(const std::vector<double>& values) {
  const Summary s = summarise(values);
  return s.sd * s.sd;
}

}  // namespace

Summary paired_difference(std::span<const double> variant, std::span<const double> base, double confidence) {
  return summarise(complete_pairs(variant, base).difference, confidence);
}

VarianceReduction common_random_numbers_gain(std::span<const double> variant, std::span<const double> base) {
  const Pairs pairs = complete_pairs(variant, base);
  VarianceReduction out;
  out.n = pairs.difference.size();
  if (out.n < 2) {
    out.ratio = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  out.paired_variance = sample_variance(pairs.difference);
  out.unpaired_variance = sample_variance(pairs.variant) + sample_variance(pairs.base);
  if (out.paired_variance > 0) {
    out.ratio = out.unpaired_variance / out.paired_variance;
  } else {
    out.ratio =
        out.unpaired_variance > 0 ? std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN();
  }
  return out;
}

}  // namespace casesim::analysis
