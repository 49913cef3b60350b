#include "engine/scenario/experiment.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/kernel/random_streams.hpp"

namespace casesim::scenario {

namespace {

// The Latin hypercube's own stream number, kept apart from the model's streams
// (which are small integers) so the design never shares draws with a replication.
constexpr std::uint32_t kLatinHypercubeStream = 0x4c48u;  // "LH"

}  // namespace

std::vector<std::vector<std::size_t>> grid_combinations(const std::vector<std::size_t>& sizes) {
  std::size_t total = 1;
  for (const std::size_t size : sizes) total *= size;
  std::vector<std::vector<std::size_t>> combinations;
  combinations.reserve(total);
  std::vector<std::size_t> current(sizes.size(), 0);
  for (std::size_t n = 0; n < total; ++n) {
    combinations.push_back(current);
    for (std::size_t axis = sizes.size(); axis-- > 0;) {
      if (++current[axis] < sizes[axis]) break;
      current[axis] = 0;
    }
  }
  return combinations;
}

std::vector<std::vector<double>> latin_hypercube(std::size_t samples, const std::vector<SampleRange>& ranges,
                                                 std::uint64_t seed) {
  std::vector<std::vector<double>> design(samples, std::vector<double>(ranges.size()));
  for (std::size_t r = 0; r < ranges.size(); ++r) {
    // One keyed stream per range: adding a range leaves the others' values alone.
    kernel::KeyedEngine engine = kernel::make_keyed(seed, 0, kLatinHypercubeStream, r);
    std::vector<std::size_t> stratum(samples);
    std::iota(stratum.begin(), stratum.end(), std::size_t{0});
    // Fisher-Yates, with the index drawn from uniform01 so it is the same on every platform.
    for (std::size_t i = samples; i-- > 1;) {
      const auto j = std::min(i, static_cast<std::size_t>(kernel::uniform01(engine) * static_cast<double>(i + 1)));
      std::swap(stratum[i], stratum[j]);
    }
    const SampleRange& range = ranges[r];
    for (std::size_t s = 0; s < samples; ++s) {
      // Rounding can carry the top stratum's draw up to exactly 1; keep it inside.
      const double u =
          std::min(std::nextafter(1.0, 0.0),
                   (static_cast<double>(stratum[s]) + kernel::uniform01(engine)) / static_cast<double>(samples));
      if (range.integer) {
        const double width = range.high - range.low + 1.0;
        design[s][r] = std::min(range.high, range.low + std::floor(u * width));
      } else {
        design[s][r] = range.low + u * (range.high - range.low);
      }
    }
  }
  return design;
}

}  // namespace casesim::scenario
