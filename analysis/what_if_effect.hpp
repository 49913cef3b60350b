#pragma once
// What a paired what-if run (results::Metadata::what_if) says is "because of
// the change": each measure with the changes, without them, and the paired
// difference (with minus without, replication k against replication k, both
// having seen the same referrals, sickness and resignations), and the weeks in
// which the change adds most overdue visits. The numbers behind `casesim
// run`'s answer and the report's first screen.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/statistics.hpp"
#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis {

// The safety measures a what-if's effect is printed for, in this order.
const std::vector<model::Metric>& safety_metrics();

struct ChangeEffect {
  std::size_t metric = 0;  // index into Layout::metrics
  Summary with;            // over the completed replications where it applies
  Summary without;
  Summary difference;  // paired: with minus without, over the pairs where both apply
};

// The effect on one metric of the file. Throws std::invalid_argument when the
// file is not a paired what-if or the metric is out of range.
ChangeEffect change_effect(const results::ResultsData& data, std::size_t metric);

// One week of a weekly series: its mean with and without the changes across
// the completed pairs, and the paired difference.
struct WeekEffect {
  std::size_t week = 0;  // index into Layout::week_start_dates
  double with = 0.0;
  double without = 0.0;
  Summary difference;
};

// Every week's effect on `series`, in week order.
std::vector<WeekEffect> weekly_change_effect(const results::ResultsData& data, std::size_t series);

// The `count` weeks with the largest rise in the mean (ties: the earlier
// week), those with a rise above 0 only, in week order.
std::vector<WeekEffect> worst_weeks(const std::vector<WeekEffect>& weeks, std::size_t count);

}  // namespace casesim::analysis
