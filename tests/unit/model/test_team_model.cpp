// The model, mechanism by mechanism, against dates and counts worked out by
// hand from the calendar. Day numbers count from the run's start date.
#include <gtest/gtest.h>

#include "engine/model/caseload_cap.hpp"
#include "engine/model/model_setup.hpp"
#include "engine/model/replication.hpp"
#include "engine/scenario/bank_holidays.hpp"
#include "tests/support/trace_recorder.hpp"

namespace casesim {
namespace {

using kernel::Date;
using model::Metric;
using namespace std::chrono;

// One full-time worker (37 hours a week, so 7.4 case hours a day), one
// referral arriving at a chosen working time, assessed at once with no work.
scenario::Scenario one_worker_scenario(Date start, int weeks, double first_referral_working_time) {
  scenario::Scenario s;
  s.name = "hand-worked";
  s.run.start_date = start;
  s.run.horizon_weeks = weeks;
  s.run.warm_up_weeks = 0;
  s.calendar.bank_holidays = "england-and-wales";
  s.calendar.holidays = scenario::shipped_holiday_list("england-and-wales")->dates;
  s.referrals.arrival_process = scenario::ReferralSettings::ArrivalProcess::regular;
  s.referrals.rate_per_working_day = 1.0 / first_referral_working_time;
  s.triage.duty_decisions_per_working_day = 0;
  s.pathways.assessment.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 0.25, 0.0};
  s.pathways.assessment.hours = 0.0;
  s.pathways.assessment.visit_within_working_days = 0;
  s.pathways.assessment.outcomes = {0.0, 1.0, 0.0, 0.0};  // every assessment leads to a CIN plan
  s.pathways.cin_plan.visits = {3, 3.0};
  s.pathways.cin_plan.review_interval_working_days = 0;
  s.pathways.cin_plan.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1000.0, 0.0};
  s.team.full_time_hours_per_week = 37.0;
  s.team.social_workers = {{"SW1", 1.0, false, false}};
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 10};
  return s;
}

int day_of(const model::ModelSetup& setup, int y, unsigned m, unsigned d) {
  return setup.calendar().day_of(Date{year{y}, month{m}, day{d}});
}

// Mon 7 April 2025; Good Friday 18 and Easter Monday 21 April, early May bank
// holiday 5 May. One referral every 10.5 working days: the first at midday on
// the 11th working day, Wednesday 23 April; the second (Friday 9 May) is after
// the 4-week run.
scenario::Scenario easter_2025() {
  return one_worker_scenario(Date{year{2025}, April, day{7}}, 4, 10.5);
}

TEST(StatutoryVisits, ChildInNeedVisitsFallDueEveryIntervalAcrossBankHolidays) {
  const model::ModelSetup setup(easter_2025());
  testing::TraceRecorder trace;
  const auto r = model::run_replication(setup, 1, 0, &trace);
  // The CIN plan starts Wed 23 April. Visits due Mon 28 April (24, 25, 28) and
  // Thu 1 May (29, 30, 1); the next, Wed 7 May (2, 6, 7), is after the run.
  const auto visits = trace.of("visit");
  ASSERT_EQ(visits.size(), 2u);
  EXPECT_EQ(visits[0].day, day_of(setup, 2025, 4, 28));
  EXPECT_EQ(visits[0].due_day, day_of(setup, 2025, 4, 28));
  EXPECT_EQ(visits[1].day, day_of(setup, 2025, 5, 1));
  EXPECT_EQ(r.metric(Metric::cin_plans_started), 1);
  EXPECT_EQ(r.metric(Metric::visits_due), 2);
  EXPECT_EQ(r.metric(Metric::visits_overdue), 0);
  // Gaps of 3 working days; from the last visit to the end (Mon 5 May, a holiday) only Fri 2 May.
  EXPECT_EQ(r.metric(Metric::longest_visit_gap), 3);
  EXPECT_TRUE(r.ledger.balances());
}

