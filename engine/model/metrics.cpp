#include "engine/model/metrics.hpp"

namespace casesim::model {

// Every summary metric counts only what happens after the warm-up period (so
// an empty office at the start does not flatter the team); counts are over
// the measured period, which is a year in the shipped scenarios.
const std::array<QuantityDefinition, kMetricCount>& metric_definitions() {
  static const std::array<QuantityDefinition, kMetricCount> definitions{{
      {"referrals_received", "referrals", "Referrals received."},
      {"re_referrals", "referrals", "Referrals about a child whose case closed in the previous 12 months."},
      {"decisions_late", "referrals",
       "Referrals whose decision came later than the decision standard (Working Together: 1 working day)."},
      {"referrals_accepted", "referrals", "Referrals sent for an assessment or a section 47 enquiry."},
      {"urgent_referrals", "referrals", "Referrals whose true need called for a strategy discussion and section 47 enquiry."},
      {"urgent_not_identified", "referrals", "Urgent referrals that triage did not identify as urgent."},
      {"urgent_detection_delay_mean", "working days",
       "Mean time from the decision until a missed urgent case was recognised."},
      {"concerns_on_open_cases", "referrals", "Accepted referrals about a child whose case was already open: a new concern on that case, never a second case."},
      {"cases_allocated", "cases", "Cases allocated to a social worker (new and reallocated)."},
      {"unallocated_wait_mean", "working days", "Mean time an accepted case waited for allocation."},
      {"unallocated_wait_max", "working days",
       "Longest time any case waited unallocated, including cases still waiting at the end."},
      {"cases_stored", "cases", "Cases left unallocated longer than the stored-case threshold."},
      {"unallocated_queue_mean", "cases", "Mean number of cases waiting for allocation (over working time)."},
      {"cases_waited_share", "share", "Share of accepted cases that waited for a worker (not allocated at once), counting those still waiting at the end."},
      {"unallocated_at_end", "cases", "Cases waiting for allocation at the end of the run."},
      {"longest_current_wait", "working days", "Longest wait so far of any case still waiting for allocation at the end of the run."},
      {"assessments_completed", "assessments", "Child and family assessments completed."},
      {"assessments_late", "assessments",
       "Assessments completed more than 45 working days after the referral, or still open past it at the end."},
      {"assessments_within_standard_share", "share",
       "Share of completed assessments done within 45 working days (DfE reports about 82-84% nationally)."},
      {"icpcs_held", "conferences", "Initial child protection conferences held."},
      {"icpcs_late", "conferences",
       "Initial child protection conferences held more than 15 working days after the strategy discussion, or overdue at the end."},
      {"core_groups_due", "meetings", "Core group meetings that fell due."},
      {"core_groups_late", "meetings", "Core group meetings held late or not held by the end."},
      {"reviews_due", "reviews", "Child protection review conferences and child in need reviews that fell due."},
      {"reviews_late", "reviews", "Reviews held late or not held by the end."},
      {"visits_due", "visits", "Statutory visits that fell due."},
      {"visits_overdue", "visits", "Statutory visits done after their due date, or not done by the end."},
      {"visit_days_overdue_mean", "working days", "Mean lateness of overdue visits."},
      {"visit_days_overdue_max", "working days", "Greatest lateness of any visit."},
      {"longest_visit_gap", "working days", "Longest time any child on a plan went without a statutory visit."},
      {"children_unvisited_6_weeks", "children", "Children on a plan who went more than 6 weeks without a visit."},
      {"children_unvisited_3_months", "children",
       "Children on a plan who went more than 3 months without a visit (seed case 001)."},
      {"cp_children_unvisited_6_weeks", "children",
       "Children on a child protection plan who went more than 6 weeks without a visit."},
      {"children_past_visit_standard", "children", "Children, allocated or waiting, who went past their own visit standard (a visit later than due)."},
      {"children_past_visit_standard_assessment", "children", "Children being assessed not seen within the assessment's standard of the decision."},
      {"children_past_visit_standard_section_47", "children", "Children under a section 47 enquiry who went past their visit standard."},
      {"children_past_visit_standard_cp", "children", "Children on a child protection plan who went past their visit standard."},
      {"children_past_visit_standard_cin", "children", "Children on a child in need plan who went past their visit standard."},
      {"children_past_visit_standard_looked_after_first_year", "children", "Looked-after children in a placement's first year who went past their visit standard (regulation 28: 6 weeks)."},
      {"children_past_visit_standard_looked_after_later", "children", "Looked-after children after a placement's first year who went past their visit standard (regulation 28: 3 months)."},
      {"visits_to_waiting_children", "visits", "Statutory visits to children waiting for a worker, made by whoever covers them (policy.unallocated_cover)."},
      {"risk_exposure_child_days", "child-days",
       "Days that children on child protection and child in need plans spent past their visit standard."},
      {"drifted_actions", "actions", "Due actions that slipped a day because supervision had lapsed (case drift)."},
      {"cp_plans_started", "plans", "Child protection plans started."},
      {"cin_plans_started", "plans", "Child in need plans started."},
      {"looked_after_started", "children", "Children who became looked after."},
      {"cases_closed", "cases", "Cases closed (or transferred out)."},
      {"caseload_mean", "cases", "Mean number of allocated cases in the team (over working time)."},
      {"caseload_per_fte_mean", "cases per FTE",
       "Mean team caseload per FTE of case-holding staff in post, each working day."},
      {"caseload_per_fte_max", "cases per FTE", "Highest caseload per FTE of any worker on any working day."},
      {"worker_days_over_cap_share", "share", "Share of worker-days on which a worker held more than their cap."},
      {"sickness_days", "working days", "Working days lost to sickness, all staff."},
      {"leavers", "workers", "Social workers who left (permanent and agency)."},
      {"turnover_rate", "per FTE-year",
       "Permanent leavers per FTE-year in post (DfE reports about 16-18% a year nationally)."},
      {"vacancy_days", "post-days", "Working days that posts stood empty (no permanent or agency worker)."},
      {"vacancy_rate", "share",
       "Share of post-days without a permanent worker, covered by agency staff or empty: the DfE's definition "
       "(about 17-21% nationally)."},
      {"agency_share", "share", "Agency FTE as a share of all FTE in post (DfE reports about 16-18% nationally)."},
      {"manager_changes", "changes", "Changes of team manager, including interim managers."},
      {"supervision_due", "sessions", "Supervision sessions that fell due."},
      {"supervision_missed", "sessions", "Supervision sessions not held within a week of their due date."},
      {"longest_without_supervision_weeks", "weeks", "Longest any worker went without supervision."},
      {"escalations", "escalations", "Times the manager escalated because queues or overdue work passed a threshold."},
      {"overtime_hours", "hours", "Overtime hours worked under escalation."},
      {"agency_cover_weeks", "worker-weeks", "Weeks of extra agency cover brought in by escalation."},
  }};
  return definitions;
}

const std::array<QuantityDefinition, kSeriesCount>& series_definitions() {
  static const std::array<QuantityDefinition, kSeriesCount> definitions{{
      {"caseload", "cases", "Allocated cases in the team at the end of the week."},
      {"caseload_per_fte", "cases per FTE", "Allocated cases per FTE in post at the end of the week."},
      {"unallocated", "cases", "Cases waiting for allocation at the end of the week."},
      {"overdue_visits", "visits", "Children whose statutory visit is overdue at the end of the week."},
      {"overdue_actions", "actions", "Statutory actions of any kind overdue at the end of the week."},
      {"cp_children", "children", "Children on child protection plans at the end of the week."},
      {"staff_fte", "FTE", "Case-holding social worker FTE in post at the end of the week."},
      {"absent_fte", "FTE", "Social worker FTE absent (leave or sickness) at the end of the week."},
      {"agency_fte", "FTE", "Agency social worker FTE in post at the end of the week."},
  }};
  return definitions;
}

}  // namespace casesim::model
