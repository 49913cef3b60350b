#pragma once
// Whether two sequences of numbers are bit-identical: NaN (a measure with
// nothing to count) equals NaN, and 0.0 differs from -0.0, as in an h5diff of
// two results files.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <span>

namespace casesim::testing {

inline bool same_bits(std::span<const double> a, std::span<const double> b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](double x, double y) {
    return std::bit_cast<std::uint64_t>(x) == std::bit_cast<std::uint64_t>(y);
  });
}

}  // namespace casesim::testing
