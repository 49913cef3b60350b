// Every child counts: children waiting for a worker are owed their statutory
// work like any other, whoever covers it; a child is held to their own visit
// standard; a child has one open case at most; a share with nothing to count
// is not applicable; conferences are held on the day they are booked.
#include <chrono>
#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "engine/model/replication.hpp"
#include "engine/scenario/bank_holidays.hpp"
#include "tests/support/trace_recorder.hpp"

namespace casesim::model {
namespace {

using kernel::Date;
using namespace std::chrono;

// One full-time worker holding at most one case, from Mon 2 June 2025 for 4
// weeks. A referral arrives every 2 working days (the first at the start of
// Wed 4 June), each sent for an assessment that leads to a long CIN plan: the
// first child takes the worker's only place and every later one waits. Each
// child is to be seen within 3 working days of the decision, for 1 hour.
scenario::Scenario one_place_team() {
  scenario::Scenario s;
  s.name = "one-place";
  s.run.start_date = Date{year{2025}, June, day{2}};
  s.run.horizon_weeks = 4;
  s.calendar.bank_holidays = "none";
  s.referrals.arrival_process = scenario::ReferralSettings::ArrivalProcess::regular;
  s.referrals.rate_per_working_day = 0.5;
  s.pathways.assessment.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 0.25};
  s.pathways.assessment.visit_within_working_days = 3;
  s.pathways.assessment.visit_hours = 1.0;
  s.pathways.assessment.outcomes = {0.0, 1.0, 0.0, 0.0};
  s.pathways.cin_plan.visits = {20, 1.0};
  s.pathways.cin_plan.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1000.0};
  s.team.social_workers = {{"SW1", 1.0, false, false}};
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 1};
  return s;
}

ReplicationResult run(const scenario::Scenario& s, testing::TraceRecorder* trace = nullptr) {
  const ModelSetup setup(s);
  return run_replication(setup, 1, 0, trace);
}

TEST(WaitingChildren, AreOwedTheirVisitAndNobodyCoveringMeansItIsMissed) {
  scenario::Scenario s = one_place_team();
  s.policy.unallocated_cover = scenario::UnallocatedCover::none;
  const ReplicationResult r = run(s);
  // Referrals on working days 2, 4, ..., 18 (9 in 4 weeks); the first is allocated.
  EXPECT_EQ(r.metric(Metric::referrals_accepted), 9);
  EXPECT_EQ(r.ledger.waiting_allocation, 8u);
  EXPECT_EQ(r.metric(Metric::unallocated_at_end), 8);
  // The waiting children decided on working days 4..16 owe a visit within 3
  // working days (due by day 19 at the latest), and nobody makes it; the one
  // decided on day 18 is due after the run.
  EXPECT_EQ(r.metric(Metric::visits_to_waiting_children), 0);
  EXPECT_EQ(r.metric(Metric::children_past_visit_standard_assessment), 7);
  EXPECT_GE(r.metric(Metric::visits_overdue), 7);
  EXPECT_GT(r.metric(Metric::risk_exposure_child_days), 0);
}

TEST(WaitingChildren, TheDutyWorkerSeesThemFromTheirOwnHours) {
  scenario::Scenario s = one_place_team();
  s.policy.unallocated_cover = scenario::UnallocatedCover::duty;
  testing::TraceRecorder trace;
  const ReplicationResult r = run(s, &trace);
  EXPECT_EQ(r.metric(Metric::children_past_visit_standard_assessment), 0);
  EXPECT_EQ(r.metric(Metric::visits_to_waiting_children), 7);
  // Seen by SW1, the only worker and so the duty worker, though not theirs.
  for (const auto& visit : trace.of("visit")) EXPECT_EQ(visit.worker, 1);
}

