// Absence, turnover, agency cover, supervision and escalation: each against
// its configured rate or its known consequence.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/statistics.hpp"
#include "engine/model/replication.hpp"
#include "engine/runner/run_replications.hpp"
#include "tests/support/steady_team.hpp"
#include "tests/support/test_scenarios.hpp"

namespace casesim {
namespace {

using model::Metric;
using Kind = scenario::DurationDistribution::Kind;

// A team with real work: CIN plans that need visits, so absence and
// overload show up as overdue visits.
scenario::Scenario working_team(int workers, double referrals_per_working_day, int weeks) {
  scenario::Scenario s = testing::queue_only_scenario(workers, 20, referrals_per_working_day, 5.0, weeks, 4);
  s.pathways.assessment.hours = 6.0;
  s.pathways.assessment.outcomes = {0.4, 0.6, 0.0, 0.0};
  s.pathways.cin_plan.visits = {10, 3.0};
  s.pathways.cin_plan.duration_working_days = {Kind::lognormal, 80.0, 40.0};
  s.team.full_time_hours_per_week = 37.0;
  s.team.manager.supervision_hours_per_week = 10.0;
  return s;
}

std::vector<double> values(const std::vector<model::ReplicationResult>& results, Metric m) {
  std::vector<double> v;
  for (const auto& r : results) v.push_back(r.metric(m));
  return v;
}

std::vector<model::ReplicationResult> run(const scenario::Scenario& s, std::size_t replications,
                                          std::uint64_t seed = 11) {
  const model::ModelSetup setup(s);
  runner::RunPlan plan;
  plan.seed = seed;
  plan.replications = replications;
  return runner::run_replications(setup, plan);
}

TEST(Turnover, LeaversPerFteYearMatchTheConfiguredAnnualRate) {
  scenario::Scenario s = working_team(10, 1.0, 20 * 52);  // 20 years, no bank holidays needed
  s.run.warm_up_weeks = 0;
  s.workforce.turnover.annual_rate = 0.17;  // DfE: about 16-18% (domain.md)
  s.workforce.turnover.notice_weeks = 0;
  s.workforce.turnover.recruitment_lag_weeks = {Kind::fixed, 6.0, 0.0};
  const auto results = run(s, 12);
  const auto rate = analysis::summarise(values(results, Metric::turnover_rate));
  EXPECT_LT(std::fabs(rate.mean - 0.17), 4 * rate.sd / std::sqrt(double(rate.n)))
      << "simulated " << rate.mean << " (sd " << rate.sd << ")";
  EXPECT_GT(analysis::summarise(values(results, Metric::vacancy_days)).mean, 0.0);
}

TEST(Turnover, AgencyStaffCoverVacanciesAndTheirShareIsMeasured) {
  scenario::Scenario s = working_team(4, 0.5, 30);
  s.team.social_workers[3].agency = true;  // 1 of 4 FTE; the recruit never arrives within the run
  s.workforce.turnover.recruitment_lag_weeks = {Kind::fixed, 100.0, 0.0};
  s.workforce.turnover.agency_tenure_weeks = {Kind::fixed, 100.0, 0.0};
  const auto r = model::run_replication(model::ModelSetup(s), 3, 0);
  EXPECT_DOUBLE_EQ(r.metric(Metric::agency_share), 0.25);
  EXPECT_EQ(r.metric(Metric::leavers), 0);
}

// An agency worker's tenure end is known from their first day. Until its last
// notice_weeks they take new cases like anyone else; in those weeks, like a
// permanent worker working their notice, none. (Once every day of a tenure
// counted as notice, and agency workers held only cases handed over.)
TEST(Turnover, AgencyWorkersTakeNewCasesUntilTheLastWeeksOfTheirTenure) {
  scenario::Scenario s = testing::steady_team(2, "agency-allocation");
  s.team.social_workers[1].agency = true;
  s.workforce.turnover.agency_tenure_weeks = {Kind::fixed, 6.0, 0.0};
  s.workforce.turnover.notice_weeks = 2;
  const long long agency = testing::worker_id(1);
  const int leaves = 6 * 7, notice_from = leaves - 2 * 7;
  int before_notice = 0, in_notice = 0, to_colleague_in_notice = 0;
  for (const testing::KeptRecord& r : testing::trace_of(s, "allocated")) {
    if (r.day < notice_from) {
      before_notice += r.worker == agency;
    } else if (r.day < leaves) {
      in_notice += r.worker == agency;
      to_colleague_in_notice += r.worker != agency;
    }
  }
  // Two workers with room, the least loaded first: about half the cases each.
  EXPECT_GE(before_notice, 8);
  EXPECT_EQ(in_notice, 0);
  EXPECT_GE(to_colleague_in_notice, 5);
}

// A heavy-tailed draw (a sickness episode, a recruitment lag, an agency
// tenure) can be far longer than the run: it ends with the run rather than
// leaving the working calendar or overflowing a day number.
TEST(Absence, DrawsLongerThanTheRunEndWithTheRun) {
  scenario::Scenario s = working_team(4, 0.5, 30);
  s.run.warm_up_weeks = 0;
  s.workforce.sickness.episodes_per_fte_year = 52;
  s.workforce.sickness.duration_working_days = {Kind::fixed, 1.0e9, 0.0};
  s.workforce.turnover.annual_rate = 5.0;
  s.workforce.turnover.recruitment_lag_weeks = {Kind::fixed, 1.0e8, 0.0};
  s.workforce.turnover.agency_tenure_weeks = {Kind::fixed, 1.0e8, 0.0};
  s.team.social_workers[0].agency = true;
  const auto r = model::run_replication(model::ModelSetup(s), 7, 0);
  // Every sick worker stays off to the end: sickness is bounded by the posts' working days.
  EXPECT_GT(r.metric(Metric::sickness_days), 0);
  EXPECT_LE(r.metric(Metric::sickness_days), 4.0 * 30 * 5);
  EXPECT_GE(r.metric(Metric::leavers), 0);
}

TEST(Absence, DutyCoverDuringSicknessMeansFewerOverdueVisitsThanNoCover) {
  scenario::Scenario s = working_team(4, 0.8, 40);
  s.workforce.sickness.episodes_per_fte_year = 12;
  s.workforce.sickness.duration_working_days = {Kind::fixed, 5.0, 0.0};
  s.triage.duty_decisions_per_working_day = 3;
  s.triage.decision_hours = 0.1;
  s.policy.absence_cover = scenario::AbsenceCover::none;
  const auto none = run(s, 10);
  s.policy.absence_cover = scenario::AbsenceCover::duty;
  const auto duty = run(s, 10);
  double overdue_none = 0, overdue_duty = 0, sick = 0;
  for (std::size_t i = 0; i < none.size(); ++i) {
    overdue_none += none[i].metric(Metric::visits_overdue);
    overdue_duty += duty[i].metric(Metric::visits_overdue);
    sick += none[i].metric(Metric::sickness_days);
    // The same referrals arrive whatever the cover (common random numbers).
    EXPECT_EQ(none[i].metric(Metric::referrals_received), duty[i].metric(Metric::referrals_received));
  }
  EXPECT_GT(sick, 0);
  EXPECT_GT(overdue_none, 0);
  EXPECT_LT(overdue_duty, overdue_none);
}

TEST(Supervision, WithNoManagerTimeEverySessionIsMissedAndWithEnoughNoneIs) {
  scenario::Scenario s = working_team(4, 0.5, 30);
  s.supervision.modelled = true;
  s.supervision.interval_weeks = 4;
  const auto held = model::run_replication(model::ModelSetup(s), 5, 0);
  EXPECT_GT(held.metric(Metric::supervision_due), 0);
  EXPECT_EQ(held.metric(Metric::supervision_missed), 0);
  EXPECT_LE(held.metric(Metric::longest_without_supervision_weeks), 5.0);
  s.team.manager.supervision_hours_per_week = 0.0;
  const auto none = model::run_replication(model::ModelSetup(s), 5, 0);
  EXPECT_GT(none.metric(Metric::supervision_due), 0);
  EXPECT_EQ(none.metric(Metric::supervision_missed), none.metric(Metric::supervision_due));
}

TEST(Supervision, LapsedSupervisionMakesDueActionsDrift) {
  scenario::Scenario s = working_team(4, 0.8, 30);
  s.supervision.modelled = true;
  s.supervision.interval_weeks = 4;
  s.supervision.drift_per_week_since_supervision = 0.02;
  s.supervision.drift_max = 0.5;
  const auto held = model::run_replication(model::ModelSetup(s), 5, 0);
  s.team.manager.supervision_hours_per_week = 0.0;
  const auto lapsed = model::run_replication(model::ModelSetup(s), 5, 0);
  EXPECT_GT(lapsed.metric(Metric::drifted_actions), held.metric(Metric::drifted_actions));
}

TEST(Escalation, AQueueAboveTheThresholdBringsOvertimeAndAgencyCover) {
  scenario::Scenario s = working_team(3, 2.0, 30);  // far more work than 3 workers can hold
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 8};
  s.policy.escalation.enabled = true;
  s.policy.escalation.unallocated_threshold = 5;
  s.policy.escalation.request_agency = true;
  s.policy.escalation.agency_lag_weeks = 2;
  s.policy.escalation.agency_weeks = 6;
  s.policy.escalation.overtime_hours_per_worker_per_week = 4;
  s.policy.escalation.over_cap_cases = 2;
  const auto r = model::run_replication(model::ModelSetup(s), 5, 0);
  EXPECT_GT(r.metric(Metric::escalations), 0);
  EXPECT_GT(r.metric(Metric::overtime_hours), 0);
  EXPECT_GT(r.metric(Metric::agency_cover_weeks), 0);
  EXPECT_LE(r.most_over_cap, 0.0);  // over the cap only by what escalation allowed
  s.policy.escalation.enabled = false;
  const auto off = model::run_replication(model::ModelSetup(s), 5, 0);
  EXPECT_EQ(off.metric(Metric::escalations), 0);
  EXPECT_LT(r.metric(Metric::unallocated_queue_mean), off.metric(Metric::unallocated_queue_mean));
}

TEST(WorkerTime, CourtWorkForChildrenInCareProceedingsLeavesLessTimeForVisits) {
  scenario::Scenario s = working_team(3, 0.8, 30);
  s.pathways.assessment.hours = 0.0;  // assessments end on their own, so the same children come into care
  s.pathways.assessment.outcomes = {0.2, 0.3, 0.0, 0.5};
  s.pathways.looked_after.visit_hours = 3.0;
  s.pathways.looked_after.duration_working_days = {Kind::fixed, 200.0, 0.0};
  const auto without = model::run_replication(model::ModelSetup(s), 5, 0);
  s.pathways.looked_after.court_hours_per_week = 6.0;
  const auto with_court = model::run_replication(model::ModelSetup(s), 5, 0);
  EXPECT_GT(without.metric(Metric::looked_after_started), 5);
  EXPECT_EQ(with_court.metric(Metric::looked_after_started), without.metric(Metric::looked_after_started));
  EXPECT_GT(with_court.metric(Metric::visits_overdue), without.metric(Metric::visits_overdue));
}

TEST(Absence, OtherLeaveTakesWorkersAwayAndVisitsSlip) {
  scenario::Scenario s = working_team(3, 0.8, 30);
  const auto without = model::run_replication(model::ModelSetup(s), 5, 0);
  s.workforce.other_leave_days_per_fte = 60;  // about a quarter of working days
  const auto with_leave = model::run_replication(model::ModelSetup(s), 5, 0);
  EXPECT_EQ(with_leave.metric(Metric::referrals_received), without.metric(Metric::referrals_received));
  EXPECT_GT(with_leave.metric(Metric::visits_overdue), without.metric(Metric::visits_overdue));
}

}  // namespace
}  // namespace casesim
