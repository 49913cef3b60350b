#pragma once
// The simulated durations of a results file beside England's: for each of its
// duration histograms (/distributions) that has national figures, the share of
// completions in each of DfE's bands and the quartiles, each worked out per
// replication and summarised across replications (mean and 95% interval), as
// the report draws them.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/national_figures.hpp"
#include "analysis/statistics.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis {

struct BandComparison {
  DurationBand national;  // DfE's band and its share
  Summary simulated;      // the share in the band, per replication with completions
};

struct DurationComparison {
  std::size_t distribution = 0;  // index into Layout::distributions
  std::string name;              // "assessment_working_days"
  std::string unit;              // what was counted: "assessments"
  std::string description;
  const NationalDurations* national = nullptr;
  std::vector<BandComparison> bands;
  std::array<Summary, 3> quartiles{};  // lower quartile, median, upper quartile (working days)
  Summary completions;                 // per completed replication
  std::size_t replications = 0;        // completed
  // Of them, those with at least one completion: the n of every share and
  // quartile (with none, they are not applicable).
  std::size_t with_completions = 0;
};

// A share's 95% interval as shown: the Student-t interval across replications
// kept within 0..1, where a share lies; the mean itself from one replication,
// NaN from none.
struct ShareInterval {
  double low = 0.0;
  double high = 0.0;
};
ShareInterval share_interval(const Summary& share);

// One variant's comparisons, in the file's order of distributions; a
// distribution without national figures (or a file without /distributions,
// format version 1) gives none. A variant out of range is std::invalid_argument.
std::vector<DurationComparison> compare_durations(const results::ResultsData& data, std::size_t variant);

}  // namespace casesim::analysis
