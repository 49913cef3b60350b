#pragma once
// The chance of an event across replications (for example, that any child on
// an allocated case goes more than 6 weeks unvisited in a year), with a Wilson
// score interval: unlike the normal approximation it stays inside 0..1 and
// keeps close to its stated coverage when the proportion is near 0 or 1,
// which is where the risks managers ask about usually are.
#include <cstddef>
#include <span>

namespace casesim::analysis {

struct Proportion {
  std::size_t events = 0;  // replications in which it happened
  std::size_t trials = 0;  // replications counted (NaN values left out)
  double estimate = 0.0;   // events / trials
  double ci_low = 0.0;     // Wilson score interval
  double ci_high = 0.0;
};

// trials == 0 gives NaN for the estimate and interval; events > trials is std::invalid_argument.
Proportion wilson_interval(std::size_t events, std::size_t trials, double confidence = 0.95);

// P(value > threshold) across replications; NaN values (unfinished replications) are left out.
Proportion exceedance(std::span<const double> values, double threshold, double confidence = 0.95);

}  // namespace casesim::analysis
