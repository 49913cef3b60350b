// The first model slice, mechanism by mechanism, against dates and counts
// worked out by hand from the calendar.
#include <gtest/gtest.h>

#include "engine/model/model_setup.hpp"
#include "engine/model/replication.hpp"

namespace casesim {
namespace {

using kernel::Date;
using model::Metric;
using namespace std::chrono;

scenario::Scenario one_worker_scenario(Date start, int weeks) {
  scenario::Scenario s;
  s.name = "hand-worked";
  s.run.start_date = start;
  s.run.horizon_weeks = weeks;
  s.run.warm_up_weeks = 0;
  s.calendar.bank_holidays = "none";
  s.referrals.arrival_process = scenario::ReferralSettings::ArrivalProcess::regular;
  s.referrals.accepted_share = 1.0;
  s.triage.duty_decisions_per_working_day = 0;
  s.cases.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1000.0, 0.0};
  s.team.full_time_hours_per_working_day = 7.4;
  s.team.social_workers = {{"SW1", 1.0}};
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_fte, 10};
  return s;
}

// Easter 2025: Good Friday 18 April and Easter Monday 21 April; early May bank holiday 5 May.
scenario::Scenario easter_2025_single_referral() {
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, April, day{7}}, 4);  // Mon 7 April to Sun 4 May
  s.calendar.holidays = {Date{year{2025}, April, day{18}}, Date{year{2025}, April, day{21}},
                         Date{year{2025}, May, day{5}}};
  // One referral every 10 working days: the first at the start of the 11th
  // working day, Wednesday 23 April (18 and 21 April are holidays); the second
  // would come on Thursday 8 May, after the run.
  s.referrals.rate_per_working_day = 0.1;
  s.cases.visit_interval_working_days = 3;
  s.cases.visit_hours = 3.0;
  return s;
}

TEST(StatutoryVisits, FallDueEveryIntervalOfWorkingDaysAcrossBankHolidays) {
  const model::ModelSetup setup(easter_2025_single_referral());
  const auto r = model::run_replication(setup, 1, 0);
  // Allocated Wed 23 April. Visits due Mon 28 April (24, 25, 28) and Thu 1 May
  // (29, 30, 1); the next, Wed 7 May (2, 6, 7: 5 May is a holiday), is after the run.
  EXPECT_EQ(r.metric(Metric::referrals_received), 1);
  EXPECT_EQ(r.metric(Metric::cases_allocated), 1);
  EXPECT_EQ(r.metric(Metric::visits_due), 2);
  EXPECT_EQ(r.metric(Metric::visits_overdue), 0);
  // Gaps of 3 working days; from the last visit to the end (Mon 5 May, a holiday) only Fri 2 May.
  EXPECT_EQ(r.metric(Metric::longest_visit_gap), 3);
  EXPECT_TRUE(r.ledger.balances());
  EXPECT_EQ(r.ledger.open_allocated, 1u);
}

TEST(StatutoryVisits, AWorkerWithTooFewHoursDoesNoVisitsAndEveryOneIsOverdue) {
  scenario::Scenario s = easter_2025_single_referral();
  s.cases.visit_hours = 8.0;  // more than the 7.4 hours in a working day
  const model::ModelSetup setup(s);
  const auto r = model::run_replication(setup, 1, 0);
  // The visit due Mon 28 April is never done: by the end (Mon 5 May) it is late
  // by the working days 29, 30 April, 1 and 2 May = 4. The next visit never
  // falls due, because its date is counted from a visit that never happened.
  EXPECT_EQ(r.metric(Metric::visits_due), 1);
  EXPECT_EQ(r.metric(Metric::visits_overdue), 1);
  EXPECT_EQ(r.metric(Metric::visit_days_overdue_max), 4);
  EXPECT_EQ(r.metric(Metric::visit_days_overdue_mean), 4);
  // Unvisited from allocation (23 April) to the end: 24, 25, 28, 29, 30 April, 1, 2 May.
  EXPECT_EQ(r.metric(Metric::longest_visit_gap), 7);
}