TEST(StatutoryVisits, APlanningWindowBringsVisitsForwardAndTheClockRestartsFromTheVisit) {
  scenario::Scenario s = easter_2025();
  s.pathways.planning_window_working_days = 2;
  const model::ModelSetup setup(s);
  testing::TraceRecorder trace;
  model::run_replication(setup, 1, 0, &trace);
  // Due Mon 28 April, workable 2 working days before: Thu 24 April. The next
  // is due 3 working days after that visit, Tue 29 April, workable Fri 25 April.
  const auto visits = trace.of("visit");
  ASSERT_GE(visits.size(), 2u);
  EXPECT_EQ(visits[0].day, day_of(setup, 2025, 4, 24));
  EXPECT_EQ(visits[0].due_day, day_of(setup, 2025, 4, 28));
  EXPECT_EQ(visits[1].due_day, day_of(setup, 2025, 4, 29));
  EXPECT_EQ(visits[1].day, day_of(setup, 2025, 4, 25));
}

TEST(StatutoryVisits, AVisitLongerThanAWorkingDayIsDoneOnAFreshDayAndFinishedTheNext) {
  scenario::Scenario s = easter_2025();
  s.pathways.cin_plan.visits.hours = 8.0;  // more than the 7.4 case hours in a working day
  const model::ModelSetup setup(s);
  testing::TraceRecorder trace;
  const auto r = model::run_replication(setup, 1, 0, &trace);
  const auto visits = trace.of("visit");
  ASSERT_EQ(visits.size(), 2u);
  EXPECT_EQ(visits[0].day, day_of(setup, 2025, 4, 28));
  EXPECT_EQ(r.metric(Metric::visits_overdue), 0);
}

TEST(StatutoryVisits, AWorkerWithNoHoursDoesNothingAndEveryVisitIsOverdue) {
  scenario::Scenario s = easter_2025();
  s.team.full_time_hours_per_week = 0.0;
  const model::ModelSetup setup(s);
  testing::TraceRecorder trace;
  const auto r = model::run_replication(setup, 1, 0, &trace);
  EXPECT_TRUE(trace.of("visit").empty());
  // The visit due Mon 28 April is never done, nor the one due an interval
  // after it, Thu 1 May (29, 30 April, 1 May): two visits missed. By the end
  // (Mon 5 May) the first is late by 29, 30 April, 1 and 2 May = 4 working
  // days, the second by 1; unvisited since the plan began on 23 April: 24, 25,
  // 28, 29, 30 April, 1, 2 May = 7 working days.
  EXPECT_EQ(r.metric(Metric::visits_due), 2);
  EXPECT_EQ(r.metric(Metric::visits_overdue), 2);
  EXPECT_EQ(r.metric(Metric::visit_days_overdue_max), 4);
  EXPECT_EQ(r.metric(Metric::visit_days_overdue_mean), 2.5);
  EXPECT_EQ(r.metric(Metric::longest_visit_gap), 7);
  // Past the standard from Mon 28 April to the end, Mon 5 May: 7 calendar days.
  EXPECT_EQ(r.metric(Metric::risk_exposure_child_days), 7);
}

TEST(StatutoryVisits, AChildNotYetDueAVisitIsUnvisitedFromThePlansStartToTheEnd) {
  // Visits every 10 working days: the first would be due Wed 7 May, after the
  // run. Nothing is owed late at the end, but the gap since the plan began on
  // 23 April runs to it: 24, 25, 28, 29, 30 April, 1, 2 May = 7 working days.
  scenario::Scenario s = easter_2025();
  s.pathways.cin_plan.visits = {10, 3.0};
  const auto r = model::run_replication(model::ModelSetup(s), 1, 0);
  EXPECT_EQ(r.metric(Metric::visits_due), 0);
  EXPECT_EQ(r.metric(Metric::visits_overdue), 0);
  EXPECT_EQ(r.metric(Metric::longest_visit_gap), 7);
}

