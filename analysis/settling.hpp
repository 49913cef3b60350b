#pragma once
// Has each weekly series settled over the counted period? A queue that still
// grows (or shrinks) through the counted weeks makes the results that depend
// on it depend on how long the run is, which no confidence interval shows.
//
// The rule (docs/report.md): the counted weeks (after the warm-up) are split
// into thirds, and for each replication the change is the mean of the last
// third minus the mean of the first (the middle third keeps the two apart, so
// week-to-week correlation does not blur them). The series has not settled
// when the 95% confidence interval of the mean change, paired over the
// replications, excludes 0, and the change is large against the level: at
// least kUnsettledShare of the larger of the two thirds' means, and at least
// kSmallestChange in the series' own unit (half a case, half an FTE: a queue
// that creeps from 0.05 to 0.3 cases is not one a manager would act on). With
// fewer than kFewestCountedWeeks counted weeks or 2 replications there is no
// interval, and no claim.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/counted_thirds.hpp"
#include "analysis/statistics.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis {

inline constexpr double kUnsettledShare = 0.2;
inline constexpr double kSmallestChange = 0.5;

struct Settling {
  double first = 0.0;  // mean across replications of the first third's mean
  double last = 0.0;   // and of the last third's
  Summary change;      // last - first, paired by replication (n: replications used)
  bool unsettled = false;
};

// From each replication's thirds (the same length; a NaN in either leaves that
// replication out).
Settling judge_settling(std::span<const double> first, std::span<const double> last);

// A series that has not settled, for one variant, and the metrics that depend
// on it: those the catalogue files in the series' part of the work
// (model::MetricGroup), or for overdue actions of every kind every metric
// of late work, in the catalogue's order with `preferred` ones first.
struct UnsettledSeries {
  std::string series;  // its name in the results file
  std::string unit;
  Settling settling;
  std::vector<std::string> metrics;
};

// Every series of the file that has not settled in one variant's completed
// replications; none when the counted period or the replications are too few.
std::vector<UnsettledSeries> unsettled_series(const results::ResultsData& data, std::size_t variant,
                                              const std::vector<std::string>& preferred = {});

// The same from thirds already worked out: thirds[s][r] for series s of
// `series` and each replication (NaN where not run).
std::vector<UnsettledSeries> unsettled_series(const std::vector<results::Quantity>& series,
                                              const std::vector<std::vector<ThirdMeans>>& thirds,
                                              const std::vector<std::string>& preferred = {});

// "Warning: the unallocated queue grows through the counted year (from 12 to
// 45 cases): results such as unallocated_wait_mean depend on the run's
// length." `variant` names the variant when the run has several (empty: not).
std::string settling_warning(const UnsettledSeries& unsettled, std::size_t counted_weeks,
                             const std::string& variant = {});

}  // namespace casesim::analysis