TEST(StatutoryVisits, PartTimeHoursLimitVisitsPerDayAndTheRestSlip) {
  // Two referrals arrive on Monday 2 June 2025 and are allocated to one 0.5 FTE
  // worker (3.7 hours a day): with 3-hour visits only one visit a day fits.
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, June, day{2}}, 2);
  s.team.social_workers = {{"SW1", 0.5}};
  s.referrals.rate_per_working_day = 2.4;  // at working times 0.42 and 0.83 on Monday, then more
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 2};  // only the first two are allocated
  s.cases.visit_interval_working_days = 5;
  s.cases.visit_hours = 3.0;
  const model::ModelSetup setup(s);
  const auto r = model::run_replication(setup, 1, 0);
  // Both visits are due Monday 9 June; one is done that day, the other (the
  // later referral) on Tuesday, one working day late. Next: 16 June (on time,
  // its 5 working days counted from 9 June) and 17 June, due 17 June (on time).
  EXPECT_EQ(r.metric(Metric::cases_allocated), 2);
  EXPECT_EQ(r.metric(Metric::visits_due), 2);  // the 16 and 17 June visits are after the 2-week run
  EXPECT_EQ(r.metric(Metric::visits_overdue), 1);
  EXPECT_EQ(r.metric(Metric::visit_days_overdue_max), 1);
  EXPECT_EQ(r.metric(Metric::longest_visit_gap), 6);  // Mon 2 June to Tue 10 June
  EXPECT_EQ(r.most_over_cap, 0);
}

TEST(DutyDecisions, ReferralsBeyondTheDutyCapacityWaitAndAreLateAfterOneWorkingDay) {
  // Mon 2 June 2025, no holidays that week. Referrals at working times k/2.4:
  // Mon #1, #2; Tue #3, #4; Wed #5, #6, #7; Thu #8, #9; Fri #10, #11.
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, June, day{2}}, 1);
  s.referrals.rate_per_working_day = 2.4;
  s.referrals.accepted_share = 0.0;
  s.triage.duty_decisions_per_working_day = 1;
  s.triage.decision_standard_working_days = 1;
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
  // Cap 1, one worker: referral 1 (Mon 2 June, working time 0.5) is allocated
  // and closes 2 working days later (Wed 0.5); referral 2 (Tue, 1.5) waits
  // until then: 1 working day. Referral 3 (Wed, 2.5) waits from 2.5 to 4.5.
  scenario::Scenario s = one_worker_scenario(Date{year{2025}, June, day{2}}, 1);
  s.referrals.rate_per_working_day = 1.0 / 1.5;  // working times 1.5, 3.0, 4.5: not what we want
  s.referrals.rate_per_working_day = 1.0;        // 1.0, 2.0, 3.0, 4.0: each at the start of a day
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 1};
  s.cases.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1.5, 0.0};
  s.cases.visit_interval_working_days = 0;
  const model::ModelSetup setup(s);
  const auto r = model::run_replication(setup, 1, 0);
  // Arrivals at 1, 2, 3, 4 (the fifth, at 5.0, is the start of the next week).
  // #1 allocated at 1.0, closes 2.5; #2 waits 2.0 -> 2.5 (0.5), closes 4.0;
  // #3 waits 3.0 -> 4.0 (1.0), closes 5.5 (after the run); #4 waits 4.0 -> end (5.0).
  EXPECT_EQ(r.metric(Metric::referrals_accepted), 4);
  EXPECT_EQ(r.metric(Metric::cases_allocated), 3);
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_wait_mean), 0.5);  // (0 + 0.5 + 1.0) / 3
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_wait_max), 1.0);   // #4 has waited 1.0 at the end
  EXPECT_EQ(r.metric(Metric::cases_closed), 2);
  EXPECT_EQ(r.ledger.waiting_allocation, 1u);
  EXPECT_EQ(r.ledger.open_allocated, 1u);
  EXPECT_EQ(r.ledger.closed, 2u);
  // Queue length over the week: 1 during [2.5-2.5]=0, ... worked as the area
  // 0.5 (#2) + 1.0 (#3) + 1.0 (#4) = 2.5 over 5 working days.
  EXPECT_DOUBLE_EQ(r.metric(Metric::unallocated_queue_mean), 0.5);
}

TEST(CaseloadCap, PerFteCapsRoundAPartTimeShareDownAndPerWorkerCapsDoNot) {
  EXPECT_EQ(model::caseload_cap_for({scenario::CaseloadCap::Basis::per_fte, 18}, 1.0), 18);
  EXPECT_EQ(model::caseload_cap_for({scenario::CaseloadCap::Basis::per_fte, 18}, 0.6), 10);  // 10.8
  EXPECT_EQ(model::caseload_cap_for({scenario::CaseloadCap::Basis::per_fte, 15}, 0.8), 12);  // exactly 12
  EXPECT_EQ(model::caseload_cap_for({scenario::CaseloadCap::Basis::per_worker, 18}, 0.6), 18);
}

}  // namespace
}  // namespace casesim
