#include "engine/scenario/read_sections.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "engine/input/yaml_readers.hpp"
#include "engine/scenario/bank_holidays.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/mechanisms.hpp"
#include "engine/scenario/run_dates.hpp"
#include "engine/scenario/section_reader.hpp"
#include "engine/scenario/timeline.hpp"

namespace casesim::scenario::detail {

namespace {

using input::fail;
using input::NumberRange;
using input::YamlNode;

// Hours of one task, one session or one decision: a day at most.
constexpr NumberRange kTaskHours = zero_up_to(24.0);
// Hours a week: twice a full-time week is already implausible.
constexpr NumberRange kWeeklyHours = zero_up_to(80.0);
// An assessment's hours are spread over the weeks it takes, so a day is no bound.
constexpr NumberRange kAssessmentHours = zero_up_to(200.0);
constexpr NumberRange kCaseWeight = positive_up_to(100.0);
// Rates per FTE-year and overload multipliers: not policy limits, typo guards.
constexpr NumberRange kAnnualRate = zero_up_to(10.0);
constexpr NumberRange kOverloadMultiplier = zero_up_to(100.0);
constexpr int kMaxHorizonWeeks = 2600;  // 50 years
constexpr int kMaxReplications = 1'000'000;
constexpr int kMaxSocialWorkers = 10'000;
constexpr int kMaxWorkingDays = 520;  // about two years of working days
constexpr int kMaxWeeks = 520;        // ten years
constexpr int kMaxMonths = 36;
constexpr int kMaxCaseCount = 100'000;  // thresholds in cases or actions
constexpr int kMaxOverCapCases = 1'000;
// Not a policy limit: keeps the count an int and flags a typo.
constexpr int kMaxDutyDecisionsPerWorkingDay = 1'000'000;

std::string read_name(const YamlNode& node) {
  const std::string name = input::read_text(node, "name");
  const bool allowed = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  // The name becomes part of file names and result labels.
  if (!allowed) fail(node, "name", "must be letters, digits, '_' and '-' only, got " + input::describe(node));
  return name;
}

RunSettings read_run(const YamlNode& node) {
  const Section s(node, "run", "run");
  RunSettings run;
  run.start_date = input::read_date(s.required("start_date"), "run.start_date");
  run.horizon_weeks = read_int(s.required("horizon_weeks"), "run.horizon_weeks", 1, kMaxHorizonWeeks);
  const YamlNode& warm_up = s.required("warm_up_weeks");
  run.warm_up_weeks = read_int(warm_up, "run.warm_up_weeks", 0, kMaxHorizonWeeks);
  // Metrics count only after the warm-up, so at least one week must remain.
  if (run.warm_up_weeks >= run.horizon_weeks) {
    fail(warm_up, "run.warm_up_weeks",
         "must be less than run.horizon_weeks (" + std::to_string(run.horizon_weeks) + "), got " + warm_up.text);
  }
  if (const auto problem = run_end_problem(run.start_date, run.horizon_weeks)) {
    fail(s.required("start_date"), "run.start_date", *problem);
  }
  run.replications = read_int(s.required("replications"), "run.replications", 1, kMaxReplications);
  run.seed = input::read_unsigned_64(s.required("seed"), "run.seed");
  return run;
}

// The calendar as written; the holiday dates are resolved once the run is known.
struct CalendarInput {
  CalendarSettings settings;
  const YamlNode* bank_holidays_node = nullptr;
  const YamlNode* section = nullptr;
};

CalendarInput read_calendar(const YamlNode* node) {
  CalendarInput calendar;
  calendar.section = node;
  if (!node) return calendar;
  const Section s(*node, "calendar", "calendar");
  if (const YamlNode* name = s.find("bank_holidays")) {
    std::vector<std::string> choices = shipped_holiday_list_names();
    choices.push_back("none");
    calendar.settings.bank_holidays = choices[input::read_choice(*name, "calendar.bank_holidays", choices)];
    calendar.bank_holidays_node = name;
  }
  if (const YamlNode* extra = s.find("extra_holidays")) {
    const auto& items = input::read_list(*extra, "calendar.extra_holidays");
    for (std::size_t i = 0; i < items.size(); ++i) {
      calendar.settings.extra_holidays.push_back(
          input::read_date(items[i], "calendar.extra_holidays[" + std::to_string(i) + "]"));
    }
  }
  return calendar;
}

void resolve_holidays(CalendarInput& calendar, const RunSettings& run, const YamlNode& start_date_node) {
  CalendarSettings& settings = calendar.settings;
  settings.holidays = settings.extra_holidays;
  if (settings.bank_holidays != "none") {
    const std::optional<HolidayList> list = shipped_holiday_list(settings.bank_holidays);
    if (!list)
      throw std::logic_error("load_scenario: shipped holiday list '" + settings.bank_holidays + "' is missing");
    const int end_days = kernel::days_since_epoch(run.start_date) + 7 * run.horizon_weeks;
    const kernel::Date end_date = kernel::date_from_days_since_epoch(end_days);
    const int first_year = static_cast<int>(run.start_date.year());
    const int last_year = static_cast<int>(end_date.year());
    if (first_year < list->first_year || last_year > list->last_year) {
      // Blame the line that chose the list, or failing that the start date.
      const YamlNode& at = calendar.bank_holidays_node ? *calendar.bank_holidays_node
                           : calendar.section          ? *calendar.section
                                                       : start_date_node;
      throw ScenarioError(at.file, calendar.bank_holidays_node ? at.line : at.holder_line, "calendar.bank_holidays",
                          settings.bank_holidays + " covers " + std::to_string(list->first_year) + "-" +
                              std::to_string(list->last_year) + ", but the run spans " +
                              kernel::format_iso_date(run.start_date) + " to " + kernel::format_iso_date(end_date) +
                              "; for other years set bank_holidays: none and list the dates in extra_holidays");
    }
    settings.holidays.insert(settings.holidays.end(), list->dates.begin(), list->dates.end());
  }
  std::sort(settings.holidays.begin(), settings.holidays.end());
  settings.holidays.erase(std::unique(settings.holidays.begin(), settings.holidays.end()), settings.holidays.end());
}

ReferralSettings read_referrals(const YamlNode& node) {
  const Section s(node, "referrals", "referrals");
  ReferralSettings referrals;
  referrals.rate_per_working_day =
      input::read_number(s.required("rate_per_working_day"), "referrals.rate_per_working_day", positive_up_to(1000.0));
  using Process = ReferralSettings::ArrivalProcess;
  s.choice("arrival_process", referrals.arrival_process,
           Choices<Process>{{"poisson", Process::poisson}, {"regular", Process::regular}});
  if (const auto profile = s.section("weekday_profile")) referrals.weekday_profile = profile->profile<5>();
  if (const auto profile = s.section("month_profile")) referrals.month_profile = profile->profile<12>();
  if (const auto mix = s.section("need_mix")) referrals.need_mix = mix->shares<kNeedLevels>();
  s.number("re_referral_share", referrals.re_referral_share, kShare);
  return referrals;
}

TriageSettings read_triage(const YamlNode* node) {
  TriageSettings triage;
  if (!node) return triage;
  const Section s(*node, "triage", "triage");
  s.whole("duty_decisions_per_working_day", triage.duty_decisions_per_working_day, 0, kMaxDutyDecisionsPerWorkingDay);
  s.number("decision_hours", triage.decision_hours, kTaskHours);
  s.whole("decision_standard_working_days", triage.decision_standard_working_days, 0, kMaxWorkingDays);
  if (const auto by_need = s.section("response_by_need")) {
    const auto& levels = by_need->schema().fields;
    for (std::size_t need = 0; need < levels.size(); ++need) {
      if (const auto row = by_need->section(levels[need].name)) {
        triage.response_by_need[need] = row->shares<kResponses>();
      }
    }
  }
  if (const auto error = s.section("error")) {
    error->number("base", triage.error.base, kShare);
    error->number("per_overload", triage.error.per_overload, kShare);
    error->number("per_week_since_supervision", triage.error.per_week_since_supervision, kShare);
    error->number("max", triage.error.max, kShare);
    // A cap below the base would silently cancel the base rate.
    if (triage.error.max < triage.error.base) {
      const YamlNode* max = error->find("max");
      fail(max ? *max : error->node(), error->path_of("max"),
           "must be at least triage.error.base (" + format_sum(triage.error.base) + "), got " +
               (max ? max->text : "0 (left out)"));
    }
  }
  s.number("caught_at_first_visit_share", triage.caught_at_first_visit_share, kShare);
  return triage;
}

void read_visit_standard(const Section& parent, VisitStandard& out) {
  const auto s = parent.section("visits");
  if (!s) return;
  s->whole("interval_working_days", out.interval_working_days, 0, kMaxWorkingDays);
  s->number("hours", out.hours, kTaskHours);
}

PathwaySettings read_pathways(const YamlNode& node) {
  const Section s(node, "pathways", "pathways");
  PathwaySettings pathways;
  if (const auto a = s.section("assessment")) {
    AssessmentSettings& out = pathways.assessment;
    a->duration("duration_working_days", out.duration_working_days, kMaxCaseDurationWorkingDays);
    a->banded_duration("planned_working_days", out.planned_working_days);
    a->number("hours", out.hours, kAssessmentHours);
    a->whole("standard_working_days", out.standard_working_days, 0, kMaxWorkingDays);
    if (const auto outcomes = a->section("outcomes")) {
      const std::array<double, 4> shares = outcomes->shares<4>();
      out.outcomes = {shares[0], shares[1], shares[2], shares[3]};
    }
    a->number("visit_hours", out.visit_hours, kTaskHours);
    a->whole("visit_within_working_days", out.visit_within_working_days, 0, kMaxWorkingDays);
    a->number("weight", out.weight, kCaseWeight);
  }
  if (const auto e = s.section("section_47")) {
    Section47Settings& out = pathways.section_47;
    e->number("strategy_discussion_hours", out.strategy_discussion_hours, kTaskHours);
    e->whole("icpc_standard_working_days", out.icpc_standard_working_days, 0, kMaxWorkingDays);
    e->number("icpc_hours", out.icpc_hours, kTaskHours);
    e->number("cp_plan_share", out.cp_plan_share, kShare);
    e->number("cin_plan_share_otherwise", out.cin_plan_share_otherwise, kShare);
    e->whole("visit_within_working_days", out.visit_within_working_days, 0, kMaxWorkingDays);
    e->banded_duration("booked_working_days", out.booked_working_days);
  }
  if (const auto cp = s.section("cp_plan")) {
    CpPlanSettings& out = pathways.cp_plan;
    read_visit_standard(*cp, out.visits);
    cp->whole("first_core_group_working_days", out.first_core_group_working_days, 0, kMaxWorkingDays);
    cp->whole("core_group_interval_working_days", out.core_group_interval_working_days, 0, kMaxWorkingDays);
    cp->number("core_group_hours", out.core_group_hours, kTaskHours);
    cp->whole("first_review_months", out.first_review_months, 0, kMaxMonths);
    cp->whole("review_interval_months", out.review_interval_months, 0, kMaxMonths);
    cp->number("review_hours", out.review_hours, kTaskHours);
    cp->duration("duration_working_days", out.duration_working_days, kMaxCaseDurationWorkingDays);
    cp->number("step_down_to_cin_share", out.step_down_to_cin_share, kShare);
    cp->number("weight", out.weight, kCaseWeight);
  }
  if (const auto cin = s.section("cin_plan")) {
    CinPlanSettings& out = pathways.cin_plan;
    read_visit_standard(*cin, out.visits);
    cin->whole("review_interval_working_days", out.review_interval_working_days, 0, kMaxWorkingDays);
    cin->number("review_hours", out.review_hours, kTaskHours);
    cin->duration("duration_working_days", out.duration_working_days, kMaxCaseDurationWorkingDays);
    cin->number("weight", out.weight, kCaseWeight);
  }
  if (const auto la = s.section("looked_after")) {
    LookedAfterSettings& out = pathways.looked_after;
    la->whole("first_visit_working_days", out.first_visit_working_days, 0, kMaxWorkingDays);
    la->whole("visit_interval_first_year_working_days", out.visit_interval_first_year_working_days, 0, kMaxWorkingDays);
    la->whole("visit_interval_later_working_days", out.visit_interval_later_working_days, 0, kMaxWorkingDays);
    la->number("visit_hours", out.visit_hours, kTaskHours);
    la->number("court_hours_per_week", out.court_hours_per_week, kWeeklyHours);
    la->whole("court_weeks", out.court_weeks, 0, kMaxWeeks);
    la->duration("duration_working_days", out.duration_working_days, kMaxCaseDurationWorkingDays);
    la->number("weight", out.weight, kCaseWeight);
  }
  s.whole("planning_window_working_days", pathways.planning_window_working_days, 0, kMaxWorkingDays);
  return pathways;
}

// A person's name: any text without control characters, but not empty.
std::string read_person_name(const YamlNode& node, const std::string& field) {
  std::string name = input::read_text(node, field);
  if (name.empty()) fail(node, field, "must not be empty");
  return name;
}

TeamSettings read_team(const YamlNode& node) {
  const Section s(node, "team", "team");
  TeamSettings team;
  s.number("full_time_hours_per_week", team.full_time_hours_per_week, kWeeklyHours);
  s.number("non_case_share", team.non_case_share, kShare);
  const YamlNode& list_node = s.required("social_workers");
  const auto& items = input::read_list(list_node, "team.social_workers");
  if (items.empty()) fail(list_node, "team.social_workers", "must list at least one social worker");
  if (items.size() > kMaxSocialWorkers) {
    fail(list_node, "team.social_workers",
         "must list at most " + std::to_string(kMaxSocialWorkers) + " social workers, got " +
             std::to_string(items.size()));
  }
  // Names identify people in results and traces, so they must be unique.
  std::unordered_map<std::string, int> first_line_of_name;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Section w(items[i], "team.social_workers[" + std::to_string(i) + "]", "team.social_workers[]");
    SocialWorker worker;
    const YamlNode& name = w.required("name");
    worker.name = read_person_name(name, w.path_of("name"));
    const auto [first, inserted] = first_line_of_name.emplace(worker.name, name.line);
    if (!inserted) {
      fail(name, w.path_of("name"),
           "duplicate name " + input::describe(name) + ", first given on line " + std::to_string(first->second));
    }
    worker.fte = input::read_number(w.required("fte"), w.path_of("fte"), positive_up_to(1.0));
    w.boolean("agency", worker.agency);
    w.boolean("newly_qualified", worker.newly_qualified);
    team.social_workers.push_back(std::move(worker));
  }
  // Whole extra full-time posts, so a staffing decision is one number an
  // experiment or the optimiser can vary without rewriting the list.
  const int room = static_cast<int>(kMaxSocialWorkers - items.size());
  s.whole("additional_permanent_workers", team.additional_permanent_workers, 0, room);
  s.whole("additional_agency_workers", team.additional_agency_workers, 0, room - team.additional_permanent_workers);
  // When they start: a lead time in weeks, or (permanent) `recruitment`.
  if (const YamlNode* start = s.find("additional_permanent_start_after_weeks")) {
    if (start->kind == YamlNode::Kind::text && start->text == "recruitment") {
      team.additional_permanent_recruited = true;
    } else {
      int weeks = 0;
      s.whole("additional_permanent_start_after_weeks", weeks, 0, kMaxWeeks);
      team.additional_permanent_start_after_weeks = weeks;
    }
  }
  if (s.find("additional_agency_start_after_weeks")) {
    int weeks = 0;
    s.whole("additional_agency_start_after_weeks", weeks, 0, kMaxWeeks);
    team.additional_agency_start_after_weeks = weeks;
  }
  s.whole("retained_leavers", team.retained_leavers, 0, kMaxSocialWorkers);
  if (const YamlNode* until = s.find("retained_until")) {
    team.retained_until = input::read_date(*until, s.path_of("retained_until"));
  }
  if ((team.retained_leavers > 0) != team.retained_until.has_value()) {
    fail(team.retained_until ? *s.find("retained_until") : *s.find("retained_leavers"),
         s.path_of(team.retained_until ? "retained_until" : "retained_leavers"),
         "retained_leavers (how many of the timeline's leavers stay) and retained_until (until when) go together");
  }
  if (const auto m = s.section("manager")) {
    if (const YamlNode* name = m->find("name")) {
      team.manager.name = read_person_name(*name, m->path_of("name"));
      if (const auto same = first_line_of_name.find(team.manager.name); same != first_line_of_name.end()) {
        fail(
            *name, m->path_of("name"),
            "duplicate name " + input::describe(*name) + ", a social worker's on line " + std::to_string(same->second));
      }
    }
    m->number("supervision_hours_per_week", team.manager.supervision_hours_per_week, kWeeklyHours);
    m->number("unallocated_work_hours_per_week", team.manager.unallocated_work_hours_per_week, kWeeklyHours);
  }
  return team;
}

WorkforceSettings read_workforce(const YamlNode* node) {
  WorkforceSettings workforce;
  if (!node) return workforce;
  const Section s(*node, "workforce", "workforce");
  s.number("annual_leave_days_per_fte", workforce.annual_leave_days_per_fte, zero_up_to(260.0));
  s.number("other_leave_days_per_fte", workforce.other_leave_days_per_fte, zero_up_to(100.0));
  if (const auto sick = s.section("sickness")) {
    SicknessSettings& out = workforce.sickness;
    sick->number("episodes_per_fte_year", out.episodes_per_fte_year, zero_up_to(52.0));
    sick->duration("duration_working_days", out.duration_working_days, kMaxSicknessWorkingDays);
    sick->number("overload_multiplier", out.overload_multiplier, kOverloadMultiplier);
  }
  if (const auto t = s.section("turnover")) {
    TurnoverSettings& out = workforce.turnover;
    t->number("annual_rate", out.annual_rate, kAnnualRate);
    t->number("overload_multiplier", out.overload_multiplier, kOverloadMultiplier);
    t->number("sickness_multiplier", out.sickness_multiplier, kOverloadMultiplier);
    t->whole("notice_weeks", out.notice_weeks, 0, kMaxWeeks);
    t->duration("recruitment_lag_weeks", out.recruitment_lag_weeks, kMaxStaffingDurationWeeks);
    t->number("newly_qualified_recruit_share", out.newly_qualified_recruit_share, kShare);
    t->number("agency_fill_share", out.agency_fill_share, kShare);
    t->whole("agency_start_delay_weeks", out.agency_start_delay_weeks, 0, kMaxWeeks);
    t->duration("agency_tenure_weeks", out.agency_tenure_weeks, kMaxStaffingDurationWeeks);
    t->number("handover_hours_per_case", out.handover_hours_per_case, kTaskHours);
  }
  if (const auto m = s.section("manager")) {
    ManagerWorkforceSettings& out = workforce.manager;
    m->number("annual_turnover", out.annual_turnover, kAnnualRate);
    m->whole("replacement_lag_weeks", out.replacement_lag_weeks, 0, kMaxWeeks);
    m->duration("interim_tenure_weeks", out.interim_tenure_weeks, kMaxStaffingDurationWeeks);
    m->number("interim_share", out.interim_share, kShare);
  }
  // A share of 0 would give newly qualified workers no cases at all.
  s.number("newly_qualified_cap_share", workforce.newly_qualified_cap_share, positive_up_to(1.0));
  s.number("manageable_cases_per_fte", workforce.manageable_cases_per_fte, zero_up_to(1000.0));
  s.number("new_starter_ramp_up_weeks", workforce.new_starter_ramp_up_weeks, zero_up_to(kMaxWeeks));
  return workforce;
}

SupervisionSettings read_supervision(const YamlNode* node) {
  SupervisionSettings supervision;
  if (!node) return supervision;
  const Section s(*node, "supervision", "supervision");
  // A supervision section models supervision unless it says otherwise; then
  // an interval of 0 means sessions never happen, and drift follows.
  supervision.modelled = true;
  s.boolean("modelled", supervision.modelled);
  s.whole("interval_weeks", supervision.interval_weeks, 0, kMaxWeeks);
  s.number("hours", supervision.hours, kTaskHours);
  s.number("drift_per_week_since_supervision", supervision.drift_per_week_since_supervision, kShare);
  s.number("drift_max", supervision.drift_max, kShare);
  return supervision;
}

PolicySettings read_policy(const YamlNode* node) {
  PolicySettings policy;
  if (!node) return policy;
  const Section s(*node, "policy", "policy");
  if (const auto cap = s.section("caseload_cap")) {
    using Basis = CaseloadCap::Basis;
    using Kind = CaseloadCap::Kind;
    cap->choice("basis", policy.caseload_cap.basis,
                Choices<Basis>{{"per_fte", Basis::per_fte}, {"per_worker", Basis::per_worker}});
    cap->number("cases", policy.caseload_cap.cases, positive_up_to(1000.0));
    cap->choice("kind", policy.caseload_cap.kind, Choices<Kind>{{"hard", Kind::hard}, {"soft", Kind::soft}});
    cap->boolean("weighted", policy.caseload_cap.weighted);
  }
  s.choice("prioritisation", policy.prioritisation,
           Choices<Prioritisation>{{"earliest_deadline", Prioritisation::earliest_deadline},
                                   {"highest_risk", Prioritisation::highest_risk},
                                   {"first_in_first_out", Prioritisation::first_in_first_out}});
  s.choice("absence_cover", policy.absence_cover,
           Choices<AbsenceCover>{{"none", AbsenceCover::none}, {"duty", AbsenceCover::duty}});
  s.choice(
      "unallocated_cover", policy.unallocated_cover,
      Choices<UnallocatedCover>{
          {"none", UnallocatedCover::none}, {"duty", UnallocatedCover::duty}, {"manager", UnallocatedCover::manager}});
  if (const auto e = s.section("escalation")) {
    EscalationSettings& out = policy.escalation;
    e->boolean("enabled", out.enabled);
    e->whole("unallocated_threshold", out.unallocated_threshold, 0, kMaxCaseCount);
    e->whole("overdue_threshold", out.overdue_threshold, 0, kMaxCaseCount);
    e->boolean("request_agency", out.request_agency);
    e->whole("agency_lag_weeks", out.agency_lag_weeks, 0, kMaxWeeks);
    e->whole("agency_weeks", out.agency_weeks, 0, kMaxWeeks);
    e->number("overtime_hours_per_worker_per_week", out.overtime_hours_per_worker_per_week, kWeeklyHours);
    e->whole("over_cap_cases", out.over_cap_cases, 0, kMaxOverCapCases);
    // The manager checks at least every so often; 0 would mean never.
    e->whole("review_interval_weeks", out.review_interval_weeks, 1, kMaxWeeks);
  }
  return policy;
}

MetricSettings read_metrics(const YamlNode* node) {
  MetricSettings metrics;
  if (!node) return metrics;
  const Section s(*node, "metrics", "metrics");
  s.whole("unallocated_wait_threshold_working_days", metrics.unallocated_wait_threshold_working_days, 0,
          kMaxWorkingDays);
  return metrics;
}

// The timeline: each event names its kind and takes only that kind's fields,
// so a misplaced field is an error rather than silently ignored.
std::vector<TimelineEvent> read_timeline(const YamlNode* node, const Scenario& scenario, TeamSource team) {
  std::vector<TimelineEvent> timeline;
  if (!node) return timeline;
  using Kind = TimelineEvent::Kind;
  static const Choices<Kind> kKinds = {
      {"worker_leaves", Kind::worker_leaves},   {"agency_workers_leave", Kind::agency_workers_leave},
      {"worker_starts", Kind::worker_starts},   {"worker_absent", Kind::worker_absent},
      {"caseload_cap", Kind::caseload_cap},     {"supervision_interval", Kind::supervision_interval},
      {"manager_absent", Kind::manager_absent}, {"manager_replaced", Kind::manager_replaced},
      {"referral_rate", Kind::referral_rate}};
  // Each kind's fields besides date and event: required ones first, then
  // `required` counts how many of them are required.
  struct KindFields {
    std::vector<std::string_view> fields;
    std::size_t required;
  };
  const auto fields_of_kind = [](Kind kind) -> KindFields {
    switch (kind) {
      case Kind::worker_leaves: return {{"worker", "replaced"}, 1};
      case Kind::agency_workers_leave: return {{"count", "replaced"}, 1};
      case Kind::worker_starts: return {{"name", "fte", "newly_qualified", "agency"}, 0};
      case Kind::worker_absent: return {{"worker", "until"}, 2};
      case Kind::caseload_cap: return {{"cases"}, 1};
      case Kind::supervision_interval: return {{"weeks"}, 1};
      case Kind::manager_absent: return {{"until"}, 1};
      case Kind::manager_replaced: return {{"weeks", "interim"}, 0};
      case Kind::referral_rate: return {{"factor", "until"}, 1};
    }
    return {{}, 0};
  };
  const auto& items = input::read_list(*node, "timeline");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = "timeline[" + std::to_string(i) + "]";
    const Section e(items[i], path, "timeline[]");
    TimelineEvent event;
    event.file = items[i].file;
    event.line = items[i].line;
    event.index = i;
    event.kind = read_enum(e.required("event"), e.path_of("event"), kKinds);
    const std::string kind_name(timeline_kind_name(event.kind));
    event.date = input::read_date(e.required("date"), e.path_of("date"));
    const KindFields allowed = fields_of_kind(event.kind);
    for (const FieldShape& field : schema_of("timeline[]").fields) {
      if (field.name == "date" || field.name == "event") continue;
      const auto at = std::find(allowed.fields.begin(), allowed.fields.end(), field.name);
      const YamlNode* value = e.find(field.name);
      if (value && at == allowed.fields.end()) {
        std::string takes;
        for (const auto name : allowed.fields) takes += (takes.empty() ? "" : ", ") + std::string(name);
        fail(
            *value, e.path_of(field.name),
            "not used by event " + kind_name + (takes.empty() ? " (it takes only date)" : " (it takes " + takes + ")"));
      }
      if (!value && at != allowed.fields.end() &&
          static_cast<std::size_t>(at - allowed.fields.begin()) < allowed.required) {
        throw ScenarioError(items[i].file, items[i].line, e.path_of(field.name), "required for event " + kind_name);
      }
    }
    if (const YamlNode* worker = e.find("worker")) event.worker = read_person_name(*worker, e.path_of("worker"));
    e.boolean("replaced", event.replaced);
    e.whole("count", event.count, 1, kMaxSocialWorkers);
    if (const YamlNode* name = e.find("name")) event.name = read_person_name(*name, e.path_of("name"));
    e.number("fte", event.fte, positive_up_to(1.0));
    e.boolean("newly_qualified", event.newly_qualified);
    e.boolean("agency", event.agency);
    if (const YamlNode* until = e.find("until")) {
      event.until = input::read_date(*until, e.path_of("until"));
      if (*event.until < event.date) {
        fail(*until, e.path_of("until"),
             "must not be before the event's date " + kernel::format_iso_date(event.date) + ", got " + until->text);
      }
    }
    e.number("cases", event.cases, positive_up_to(1000.0));
    e.whole("weeks", event.weeks, event.kind == Kind::supervision_interval ? 1 : 0, kMaxWeeks);
    e.boolean("interim", event.interim);
    e.number("factor", event.factor, zero_up_to(100.0));
    timeline.push_back(std::move(event));
  }
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) { return a.date < b.date; });
  // From a snapshot, start_from_snapshot checks the events against its team and dates.
  if (team == TeamSource::snapshot) return timeline;
  std::vector<std::string> names;
  for (const auto& worker : scenario.team.social_workers) names.push_back(worker.name);
  check_timeline(timeline, scenario.run.start_date, scenario.run.horizon_weeks, names,
                 "the scenario's team.social_workers");
  return timeline;
}