TEST(StatutoryVisits, APlanEndingBeforeItsFirstVisitIsDueRecordsTheGapToItsClosure) {
  // The CIN plan starts Wed 23 April and ends 4 working days later, Tue 29
  // April, before its first visit (due 7 May): unvisited 24, 25, 28, 29 April.
  scenario::Scenario s = easter_2025();
  s.pathways.cin_plan.visits = {10, 3.0};
  s.pathways.cin_plan.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 4.0, 0.0};
  const auto r = model::run_replication(model::ModelSetup(s), 1, 0);
  EXPECT_EQ(r.metric(Metric::cases_closed), 1);
  EXPECT_EQ(r.metric(Metric::visits_due), 0);
  EXPECT_EQ(r.metric(Metric::longest_visit_gap), 4);
}

TEST(WeeklySeries, TheLastWeeksChildProtectionCountIsTheOpenPlansAtTheEnd) {
  // Plans start after enquiries, end, step down to CIN plans or close; the
  // weekly count of children on child protection plans (kept as cases move
  // between stages, not counted afresh) agrees with the census at the end.
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, April, day{7}}, 30, 0.5);
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 1000};
  s.pathways.assessment.outcomes = {0.2, 0.3, 0.5, 0.0};
  s.pathways.section_47.cin_plan_share_otherwise = 0.5;
  s.pathways.section_47.cp_plan_share = 0.6;
  s.pathways.cp_plan.duration_working_days = {scenario::DurationDistribution::Kind::exponential, 20.0, 0.0};
  s.pathways.cp_plan.step_down_to_cin_share = 0.5;
  s.pathways.cin_plan.duration_working_days = {scenario::DurationDistribution::Kind::exponential, 20.0, 0.0};
  const model::ModelSetup setup(s);
  for (std::uint64_t replication = 0; replication < 5; ++replication) {
    const auto r = model::run_replication(setup, 7, replication);
    ASSERT_GT(r.metric(Metric::cp_plans_started), 10);
    ASSERT_GT(r.metric(Metric::cases_closed), 10);
    const auto weeks = static_cast<std::size_t>(setup.weeks());
    EXPECT_EQ(r.weekly[model::index(model::Series::cp_children) * weeks + weeks - 1],
              static_cast<double>(r.census.open[model::index(model::Stage::cp_plan)]));
  }
}

TEST(StatutoryVisits, AWorkerWithNoHoursCompletesNoAssessment) {
  scenario::Scenario s = easter_2025();
  s.team.full_time_hours_per_week = 0.0;
  s.pathways.assessment.hours = 5.0;
  const model::ModelSetup setup(s);
  testing::TraceRecorder trace;
  const auto r = model::run_replication(setup, 1, 0, &trace);
  EXPECT_TRUE(trace.of("assessment_completed").empty());
  EXPECT_EQ(r.metric(Metric::assessments_completed), 0);
}

// A child at immediate risk referred at midday on Friday 19 December 2025
// (the run starts Mon 15 December; working time 4.5).
scenario::Scenario immediate_risk_before_christmas() {
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, December, day{15}}, 20, 4.5);
  s.referrals.rate_per_working_day = 1.0 / 4.5;
  s.run.horizon_weeks = 20;  // to Mon 4 May 2026
  s.referrals.need_mix = {1.0, 0.0, 0.0, 0.0};
  s.triage.response_by_need[0] = {0.0, 0.0, 1.0};  // immediate risk: section 47
  s.pathways.section_47 = {1.0, 15, 1.0, 1.0, 0.0, 1, std::nullopt};
  s.pathways.cp_plan.visits = {10, 1.0};
  s.pathways.cp_plan.first_core_group_working_days = 10;
  s.pathways.cp_plan.core_group_interval_working_days = 20;
  s.pathways.cp_plan.core_group_hours = 1.0;
  s.pathways.cp_plan.first_review_months = 3;
  s.pathways.cp_plan.review_interval_months = 6;
  s.pathways.cp_plan.review_hours = 1.0;
  s.pathways.cp_plan.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1000.0, 0.0};
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 100};
  return s;
}

