// Loading scenarios: the shipped baseline and high-pressure teams, defaults,
// profiles and shares, overrides and holidays. Required fields (see
// load_scenario.cpp): name, every field of run, referrals.rate_per_working_day,
// the section pathways, team.social_workers and each worker's name and fte;
// everything else is optional and takes the default in scenario.hpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/input/yaml_tree.hpp"
#include "engine/scenario/bank_holidays.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim::scenario {
namespace {

using kernel::Date;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using Kind = DurationDistribution::Kind;

Date ymd(int y, unsigned m, unsigned d) {
  return Date{year{y}, month{m}, day{d}};
}

// Only what is required. Line 1 name; 2 run; 8 referrals; 10 pathways; 11 team;
// 12 social_workers; 13-15 workers; 16 and on: appended lines.
const std::string kMinimal = R"(name: minimal
run:
  start_date: 2025-04-07
  horizon_weeks: 10
  warm_up_weeks: 2
  replications: 5
  seed: 1
referrals:
  rate_per_working_day: 0.5
pathways: {}
team:
  social_workers:
    - {name: A, fte: 1.0}
    - {name: B, fte: 0.5}
    - {name: C, fte: 0.8}
)";

Scenario parse(const std::string& text, const std::vector<Override>& overrides = {}) {
  return parse_scenario(ScenarioSource{"inline.yaml", text}, overrides);
}