// `mechanisms_off` says which mechanisms are left out on purpose. It does not
// switch one off, so naming one that is on is refused rather than ignored.
std::vector<Mechanism> read_mechanisms_off(const YamlNode* node, const Scenario& scenario) {
  std::vector<Mechanism> off;
  if (!node) return off;
  const auto& items = input::read_list(*node, "mechanisms_off");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = "mechanisms_off[" + std::to_string(i) + "]";
    const std::string name = input::read_text(items[i], path);
    const std::optional<Mechanism> mechanism = mechanism_named(name);
    if (!mechanism)
      fail(items[i], path, "unknown mechanism " + input::describe(items[i]) + "; known: " + mechanism_names());
    if (std::find(off.begin(), off.end(), *mechanism) != off.end()) fail(items[i], path, name + " is listed twice");
    if (!why_off(scenario, *mechanism)) {
      fail(items[i], path,
           name +
               " is on in this scenario; mechanisms_off only says that a mechanism left out is meant, it does not "
               "switch one off");
    }
    off.push_back(*mechanism);
  }
  return off;
}

// A retention keeps leavers the timeline has: a number beyond them would run
// as fewer without a word, and an end before the run keeps nobody.
void check_retention(const Section& team_section, const Scenario& scenario, TeamSource team) {
  if (scenario.team.retained_leavers == 0) return;
  const int leavers = timeline_leavers(scenario.timeline);
  if (scenario.team.retained_leavers > leavers) {
    fail(*team_section.find("retained_leavers"), team_section.path_of("retained_leavers"),
         fmt::format("must be at most {}, the leavers the timeline has (a worker_leaves event each, and each "
                     "agency_workers_leave's count), got {}",
                     leavers, scenario.team.retained_leavers));
  }
  // From a snapshot the run starts on its date, checked with the timeline there.
  if (team == TeamSource::snapshot) return;
  if (*scenario.team.retained_until < scenario.run.start_date) {
    fail(*team_section.find("retained_until"), team_section.path_of("retained_until"),
         fmt::format("must not be before the run starts ({}), got {}", kernel::format_iso_date(scenario.run.start_date),
                     kernel::format_iso_date(*scenario.team.retained_until)));
  }
}

}  // namespace