TEST(StatutoryClocks, ConferenceCoreGroupAndReviewFallDueOnTheirWorkingTogetherDates) {
  const model::ModelSetup setup(immediate_risk_before_christmas());
  testing::TraceRecorder trace;
  model::run_replication(setup, 1, 0, &trace);
  // Child 0, the first referral (later ones arrive every 4.5 working days).
  const auto icpcs = trace.of("icpc", 0);
  ASSERT_FALSE(icpcs.empty());
  // ICPC within 15 working days of the strategy discussion on Fri 19 Dec:
  // 22, 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7, 8, 9, 12, 13, 14 Jan (25, 26 Dec
  // and 1 Jan are bank holidays): Wed 14 January 2026.
  EXPECT_EQ(icpcs[0].due_day, day_of(setup, 2026, 1, 14));
  EXPECT_EQ(icpcs[0].day, day_of(setup, 2026, 1, 14));
  // First core group within 10 working days of the ICPC: Wed 28 January.
  const auto core_groups = trace.of("core_group", 0);
  ASSERT_FALSE(core_groups.empty());
  EXPECT_EQ(core_groups[0].due_day, day_of(setup, 2026, 1, 28));
  // The next 20 working days after it was held: Wed 25 February.
  ASSERT_GE(core_groups.size(), 2u);
  EXPECT_EQ(core_groups[1].due_day, day_of(setup, 2026, 2, 25));
  // Review conference within 3 months of the ICPC: Tue 14 April 2026.
  const auto reviews = trace.of("review", 0);
  ASSERT_FALSE(reviews.empty());
  EXPECT_EQ(reviews[0].due_day, day_of(setup, 2026, 4, 14));
  // The enquiry's first visit is due the next working day, Mon 22 December.
  const auto visits = trace.of("visit", 0);
  ASSERT_FALSE(visits.empty());
  EXPECT_EQ(visits[0].due_day, day_of(setup, 2025, 12, 22));
}

TEST(StatutoryClocks, AnAssessmentIsLateAfter45WorkingDaysFromTheReferral) {
  scenario::Scenario s = immediate_risk_before_christmas();
  s.referrals.need_mix = {0.0, 0.0, 1.0, 0.0};  // medium need: an assessment
  s.pathways.assessment.hours = 400.0;          // more than 45 days of 7.4 hours
  s.pathways.assessment.outcomes = {1.0, 0.0, 0.0, 0.0};
  const model::ModelSetup setup(s);
  testing::TraceRecorder trace;
  const auto r = model::run_replication(setup, 1, 0, &trace);
  // 45 working days from Fri 19 December 2025 (15 to Wed 14 January, then 30
  // more): Wed 25 February 2026.
  const auto done = trace.of("assessment_completed", 0);
  ASSERT_FALSE(done.empty());
  EXPECT_EQ(done[0].due_day, day_of(setup, 2026, 2, 25));
  EXPECT_GT(done[0].day, done[0].due_day);
  EXPECT_GE(r.metric(Metric::assessments_late), 1);
}

TEST(Triage, AZeroErrorRateMissesNoUrgentCaseAndACertainOneMissesEvery) {
  scenario::Scenario s = immediate_risk_before_christmas();
  s.referrals.arrival_process = scenario::ReferralSettings::ArrivalProcess::poisson;
  s.referrals.rate_per_working_day = 3.0;
  s.referrals.need_mix = {0.5, 0.0, 0.5, 0.0};
  s.triage.response_by_need[2] = {0.0, 1.0, 0.0};
  const auto perfect = model::run_replication(model::ModelSetup(s), 1, 0);
  EXPECT_GT(perfect.metric(Metric::urgent_referrals), 100);
  EXPECT_EQ(perfect.metric(Metric::urgent_not_identified), 0);
  s.triage.error = {1.0, 0.0, 0.0, 1.0};
  const auto blind = model::run_replication(model::ModelSetup(s), 1, 0);
  EXPECT_EQ(blind.metric(Metric::urgent_referrals), perfect.metric(Metric::urgent_referrals));
  EXPECT_EQ(blind.metric(Metric::urgent_not_identified), blind.metric(Metric::urgent_referrals));
}