TEST(WaitingChildren, TheManagerSeesThemInTheHoursSetAsideAndNotWithout) {
  scenario::Scenario s = one_place_team();
  s.policy.unallocated_cover = scenario::UnallocatedCover::manager;
  testing::TraceRecorder trace;
  const ReplicationResult without_hours = run(s, &trace);
  EXPECT_EQ(without_hours.metric(Metric::visits_to_waiting_children), 0);
  EXPECT_EQ(without_hours.metric(Metric::children_past_visit_standard_assessment), 7);
  s.team.manager.unallocated_work_hours_per_week = 5.0;  // a visit a day
  trace.records.clear();
  const ReplicationResult with_hours = run(s, &trace);
  EXPECT_EQ(with_hours.metric(Metric::visits_to_waiting_children), 7);
  int by_manager = 0;
  for (const auto& visit : trace.of("visit")) by_manager += visit.worker == kTeamManagerId;
  EXPECT_EQ(by_manager, 7);
}

TEST(WaitingChildren, AnEnquiryWaitsAheadOfAssessmentsAndIsSeenWithinItsStandard) {
  scenario::Scenario s = one_place_team();
  s.referrals.need_mix = {1.0, 0.0, 0.0, 0.0};
  s.triage.response_by_need[0] = {0.0, 0.0, 1.0};  // every referral a section 47 enquiry
  s.pathways.section_47.visit_within_working_days = 1;
  s.pathways.cp_plan.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1000.0};
  s.policy.unallocated_cover = scenario::UnallocatedCover::none;
  const ReplicationResult r = run(s);
  // Eight enquiries wait; each is owed a visit the next working day, and none is seen.
  EXPECT_EQ(r.ledger.waiting_allocation, 8u);
  EXPECT_EQ(r.metric(Metric::children_past_visit_standard_section_47), 8);
}

// A looked-after child whose standard is a visit every 60 working days (about
// 12 weeks), visited on time, is past no standard and is not "unvisited for
// 6 weeks"; a child in need held to 20 working days and left unvisited for 7
// weeks is both.
TEST(OwnStandard, AChildVisitedOnTimeAtTheirStandardIsNeverCountedAsUnvisited) {
  scenario::Scenario s = one_place_team();
  s.run.horizon_weeks = 40;
  s.referrals.rate_per_working_day = 1.0 / 180.0;  // one child, on working day 180
  s.referrals.arrival_process = scenario::ReferralSettings::ArrivalProcess::regular;
  s.referrals.rate_per_working_day = 1.0 / 2.0;
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 1};
  s.pathways.assessment.outcomes = {0.0, 0.0, 0.0, 1.0};  // looked after
  s.pathways.looked_after.first_visit_working_days = 5;
  s.pathways.looked_after.visit_interval_first_year_working_days = 60;
  s.pathways.looked_after.visit_interval_later_working_days = 60;
  s.pathways.looked_after.visit_hours = 1.0;
  s.pathways.looked_after.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1000.0};
  s.policy.unallocated_cover = scenario::UnallocatedCover::duty;
  const ReplicationResult on_time = run(s);
  EXPECT_GT(on_time.metric(Metric::longest_visit_gap), 42);  // gaps longer than 6 weeks ...
  EXPECT_EQ(on_time.metric(Metric::children_past_visit_standard_looked_after_first_year), 0);
  EXPECT_EQ(on_time.metric(Metric::children_unvisited_6_weeks), 0);  // ... but within their standard

  scenario::Scenario neglected = one_place_team();
  neglected.run.horizon_weeks = 12;
  neglected.team.full_time_hours_per_week = 0.0;  // nobody has time to visit
  const ReplicationResult late = run(neglected);
  EXPECT_GT(late.metric(Metric::children_past_visit_standard_cin), 0);
  EXPECT_GT(late.metric(Metric::children_unvisited_6_weeks), 0);
}

