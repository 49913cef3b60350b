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
  // referrals and the duty decision
  referrals_received,
  re_referrals,
  decisions_late,
  referrals_accepted,
  urgent_referrals,
  urgent_not_identified,
  urgent_detection_delay_mean,
  concerns_on_open_cases,
  // allocation
  cases_allocated,
  unallocated_wait_mean,
  unallocated_wait_max,
  cases_stored,
  unallocated_queue_mean,
  cases_waited_share,
  unallocated_at_end,
  longest_current_wait,
  // statutory clocks
  assessments_completed,
  assessments_late,
  assessments_within_standard_share,
  icpcs_held,
  icpcs_late,
  core_groups_due,
  core_groups_late,
  reviews_due,
  reviews_late,
  // statutory visits
  visits_due,
  visits_overdue,
  visit_days_overdue_mean,
  visit_days_overdue_max,
  longest_visit_gap,
  children_unvisited_6_weeks,
  children_unvisited_3_months,
  cp_children_unvisited_6_weeks,
  children_past_visit_standard,
  children_past_visit_standard_assessment,
  children_past_visit_standard_section_47,
  children_past_visit_standard_cp,
  children_past_visit_standard_cin,
  children_past_visit_standard_looked_after_first_year,
  children_past_visit_standard_looked_after_later,
  visits_to_waiting_children,
  risk_exposure_child_days,
  drifted_actions,
  // plans
  cp_plans_started,
  cin_plans_started,
  looked_after_started,
  cases_closed,
  // caseloads
  caseload_mean,
  caseload_per_fte_mean,
  caseload_per_fte_max,
  worker_days_over_cap_share,
  // workforce
  sickness_days,
  leavers,
  turnover_rate,
  vacancy_days,
  vacancy_rate,
  agency_share,
  manager_changes,
  // supervision and escalation
  supervision_due,
  supervision_missed,
  longest_without_supervision_weeks,
  escalations,
  overtime_hours,
  agency_cover_weeks,
  count  // not a metric: the number of them
};
inline constexpr std::size_t kMetricCount = static_cast<std::size_t>(Metric::count);

enum class Series : std::size_t {
  caseload,
  caseload_per_fte,
  unallocated,
  overdue_visits,
  overdue_actions,
  cp_children,
  staff_fte,
  absent_fte,
  agency_fte,
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
