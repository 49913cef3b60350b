#pragma once
// One histogram of how long work took: counts of completions by working days,
// one bin per day (bin d: d working days) and a last bin for anything longer,
// as the model records them per replication (engine/model/durations.hpp) and
// the results file stores them (/distributions). From it, the share that fell
// in one of DfE's bands and the quartiles, for setting beside the national
// figures (analysis/national_figures.hpp).
#include <cstddef>
#include <cstdint>
#include <span>

#include "analysis/national_figures.hpp"

namespace casesim::analysis {

// Each function takes one replication's histogram (32-bit counts, as stored)
// or several added together (64-bit, see add_histogram).

// Completions counted in the histogram.
std::uint64_t completions(std::span<const std::uint32_t> histogram);
std::uint64_t completions(std::span<const std::uint64_t> histogram);

// The share of completions that fell in `band`; NaN when there were none (not
// applicable). A band that ends inside the last, open bin cannot be formed
// (the histogram does not say how long those took): std::invalid_argument.
double share_in_band(std::span<const std::uint32_t> histogram, const DurationBand& band);
double share_in_band(std::span<const std::uint64_t> histogram, const DurationBand& band);

// The p-quantile (0 < p <= 1) in working days: the fewest days within which at
// least p of the completions were done, as a quartile of whole days is read.
// NaN when there were none. A quantile in the last bin is its index (the
// histogram's "more than" bin: at least that many days).
double duration_quantile(std::span<const std::uint32_t> histogram, double p);
double duration_quantile(std::span<const std::uint64_t> histogram, double p);

// Adds `histogram` into `total` bin by bin (the same number of bins, else
// std::invalid_argument): replications pooled, as national figures pool areas.
void add_histogram(std::span<std::uint64_t> total, std::span<const std::uint32_t> histogram);

}  // namespace casesim::analysis