// A mix with all its weight on one choice is not drawn from (TeamModel
// works out the choice once): every referral, and every assessment, must
// still take that choice, the last one included, and a mix split between
// choices must still be drawn from.
TEST(Triage, AMixWithAllItsWeightOnOneChoiceAlwaysMakesIt) {
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, April, day{7}}, 8, 0.5);
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 1000};
  s.referrals.need_mix = {0.0, 0.0, 0.0, 1.0};  // the last level only
  for (auto& row : s.triage.response_by_need) row = {1.0, 0.0, 0.0};
  s.triage.response_by_need[3] = {0.0, 0.0, 1.0};  // the last response only: an enquiry
  const auto enquiries = model::run_replication(model::ModelSetup(s), 1, 0);
  EXPECT_GT(enquiries.metric(Metric::referrals_received), 50);
  EXPECT_EQ(enquiries.metric(Metric::urgent_referrals), enquiries.metric(Metric::referrals_received));

  s.triage.response_by_need[3] = {0.5, 0.5, 0.0};  // split: drawn
  const auto split = model::run_replication(model::ModelSetup(s), 1, 0);
  EXPECT_GT(split.metric(Metric::referrals_accepted), 0);
  EXPECT_LT(split.metric(Metric::referrals_accepted), split.metric(Metric::referrals_received));

  s.triage.response_by_need[3] = {0.0, 1.0, 0.0};
  s.pathways.assessment.outcomes = {0.0, 0.0, 0.0, 1.0};  // the last outcome only
  const auto looked_after = model::run_replication(model::ModelSetup(s), 1, 0);
  EXPECT_GT(looked_after.metric(Metric::assessments_completed), 50);
  EXPECT_EQ(looked_after.metric(Metric::looked_after_started), looked_after.metric(Metric::assessments_completed));

  s.pathways.assessment.outcomes = {0.0, 0.5, 0.0, 0.5};  // split: drawn
  const auto both = model::run_replication(model::ModelSetup(s), 1, 0);
  EXPECT_GT(both.metric(Metric::cin_plans_started), 0);
  EXPECT_GT(both.metric(Metric::looked_after_started), 0);
}

TEST(DutyDecisions, ReferralsBeyondTheDutyCapacityWaitAndAreLateAfterOneWorkingDay) {
  // Mon 2 June 2025, no holidays that week. Referrals at working times k/2.4:
  // Mon #1, #2; Tue #3, #4; Wed #5, #6, #7; Thu #8, #9; Fri #10, #11.
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, June, day{2}}, 1, 1.0 / 2.4);
  s.triage.response_by_need[2] = {1.0, 0.0, 0.0};  // all end at the decision
  s.triage.duty_decisions_per_working_day = 1;
  const model::ModelSetup setup(s);
  const auto r = model::run_replication(setup, 1, 0);
  // Decided: #1 Mon (on arrival), #2 Tue, #3 Wed (on time), #4 Thu and #5 Fri (late).
  // Waiting at the end: #6-#9 are past their due date (late); #10, #11 are due Monday.
  EXPECT_EQ(r.metric(Metric::referrals_received), 11);
  EXPECT_EQ(r.metric(Metric::decisions_late), 6);
  EXPECT_EQ(r.ledger.awaiting_decision, 6u);
  EXPECT_EQ(r.ledger.no_further_action, 5u);
  EXPECT_TRUE(r.ledger.balances());
}

TEST(Allocation, CasesWaitFirstComeFirstServedUntilACaseCloses) {
  // Cap 1, one worker, referrals at working times 1, 2, 3, 4 of the week of
  // Mon 2 June 2025; each assessment takes 1.5 working days and ends the case.
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, June, day{2}}, 1, 1.0);
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 1};
  s.pathways.assessment.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1.5, 0.0};
  s.pathways.assessment.outcomes = {1.0, 0.0, 0.0, 0.0};
  const model::ModelSetup setup(s);
  const auto r = model::run_replication(setup, 1, 0);
  // #1 allocated at 1.0, closes 2.5; #2 waits 2.0 -> 2.5 (0.5), closes 4.0;
  // #3 waits 3.0 -> 4.0 (1.0), closes 5.5 (after the run); #4 waits 4.0 -> end
  // (1.0), and still waiting it counts with its wait so far: (0 + 0.5 + 1 + 1) / 4.
  EXPECT_EQ(r.metric(Metric::referrals_accepted), 4);
  EXPECT_EQ(r.metric(Metric::cases_allocated), 3);
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_wait_mean), 0.625);
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_wait_max), 1.0);
  EXPECT_EQ(r.metric(Metric::unallocated_at_end), 1);
  EXPECT_DOUBLE_EQ(r.metric(Metric::longest_current_wait), 1.0);
  EXPECT_EQ(r.metric(Metric::cases_closed), 2);
  EXPECT_EQ(r.ledger.waiting_allocation, 1u);
  EXPECT_EQ(r.ledger.open_allocated, 1u);
  // Queue area 0.5 (#2) + 1.0 (#3) + 1.0 (#4) over 5 working days.
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_queue_mean), 0.5);
}