TEST(OneChildOneCase, AReferralAboutAChildWhoseCaseIsOpenJoinsThatCase) {
  // Every referral is about a recently closed child; assessments close half
  // the cases at once and open long plans for the rest, so many re-referred
  // children are open again.
  scenario::Scenario s = one_place_team();
  s.run.horizon_weeks = 26;
  s.referrals.arrival_process = scenario::ReferralSettings::ArrivalProcess::poisson;
  s.referrals.rate_per_working_day = 2.0;
  s.referrals.re_referral_share = 1.0;
  s.pathways.assessment.outcomes = {0.5, 0.5, 0.0, 0.0};
  s.pathways.cin_plan.duration_working_days = {scenario::DurationDistribution::Kind::exponential, 40.0};
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 30};
  for (std::uint64_t replication = 0; replication < 10; ++replication) {
    const ModelSetup setup(s);
    testing::TraceRecorder trace;
    const ReplicationResult r = run_replication(setup, 3, replication, &trace);
    std::map<long long, int> open;
    for (const auto& record : trace.records) {
      if (record.event == "case_opened") {
        EXPECT_EQ(++open[record.child], 1) << "child " << record.child;
      }
      if (record.event == "closed") --open[record.child];
    }
    EXPECT_GT(r.metric(Metric::concerns_on_open_cases), 0) << replication;
    EXPECT_EQ(static_cast<double>(trace.of("concern_on_open_case").size()), r.metric(Metric::concerns_on_open_cases));
    EXPECT_TRUE(r.ledger.balances());
  }
}

TEST(NotApplicable, ASharesOrMeanWithNothingToCountIsNaNNeverZero) {
  scenario::Scenario s = one_place_team();
  s.triage.response_by_need[2] = {1.0, 0.0, 0.0};  // every referral: no further action
  const ReplicationResult r = run(s);
  EXPECT_EQ(r.metric(Metric::referrals_accepted), 0);
  EXPECT_EQ(r.metric(Metric::assessments_completed), 0);
  for (const Metric m :
       {Metric::assessments_within_standard_share, Metric::unallocated_wait_mean, Metric::cases_waited_share,
        Metric::visit_days_overdue_mean, Metric::urgent_detection_delay_mean})
    EXPECT_TRUE(std::isnan(r.metric(m))) << definition(m).name;
  // Counts are still counts: none is 0, not "not applicable".
  EXPECT_EQ(r.metric(Metric::assessments_late), 0);
  EXPECT_EQ(r.metric(Metric::visits_overdue), 0);
}

TEST(BookedConferences, AreHeldOnTheirBookedDayEvenWithADayAlreadyFull) {
  // An enquiry whose conference is booked 12 working days after the strategy
  // discussion; the worker has less than a conference's hours in a day.
  scenario::Scenario s = one_place_team();
  s.run.horizon_weeks = 8;
  s.referrals.rate_per_working_day = 1.0 / 2.0;
  s.referrals.need_mix = {1.0, 0.0, 0.0, 0.0};
  s.triage.response_by_need[0] = {0.0, 0.0, 1.0};
  s.pathways.section_47.icpc_hours = 10.0;  // more than a day's 7.4 case hours
  s.pathways.section_47.booked_working_days = scenario::DurationDistribution({{12, 12, 1.0}});
  s.pathways.planning_window_working_days = 5;
  s.pathways.section_47.cp_plan_share = 1.0;
  s.pathways.cp_plan.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1000.0};
  testing::TraceRecorder trace;
  const ReplicationResult r = run(s, &trace);
  const auto strategy = trace.of("strategy_discussion", 0);
  const auto icpc = trace.of("icpc", 0);
  ASSERT_EQ(strategy.size(), 1u);
  ASSERT_EQ(icpc.size(), 1u);
  const ModelSetup setup(s);
  EXPECT_EQ(icpc[0].day, setup.calendar().add_working_days(strategy[0].day, 12));
  EXPECT_GE(r.durations[index(Duration::icpc_working_days) * kDurationBins + 12], 1u);
}

}  // namespace
}  // namespace casesim::model