// The what() of the ScenarioError that parsing throws, or "" if none.
std::string error_of(const std::string& text, const std::vector<Override>& overrides = {}) {
  try {
    parse(text, overrides);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "";
}

Override override_of(std::string path, std::string value, int line = 7) {
  return Override{std::move(path), std::move(value), "experiment.yaml", line};
}

int holidays_between(const std::vector<Date>& holidays, Date first, Date end_exclusive) {
  return static_cast<int>(
      std::count_if(holidays.begin(), holidays.end(), [&](Date d) { return d >= first && d < end_exclusive; }));
}

void expect_distribution(const DurationDistribution& d, Kind kind, double mean, double sd) {
  EXPECT_EQ(d.kind, kind);
  EXPECT_DOUBLE_EQ(d.mean, mean);
  EXPECT_DOUBLE_EQ(d.sd, sd);
}

double total_fte(const Scenario& s) {
  double fte = 0.0;
  for (const auto& worker : s.team.social_workers) fte += worker.fte;
  return fte;
}

constexpr std::size_t kImmediateRisk = 0, kHigh = 1, kMedium = 2, kLow = 3;
constexpr std::size_t kNoFurtherAction = 0, kAssessment = 1, kSection47 = 2;

TEST(BaselineScenario, RunCalendarAndReferralsAreTheDocumentedFigures) {
  const Scenario s = load_scenario("scenarios/baseline.yaml");
  EXPECT_EQ(s.name, "baseline");
  EXPECT_FALSE(s.description.empty());
  EXPECT_EQ(s.run.start_date, ymd(2025, 4, 7));
  EXPECT_EQ(std::chrono::weekday(std::chrono::sys_days(s.run.start_date)), std::chrono::Monday);
  EXPECT_EQ(s.run.horizon_weeks, 156);
  EXPECT_EQ(s.run.warm_up_weeks, 104);
  EXPECT_EQ(s.run.replications, 200);
  EXPECT_EQ(s.run.seed, 20251123u);
  EXPECT_EQ(s.calendar.bank_holidays, "england-and-wales");
  EXPECT_TRUE(s.calendar.extra_holidays.empty());
  EXPECT_EQ(s.referrals.arrival_process, ReferralSettings::ArrivalProcess::poisson);
  EXPECT_DOUBLE_EQ(s.referrals.rate_per_working_day, 0.82);
  // Both profiles as written already average 1 (5.0 / 5 and 12.0 / 12), so
  // rescaling leaves them as written, up to rounding.
  const std::array<double, 5> weekdays{1.1, 1.05, 1.0, 1.0, 0.85};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(s.referrals.weekday_profile[i], weekdays[i], 1e-12) << i;
  const std::array<double, 12> months{1.0, 1.0, 1.05, 0.95, 1.05, 1.05, 1.0, 0.75, 1.05, 1.1, 1.1, 0.9};
  for (std::size_t i = 0; i < 12; ++i) EXPECT_NEAR(s.referrals.month_profile[i], months[i], 1e-12) << i;
  EXPECT_DOUBLE_EQ(s.referrals.need_mix[kImmediateRisk], 0.04);
  EXPECT_DOUBLE_EQ(s.referrals.need_mix[kHigh], 0.12);
  EXPECT_DOUBLE_EQ(s.referrals.need_mix[kMedium], 0.46);
  EXPECT_DOUBLE_EQ(s.referrals.need_mix[kLow], 0.38);
  EXPECT_DOUBLE_EQ(s.referrals.re_referral_share, 0.22);
}

TEST(BaselineScenario, TriageIsTheDocumentedFigures) {
  const TriageSettings t = load_scenario("scenarios/baseline.yaml").triage;
  EXPECT_EQ(t.duty_decisions_per_working_day, 4);
  EXPECT_DOUBLE_EQ(t.decision_hours, 0.75);
  EXPECT_EQ(t.decision_standard_working_days, 1);
  using Row = std::array<double, kResponses>;
  // Rows in Response order (no further action, assessment, section 47); a
  // response left out of a row is 0.
  EXPECT_EQ(t.response_by_need[kImmediateRisk], (Row{0, 0, 1}));
  EXPECT_EQ(t.response_by_need[kHigh], (Row{0, 0.6, 0.4}));
  EXPECT_EQ(t.response_by_need[kMedium], (Row{0.1, 0.9, 0}));
  EXPECT_EQ(t.response_by_need[kLow], (Row{0.4, 0.6, 0}));
  EXPECT_DOUBLE_EQ(t.error.base, 0.02);
  EXPECT_DOUBLE_EQ(t.error.per_overload, 0.1);
  EXPECT_DOUBLE_EQ(t.error.per_week_since_supervision, 0.005);
  EXPECT_DOUBLE_EQ(t.error.max, 0.3);
  EXPECT_DOUBLE_EQ(t.caught_at_first_visit_share, 0.5);
}

TEST(BaselineScenario, PathwaysAreTheDocumentedFigures) {
  const PathwaySettings p = load_scenario("scenarios/baseline.yaml").pathways;
  EXPECT_EQ(p.planning_window_working_days, 3);
  expect_distribution(p.assessment.duration_working_days, Kind::lognormal, 3, 2);
  // Work runs to deadlines: plans and bookings as bands of working days.
  ASSERT_TRUE(p.assessment.planned_working_days);
  EXPECT_EQ(p.assessment.planned_working_days->kind, Kind::bands);
  EXPECT_EQ(p.assessment.planned_working_days->bands.front().to, 0);  // the same day
  EXPECT_EQ(p.assessment.planned_working_days->bands.back().to, 90);
  ASSERT_TRUE(p.section_47.booked_working_days);
  EXPECT_EQ(p.section_47.booked_working_days->bands.size(), 7u);
  EXPECT_EQ(p.section_47.booked_working_days->bands[3], (DurationBand{14, 14, 0.3}));
  EXPECT_DOUBLE_EQ(p.assessment.hours, 8);
  EXPECT_EQ(p.assessment.standard_working_days, 45);
  EXPECT_DOUBLE_EQ(p.assessment.outcomes.no_further_action, 0.45);
  EXPECT_DOUBLE_EQ(p.assessment.outcomes.cin_plan, 0.45);
  EXPECT_DOUBLE_EQ(p.assessment.outcomes.cp_plan, 0.05);
  EXPECT_DOUBLE_EQ(p.assessment.outcomes.looked_after, 0.05);
  EXPECT_DOUBLE_EQ(p.assessment.visit_hours, 2);
  EXPECT_EQ(p.assessment.visit_within_working_days, 5);  // not in the file: the default
  EXPECT_DOUBLE_EQ(p.assessment.weight, 1);
  EXPECT_DOUBLE_EQ(p.section_47.strategy_discussion_hours, 1.5);
  EXPECT_EQ(p.section_47.icpc_standard_working_days, 15);
  EXPECT_DOUBLE_EQ(p.section_47.icpc_hours, 4);
  EXPECT_DOUBLE_EQ(p.section_47.cp_plan_share, 0.7);
  EXPECT_DOUBLE_EQ(p.section_47.cin_plan_share_otherwise, 0.5);
  EXPECT_EQ(p.cp_plan.visits.interval_working_days, 10);
  EXPECT_DOUBLE_EQ(p.cp_plan.visits.hours, 2.5);
  EXPECT_EQ(p.cp_plan.first_core_group_working_days, 10);
  EXPECT_EQ(p.cp_plan.core_group_interval_working_days, 20);
  EXPECT_DOUBLE_EQ(p.cp_plan.core_group_hours, 1.5);
  EXPECT_EQ(p.cp_plan.first_review_months, 3);
  EXPECT_EQ(p.cp_plan.review_interval_months, 6);
  EXPECT_DOUBLE_EQ(p.cp_plan.review_hours, 3);
  expect_distribution(p.cp_plan.duration_working_days, Kind::lognormal, 220, 130);
  EXPECT_DOUBLE_EQ(p.cp_plan.step_down_to_cin_share, 0.6);
  EXPECT_DOUBLE_EQ(p.cp_plan.weight, 1.5);
  EXPECT_EQ(p.cin_plan.visits.interval_working_days, 20);
  EXPECT_DOUBLE_EQ(p.cin_plan.visits.hours, 2);
  EXPECT_EQ(p.cin_plan.review_interval_working_days, 60);
  EXPECT_DOUBLE_EQ(p.cin_plan.review_hours, 2);
  expect_distribution(p.cin_plan.duration_working_days, Kind::lognormal, 260, 150);
  EXPECT_DOUBLE_EQ(p.cin_plan.weight, 1);
  EXPECT_EQ(p.looked_after.first_visit_working_days, 5);
  EXPECT_EQ(p.looked_after.visit_interval_first_year_working_days, 30);
  EXPECT_EQ(p.looked_after.visit_interval_later_working_days, 60);
  EXPECT_DOUBLE_EQ(p.looked_after.visit_hours, 3);
  expect_distribution(p.looked_after.duration_working_days, Kind::lognormal, 300, 150);
  EXPECT_DOUBLE_EQ(p.looked_after.weight, 1.5);
}

TEST(BaselineScenario, TeamWorkforceSupervisionAndPolicyAreTheDocumentedFigures) {
  const Scenario s = load_scenario("scenarios/baseline.yaml");
  EXPECT_DOUBLE_EQ(s.team.full_time_hours_per_week, 37);
  EXPECT_DOUBLE_EQ(s.team.non_case_share, 0.2);
  ASSERT_EQ(s.team.social_workers.size(), 8u);
  for (std::size_t i = 0; i < 8; ++i) {
    const SocialWorker& w = s.team.social_workers[i];
    EXPECT_EQ(w.name, "SW0" + std::to_string(i + 1));
    EXPECT_DOUBLE_EQ(w.fte, i < 6 ? 1.0 : 0.6) << w.name;
    EXPECT_EQ(w.newly_qualified, i == 4) << w.name;
    EXPECT_EQ(w.agency, i == 5) << w.name;
  }
  EXPECT_NEAR(total_fte(s), 7.2, 1e-12);
  EXPECT_EQ(s.team.manager.name, "TM1");
  EXPECT_DOUBLE_EQ(s.team.manager.supervision_hours_per_week, 8);

  const WorkforceSettings& w = s.workforce;
  EXPECT_DOUBLE_EQ(w.annual_leave_days_per_fte, 27);
  EXPECT_DOUBLE_EQ(w.sickness.episodes_per_fte_year, 2);
  expect_distribution(w.sickness.duration_working_days, Kind::lognormal, 5, 8);
  EXPECT_DOUBLE_EQ(w.sickness.overload_multiplier, 1);
  EXPECT_DOUBLE_EQ(w.turnover.annual_rate, 0.12);
  EXPECT_DOUBLE_EQ(w.turnover.sickness_multiplier, 3);
  EXPECT_DOUBLE_EQ(w.turnover.overload_multiplier, 0.5);
  EXPECT_EQ(w.turnover.notice_weeks, 4);
  expect_distribution(w.turnover.recruitment_lag_weeks, Kind::lognormal, 80, 30);
  EXPECT_DOUBLE_EQ(w.turnover.newly_qualified_recruit_share, 0.3);
  EXPECT_DOUBLE_EQ(w.turnover.agency_fill_share, 0.8);
  EXPECT_EQ(w.turnover.agency_start_delay_weeks, 2);
  expect_distribution(w.turnover.agency_tenure_weeks, Kind::lognormal, 30, 15);
  EXPECT_DOUBLE_EQ(w.turnover.handover_hours_per_case, 1.5);
  EXPECT_DOUBLE_EQ(w.manager.annual_turnover, 0.2);
  EXPECT_EQ(w.manager.replacement_lag_weeks, 4);
  expect_distribution(w.manager.interim_tenure_weeks, Kind::lognormal, 20, 10);
  EXPECT_DOUBLE_EQ(w.manager.interim_share, 0.5);
  EXPECT_DOUBLE_EQ(w.newly_qualified_cap_share, 0.8);
  EXPECT_DOUBLE_EQ(w.manageable_cases_per_fte, 18);

  EXPECT_TRUE(s.supervision.modelled);
  EXPECT_EQ(s.supervision.interval_weeks, 4);
  EXPECT_DOUBLE_EQ(s.supervision.hours, 1.5);
  EXPECT_DOUBLE_EQ(s.supervision.drift_per_week_since_supervision, 0.01);
  EXPECT_DOUBLE_EQ(s.supervision.drift_max, 0.2);

  EXPECT_EQ(s.policy.caseload_cap.basis, CaseloadCap::Basis::per_fte);
  EXPECT_DOUBLE_EQ(s.policy.caseload_cap.cases, 22.0);
  EXPECT_EQ(s.policy.caseload_cap.kind, CaseloadCap::Kind::hard);
  EXPECT_FALSE(s.policy.caseload_cap.weighted);
  EXPECT_EQ(s.policy.prioritisation, Prioritisation::earliest_deadline);
  EXPECT_EQ(s.policy.absence_cover, AbsenceCover::duty);
  EXPECT_EQ(s.policy.unallocated_cover, UnallocatedCover::duty);
  const EscalationSettings& e = s.policy.escalation;
  EXPECT_TRUE(e.enabled);
  EXPECT_EQ(e.unallocated_threshold, 5);
  EXPECT_EQ(e.overdue_threshold, 10);
  EXPECT_TRUE(e.request_agency);
  EXPECT_EQ(e.agency_lag_weeks, 4);
  EXPECT_EQ(e.agency_weeks, 12);
  EXPECT_DOUBLE_EQ(e.overtime_hours_per_worker_per_week, 3);
  EXPECT_EQ(e.over_cap_cases, 2);
  EXPECT_EQ(e.review_interval_weeks, 1);
  EXPECT_EQ(s.metrics.unallocated_wait_threshold_working_days, 5);
}

TEST(BaselineScenario, DemandAndAgencyShareFollowTheCitedDerivation) {
  const Scenario s = load_scenario("scenarios/baseline.yaml");
  // DfE: 635,000 referrals / 24,000 FTE = 26.5 a year / 253 working days =
  // 0.105 per FTE per working day; calibrated to 0.82 / 7.2 = 0.114, within 10%.
  EXPECT_NEAR(s.referrals.rate_per_working_day / total_fte(s), 0.105, 0.0105);
  // One agency FTE of 7.2 = 13.9%, just under DfE's 16-18% (domain.md).
  double agency_fte = 0.0;
  for (const auto& worker : s.team.social_workers) agency_fte += worker.agency ? worker.fte : 0.0;
  EXPECT_NEAR(agency_fte / total_fte(s), 1.0 / 7.2, 1e-12);
}

TEST(BaselineScenario, HolidaysInTheRunAreTheEnglishBankHolidays) {
  const Scenario s = load_scenario("scenarios/baseline.yaml");
  // 2025-04-07 .. 2027-04-05 (104 weeks). By hand from GOV.UK: 2025 after 7 April:
  // 18 and 21 Apr, 5 and 26 May, 25 Aug, 25 and 26 Dec (7); 2026: 1 Jan, 3 and
  // 6 Apr, 4 and 25 May, 31 Aug, 25 and 28 Dec (8); 2027 to 4 April: 1 Jan,
  // 26 and 29 Mar (3).
  EXPECT_EQ(holidays_between(s.calendar.holidays, ymd(2025, 4, 7), ymd(2027, 4, 5)), 18);
  for (const Date d : {ymd(2025, 4, 18), ymd(2025, 12, 26), ymd(2026, 12, 28), ymd(2027, 3, 29)}) {
    EXPECT_TRUE(std::binary_search(s.calendar.holidays.begin(), s.calendar.holidays.end(), d))
        << kernel::format_iso_date(d);
  }
  EXPECT_EQ(s.calendar.holidays, shipped_holiday_list("england-and-wales")->dates);
}

TEST(HighPressureScenario, IsTheSeedCaseTeam) {
  const Scenario s = load_scenario("scenarios/high-pressure.yaml");
  EXPECT_EQ(s.name, "high-pressure");
  ASSERT_EQ(s.team.social_workers.size(), 6u);
  int agency = 0, part_time = 0;
  for (const auto& worker : s.team.social_workers) {
    agency += worker.agency;
    part_time += worker.fte < 1.0;
    if (worker.agency) {
      EXPECT_EQ(worker.fte, 1.0) << worker.name;
    }
    EXPECT_FALSE(worker.newly_qualified) << worker.name;
  }
  EXPECT_EQ(agency, 2);
  EXPECT_EQ(part_time, 2);
  EXPECT_NEAR(total_fte(s), 5.2, 1e-12);
  // Demand per FTE 1.3 times the baseline's: 0.82 / 7.2 x 1.3 = 0.1481, and
  // the file's 0.77 / 5.2 = 0.1481 (rounded to two places).
  const Scenario baseline = load_scenario("scenarios/baseline.yaml");
  const double ratio = (s.referrals.rate_per_working_day / total_fte(s)) /
                       (baseline.referrals.rate_per_working_day / total_fte(baseline));
  EXPECT_NEAR(ratio, 1.3, 0.01);
  EXPECT_DOUBLE_EQ(s.referrals.rate_per_working_day, 0.77);
  EXPECT_EQ(s.policy.caseload_cap.basis, CaseloadCap::Basis::per_worker);
  EXPECT_DOUBLE_EQ(s.policy.caseload_cap.cases, 28);
  EXPECT_EQ(s.policy.caseload_cap.kind, CaseloadCap::Kind::soft);
  EXPECT_EQ(s.policy.absence_cover, AbsenceCover::none);
  expect_distribution(s.workforce.turnover.agency_tenure_weeks, Kind::lognormal, 16, 8);
  EXPECT_DOUBLE_EQ(s.workforce.turnover.annual_rate, 0.25);
  EXPECT_DOUBLE_EQ(s.workforce.manager.interim_share, 1.0);
  EXPECT_DOUBLE_EQ(s.workforce.manager.annual_turnover, 0.6);
  expect_distribution(s.workforce.manager.interim_tenure_weeks, Kind::lognormal, 12, 6);
  EXPECT_EQ(s.supervision.interval_weeks, 8);
  EXPECT_DOUBLE_EQ(s.team.manager.supervision_hours_per_week, 4);
  // Escalation can only allocate over the cap.
  EXPECT_TRUE(s.policy.escalation.enabled);
  EXPECT_FALSE(s.policy.escalation.request_agency);
  EXPECT_DOUBLE_EQ(s.policy.escalation.overtime_hours_per_worker_per_week, 0);
  EXPECT_EQ(s.policy.escalation.over_cap_cases, 4);
}

TEST(HighPressureScenario, SharesTheBaselinesCaseMixAndPathways) {
  const Scenario s = load_scenario("scenarios/high-pressure.yaml");
  const Scenario b = load_scenario("scenarios/baseline.yaml");
  EXPECT_EQ(s.run.start_date, b.run.start_date);
  EXPECT_EQ(s.run.horizon_weeks, b.run.horizon_weeks);
  EXPECT_EQ(s.referrals.need_mix, b.referrals.need_mix);
  EXPECT_EQ(s.referrals.month_profile, b.referrals.month_profile);
  EXPECT_EQ(s.triage.response_by_need, b.triage.response_by_need);
  EXPECT_EQ(s.pathways.cp_plan.visits.interval_working_days, b.pathways.cp_plan.visits.interval_working_days);
  EXPECT_DOUBLE_EQ(s.pathways.assessment.outcomes.cp_plan, b.pathways.assessment.outcomes.cp_plan);
  EXPECT_DOUBLE_EQ(s.pathways.looked_after.duration_working_days.mean,
                   b.pathways.looked_after.duration_working_days.mean);
}

TEST(ScenarioSourceFile, IsRecordedVerbatim) {
  const ScenarioSource source = read_scenario_source("scenarios/baseline.yaml");
  std::ifstream in("scenarios/baseline.yaml", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(source.path, "scenarios/baseline.yaml");
  EXPECT_EQ(source.text, bytes.str());
  EXPECT_EQ(parse_scenario(source).name, "baseline");
}

TEST(OptionalSections, TakeTheStructDefaultsWhenOmitted) {
  // Each value below is the default written in scenario.hpp.
  const Scenario s = parse(kMinimal);
  EXPECT_EQ(s.description, "");
  EXPECT_EQ(s.calendar.bank_holidays, "england-and-wales");
  EXPECT_TRUE(s.calendar.extra_holidays.empty());
  EXPECT_EQ(s.calendar.holidays, shipped_holiday_list("england-and-wales")->dates);

  EXPECT_EQ(s.referrals.arrival_process, ReferralSettings::ArrivalProcess::poisson);
  EXPECT_EQ(s.referrals.weekday_profile, (std::array<double, 5>{1, 1, 1, 1, 1}));
  EXPECT_EQ(s.referrals.month_profile, (std::array<double, 12>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(s.referrals.need_mix, (std::array<double, 4>{0, 0, 1, 0}));
  EXPECT_EQ(s.referrals.re_referral_share, 0.0);

  EXPECT_EQ(s.triage.duty_decisions_per_working_day, 0);
  EXPECT_EQ(s.triage.decision_hours, 0.0);
  EXPECT_EQ(s.triage.decision_standard_working_days, 1);
  for (const auto& row : s.triage.response_by_need) EXPECT_EQ(row, (std::array<double, 3>{0, 1, 0}));
  EXPECT_EQ(s.triage.error.base, 0.0);
  EXPECT_EQ(s.triage.error.per_overload, 0.0);
  EXPECT_EQ(s.triage.error.per_week_since_supervision, 0.0);
  EXPECT_EQ(s.triage.error.max, 0.0);
  EXPECT_EQ(s.triage.caught_at_first_visit_share, 0.0);

  const PathwaySettings& p = s.pathways;
  EXPECT_EQ(p.planning_window_working_days, 0);
  expect_distribution(p.assessment.duration_working_days, Kind::fixed, 1, 0);
  EXPECT_EQ(p.assessment.hours, 0.0);
  EXPECT_EQ(p.assessment.standard_working_days, 45);
  EXPECT_EQ(p.assessment.outcomes.no_further_action, 1.0);
  EXPECT_EQ(p.assessment.outcomes.cin_plan + p.assessment.outcomes.cp_plan + p.assessment.outcomes.looked_after, 0.0);
  EXPECT_EQ(p.assessment.visit_hours, 0.0);
  EXPECT_EQ(p.assessment.visit_within_working_days, 5);
  EXPECT_EQ(p.assessment.weight, 1.0);
  EXPECT_EQ(p.section_47.strategy_discussion_hours, 0.0);
  EXPECT_EQ(p.section_47.icpc_standard_working_days, 15);
  EXPECT_EQ(p.section_47.icpc_hours, 0.0);
  EXPECT_EQ(p.section_47.cp_plan_share, 1.0);
  EXPECT_EQ(p.section_47.cin_plan_share_otherwise, 0.0);
  EXPECT_EQ(p.section_47.visit_within_working_days, 1);
  EXPECT_EQ(p.cp_plan.visits.interval_working_days, 10);
  EXPECT_EQ(p.cp_plan.visits.hours, 0.0);
  EXPECT_EQ(p.cp_plan.first_core_group_working_days, 10);
  EXPECT_EQ(p.cp_plan.core_group_interval_working_days, 0);
  EXPECT_EQ(p.cp_plan.core_group_hours, 0.0);
  EXPECT_EQ(p.cp_plan.first_review_months, 3);
  EXPECT_EQ(p.cp_plan.review_interval_months, 6);
  EXPECT_EQ(p.cp_plan.review_hours, 0.0);
  expect_distribution(p.cp_plan.duration_working_days, Kind::fixed, 1, 0);
  EXPECT_EQ(p.cp_plan.step_down_to_cin_share, 0.0);
  EXPECT_EQ(p.cp_plan.weight, 1.0);
  EXPECT_EQ(p.cin_plan.visits.interval_working_days, 20);
  EXPECT_EQ(p.cin_plan.visits.hours, 0.0);
  EXPECT_EQ(p.cin_plan.review_interval_working_days, 0);
  EXPECT_EQ(p.cin_plan.review_hours, 0.0);
  expect_distribution(p.cin_plan.duration_working_days, Kind::fixed, 1, 0);
  EXPECT_EQ(p.cin_plan.weight, 1.0);
  EXPECT_EQ(p.looked_after.first_visit_working_days, 5);
  EXPECT_EQ(p.looked_after.visit_interval_first_year_working_days, 30);
  EXPECT_EQ(p.looked_after.visit_interval_later_working_days, 60);
  EXPECT_EQ(p.looked_after.visit_hours, 0.0);
  expect_distribution(p.looked_after.duration_working_days, Kind::fixed, 1, 0);
  EXPECT_EQ(p.looked_after.weight, 1.0);

  EXPECT_EQ(s.team.full_time_hours_per_week, 37.0);
  EXPECT_EQ(s.team.non_case_share, 0.0);
  EXPECT_FALSE(s.team.social_workers[1].agency);
  EXPECT_FALSE(s.team.social_workers[1].newly_qualified);
  EXPECT_EQ(s.team.manager.name, "manager");
  EXPECT_EQ(s.team.manager.supervision_hours_per_week, 0.0);

  const WorkforceSettings& w = s.workforce;
  EXPECT_EQ(w.annual_leave_days_per_fte, 0.0);
  EXPECT_EQ(w.sickness.episodes_per_fte_year, 0.0);
  expect_distribution(w.sickness.duration_working_days, Kind::fixed, 1, 0);
  EXPECT_EQ(w.sickness.overload_multiplier, 0.0);
  EXPECT_EQ(w.turnover.annual_rate, 0.0);
  EXPECT_EQ(w.turnover.overload_multiplier, 0.0);
  EXPECT_EQ(w.turnover.notice_weeks, 4);
  expect_distribution(w.turnover.recruitment_lag_weeks, Kind::fixed, 12, 0);
  EXPECT_EQ(w.turnover.newly_qualified_recruit_share, 0.0);
  EXPECT_EQ(w.turnover.agency_fill_share, 0.0);
  EXPECT_EQ(w.turnover.agency_start_delay_weeks, 2);
  expect_distribution(w.turnover.agency_tenure_weeks, Kind::fixed, 26, 0);
  EXPECT_EQ(w.turnover.handover_hours_per_case, 0.0);
  EXPECT_EQ(w.manager.annual_turnover, 0.0);
  EXPECT_EQ(w.manager.replacement_lag_weeks, 4);
  expect_distribution(w.manager.interim_tenure_weeks, Kind::fixed, 26, 0);
  EXPECT_EQ(w.manager.interim_share, 0.0);
  EXPECT_EQ(w.newly_qualified_cap_share, 1.0);

  EXPECT_EQ(s.supervision.interval_weeks, 0);
  EXPECT_EQ(s.supervision.hours, 1.5);
  EXPECT_EQ(s.supervision.drift_per_week_since_supervision, 0.0);
  EXPECT_EQ(s.supervision.drift_max, 0.0);

  EXPECT_EQ(s.policy.caseload_cap.basis, CaseloadCap::Basis::per_fte);
  EXPECT_EQ(s.policy.caseload_cap.cases, 18.0);
  EXPECT_EQ(s.policy.caseload_cap.kind, CaseloadCap::Kind::hard);
  EXPECT_FALSE(s.policy.caseload_cap.weighted);
  EXPECT_EQ(s.policy.prioritisation, Prioritisation::earliest_deadline);
  EXPECT_EQ(s.policy.absence_cover, AbsenceCover::none);
  const EscalationSettings& e = s.policy.escalation;
  EXPECT_FALSE(e.enabled);
  EXPECT_EQ(e.unallocated_threshold, 0);
  EXPECT_EQ(e.overdue_threshold, 0);
  EXPECT_FALSE(e.request_agency);
  EXPECT_EQ(e.agency_lag_weeks, 4);
  EXPECT_EQ(e.agency_weeks, 12);
  EXPECT_EQ(e.overtime_hours_per_worker_per_week, 0.0);
  EXPECT_EQ(e.over_cap_cases, 0);
  EXPECT_EQ(e.review_interval_weeks, 1);
  EXPECT_EQ(s.metrics.unallocated_wait_threshold_working_days, 5);
}

TEST(OptionalSections, FieldsLeftOutOfAGivenSectionTakeTheirDefaults) {
  const Scenario s = parse(kMinimal +
                           "triage: {decision_standard_working_days: 2}\n"
                           "workforce: {turnover: {annual_rate: 0.2}}\n"
                           "policy: {caseload_cap: {basis: per_worker}, escalation: {enabled: true}}\n"
                           "supervision: {}\n"
                           "metrics: {}\n");
  EXPECT_EQ(s.triage.duty_decisions_per_working_day, 0);
  EXPECT_EQ(s.triage.decision_standard_working_days, 2);
  EXPECT_DOUBLE_EQ(s.workforce.turnover.annual_rate, 0.2);
  EXPECT_EQ(s.workforce.turnover.notice_weeks, 4);
  EXPECT_EQ(s.workforce.annual_leave_days_per_fte, 0.0);
  EXPECT_EQ(s.policy.caseload_cap.basis, CaseloadCap::Basis::per_worker);
  EXPECT_DOUBLE_EQ(s.policy.caseload_cap.cases, 18.0);
  EXPECT_TRUE(s.policy.escalation.enabled);
  EXPECT_EQ(s.policy.escalation.review_interval_weeks, 1);
  EXPECT_EQ(s.supervision.interval_weeks, 0);
  EXPECT_EQ(s.metrics.unallocated_wait_threshold_working_days, 5);
}

TEST(OptionalSections, AnEmptySectionIsAnErrorNotADefault) {
  EXPECT_EQ(error_of(kMinimal + "triage:\n"), "inline.yaml:16: triage: must be a mapping, got an empty value");
}

TEST(RequiredFields, MissingFieldInAFlowMappingNamesTheHoldingLine) {
  std::string text = kMinimal;
  text.replace(text.find("pathways: {}"), 12,
               "pathways: {assessment: {duration_working_days: {distribution: gamma, sd: 30}}}");
  EXPECT_EQ(error_of(text), "inline.yaml:10: pathways.assessment.duration_working_days.mean: required field missing");
}

TEST(RequiredFields, OnlyTheRateIsRequiredInReferralsAndOnlyTheWorkersInTeam) {
  std::string text = kMinimal;
  text.replace(text.find("  rate_per_working_day: 0.5"), 27, "  re_referral_share: 0.2");
  EXPECT_EQ(error_of(text), "inline.yaml:8: referrals.rate_per_working_day: required field missing");
  EXPECT_EQ(error_of(kMinimal.substr(0, kMinimal.find("team:")) + "team: {full_time_hours_per_week: 37}\n"),
            "inline.yaml:11: team.social_workers: required field missing");
}

TEST(Distributions, EachKindIsRead) {
  const std::pair<const char*, Kind> kinds[] = {
      {"{distribution: fixed, mean: 10}", Kind::fixed},
      {"{distribution: exponential, mean: 10}", Kind::exponential},
      {"{distribution: gamma, mean: 10, sd: 4}", Kind::gamma},
      {"{distribution: lognormal, mean: 10, sd: 4}", Kind::lognormal},
  };
  for (const auto& [yaml, kind] : kinds) {
    const Scenario s = parse(kMinimal, {override_of("pathways.cin_plan.duration_working_days", yaml)});
    const bool has_sd = kind == Kind::gamma || kind == Kind::lognormal;
    expect_distribution(s.pathways.cin_plan.duration_working_days, kind, 10, has_sd ? 4 : 0);
  }
}

TEST(Distributions, EveryDurationFieldIsRead) {
  const std::string lognormal = "{distribution: lognormal, mean: 9, sd: 3}";
  const char* paths[] = {"pathways.assessment.duration_working_days", "pathways.cp_plan.duration_working_days",
                         "pathways.cin_plan.duration_working_days",   "pathways.looked_after.duration_working_days",
                         "workforce.sickness.duration_working_days",  "workforce.turnover.recruitment_lag_weeks",
                         "workforce.turnover.agency_tenure_weeks",    "workforce.manager.interim_tenure_weeks"};
  std::vector<Override> overrides;
  for (const char* path : paths) overrides.push_back(override_of(path, lognormal));
  const Scenario s = parse(kMinimal, overrides);
  for (const DurationDistribution* d :
       {&s.pathways.assessment.duration_working_days, &s.pathways.cp_plan.duration_working_days,
        &s.pathways.cin_plan.duration_working_days, &s.pathways.looked_after.duration_working_days,
        &s.workforce.sickness.duration_working_days, &s.workforce.turnover.recruitment_lag_weeks,
        &s.workforce.turnover.agency_tenure_weeks, &s.workforce.manager.interim_tenure_weeks}) {
    expect_distribution(*d, Kind::lognormal, 9, 3);
  }
}

TEST(Numbers, DistributionParametersMustBePositive) {
  EXPECT_EQ(
      error_of(kMinimal, {override_of("pathways.cp_plan.duration_working_days", "{distribution: fixed, mean: 0}")}),
      "experiment.yaml:7: pathways.cp_plan.duration_working_days.mean: must be in [0.001, 2600], got 0");
  EXPECT_EQ(error_of(kMinimal, {override_of("workforce.sickness.duration_working_days",
                                            "{distribution: gamma, mean: 5, sd: -1}")}),
            "experiment.yaml:7: workforce.sickness.duration_working_days.sd: must be greater than 0, got -1");
}

TEST(Numbers, YamlNumberFormsAreRead) {
  const Scenario s = parse(
      kMinimal, {override_of("referrals.rate_per_working_day", "1e2"),
                 override_of("referrals.re_referral_share", ".25"), override_of("run.replications", "+7"),
                 override_of("run.seed", "18446744073709551615"), override_of("pathways.cp_plan.visits.hours", "24")});
  EXPECT_DOUBLE_EQ(s.referrals.rate_per_working_day, 100.0);
  EXPECT_DOUBLE_EQ(s.referrals.re_referral_share, 0.25);
  EXPECT_EQ(s.run.replications, 7);
  EXPECT_EQ(s.run.seed, 18446744073709551615u);
  EXPECT_DOUBLE_EQ(s.pathways.cp_plan.visits.hours, 24.0);
}

TEST(Numbers, BoundsAreInclusiveWhereTheRangeSaysSo) {
  const Scenario s = parse(
      kMinimal,
      {override_of("referrals.re_referral_share", "0"), override_of("run.warm_up_weeks", "9"),
       override_of("pathways.cin_plan.visits.interval_working_days", "0"),
       override_of("pathways.looked_after.visit_interval_later_working_days", "520"),
       override_of("triage.decision_standard_working_days", "520"),
       override_of("pathways.cp_plan.review_interval_months", "36"), override_of("supervision.interval_weeks", "520"),
       override_of("team.full_time_hours_per_week", "80"), override_of("triage.decision_hours", "24"),
       override_of("pathways.assessment.hours", "200"), override_of("workforce.newly_qualified_cap_share", "1")});
  EXPECT_DOUBLE_EQ(s.referrals.re_referral_share, 0.0);
  EXPECT_EQ(s.run.warm_up_weeks, 9);
  EXPECT_EQ(s.pathways.cin_plan.visits.interval_working_days, 0);
  EXPECT_EQ(s.pathways.looked_after.visit_interval_later_working_days, 520);
  EXPECT_EQ(s.triage.decision_standard_working_days, 520);
  EXPECT_EQ(s.pathways.cp_plan.review_interval_months, 36);
  EXPECT_EQ(s.supervision.interval_weeks, 520);
  EXPECT_DOUBLE_EQ(s.team.full_time_hours_per_week, 80.0);
  EXPECT_DOUBLE_EQ(s.triage.decision_hours, 24.0);
  EXPECT_DOUBLE_EQ(s.pathways.assessment.hours, 200.0);
  EXPECT_DOUBLE_EQ(s.workforce.newly_qualified_cap_share, 1.0);
  EXPECT_EQ(error_of(kMinimal, {override_of("triage.decision_standard_working_days", "521")}),
            "experiment.yaml:7: triage.decision_standard_working_days: must be in 0..520, got 521");
  EXPECT_EQ(error_of(kMinimal, {override_of("pathways.looked_after.visit_hours", "24.5")}),
            "experiment.yaml:7: pathways.looked_after.visit_hours: must be in [0, 24], got 24.5");
  EXPECT_EQ(error_of(kMinimal, {override_of("policy.escalation.overtime_hours_per_worker_per_week", "80.5")}),
            "experiment.yaml:7: policy.escalation.overtime_hours_per_worker_per_week: must be in [0, 80], got 80.5");
  EXPECT_EQ(error_of(kMinimal, {override_of("pathways.cp_plan.weight", "0")}),
            "experiment.yaml:7: pathways.cp_plan.weight: must be in (0, 100], got 0");
}

// The baseline leaves these at (or sets them to) their defaults, so the tests
// above would not notice if one were never read.
TEST(EveryField, FieldsTheBaselineLeavesAtTheirDefaultsAreRead) {
  const Scenario s = parse(kMinimal, {override_of("referrals.arrival_process", "regular"),
                                      override_of("triage.decision_standard_working_days", "2"),
                                      override_of("pathways.assessment.standard_working_days", "40"),
                                      override_of("pathways.assessment.visit_within_working_days", "3"),
                                      override_of("pathways.section_47.icpc_standard_working_days", "14"),
                                      override_of("pathways.section_47.visit_within_working_days", "2"),
                                      override_of("pathways.cp_plan.first_core_group_working_days", "8"),
                                      override_of("pathways.cp_plan.first_review_months", "2"),
                                      override_of("pathways.cp_plan.review_interval_months", "5"),
                                      override_of("pathways.looked_after.first_visit_working_days", "4"),
                                      override_of("pathways.looked_after.visit_interval_first_year_working_days", "25"),
                                      override_of("pathways.looked_after.visit_interval_later_working_days", "55"),
                                      override_of("workforce.turnover.notice_weeks", "6"),
                                      override_of("workforce.turnover.agency_start_delay_weeks", "3"),
                                      override_of("workforce.manager.replacement_lag_weeks", "7"),
                                      override_of("policy.escalation.agency_lag_weeks", "5"),
                                      override_of("policy.escalation.agency_weeks", "9"),
                                      override_of("policy.escalation.review_interval_weeks", "2"),
                                      override_of("supervision.hours", "2.5"),
                                      override_of("metrics.unallocated_wait_threshold_working_days", "8")});
  EXPECT_EQ(s.referrals.arrival_process, ReferralSettings::ArrivalProcess::regular);
  EXPECT_EQ(s.triage.decision_standard_working_days, 2);
  EXPECT_EQ(s.pathways.assessment.standard_working_days, 40);
  EXPECT_EQ(s.pathways.assessment.visit_within_working_days, 3);
  EXPECT_EQ(s.pathways.section_47.icpc_standard_working_days, 14);
  EXPECT_EQ(s.pathways.section_47.visit_within_working_days, 2);
  EXPECT_EQ(s.pathways.cp_plan.first_core_group_working_days, 8);
  EXPECT_EQ(s.pathways.cp_plan.first_review_months, 2);
  EXPECT_EQ(s.pathways.cp_plan.review_interval_months, 5);
  EXPECT_EQ(s.pathways.looked_after.first_visit_working_days, 4);
  EXPECT_EQ(s.pathways.looked_after.visit_interval_first_year_working_days, 25);
  EXPECT_EQ(s.pathways.looked_after.visit_interval_later_working_days, 55);
  EXPECT_EQ(s.workforce.turnover.notice_weeks, 6);
  EXPECT_EQ(s.workforce.turnover.agency_start_delay_weeks, 3);
  EXPECT_EQ(s.workforce.manager.replacement_lag_weeks, 7);
  EXPECT_EQ(s.policy.escalation.agency_lag_weeks, 5);
  EXPECT_EQ(s.policy.escalation.agency_weeks, 9);
  EXPECT_EQ(s.policy.escalation.review_interval_weeks, 2);
  EXPECT_DOUBLE_EQ(s.supervision.hours, 2.5);
  EXPECT_EQ(s.metrics.unallocated_wait_threshold_working_days, 8);
}

// tests/unit/scenario/every_field.yaml sets every field of the schema. A field
// the schema allows but no reader reads would be accepted and silently
// ignored; given a mapping where a value belongs, every field must instead be
// refused, by name.
const std::string kEveryField = "tests/unit/scenario/every_field.yaml";

// Where the file sets `path` (a scenario_field_paths() entry, list items
// written "[]"), as an override path naming the first item that sets it:
// "timeline[4].cases". nullopt when the file does not set it.
std::optional<std::string> where_set(const input::YamlNode& node, std::string_view path, const std::string& prefix) {
  const std::size_t dot = path.find('.');
  std::string_view segment = path.substr(0, dot);
  const std::string_view rest = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  const bool items = segment.ends_with("[]");
  if (items) segment.remove_suffix(2);
  const input::YamlNode* child = node.find(segment);
  if (child == nullptr) return std::nullopt;
  const std::string here = prefix.empty() ? std::string(segment) : prefix + "." + std::string(segment);
  if (!items) return rest.empty() ? std::optional<std::string>(here) : where_set(*child, rest, here);
  for (std::size_t i = 0; i < child->items.size(); ++i) {
    const std::string item = here + "[" + std::to_string(i) + "]";
    if (rest.empty()) return item;
    if (auto found = where_set(child->items[i], rest, item)) return found;
  }
  return std::nullopt;
}

TEST(EveryField, TheFixtureIsAValidScenarioSettingEveryField) {
  const ScenarioSource source = read_scenario_source(kEveryField);
  EXPECT_NO_THROW(parse_scenario(source));
  const input::YamlNode root = input::parse_yaml(source.text, source.path, 0, "", "scenario");
  for (const std::string& path : scenario_field_paths()) {
    // mechanisms_off declares mechanisms that are off, and the fixture turns
    // every one on: a file cannot set both (its own tests: test_mechanisms.cpp).
    if (path == "mechanisms_off[]") continue;
    EXPECT_TRUE(where_set(root, path, "")) << path << " is not set in " << kEveryField;
  }
}

TEST(EveryField, EachIsReadByTheLoader) {
  const ScenarioSource source = read_scenario_source(kEveryField);
  const input::YamlNode root = input::parse_yaml(source.text, source.path, 0, "", "scenario");
  for (const std::string& path : scenario_field_paths()) {
    const std::optional<std::string> field = where_set(root, path, "");
    if (!field) continue;  // reported by the test above
    try {
      parse_scenario(source, {Override{*field, "{unread: 1}", "override.yaml", 99}});
      ADD_FAILURE() << path << ": accepted a mapping as its value, so no reader reads it";
    } catch (const ScenarioError& error) {
      EXPECT_EQ(error.field(), *field) << error.what();
      EXPECT_EQ(error.file(), "override.yaml") << error.what();
      EXPECT_TRUE(error.message().ends_with(", got a mapping")) << error.what();
    }
  }
}

TEST(Profiles, AreRescaledToAverageOne) {
  // 1..5 average 3, so each is divided by 3.
  const Scenario s = parse(kMinimal, {override_of("referrals.weekday_profile",
                                                  "{monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5}")});
  const std::array<double, 5> expected{1.0 / 3, 2.0 / 3, 1.0, 4.0 / 3, 5.0 / 3};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(s.referrals.weekday_profile[i], expected[i], 1e-15) << i;
  // Six months at 1 and six at 3 average 2: halves and one-and-a-halves.
  const Scenario m = parse(kMinimal, {override_of("referrals.month_profile",
                                                  "{january: 1, february: 1, march: 1, april: 1, may: 1, june: 1, "
                                                  "july: 3, august: 3, september: 3, october: 3, november: 3, "
                                                  "december: 3}")});
  for (std::size_t i = 0; i < 12; ++i) EXPECT_DOUBLE_EQ(m.referrals.month_profile[i], i < 6 ? 0.5 : 1.5) << i;
  // A flat profile at any level is no profile at all.
  const Scenario flat = parse(kMinimal, {override_of("referrals.weekday_profile",
                                                     "{monday: 7, tuesday: 7, wednesday: 7, thursday: 7, friday: 7}")});
  EXPECT_EQ(flat.referrals.weekday_profile, (std::array<double, 5>{1, 1, 1, 1, 1}));
  // Multipliers are bounded, so their sum stays finite: 1000 is the most.
  const Scenario peak = parse(
      kMinimal,
      {override_of("referrals.weekday_profile", "{monday: 1000, tuesday: 1, wednesday: 1, thursday: 1, friday: 1}")});
  EXPECT_DOUBLE_EQ(peak.referrals.weekday_profile[0], 1000.0 / (1004.0 / 5));
  EXPECT_EQ(error_of(kMinimal, {override_of("referrals.weekday_profile",
                                            "{monday: 1e308, tuesday: 1e308, wednesday: 1, thursday: 1, friday: 1}")}),
            "experiment.yaml:7: referrals.weekday_profile.monday: must be in (0, 1000], got 1e308");
}

TEST(Shares, NeedMixCountsLevelsLeftOutAsZero) {
  const Scenario s = parse(kMinimal, {override_of("referrals.need_mix", "{medium: 0.6, low: 0.4}")});
  EXPECT_EQ(s.referrals.need_mix, (std::array<double, 4>{0, 0, 0.6, 0.4}));
  EXPECT_EQ(error_of(kMinimal, {override_of("referrals.need_mix", "{high: 0.6}")}),
            "experiment.yaml:7: referrals.need_mix: shares must sum to 1, got 0.6");
  EXPECT_EQ(error_of(kMinimal, {override_of("referrals.need_mix", "{}")}),
            "experiment.yaml:7: referrals.need_mix: shares must sum to 1, got 0");
}

TEST(Shares, SumsWithinOneMillionthOfOneAreAccepted) {
  // 0.1 + 0.2 + 0.3 + 0.4000005 = 1.0000005: rounding in a spreadsheet export.
  const Scenario s = parse(
      kMinimal, {override_of("referrals.need_mix", "{immediate_risk: 0.1, high: 0.2, medium: 0.3, low: 0.4000005}")});
  EXPECT_DOUBLE_EQ(s.referrals.need_mix[kLow], 0.4000005);
  EXPECT_EQ(error_of(kMinimal, {override_of("referrals.need_mix",
                                            "{immediate_risk: 0.1, high: 0.2, medium: 0.3, low: 0.400002}")}),
            "experiment.yaml:7: referrals.need_mix: shares must sum to 1, got 1.000002");
}

TEST(Shares, AResponseRowLeftOutKeepsItsDefault) {
  const Scenario s = parse(kMinimal +
                           "triage:\n  response_by_need:\n    immediate_risk: {section_47: 1}\n"
                           "    low: {no_further_action: 0.25, assessment: 0.75}\n");
  using Row = std::array<double, 3>;
  EXPECT_EQ(s.triage.response_by_need[kImmediateRisk], (Row{0, 0, 1}));
  EXPECT_EQ(s.triage.response_by_need[kHigh], (Row{0, 1, 0}));
  EXPECT_EQ(s.triage.response_by_need[kMedium], (Row{0, 1, 0}));
  EXPECT_EQ(s.triage.response_by_need[kLow], (Row{0.25, 0.75, 0}));
  EXPECT_EQ(error_of(kMinimal + "triage: {response_by_need: {medium: {assessment: 0.5, section_47: 0.6}}}\n"),
            "inline.yaml:16: triage.response_by_need.medium: shares must sum to 1, got 1.1");
}

TEST(Shares, AssessmentOutcomesMustSumToOne) {
  const Scenario s = parse(kMinimal, {override_of("pathways.assessment.outcomes", "{cin_plan: 0.75, cp_plan: 0.25}")});
  EXPECT_EQ(s.pathways.assessment.outcomes.no_further_action, 0.0);
  EXPECT_EQ(s.pathways.assessment.outcomes.cin_plan, 0.75);
  EXPECT_EQ(s.pathways.assessment.outcomes.cp_plan, 0.25);
  EXPECT_EQ(s.pathways.assessment.outcomes.looked_after, 0.0);
  EXPECT_EQ(error_of(kMinimal, {override_of("pathways.assessment.outcomes", "{cin_plan: 0.75, cp_plan: 0.5}")}),
            "experiment.yaml:7: pathways.assessment.outcomes: shares must sum to 1, got 1.25");
}

TEST(CrossChecks, TriageErrorCapMayEqualTheBase) {
  const Scenario s = parse(kMinimal + "triage: {error: {base: 0.1, max: 0.1}}\n");
  EXPECT_DOUBLE_EQ(s.triage.error.base, 0.1);
  EXPECT_DOUBLE_EQ(s.triage.error.max, 0.1);
  // Set by overrides, the cap below the base is blamed on the override's line.
  EXPECT_EQ(error_of(kMinimal, {override_of("triage.error.base", "0.2"), override_of("triage.error.max", "0.05", 9)}),
            "experiment.yaml:9: triage.error.max: must be at least triage.error.base (0.2), got 0.05");
}

TEST(Choices, EveryEnumeratorIsReadByItsName) {
  const Scenario s =
      parse(kMinimal,
            {override_of("referrals.arrival_process", "regular"), override_of("policy.prioritisation", "highest_risk"),
             override_of("policy.absence_cover", "duty"), override_of("policy.caseload_cap.kind", "soft"),
             override_of("policy.caseload_cap.basis", "per_worker")});
  EXPECT_EQ(s.referrals.arrival_process, ReferralSettings::ArrivalProcess::regular);
  EXPECT_EQ(s.policy.prioritisation, Prioritisation::highest_risk);
  EXPECT_EQ(s.policy.absence_cover, AbsenceCover::duty);
  EXPECT_EQ(s.policy.caseload_cap.kind, CaseloadCap::Kind::soft);
  EXPECT_EQ(s.policy.caseload_cap.basis, CaseloadCap::Basis::per_worker);
  EXPECT_EQ(parse(kMinimal, {override_of("policy.prioritisation", "first_in_first_out")}).policy.prioritisation,
            Prioritisation::first_in_first_out);
  EXPECT_EQ(parse(kMinimal, {override_of("policy.absence_cover", "none")}).policy.absence_cover, AbsenceCover::none);
}

TEST(Booleans, OnlyTrueAndFalseAreBooleans) {
  const Scenario s = parse(kMinimal, {override_of("team.social_workers[0].newly_qualified", "true"),
                                      override_of("policy.caseload_cap.weighted", "true"),
                                      override_of("policy.escalation.request_agency", "false")});
  EXPECT_TRUE(s.team.social_workers[0].newly_qualified);
  EXPECT_TRUE(s.policy.caseload_cap.weighted);
  EXPECT_FALSE(s.policy.escalation.request_agency);
  for (const char* word : {"yes", "no", "on", "True", "1"}) {
    const std::string shown = std::string(word) == "1" ? "1" : "\"" + std::string(word) + "\"";
    EXPECT_EQ(error_of(kMinimal, {override_of("policy.escalation.enabled", word)}),
              "experiment.yaml:7: policy.escalation.enabled: must be true or false, got " + shown);
  }
}

TEST(Text, QuotedDatesAndNamesAreAccepted) {
  const Scenario s =
      parse(kMinimal, {override_of("run.start_date", "\"2025-04-08\""), override_of("name", "'team-7_b'")});
  EXPECT_EQ(s.run.start_date, ymd(2025, 4, 8));
  EXPECT_EQ(s.name, "team-7_b");
}

TEST(Text, WindowsLineEndingsAndAByteOrderMarkAreAccepted) {
  std::string text = "\xEF\xBB\xBF";
  for (char c : kMinimal) {
    if (c == '\n') text += '\r';
    text += c;
  }
  const Scenario s = parse(text);
  EXPECT_EQ(s.name, "minimal");
  EXPECT_EQ(s.team.social_workers.size(), 3u);
  EXPECT_EQ(error_of(text + "seed: 1\r\n"),
            "inline.yaml:16: seed: unknown field; allowed: name, description, run, calendar, referrals, triage, "
            "pathways, team, workforce, supervision, policy, metrics, timeline, mechanisms_off");
}

TEST(Text, ControlCharactersWrittenAsEscapesAreRefused) {
  EXPECT_EQ(error_of(kMinimal + "description: \"a\\x00b\"\n"),
            "inline.yaml:16: description: must not contain control characters, got \"a\\x00b\"");
}

TEST(Team, TenThousandWorkersAreAllowedButNotMore) {
  std::string workers;
  for (int i = 0; i < 10000; ++i) workers += "    - {name: W" + std::to_string(i) + ", fte: 1}\n";
  std::string text = kMinimal.substr(0, kMinimal.find("    - {name: A")) + workers;
  EXPECT_EQ(parse(text).team.social_workers.size(), 10000u);
  EXPECT_EQ(error_of(text + "    - {name: extra, fte: 1}\n"),
            "inline.yaml:12: team.social_workers: must list at most 10000 social workers, got 10001");
}

TEST(Team, TheManagerIsReadAndNamedApartFromTheWorkers) {
  const Scenario s = parse(kMinimal, {override_of("team.manager", "{name: Lead, supervision_hours_per_week: 6.5}")});
  EXPECT_EQ(s.team.manager.name, "Lead");
  EXPECT_DOUBLE_EQ(s.team.manager.supervision_hours_per_week, 6.5);
  EXPECT_EQ(error_of(kMinimal, {override_of("team.manager.name", "B")}),
            "experiment.yaml:7: team.manager.name: duplicate name \"B\", a social worker's on line 14");
  EXPECT_EQ(error_of(kMinimal, {override_of("team.manager.name", "''")}),
            "experiment.yaml:7: team.manager.name: must not be empty");
}

TEST(Overrides, ReplaceScenarioValues) {
  const Scenario s = parse(
      kMinimal, {override_of("referrals.re_referral_share", "0.75"), override_of("team.social_workers[2].fte", "0.6"),
                 override_of("team.social_workers[0].name", "Lead")});
  EXPECT_DOUBLE_EQ(s.referrals.re_referral_share, 0.75);
  EXPECT_DOUBLE_EQ(s.team.social_workers[2].fte, 0.6);
  EXPECT_EQ(s.team.social_workers[0].name, "Lead");
  EXPECT_DOUBLE_EQ(s.team.social_workers[1].fte, 0.5);  // untouched
}

TEST(Overrides, ReachTheFullModelsNestedFields) {
  const Scenario s =
      parse(kMinimal, {override_of("pathways.cp_plan.visits.interval_working_days", "15"),
                       override_of("team.social_workers[1].agency", "true"),
                       override_of("triage.response_by_need.low", "{no_further_action: 1}"),
                       override_of("triage.error.max", "0.4"), override_of("referrals.month_profile.august", "0.5"),
                       override_of("referrals.month_profile",
                                   "{january: 2, february: 2, march: 2, april: 2, may: 2, june: 2, "
                                   "july: 2, august: 2, september: 2, october: 2, november: 2, "
                                   "december: 2}"),
                       override_of("workforce.turnover.agency_fill_share", "0.5"),
                       override_of("policy.escalation.over_cap_cases", "3")});
  EXPECT_EQ(s.pathways.cp_plan.visits.interval_working_days, 15);
  EXPECT_EQ(s.pathways.cp_plan.visits.hours, 0.0);  // the rest of the mapping keeps its default
  EXPECT_TRUE(s.team.social_workers[1].agency);
  EXPECT_FALSE(s.team.social_workers[0].agency);
  EXPECT_EQ(s.triage.response_by_need[kLow], (std::array<double, 3>{1, 0, 0}));
  EXPECT_DOUBLE_EQ(s.triage.error.max, 0.4);
  // The later override replaced the whole profile, so August's 0.5 is gone.
  EXPECT_EQ(s.referrals.month_profile, (std::array<double, 12>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
  EXPECT_DOUBLE_EQ(s.workforce.turnover.agency_fill_share, 0.5);
  EXPECT_EQ(s.policy.escalation.over_cap_cases, 3);
}

TEST(Overrides, IntoAFileValueKeepTheRestOfIt) {
  const Scenario s = load_scenario("scenarios/baseline.yaml");
  const ScenarioSource source = read_scenario_source("scenarios/baseline.yaml");
  const Scenario changed = parse_scenario(source, {override_of("pathways.cp_plan.visits.interval_working_days", "20"),
                                                   override_of("workforce.turnover.agency_tenure_weeks.mean", "12"),
                                                   override_of("referrals.weekday_profile.friday", "1.1")});
  EXPECT_EQ(changed.pathways.cp_plan.visits.interval_working_days, 20);
  EXPECT_DOUBLE_EQ(changed.pathways.cp_plan.visits.hours, 2.5);
  expect_distribution(changed.workforce.turnover.agency_tenure_weeks, Kind::lognormal, 12, 15);
  // Friday 1.1 makes the weekdays sum to 5.25, so each is divided by 1.05.
  EXPECT_NEAR(changed.referrals.weekday_profile[0], 1.1 / 1.05, 1e-12);
  EXPECT_NEAR(changed.referrals.weekday_profile[4], 1.1 / 1.05, 1e-12);
  EXPECT_NEAR(changed.referrals.weekday_profile[2], 1.0 / 1.05, 1e-12);
  EXPECT_EQ(changed.pathways.cin_plan.visits.interval_working_days, s.pathways.cin_plan.visits.interval_working_days);
}

TEST(Overrides, CreateSectionsTheFileLeftOut) {
  const Scenario s = parse(kMinimal, {override_of("policy.caseload_cap.cases", "20"),
                                      override_of("triage.duty_decisions_per_working_day", "6"),
                                      override_of("supervision.interval_weeks", "2")});
  EXPECT_DOUBLE_EQ(s.policy.caseload_cap.cases, 20.0);
  EXPECT_EQ(s.policy.caseload_cap.basis, CaseloadCap::Basis::per_fte);
  EXPECT_EQ(s.triage.duty_decisions_per_working_day, 6);
  EXPECT_EQ(s.supervision.interval_weeks, 2);
  // A distribution created field by field still needs its distribution.
  EXPECT_EQ(error_of(kMinimal, {override_of("workforce.turnover.agency_tenure_weeks.mean", "12")}),
            "experiment.yaml:7: workforce.turnover.agency_tenure_weeks.distribution: required field missing");
}

TEST(Overrides, CanReplaceAWholeMappingOrList) {
  const Scenario s = parse(kMinimal, {override_of("policy.caseload_cap", "{basis: per_worker, cases: 15}"),
                                      override_of("team.social_workers", "[{name: X, fte: 0.4}]"),
                                      override_of("calendar.extra_holidays", "[2025-05-08]")});
  EXPECT_EQ(s.policy.caseload_cap.basis, CaseloadCap::Basis::per_worker);
  EXPECT_DOUBLE_EQ(s.policy.caseload_cap.cases, 15.0);
  ASSERT_EQ(s.team.social_workers.size(), 1u);
  EXPECT_EQ(s.team.social_workers[0].name, "X");
  EXPECT_EQ(s.calendar.extra_holidays, std::vector<Date>{ymd(2025, 5, 8)});
}

TEST(Overrides, TheLaterOfTwoOnOneFieldWins) {
  const Scenario s = parse(kMinimal, {override_of("run.seed", "5"), override_of("run.seed", "6")});
  EXPECT_EQ(s.run.seed, 6u);
}

TEST(Overrides, UnknownPathNamesTheOverrideAndWhatIsAllowed) {
  EXPECT_EQ(error_of(kMinimal, {override_of("policy.caseload_cap.case", "20", 12)}),
            "experiment.yaml:12: policy.caseload_cap.case: no such field; allowed here: basis, cases, kind, weighted");
  EXPECT_EQ(
      error_of(kMinimal, {override_of("referals.re_referral_share", "0.5")}),
      "experiment.yaml:7: referals.re_referral_share: no such field; allowed here: name, description, run, "
      "calendar, referrals, triage, pathways, team, workforce, supervision, policy, metrics, timeline, mechanisms_off");
  EXPECT_EQ(error_of(kMinimal, {override_of("team.social_workers[1].fte_", "0.5")}),
            "experiment.yaml:7: team.social_workers[1].fte_: no such field; allowed here: name, fte, agency, "
            "newly_qualified");
  // Shared mappings list their own fields.
  EXPECT_EQ(error_of(kMinimal, {override_of("pathways.cin_plan.visits.interval", "20")}),
            "experiment.yaml:7: pathways.cin_plan.visits.interval: no such field; allowed here: "
            "interval_working_days, hours");
  EXPECT_EQ(error_of(kMinimal, {override_of("workforce.manager.interim_tenure_weeks.median", "20")}),
            "experiment.yaml:7: workforce.manager.interim_tenure_weeks.median: no such field; allowed here: "
            "distribution, mean, sd");
  EXPECT_EQ(error_of(kMinimal, {override_of("triage.response_by_need.urgent.section_47", "1")}),
            "experiment.yaml:7: triage.response_by_need.urgent.section_47: no such field; allowed here: "
            "immediate_risk, high, medium, low");
  EXPECT_EQ(error_of(kMinimal, {override_of("cases.visit_hours", "3")}),
            "experiment.yaml:7: cases.visit_hours: no such field; allowed here: name, description, run, calendar, "
            "referrals, triage, pathways, team, workforce, supervision, policy, metrics, timeline, mechanisms_off");
}

TEST(Overrides, PathsMustFollowTheShapeOfTheScenario) {
  EXPECT_EQ(error_of(kMinimal, {override_of("run.seed[0]", "1")}),
            "experiment.yaml:7: run.seed[0]: no such field: run.seed is not a list");
  EXPECT_EQ(error_of(kMinimal, {override_of("run.seed.low", "1")}),
            "experiment.yaml:7: run.seed.low: no such field: run.seed has no fields");
  EXPECT_EQ(error_of(kMinimal, {override_of("pathways.cp_plan.visits[0]", "1")}),
            "experiment.yaml:7: pathways.cp_plan.visits[0]: no such field: pathways.cp_plan.visits is not a list");
  EXPECT_EQ(error_of(kMinimal, {override_of("team.social_workers.fte", "1")}),
            "experiment.yaml:7: team.social_workers.fte: no such field: team.social_workers is a list; give an "
            "item, e.g. team.social_workers[0]");
  EXPECT_EQ(error_of(kMinimal, {override_of("team.social_workers[3].fte", "1")}),
            "experiment.yaml:7: team.social_workers[3].fte: no such item: team.social_workers has 3 items");
  EXPECT_EQ(error_of(kMinimal, {override_of("calendar.extra_holidays[0]", "2025-05-08")}),
            "experiment.yaml:7: calendar.extra_holidays[0]: no such item: calendar.extra_holidays has 0 items");
  EXPECT_EQ(error_of(kMinimal, {override_of("team..fte", "1")}),
            "experiment.yaml:7: team..fte: not a field path (write it like policy.caseload_cap.cases or "
            "team.social_workers[2].fte)");
}

TEST(Overrides, BadValuesNameTheOverrideOrigin) {
  EXPECT_EQ(error_of(kMinimal, {override_of("team.social_workers[1].fte", "1.4", 14)}),
            "experiment.yaml:14: team.social_workers[1].fte: must be in (0, 1], got 1.4");
  EXPECT_EQ(error_of(kMinimal, {override_of("run.horizon_weeks", "ten")}),
            "experiment.yaml:7: run.horizon_weeks: must be a whole number, got \"ten\"");
  EXPECT_EQ(error_of(kMinimal, {override_of("policy.caseload_cap", "{cases: 5, cap: 3}")}),
            "experiment.yaml:7: policy.caseload_cap.cap: unknown field; allowed: basis, cases, kind, weighted");
  EXPECT_EQ(error_of(kMinimal, {override_of("policy.caseload_cap", "{basis: per_team}")}),
            "experiment.yaml:7: policy.caseload_cap.basis: must be one of: per_fte, per_worker, got per_team");
  EXPECT_EQ(error_of(kMinimal, {override_of("team.social_workers", "[{name: X}]")}),
            "experiment.yaml:7: team.social_workers[0].fte: required field missing");
  EXPECT_EQ(error_of(kMinimal, {override_of("run.seed", "[1, 2")}),
            "experiment.yaml:7: run.seed: not valid YAML: did not find expected ',' or ']' while parsing a flow "
            "sequence");
  EXPECT_EQ(error_of(kMinimal, {override_of("run.seed", "&s 1")}),
            "experiment.yaml:7: run.seed: anchors and aliases are not allowed in scenarios");
  EXPECT_EQ(error_of(kMinimal, {override_of("run.seed", "")}),
            "experiment.yaml:7: run.seed: must be a whole number, got an empty value");
  EXPECT_EQ(error_of(kMinimal, {override_of("referrals.weekday_profile", "{monday: 1}", 11)}),
            "experiment.yaml:11: referrals.weekday_profile.tuesday: required field missing");
}

TEST(Overrides, ErrorsInTheFileItselfStillNameTheFile) {
  std::string text = kMinimal;
  text.replace(text.find("fte: 0.5"), 8, "fte: 2");
  EXPECT_EQ(error_of(text, {override_of("run.seed", "3")}),
            "inline.yaml:14: team.social_workers[1].fte: must be in (0, 1], got 2");
  // An override cannot step into a section the file wrote as something else.
  std::string scalar_policy = kMinimal + "policy: 5\n";
  EXPECT_EQ(error_of(scalar_policy, {override_of("policy.caseload_cap.cases", "3")}),
            "inline.yaml:16: policy: must be a mapping, got 5");
}

TEST(Holidays, NamedListPlusExtrasAreSortedAndUnique) {
  // 2025-05-08: VE day 80 (not a bank holiday); 2025-12-25 is already listed.
  const Scenario s = parse(kMinimal + "calendar:\n  extra_holidays: [2025-12-25, 2025-05-08, 2025-05-08]\n");
  const std::vector<Date> listed = shipped_holiday_list("england-and-wales")->dates;
  EXPECT_EQ(s.calendar.extra_holidays, (std::vector<Date>{ymd(2025, 12, 25), ymd(2025, 5, 8), ymd(2025, 5, 8)}));
  EXPECT_EQ(s.calendar.holidays.size(), listed.size() + 1);
  EXPECT_TRUE(std::is_sorted(s.calendar.holidays.begin(), s.calendar.holidays.end()));
  EXPECT_EQ(std::adjacent_find(s.calendar.holidays.begin(), s.calendar.holidays.end()), s.calendar.holidays.end());
  // May 2025: the early May bank holiday (5th), VE day (8th), spring bank holiday (26th).
  EXPECT_EQ(holidays_between(s.calendar.holidays, ymd(2025, 5, 1), ymd(2025, 6, 1)), 3);
}

TEST(Holidays, NoneKeepsOnlyTheExtras) {
  const Scenario s = parse(kMinimal + "calendar:\n  bank_holidays: none\n  extra_holidays: [2026-01-02, 2025-05-08]\n");
  EXPECT_EQ(s.calendar.bank_holidays, "none");
  EXPECT_EQ(s.calendar.holidays, (std::vector<Date>{ymd(2025, 5, 8), ymd(2026, 1, 2)}));
  const Scenario bare = parse(kMinimal + "calendar: {bank_holidays: none}\n");
  EXPECT_TRUE(bare.calendar.holidays.empty());
}

TEST(Holidays, NoneAllowsYearsNoListCovers) {
  const Scenario s = parse(kMinimal + "calendar: {bank_holidays: none, extra_holidays: [2099-12-25]}\n",
                           {override_of("run.start_date", "2099-06-01")});
  EXPECT_EQ(s.calendar.holidays, std::vector<Date>{ymd(2099, 12, 25)});
}

TEST(Holidays, RunMustEndWithinTheListsYears) {
  const HolidayList list = *shipped_holiday_list("england-and-wales");
  const std::string covers = std::to_string(list.first_year) + "-" + std::to_string(list.last_year);
  // 10 weeks from 1 December end in the next year's February: one year too many.
  // The start date came from the override, so the override is blamed.
  const std::string start = std::to_string(list.last_year) + "-12-01";
  const std::string end = std::to_string(list.last_year + 1) + "-02-09";
  EXPECT_EQ(error_of(kMinimal, {override_of("run.start_date", start)}),
            "experiment.yaml:7: calendar.bank_holidays: england-and-wales covers " + covers + ", but the run spans " +
                start + " to " + end +
                "; for other years set bank_holidays: none and list the dates in extra_holidays");
  // Ten weeks from 1 October stay within the last year.
  const std::string october = std::to_string(list.last_year) + "-10-01";
  EXPECT_EQ(parse(kMinimal, {override_of("run.start_date", october)}).run.horizon_weeks, 10);
}

// docs/scenario-format.md documents every field a file can set, and nothing
// else: each table row's first cell is a field path, or the path of a mapping
// documented whole (a distribution, a profile, a share mapping).
TEST(ScenarioFormatDoc, DocumentsExactlyTheFieldsTheLoaderReads) {
  std::ifstream in("docs/scenario-format.md");
  ASSERT_TRUE(in) << "docs/scenario-format.md";
  std::vector<std::string> documented;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const auto end = line.find('`', 3);
    ASSERT_NE(end, std::string::npos) << line;
    documented.push_back(line.substr(3, end - 3));
  }
  const std::vector<std::string> fields = scenario_field_paths();
  ASSERT_FALSE(fields.empty());
  const auto covers = [](const std::string& doc, const std::string& field) {
    return field == doc || field.rfind(doc + ".", 0) == 0;
  };
  for (const std::string& field : fields) {
    EXPECT_TRUE(std::any_of(documented.begin(), documented.end(), [&](const auto& d) { return covers(d, field); }))
        << field << " is not documented";
  }
  for (const std::string& doc : documented) {
    EXPECT_TRUE(std::any_of(fields.begin(), fields.end(), [&](const auto& f) { return covers(doc, f); }))
        << doc << " is documented but is not a scenario field";
  }
  EXPECT_EQ(std::set<std::string>(documented.begin(), documented.end()).size(), documented.size());
}

TEST(ScenarioFieldPaths, FollowTheScenarioShape) {
  const std::vector<std::string> fields = scenario_field_paths();
  EXPECT_EQ(fields.front(), "name");
  EXPECT_EQ(fields.back(), "mechanisms_off[]");
  for (const char* path : {"calendar.extra_holidays[]", "team.social_workers[].agency",
                           "pathways.cp_plan.visits.interval_working_days", "triage.response_by_need.low.section_47",
                           "workforce.manager.interim_tenure_weeks.sd", "referrals.month_profile.december"}) {
    EXPECT_EQ(std::count(fields.begin(), fields.end(), path), 1) << path;
  }
  // 4 need levels x 3 responses, and 8 distributions x 3 fields.
  EXPECT_EQ(std::count_if(fields.begin(), fields.end(),
                          [](const std::string& f) { return f.rfind("triage.response_by_need.", 0) == 0; }),
            12);
  EXPECT_EQ(
      std::count_if(fields.begin(), fields.end(),
                    [](const std::string& f) { return f.size() > 13 && f.substr(f.size() - 13) == ".distribution"; }),
      8);
}

TEST(ScenarioErrorParts, AreAvailableSeparately) {
  try {
    parse(kMinimal, {override_of("team.social_workers[1].fte", "1.4", 14)});
    FAIL() << "no exception";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.file(), "experiment.yaml");
    EXPECT_EQ(error.line(), 14);
    EXPECT_EQ(error.field(), "team.social_workers[1].fte");
    EXPECT_EQ(error.message(), "must be in (0, 1], got 1.4");
  }
  const ScenarioError no_line("x.yaml", 0, "", "empty file, expected a scenario (a YAML mapping)");
  EXPECT_EQ(std::string(no_line.what()), "x.yaml: empty file, expected a scenario (a YAML mapping)");
  const ScenarioError no_field("x.yaml", 4, "", "not valid YAML: mapping values are not allowed in this context");
  EXPECT_EQ(std::string(no_field.what()), "x.yaml:4: not valid YAML: mapping values are not allowed in this context");
}

}  // namespace
}  // namespace casesim::scenario
