#pragma once
// The statistics of a results file, per variant: each metric's summary across
// completed replications, and each weekly series' mean and 5-95% band. Names,
// units and descriptions come from the file, so new metrics appear here
// without a change.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/statistics.hpp"
#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis {

struct MetricSummary {
  std::string variant;
  std::string metric;
  std::string unit;
  Summary summary;               // over the completed replications where the metric applies (summary.n of them)
  std::size_t replications = 0;  // completed replications of the variant
};

// One row per variant x metric, variant-major, in the file's orders. A metric
// that is NaN in a completed replication is not applicable there (a share or
// mean with nothing to count) and is left out of its summary, so summary.n
// may be below replications, and 0 (every statistic NaN) when it applied in none.
std::vector<MetricSummary> summarise_results(const results::ResultsData& data);

// A metric's values for one variant, completed replications only (NaN where not applicable).
std::vector<double> metric_values(const results::ResultsData& data, std::size_t metric, std::size_t variant);

// The index of a metric or series by name, or npos when the file does not have it.
inline constexpr std::size_t kNotInFile = static_cast<std::size_t>(-1);
std::size_t find_metric(const results::ResultsData& data, const std::string& name);
std::size_t find_series(const results::ResultsData& data, const std::string& name);
// The same for a metric or series of the catalogue, found by its name.
std::size_t find_metric(const results::ResultsData& data, model::Metric metric);
std::size_t find_series(const results::ResultsData& data, model::Series series);

struct WeeklyBand {
  std::vector<double> mean;  // per week, across completed replications
  std::vector<double> p05;
  std::vector<double> p95;
  std::size_t replications = 0;
};

WeeklyBand weekly_band(const results::ResultsData& data, std::size_t series, std::size_t variant);

}  // namespace casesim::analysis