TEST(Allocation, AReferralDecidedWhileNobodyWaitsGoesToAWorkerAtOnceWithAWaitOfZero) {
  // One worker with a cap of 10 and a referral every 2 working days for 4
  // weeks, each case a CIN plan that outlasts the run: at most 10 cases, so
  // nobody ever waits; each case is counted as allocated from the queue at
  // once (a wait of 0), and the queue is never anything but empty.
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, June, day{2}}, 4, 2.0);
  s.calendar.holidays.clear();
  const model::ModelSetup setup(s);
  const auto r = model::run_replication(setup, 1, 0);
  EXPECT_GT(r.metric(Metric::referrals_accepted), 5);
  EXPECT_EQ(r.metric(Metric::cases_allocated), r.metric(Metric::referrals_accepted));
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_wait_mean), 0.0);
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_wait_max), 0.0);
  EXPECT_DOUBLE_EQ(r.metric(Metric::cases_waited_share), 0.0);
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_queue_mean), 0.0);
  EXPECT_EQ(r.metric(Metric::unallocated_at_end), 0);
  EXPECT_EQ(r.ledger.open_allocated, static_cast<std::uint64_t>(r.metric(Metric::referrals_accepted)));
}

TEST(CaseloadCap, PerFteCapsRoundAPartTimeShareDownAndPerWorkerCapsDoNot) {
  using B = scenario::CaseloadCap::Basis;
  EXPECT_EQ(model::CaseloadCapInForce::for_fte({B::per_fte, 18}, 1.0), 18);
  EXPECT_EQ(model::CaseloadCapInForce::for_fte({B::per_fte, 18}, 0.6), 10);  // 10.8
  EXPECT_EQ(model::CaseloadCapInForce::for_fte({B::per_fte, 15}, 0.8), 12);  // exactly 12
  EXPECT_EQ(model::CaseloadCapInForce::for_fte({B::per_worker, 18}, 0.6), 18);
}

TEST(Absence, AWorkerAlwaysOnLeaveWithNoCoverMissesEveryVisit) {
  scenario::Scenario s = easter_2025();
  s.run.horizon_weeks = 10;  // to Mon 16 June: 54 days after the plan began
  // 52 weeks of leave a year for a full-time worker: SW1 is never at work.
  // SW2 (0.5 FTE: 26 weeks of leave, and every other working day off) is on
  // duty when at work. SW1, first of two equally loaded workers, is allocated
  // the first child, and with no cover nobody visits that child.
  s.workforce.annual_leave_days_per_fte = 260;
  s.team.social_workers = {{"SW1", 1.0, false, false}, {"SW2", 0.5, false, false}};
  s.policy.absence_cover = scenario::AbsenceCover::none;
  const model::ModelSetup setup(s);
  testing::TraceRecorder trace;
  const auto r = model::run_replication(setup, 1, 0, &trace);
  const auto allocated = trace.of("allocated", 0);
  ASSERT_EQ(allocated.size(), 1u);
  EXPECT_EQ(allocated[0].worker, 1);  // post 0, its first holder: SW1
  EXPECT_TRUE(trace.of("visit", 0).empty());
  EXPECT_GE(r.metric(Metric::visits_overdue), 1);
  EXPECT_GE(r.metric(Metric::children_unvisited_6_weeks), 1);
}

}  // namespace
}  // namespace casesim
