#include "analysis/settling.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "engine/model/metrics.hpp"

namespace casesim::analysis {

namespace {

constexpr std::size_t kMetricsNamed = 3;

// How a warning names a series; the catalogue's name for one it does not know.
std::string series_phrase(const std::string& name) {
  using model::Series;
  const auto series = model::series_named(name);
  if (!series) return "the " + name + " series";
  switch (*series) {
    case Series::caseload: return "the team's caseload";
    case Series::caseload_per_fte: return "caseload per FTE";
    case Series::unallocated: return "the unallocated queue";
    case Series::overdue_visits: return "the number of overdue statutory visits";
    case Series::overdue_actions: return "the number of overdue statutory actions";
    case Series::cp_children: return "the number of children on child protection plans";
    case Series::staff_fte: return "social worker FTE in post";
    case Series::absent_fte: return "absent social worker FTE";
    case Series::agency_fte: return "agency social worker FTE";
    case Series::count: break;
  }
  return "the " + name + " series";
}

std::string level(double value) {
  const double a = std::fabs(value);
  if (a >= 10) return fmt::format("{:.0f}", value);
  if (a >= 1) return fmt::format("{:.1f}", value);
  return fmt::format("{:.2f}", value);
}

std::vector<std::string> metrics_depending_on(const std::string& series_name,
                                              const std::vector<std::string>& preferred) {
  std::vector<std::string> out;
  const auto series = model::series_named(series_name);
  if (!series) return out;
  // Overdue actions of every kind bear on every measure of late work; any
  // other series on the measures of its own part of the work.
  const bool all_late_work = *series == model::Series::overdue_actions;
  const model::MetricGroup group = model::definition(*series).group;
  const auto depends = [&](const model::QuantityDefinition& d) {
    return all_late_work ? d.late_work : d.group == group;
  };
  for (const std::string& name : preferred) {
    const auto metric = model::metric_named(name);
    if (metric && depends(model::definition(*metric)) && std::find(out.begin(), out.end(), name) == out.end())
      out.push_back(name);
  }
  for (const model::QuantityDefinition& d : model::metric_definitions())
    if (depends(d) && std::find(out.begin(), out.end(), d.name) == out.end()) out.emplace_back(d.name);
  return out;
}

}  // namespace

Settling judge_settling(std::span<const double> first, std::span<const double> last) {
  if (first.size() != last.size())
    throw std::invalid_argument("judge_settling: " + std::to_string(first.size()) + " first thirds and " +
                                std::to_string(last.size()) + " last ones");
  std::vector<double> firsts, lasts, changes;
  for (std::size_t r = 0; r < first.size(); ++r) {
    if (std::isnan(first[r]) || std::isnan(last[r])) continue;
    firsts.push_back(first[r]);
    lasts.push_back(last[r]);
    changes.push_back(last[r] - first[r]);
  }
  Settling s;
  s.change = summarise(changes);
  s.first = summarise(firsts).mean;
  s.last = summarise(lasts).mean;
  if (s.change.n < 2) return s;
  const bool interval_excludes_zero = s.change.ci_low > 0 || s.change.ci_high < 0;
  const double level_now = std::max(std::fabs(s.first), std::fabs(s.last));
  const double change = std::fabs(s.change.mean);
  s.unsettled = interval_excludes_zero && change >= kUnsettledShare * level_now && change >= kSmallestChange;
  return s;
}

std::vector<UnsettledSeries> unsettled_series(const std::vector<results::Quantity>& series,
                                              const std::vector<std::vector<ThirdMeans>>& thirds,
                                              const std::vector<std::string>& preferred) {
  std::vector<UnsettledSeries> out;
  for (std::size_t s = 0; s < series.size() && s < thirds.size(); ++s) {
    std::vector<double> first, last;
    for (const ThirdMeans& t : thirds[s]) {
      first.push_back(t.first);
      last.push_back(t.last);
    }
    const Settling settling = judge_settling(first, last);
    if (settling.unsettled)
      out.push_back({series[s].name, series[s].unit, settling, metrics_depending_on(series[s].name, preferred)});
  }
  return out;
}

std::vector<UnsettledSeries> unsettled_series(const results::ResultsData& data, std::size_t variant,
                                              const std::vector<std::string>& preferred) {
  if (variant >= data.layout.variants.size())
    throw std::invalid_argument("unsettled_series: variant " + std::to_string(variant) + " out of range");
  const std::size_t weeks = data.layout.week_start_dates.size();
  const std::size_t warm_up = static_cast<std::size_t>(std::max(0, data.metadata.warm_up_weeks));
  const auto thirds = counted_thirds(weeks, warm_up);
  if (!thirds) return {};
  const std::size_t replications = data.layout.replications;
  std::vector<std::vector<ThirdMeans>> by_series(data.layout.series.size());
  for (std::size_t s = 0; s < data.layout.series.size(); ++s)
    for (std::size_t r = 0; r < replications; ++r) {
      const std::size_t slot = variant * replications + r;
      if (data.completed[slot] == 0) continue;
      by_series[s].push_back(third_means(std::span(data.weekly[s]).subspan(slot * weeks, weeks), *thirds));
    }
  return unsettled_series(data.layout.series, by_series, preferred);
}

std::string settling_warning(const UnsettledSeries& unsettled, std::size_t counted_weeks, const std::string& variant) {
  const Settling& s = unsettled.settling;
  const std::string period = counted_weeks == 52 || counted_weeks == 53
                                 ? "the counted year"
                                 : fmt::format("the counted {} weeks", counted_weeks);
  std::string metrics;
  const std::size_t named = std::min(kMetricsNamed, unsettled.metrics.size());
  for (std::size_t i = 0; i < named; ++i)
    metrics += (i == 0 ? "" : i + 1 == named ? " and " : ", ") + unsettled.metrics[i];
  return fmt::format("Warning{}: {} {} through {} (from {} to {} {}): {} on the run's length.",
                     variant.empty() ? "" : " (" + variant + ")", series_phrase(unsettled.series),
                     s.change.mean > 0 ? "grows" : "falls", period, level(s.first), level(s.last), unsettled.unit,
                     metrics.empty() ? "the results depend" : fmt::format("results such as {} depend", metrics));
}

}  // namespace casesim::analysis
