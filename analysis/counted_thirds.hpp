#pragma once
// The first and last thirds of a run's counted weeks (after the warm-up), and
// one weekly series' means over them: what the settling check compares
// (analysis/settling.hpp). Plain numbers, so the runner can keep them for each
// replication as it records it, without the results file or the catalogue.
#include <cstddef>
#include <optional>
#include <span>

namespace casesim::analysis {

inline constexpr std::size_t kFewestCountedWeeks = 6;

// The weeks [first_begin, first_end) and [last_begin, last_end).
struct CountedThirds {
  std::size_t first_begin = 0, first_end = 0;
  std::size_t last_begin = 0, last_end = 0;
};
// Nothing when fewer than kFewestCountedWeeks weeks are counted.
std::optional<CountedThirds> counted_thirds(std::size_t weeks, std::size_t warm_up_weeks);

// One replication's means over the first and last thirds of the counted weeks
// (NaN weeks left out; NaN when a third has none).
struct ThirdMeans {
  double first = 0.0;
  double last = 0.0;
};
ThirdMeans third_means(std::span<const double> weekly, const CountedThirds& thirds);

}  // namespace casesim::analysis
