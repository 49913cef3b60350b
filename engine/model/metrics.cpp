#include "engine/model/metrics.hpp"

namespace casesim::model {

// Every metric except the weekly series counts only what happens after the
// warm-up period, so an empty office at the start does not flatter the team.
const std::array<QuantityDefinition, kMetricCount>& metric_definitions() {
  static const std::array<QuantityDefinition, kMetricCount> definitions{{
      {"referrals_received", "referrals", "Referrals received after the warm-up."},
      {"decisions_late", "referrals",
       "Referrals whose decision came later than the decision standard (Working Together: 1 working day)."},
      {"referrals_accepted", "referrals", "Referrals accepted for assessment and allocation."},
      {"cases_allocated", "cases", "Cases allocated to a social worker."},
      {"unallocated_wait_mean", "working days",
       "Mean time an accepted case waited for allocation (cases allocated before the end)."},
      {"unallocated_wait_max", "working days",
       "Longest time any accepted case waited unallocated, including cases still waiting at the end."},
      {"cases_stored", "cases", "Accepted cases left unallocated longer than the stored-case threshold."},
      {"unallocated_queue_mean", "cases", "Mean number of cases waiting for allocation (over working time)."},
      {"visits_due", "visits", "Statutory visits that fell due."},
      {"visits_overdue", "visits", "Statutory visits done after their due date, or not done by the end."},
      {"visit_days_overdue_mean", "working days", "Mean lateness of overdue visits."},
      {"visit_days_overdue_max", "working days", "Greatest lateness of any visit."},
      {"longest_visit_gap", "working days",
       "Longest time any child on an allocated case went without a visit (from allocation or the last visit)."},
      {"caseload_mean", "cases", "Mean number of allocated cases in the team (over working time)."},
      {"caseload_per_fte_mean", "cases per FTE", "Mean team caseload per full-time equivalent, each working day."},
      {"caseload_per_fte_max", "cases per FTE", "Highest caseload per FTE of any worker on any working day."},
      {"cases_closed", "cases", "Allocated cases that closed."},
  }};
  return definitions;
}

const std::array<QuantityDefinition, kSeriesCount>& series_definitions() {
  static const std::array<QuantityDefinition, kSeriesCount> definitions{{
      {"caseload", "cases", "Allocated cases in the team at the end of the week."},
      {"caseload_per_fte", "cases per FTE", "Allocated cases per FTE at the end of the week."},
      {"unallocated", "cases", "Accepted cases waiting for allocation at the end of the week."},
      {"overdue_visits", "visits", "Open cases whose statutory visit is overdue at the end of the week."},
  }};
  return definitions;
}

}  // namespace casesim::model
