#include "analysis/what_if_effect.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/paired.hpp"
#include "analysis/results_summary.hpp"

namespace casesim::analysis {

namespace {

void require_what_if(const results::ResultsData& data) {
  if (!data.metadata.what_if || data.layout.variants.size() <= results::kWithTheChanges)
    throw std::invalid_argument("not a paired what-if run: it has no run without the changes");
}

bool pair_completed(const results::ResultsData& data, std::size_t r) {
  const std::size_t replications = data.layout.replications;
  return data.completed[results::kWithTheChanges * replications + r] != 0 &&
         data.completed[results::kWithoutTheChanges * replications + r] != 0;
}

// One variant's values by replication, NaN where the pair is not complete, so
// that paired_difference pairs replication k with replication k.
std::vector<double> paired_values(const results::ResultsData& data, const std::vector<double>& values,
                                  std::size_t variant, std::size_t stride, std::size_t offset) {
  const std::size_t replications = data.layout.replications;
  std::vector<double> out(replications, std::nan(""));
  for (std::size_t r = 0; r < replications; ++r)
    if (pair_completed(data, r)) out[r] = values[(variant * replications + r) * stride + offset];
  return out;
}

}  // namespace

const std::vector<model::Metric>& safety_metrics() {
  using model::Metric;
  static const std::vector<Metric> metrics{
      Metric::visits_overdue,
      Metric::children_unvisited_6_weeks,
      Metric::cp_children_unvisited_6_weeks,
      Metric::children_unvisited_3_months,
      Metric::children_past_visit_standard,
      Metric::cases_stored,
      Metric::assessments_late,
      Metric::icpcs_late,
      Metric::reviews_late,
  };
  return metrics;
}

ChangeEffect change_effect(const results::ResultsData& data, std::size_t metric) {
  require_what_if(data);
  if (metric >= data.layout.metrics.size()) throw std::invalid_argument("change_effect: no such metric");
  ChangeEffect effect;
  effect.metric = metric;
  effect.with = summarise(metric_values(data, metric, results::kWithTheChanges));
  effect.without = summarise(metric_values(data, metric, results::kWithoutTheChanges));
  effect.difference = paired_difference(paired_values(data, data.summary[metric], results::kWithTheChanges, 1, 0),
                                        paired_values(data, data.summary[metric], results::kWithoutTheChanges, 1, 0));
  return effect;
}

std::vector<WeekEffect> weekly_change_effect(const results::ResultsData& data, std::size_t series) {
  require_what_if(data);
  if (series >= data.layout.series.size()) throw std::invalid_argument("weekly_change_effect: no such series");
  const std::size_t weeks = data.layout.week_start_dates.size();
  std::vector<WeekEffect> out;
  for (std::size_t w = 0; w < weeks; ++w) {
    const std::vector<double> with = paired_values(data, data.weekly[series], results::kWithTheChanges, weeks, w);
    const std::vector<double> without = paired_values(data, data.weekly[series], results::kWithoutTheChanges, weeks, w);
    WeekEffect e;
    e.week = w;
    e.difference = paired_difference(with, without);
    e.with = summarise(with).mean;
    e.without = summarise(without).mean;
    out.push_back(e);
  }
  return out;
}

std::vector<WeekEffect> worst_weeks(const std::vector<WeekEffect>& weeks, std::size_t count) {
  std::vector<WeekEffect> rising;
  for (const WeekEffect& w : weeks)
    if (w.difference.n > 0 && w.difference.mean > 0) rising.push_back(w);
  std::stable_sort(rising.begin(), rising.end(),
                   [](const WeekEffect& a, const WeekEffect& b) { return a.difference.mean > b.difference.mean; });
  if (rising.size() > count) rising.resize(count);
  std::sort(rising.begin(), rising.end(), [](const WeekEffect& a, const WeekEffect& b) { return a.week < b.week; });
  return rising;
}

}  // namespace casesim::analysis
