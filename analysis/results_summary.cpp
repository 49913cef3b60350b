#include "analysis/results_summary.hpp"

#include <algorithm>
#include <cmath>

namespace casesim::analysis {

namespace {

bool completed(const results::ResultsData& data, std::size_t variant, std::size_t replication) {
  return data.completed[variant * data.layout.replications + replication] != 0;
}

std::size_t find(const std::vector<results::Quantity>& quantities, std::string_view name) {
  for (std::size_t i = 0; i < quantities.size(); ++i)
    if (quantities[i].name == name) return i;
  return kNotInFile;
}

}  // namespace

std::size_t find_metric(const results::ResultsData& data, const std::string& name) {
  return find(data.layout.metrics, name);
}

std::size_t find_series(const results::ResultsData& data, const std::string& name) {
  return find(data.layout.series, name);
}

std::size_t find_metric(const results::ResultsData& data, model::Metric metric) {
  return find(data.layout.metrics, model::definition(metric).name);
}

std::size_t find_series(const results::ResultsData& data, model::Series series) {
  return find(data.layout.series, model::definition(series).name);
}

std::vector<double> metric_values(const results::ResultsData& data, std::size_t metric, std::size_t variant) {
  std::vector<double> values;
  const std::size_t replications = data.layout.replications;
  for (std::size_t r = 0; r < replications; ++r)
    if (completed(data, variant, r)) values.push_back(data.summary[metric][variant * replications + r]);
  return values;
}

std::vector<MetricSummary> summarise_results(const results::ResultsData& data) {
  std::vector<MetricSummary> rows;
  for (std::size_t v = 0; v < data.layout.variants.size(); ++v) {
    std::size_t replications = 0;
    for (std::size_t r = 0; r < data.layout.replications; ++r) replications += completed(data, v, r);
    for (std::size_t m = 0; m < data.layout.metrics.size(); ++m)
      rows.push_back({data.layout.variants[v], data.layout.metrics[m].name, data.layout.metrics[m].unit,
                      summarise(metric_values(data, m, v)), replications});
  }
  return rows;
}

WeeklyBand weekly_band(const results::ResultsData& data, std::size_t series, std::size_t variant) {
  const std::size_t weeks = data.layout.week_start_dates.size();
  const std::size_t replications = data.layout.replications;
  WeeklyBand band;
  std::vector<std::size_t> kept;
  for (std::size_t r = 0; r < replications; ++r)
    if (completed(data, variant, r)) kept.push_back(r);
  band.replications = kept.size();
  std::vector<double> week_values;
  for (std::size_t w = 0; w < weeks; ++w) {
    week_values.clear();
    for (std::size_t r : kept) {
      const double v = data.weekly[series][(variant * replications + r) * weeks + w];
      if (!std::isnan(v)) week_values.push_back(v);
    }
    const Summary s = summarise(week_values);
    band.mean.push_back(s.mean);
    band.p05.push_back(s.p05);
    band.p95.push_back(s.p95);
  }
  return band;
}

}  // namespace casesim::analysis
