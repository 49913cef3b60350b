#pragma once
// What one replication reports: the catalogue of summary metrics and weekly
// series (names, units, descriptions a manager can read) and their indices.
// The results file, the summary table and the report all take their labels
// from here, so a metric is defined once.
#include <array>
#include <cstddef>
#include <string_view>

namespace casesim::model {

enum class Metric : std::size_t {
  referrals_received,
  decisions_late,
  referrals_accepted,
  cases_allocated,
  unallocated_wait_mean,
  unallocated_wait_max,
  cases_stored,
  unallocated_queue_mean,
  visits_due,
  visits_overdue,
  visit_days_overdue_mean,
  visit_days_overdue_max,
  longest_visit_gap,
  caseload_mean,
  caseload_per_fte_mean,
  caseload_per_fte_max,
  cases_closed,
  count  // not a metric: the number of them
};
inline constexpr std::size_t kMetricCount = static_cast<std::size_t>(Metric::count);

enum class Series : std::size_t {
  caseload,
  caseload_per_fte,
  unallocated,
  overdue_visits,
  count
};
inline constexpr std::size_t kSeriesCount = static_cast<std::size_t>(Series::count);

struct QuantityDefinition {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
};

const std::array<QuantityDefinition, kMetricCount>& metric_definitions();
const std::array<QuantityDefinition, kSeriesCount>& series_definitions();

constexpr std::size_t index(Metric m) { return static_cast<std::size_t>(m); }
constexpr std::size_t index(Series s) { return static_cast<std::size_t>(s); }

}  // namespace casesim::model