Scenario read_scenario(const YamlNode& root, TeamSource team) {
  const Section s(root, "", "");
  Scenario scenario;
  scenario.name = read_name(s.required("name"));
  if (const YamlNode* description = s.find("description")) {
    scenario.description = input::read_text(*description, "description");
  }
  const YamlNode& run_node = s.required("run");
  scenario.run = read_run(run_node);
  CalendarInput calendar = read_calendar(s.find("calendar"));
  resolve_holidays(calendar, scenario.run, *run_node.find("start_date"));
  scenario.calendar = std::move(calendar.settings);
  scenario.referrals = read_referrals(s.required("referrals"));
  scenario.triage = read_triage(s.find("triage"));
  scenario.pathways = read_pathways(s.required("pathways"));
  scenario.team = read_team(s.required("team"));
  scenario.workforce = read_workforce(s.find("workforce"));
  scenario.supervision = read_supervision(s.find("supervision"));
  scenario.policy = read_policy(s.find("policy"));
  scenario.metrics = read_metrics(s.find("metrics"));
  scenario.timeline = read_timeline(s.find("timeline"), scenario, team);
  check_retention(Section(s.required("team"), "team", "team"), scenario, team);
  scenario.mechanisms_off = read_mechanisms_off(s.find("mechanisms_off"), scenario);
  return scenario;
}

}  // namespace casesim::scenario::detail
