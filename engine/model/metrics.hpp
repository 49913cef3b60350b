#pragma once
// What one replication reports: the catalogue of summary metrics and weekly
// series (names, units, descriptions a manager can read, and the part of the
// work each is about) and their indices. The results file, the summary table
// and the report all take their labels from here, so a metric is defined once.
//
// Each catalogue is one list (CASESIM_METRICS, CASESIM_SERIES) from which both
// the enum and the definitions are generated: an enumerator's name is its
// definition's name and its place is its place in the results file, so the two
// cannot drift apart. The catalogue is constexpr data in this header, so
// analysis reads it without linking the model; metrics.cpp checks its rules
// and holds metric_names().
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casesim::model {

// The part of the team's work a metric or series is about. The report files
// weekly series by it (workforce series have their own section).
enum class MetricGroup {
  referrals,                    // referrals and the duty decision
  allocation,                   // waiting for a social worker
  assessments_and_conferences,  // the statutory clocks: assessments, conferences, core groups, reviews
  visits,                       // statutory visits, and actions that drift
  plans,                        // plans started, children looked after, cases closed
  caseloads,
  workforce,
  supervision_and_escalation,
  count  // not a group: the number of them
};

// X(identifier, group, late_work, unit, description), in results-file order.
// late_work: the metric counts statutory work done after its deadline or not
// at all, or how late it was (the report charts these together).
//
// Every summary metric counts only what happens after the warm-up period (so
// an empty office at the start does not flatter the team); counts are over
// the measured period, which is a year in the shipped scenarios.
#define CASESIM_METRICS(X)                                                                                            \
  X(referrals_received, referrals, false, "referrals", "Referrals received.")                                         \
  X(re_referrals, referrals, false, "referrals",                                                                      \
    "Referrals about a child whose case closed in the previous 12 months.")                                           \
  X(decisions_late, referrals, true, "referrals",                                                                     \
    "Referrals whose decision came later than the decision standard (Working Together: 1 working day).")              \
  X(referrals_accepted, referrals, false, "referrals", "Referrals sent for an assessment or a section 47 enquiry.")   \
  X(urgent_referrals, referrals, false, "referrals",                                                                  \
    "Referrals whose true need called for a strategy discussion and section 47 enquiry.")                             \
  X(urgent_not_identified, referrals, false, "referrals", "Urgent referrals that triage did not identify as urgent.") \
  X(urgent_detection_delay_mean, referrals, false, "working days",                                                    \
    "Mean time from the decision until a missed urgent case was recognised.")                                         \
  X(concerns_on_open_cases, referrals, false, "referrals",                                                            \
    "Accepted referrals about a child whose case was already open: a new concern on that case, never a second case.") \
  X(cases_allocated, allocation, false, "cases", "Cases allocated to a social worker (new and reallocated).")         \
  X(unallocated_wait_mean, allocation, false, "working days",                                                         \
    "Mean time accepted cases waited for allocation: every wait that ended in the counted period, and every case "    \
    "still waiting at the end with its wait so far.")                                                                 \
  X(unallocated_wait_max, allocation, false, "working days",                                                          \
    "Longest time any case waited unallocated, including cases still waiting at the end.")                            \
  X(cases_stored, allocation, true, "cases", "Cases left unallocated longer than the stored-case threshold.")         \
  X(unallocated_queue_mean, allocation, false, "cases",                                                               \
    "Mean number of cases waiting for allocation (over working time).")                                               \
  X(cases_waited_share, allocation, false, "share",                                                                   \
    "Share of accepted cases that waited for a worker (not allocated at once), "                                      \
    "counting those still waiting at the end.")                                                                       \
  X(unallocated_at_end, allocation, true, "cases", "Cases waiting for allocation at the end of the run.")             \
  X(longest_current_wait, allocation, false, "working days",                                                          \
    "Longest wait so far of any case still waiting for allocation at the end of the run.")                            \
  X(assessments_completed, assessments_and_conferences, false, "assessments",                                         \
    "Child and family assessments completed.")                                                                        \
  X(assessments_late, assessments_and_conferences, true, "assessments",                                               \
    "Assessments completed more than 45 working days after the referral, or still open past it at the end.")          \
  X(assessments_within_standard_share, assessments_and_conferences, false, "share",                                   \
    "Share of completed assessments done within 45 working days (DfE reports about 82-84% nationally).")              \
  X(icpcs_held, assessments_and_conferences, false, "conferences", "Initial child protection conferences held.")      \
  X(icpcs_late, assessments_and_conferences, true, "conferences",                                                     \
    "Initial child protection conferences held more than 15 working days after the strategy discussion, "             \
    "or overdue at the end.")                                                                                         \
  X(core_groups_due, assessments_and_conferences, false, "meetings", "Core group meetings that fell due.")            \
  X(core_groups_late, assessments_and_conferences, true, "meetings",                                                  \
    "Core group meetings held late or not held by the end.")                                                          \
  X(reviews_due, assessments_and_conferences, false, "reviews",                                                       \
    "Child protection review conferences and child in need reviews that fell due.")                                   \
  X(reviews_late, assessments_and_conferences, true, "reviews", "Reviews held late or not held by the end.")          \
  X(visits_due, visits, false, "visits", "Statutory visits that fell due.")                                           \
  X(visits_overdue, visits, true, "visits",                                                                           \
    "Statutory visits done after their due date, or not done by the end: a child unvisited for three intervals "      \
    "missed three.")                                                                                                  \
  X(visit_days_overdue_mean, visits, true, "working days", "Mean lateness of overdue visits.")                        \
  X(visit_days_overdue_max, visits, true, "working days",                                                             \
    "Greatest lateness of any visit: the longest any child went beyond their own visit standard.")                    \
  X(longest_visit_gap, visits, false, "working days",                                                                 \
    "Longest time any child on a plan went without a statutory visit.")                                               \
  X(children_unvisited_6_weeks, visits, false, "children",                                                            \
    "Children on a plan held to a visit standard shorter than 6 weeks who went more than 6 weeks without a visit.")   \
  X(children_unvisited_3_months, visits, false, "children",                                                           \
    "Children on a plan held to a visit standard shorter than 3 months who went more than 3 months without a "        \
    "visit (seed case 001).")                                                                                         \
  X(cp_children_unvisited_6_weeks, visits, false, "children",                                                         \
    "Children on a child protection plan who went more than 6 weeks without a visit.")                                \
  X(children_past_visit_standard, visits, true, "children",                                                           \
    "Children, allocated or waiting for a worker, who went past their own visit standard (a visit later than due).")  \
  X(children_past_visit_standard_assessment, visits, false, "children",                                               \
    "Children being assessed who were not seen within the assessment's standard of the decision.")                    \
  X(children_past_visit_standard_section_47, visits, false, "children",                                               \
    "Children under a section 47 enquiry who went past their visit standard.")                                        \
  X(children_past_visit_standard_cp, visits, false, "children",                                                       \
    "Children on a child protection plan who went past their visit standard.")                                        \
  X(children_past_visit_standard_cin, visits, false, "children",                                                      \
    "Children on a child in need plan who went past their visit standard.")                                           \
  X(children_past_visit_standard_looked_after_first_year, visits, false, "children",                                  \
    "Looked-after children in a placement's first year who went past their visit standard (regulation 28: 6 weeks).") \
  X(children_past_visit_standard_looked_after_later, visits, false, "children",                                       \
    "Looked-after children after a placement's first year who went past their visit standard (regulation 28: "        \
    "3 months).")                                                                                                     \
  X(visits_to_waiting_children, visits, false, "visits",                                                              \
    "Statutory visits to children waiting for a worker, made by whoever covers them (policy.unallocated_cover).")     \
  X(risk_exposure_child_days, visits, false, "child-days",                                                            \
    "Days that children, at any stage and whether allocated or waiting, spent past their visit standard.")            \
  X(drifted_actions, visits, false, "actions",                                                                        \
    "Due actions that slipped a day because supervision had lapsed (case drift).")                                    \
  X(cp_plans_started, plans, false, "plans", "Child protection plans started.")                                       \
  X(cin_plans_started, plans, false, "plans", "Child in need plans started.")                                         \
  X(looked_after_started, plans, false, "children", "Children who became looked after.")                              \
  X(cases_closed, plans, false, "cases", "Cases closed (or transferred out).")                                        \
  X(caseload_mean, caseloads, false, "cases", "Mean number of allocated cases in the team (over working time).")      \
  X(caseload_per_fte_mean, caseloads, false, "cases per FTE",                                                         \
    "Mean team caseload per FTE of case-holding staff in post, each working day.")                                    \
  X(caseload_per_fte_max, caseloads, false, "cases per FTE",                                                          \
    "Highest caseload per FTE of any worker on any working day.")                                                     \
  X(worker_days_over_cap_share, caseloads, false, "share",                                                            \
    "Share of worker-days on which a worker held more than their cap.")                                               \
  X(sickness_days, workforce, false, "working days", "Working days lost to sickness, all staff.")                     \
  X(leavers, workforce, false, "workers", "Social workers who left (permanent and agency).")                          \
  X(turnover_rate, workforce, false, "per FTE-year",                                                                  \
    "Permanent leavers per FTE-year in post (DfE reports about 16-18% a year nationally).")                           \
  X(vacancy_days, workforce, false, "post-days",                                                                      \
    "Working days that posts stood empty (no permanent or agency worker).")                                           \
  X(vacancy_rate, workforce, false, "share",                                                                          \
    "Share of post-days without a permanent worker, covered by agency staff or empty: the DfE's definition "          \
    "(about 17-21% nationally).")                                                                                     \
  X(agency_share, workforce, false, "share",                                                                          \
    "Agency FTE as a share of all FTE in post (DfE reports about 16-18% nationally).")                                \
  X(manager_changes, workforce, false, "changes", "Changes of team manager, including interim managers.")             \
  X(supervision_due, supervision_and_escalation, false, "sessions", "Supervision sessions that fell due.")            \
  X(supervision_missed, supervision_and_escalation, false, "sessions",                                                \
    "Supervision sessions not held within a week of their due date.")                                                 \
  X(longest_without_supervision_weeks, supervision_and_escalation, false, "weeks",                                    \
    "Longest any worker went without supervision.")                                                                   \
  X(escalations, supervision_and_escalation, false, "escalations",                                                    \
    "Times the manager escalated because queues or overdue work passed a threshold.")                                 \
  X(overtime_hours, supervision_and_escalation, false, "hours", "Overtime hours worked under escalation.")            \
  X(agency_cover_weeks, supervision_and_escalation, false, "worker-weeks",                                            \
    "Weeks of extra agency cover brought in by escalation.")

// X(identifier, group, unit, description), in results-file order.
#define CASESIM_SERIES(X)                                                                                    \
  X(caseload, caseloads, "cases", "Allocated cases in the team at the end of the week.")                     \
  X(caseload_per_fte, caseloads, "cases per FTE", "Allocated cases per FTE in post at the end of the week.") \
  X(unallocated, allocation, "cases", "Cases waiting for allocation at the end of the week.")                \
  X(overdue_visits, visits, "visits", "Children whose statutory visit is overdue at the end of the week.")   \
  X(overdue_actions, visits, "actions", "Statutory actions of any kind overdue at the end of the week.")     \
  X(cp_children, plans, "children", "Children on child protection plans at the end of the week.")            \
  X(staff_fte, workforce, "FTE", "Case-holding social worker FTE in post at the end of the week.")           \
  X(absent_fte, workforce, "FTE", "Social worker FTE absent (leave or sickness) at the end of the week.")    \
  X(agency_fte, workforce, "FTE", "Agency social worker FTE in post at the end of the week.")

#define CASESIM_ENUMERATOR(identifier, ...) identifier,
enum class Metric : std::size_t {
  CASESIM_METRICS(CASESIM_ENUMERATOR) count  // not a metric: the number of them
};
inline constexpr std::size_t kMetricCount = static_cast<std::size_t>(Metric::count);

enum class Series : std::size_t { CASESIM_SERIES(CASESIM_ENUMERATOR) count };
inline constexpr std::size_t kSeriesCount = static_cast<std::size_t>(Series::count);
#undef CASESIM_ENUMERATOR

struct QuantityDefinition {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
  MetricGroup group = MetricGroup::count;  // count: none, which no catalogue entry has
  bool late_work = false;                  // metrics only: see CASESIM_METRICS
};

namespace detail {
#define CASESIM_METRIC_DEFINITION(identifier, group, late_work, unit, description) \
  QuantityDefinition{#identifier, unit, description, MetricGroup::group, late_work},
#define CASESIM_SERIES_DEFINITION(identifier, group, unit, description) \
  QuantityDefinition{#identifier, unit, description, MetricGroup::group},
inline constexpr std::array<QuantityDefinition, kMetricCount> kMetricDefinitions{
    CASESIM_METRICS(CASESIM_METRIC_DEFINITION)};
inline constexpr std::array<QuantityDefinition, kSeriesCount> kSeriesDefinitions{
    CASESIM_SERIES(CASESIM_SERIES_DEFINITION)};
#undef CASESIM_METRIC_DEFINITION
#undef CASESIM_SERIES_DEFINITION
}  // namespace detail

constexpr const std::array<QuantityDefinition, kMetricCount>& metric_definitions() {
  return detail::kMetricDefinitions;
}
constexpr const std::array<QuantityDefinition, kSeriesCount>& series_definitions() {
  return detail::kSeriesDefinitions;
}

constexpr std::size_t index(Metric m) {
  return static_cast<std::size_t>(m);
}
constexpr std::size_t index(Series s) {
  return static_cast<std::size_t>(s);
}

constexpr const QuantityDefinition& definition(Metric m) {
  return metric_definitions()[index(m)];
}
constexpr const QuantityDefinition& definition(Series s) {
  return series_definitions()[index(s)];
}

// The metric or series of that name; nothing for a name the catalogue does not
// have (a results file from another version of casesim, or a typing error).
constexpr std::optional<Metric> metric_named(std::string_view name) {
  for (std::size_t m = 0; m < kMetricCount; ++m)
    if (metric_definitions()[m].name == name) return static_cast<Metric>(m);
  return std::nullopt;
}
constexpr std::optional<Series> series_named(std::string_view name) {
  for (std::size_t s = 0; s < kSeriesCount; ++s)
    if (series_definitions()[s].name == name) return static_cast<Series>(s);
  return std::nullopt;
}

// Every metric's name, in catalogue order: what experiment and optimise files
// may name (scenario::load_experiment and load_optimisation take this list).
std::vector<std::string> metric_names();

}  // namespace casesim::model

#undef CASESIM_METRICS
#undef CASESIM_SERIES
