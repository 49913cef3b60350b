// The timeline: each dated change takes effect on the first working day on or
// after its date, and only then. The run starts on Monday 7 April 2025 (day
// 0) with no bank holidays, so day d is 7 April + d.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/model/replication.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "tests/support/dates.hpp"
#include "tests/support/same_bits.hpp"
#include "tests/support/steady_team.hpp"
#include "tests/support/trace_recorder.hpp"

namespace casesim::model {
namespace {

using kernel::Date;
using testing::date;
using testing::trace_of;
using testing::worker_id;
using Kind = scenario::TimelineEvent::Kind;

scenario::TimelineEvent event(Kind kind, Date on) {
  scenario::TimelineEvent e;
  e.kind = kind;
  e.date = on;
  return e;
}

TEST(DatedChanges, AWorkerLeavesOnTheFirstWorkingDayOnOrAfterTheDate) {
  scenario::Scenario s = testing::steady_team(3, "timeline");
  auto leaves = event(Kind::worker_leaves, date(2025, 4, 19));  // a Saturday: Monday 21 April is day 14
  leaves.worker = "SW2";
  s.timeline = {leaves};
  const auto left = trace_of(s, "worker_leaves");
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].day, 14);
  EXPECT_EQ(left[0].worker, worker_id(1));
}

TEST(DatedChanges, AgencyWorkersWhoStartedLastLeaveFirst) {
  scenario::Scenario s = testing::steady_team(1, "timeline");
  s.team.social_workers.push_back({"A1", 1.0, true});
  s.team.social_workers.push_back({"A2", 1.0, true});
  s.team.social_workers.push_back({"A3", 1.0, true});
  auto leave = event(Kind::agency_workers_leave, date(2025, 4, 9));  // Wednesday, day 2
  leave.count = 2;
  s.timeline = {leave};
  const auto left = trace_of(s, "agency_worker_leaves");
  ASSERT_EQ(left.size(), 2u);
  // All started on day 0: the later posts (3, then 2) go first.
  EXPECT_EQ(left[0].worker, worker_id(3));
  EXPECT_EQ(left[1].worker, worker_id(2));
  EXPECT_EQ(left[0].day, 2);
  EXPECT_EQ(left[1].day, 2);
}

TEST(DatedChanges, ANewWorkerStartsInANewPostOnTheDate) {
  scenario::Scenario s = testing::steady_team(2, "timeline");
  auto starts = event(Kind::worker_starts, date(2025, 4, 16));  // Wednesday, day 9
  starts.name = "New";
  starts.newly_qualified = true;
  s.timeline = {starts};
  const auto started = trace_of(s, "worker_starts");
  ASSERT_EQ(started.size(), 3u);  // the two at the start, then the new one
  EXPECT_EQ(started[2].day, 9);
  EXPECT_EQ(started[2].worker, worker_id(2));
  EXPECT_EQ(started[2].detail, "newly qualified");
}

TEST(DatedChanges, AnAbsentWorkerTakesNoDutyUntilTheAbsenceEnds) {
  scenario::Scenario s = testing::steady_team(2, "timeline");
  // Poisson arrivals: a regular referral would land on the very first instant
  // of a day, before that day's duty worker is chosen.
  s.referrals.arrival_process = scenario::ReferralSettings::ArrivalProcess::poisson;
  s.referrals.rate_per_working_day = 3.0;
  auto away = event(Kind::worker_absent, date(2025, 4, 14));  // days 7 to 18 inclusive
  away.worker = "SW1";
  away.until = date(2025, 4, 25);
  s.timeline = {away};
  int before = 0, during = 0, after = 0;
  for (const auto& d : trace_of(s, "decision")) {
    if (d.worker != worker_id(0)) continue;
    (d.day < 7 ? before : d.day <= 18 ? during : after) += 1;
  }
  EXPECT_GT(before, 0);
  EXPECT_EQ(during, 0);
  EXPECT_GT(after, 0);
}

TEST(DatedChanges, WithNothingDrawnForWorkersOnlyADatedAbsenceTakesOneAway) {
  // steady_team draws no resignation, sickness or leave: each worker is at
  // work every day but SW1 over the absence (days 7 to 18 inclusive).
  scenario::Scenario s = testing::steady_team(2, "timeline");
  auto away = event(Kind::worker_absent, date(2025, 4, 14));
  away.worker = "SW1";
  away.until = date(2025, 4, 25);
  s.timeline = {away};
  const ModelSetup setup(s);
  const ReplicationResult r = run_replication(setup, 11, 0);
  const auto weeks = static_cast<std::size_t>(setup.weeks());
  // Sampled at the end of each week: who was away on its last working day.
  for (std::size_t week = 0; week < weeks; ++week) {
    const double absent = r.weekly[index(Series::absent_fte) * weeks + week];
    EXPECT_EQ(absent, week == 1 || week == 2 ? 1.0 : 0.0) << "week " << week;
    EXPECT_EQ(r.weekly[index(Series::staff_fte) * weeks + week], 2.0) << "week " << week;
  }
  EXPECT_EQ(r.metric(Metric::sickness_days), 0.0);
}

TEST(DatedChanges, WithNothingDrawnForWorkersALeaverLeavesAVacancyUntilTheRecruitStarts) {
  // A steady team's days pass without a look at each worker; a leaving
  // changes the team, and the post is looked at every day until its recruit
  // starts, two weeks on (day 28), after 10 working days vacant.
  scenario::Scenario s = testing::steady_team(2, "timeline");
  s.workforce.turnover.recruitment_lag_weeks = {scenario::DurationDistribution::Kind::fixed, 2.0, 0.0};
  s.workforce.turnover.agency_fill_share = 0.0;
  auto leaves = event(Kind::worker_leaves, date(2025, 4, 21));  // Monday, day 14
  leaves.worker = "SW2";
  leaves.replaced = true;
  s.timeline = {leaves};
  const auto started = trace_of(s, "worker_starts");
  ASSERT_EQ(started.size(), 3u);  // the two at the start, then the recruit
  EXPECT_EQ(started[2].day, 28);
  EXPECT_EQ(started[2].worker, 1000 + 2);  // post 1's second holder
  const ModelSetup setup(s);
  EXPECT_EQ(run_replication(setup, 11, 0).metric(Metric::vacancy_days), 10.0);
}

TEST(DatedChanges, ANewlyQualifiedWorkersLowerCapEndsWithTheirFirstYearEvenOnAWeekend) {
  // The allocation index is kept from one working day to the next while no
  // worker's room depends on the day: the first year of a worker who starts
  // on Friday 11 April 2025 (day 4) ends on a Saturday (day 369), so the
  // index last held on the Friday before (day 368) counts their lower cap,
  // and Monday (day 371) must look again.
  scenario::Scenario s = testing::steady_team(1, "timeline");
  s.run.horizon_weeks = 55;
  // A referral also half-way through each day: the index, not a scan before
  // the day starts, answers it.
  s.referrals.rate_per_working_day = 2.0;
  s.policy.caseload_cap.cases = 2;
  s.policy.escalation.enabled = false;  // a change in its allowance over the cap would build the index again
  s.workforce.newly_qualified_cap_share = 0.5;
  s.workforce.new_starter_ramp_up_weeks = 0;
  auto starts = event(Kind::worker_starts, date(2025, 4, 11));
  starts.name = "New";
  starts.newly_qualified = true;
  s.timeline = {starts};
  // SW1 fills their cap of 2 in the first days; the newly qualified worker
  // takes 1 when they start and a second the first working day after their
  // first year, while the queue of children waiting only grows.
  std::vector<int> new_worker_days;
  for (const auto& a : trace_of(s, "allocated"))
    if (a.worker == worker_id(1)) new_worker_days.push_back(a.day);
  EXPECT_EQ(new_worker_days, (std::vector<int>{4, 371}));
}

TEST(DatedChanges, ARaisedCapTakesCasesFromTheQueueThatDay) {
  scenario::Scenario s = testing::steady_team(1, "timeline");
  s.policy.caseload_cap.cases = 2;
  auto cap = event(Kind::caseload_cap, date(2025, 4, 23));  // Wednesday, day 16
  cap.cases = 5;
  s.timeline = {cap};
  const ModelSetup setup(s);
  const ReplicationResult r = run_replication(setup, 11, 0);
  const auto weeks = static_cast<std::size_t>(setup.weeks());
  const auto caseload = [&](std::size_t week) { return r.weekly[index(Series::caseload) * weeks + week]; };
  // Referrals keep coming (one a working day) and no case ends, so the worker
  // is at the cap: 2 through week 1 (days 7-13), 5 from week 2 (days 14-20) on.
  EXPECT_EQ(caseload(0), 2.0);
  EXPECT_EQ(caseload(1), 2.0);
  EXPECT_EQ(caseload(3), 5.0);
  // Referrals come at the start of days 1, 2, 3, ... (one working day of
  // working time apart): those of days 1 and 2 fill the cap; the rest wait
  // until the cap rises on day 16, when three are allocated.
  int allocated_early = 0, allocated_on_day_16 = 0;
  testing::TraceRecorder trace;
  run_replication(setup, 11, 0, &trace);
  for (const auto& a : trace.of("allocated")) {
    if (a.day >= 3 && a.day < 16) ++allocated_early;
    if (a.day == 16) ++allocated_on_day_16;
  }
  EXPECT_EQ(allocated_early, 0);
  EXPECT_EQ(allocated_on_day_16, 3);
}

TEST(DatedChanges, AReplacedManagerLeavesAndTheNewOneStartsWeeksLater) {
  scenario::Scenario s = testing::steady_team(2, "timeline");
  auto replaced = event(Kind::manager_replaced, date(2025, 4, 14));  // day 7
  replaced.weeks = 2;
  s.timeline = {replaced};
  const auto left = trace_of(s, "manager_leaves");
  const auto started = trace_of(s, "manager_starts");
  ASSERT_EQ(left.size(), 1u);
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(left[0].day, 7);
  EXPECT_EQ(started[0].day, 21);
  EXPECT_EQ(started[0].detail, "permanent");
}

TEST(DatedChanges, SupervisionStopsWhileTheManagerIsAbsentAndStartsWhenAnIntervalIsSet) {
  scenario::Scenario s = testing::steady_team(2, "timeline");
  s.team.manager.supervision_hours_per_week = 10;
  s.supervision.modelled = true;
  s.supervision.interval_weeks = 0;
  auto start = event(Kind::supervision_interval, date(2025, 4, 14));  // day 7: first sessions due day 17
  start.weeks = 2;
  auto away = event(Kind::manager_absent, date(2025, 5, 5));  // days 28 to 41
  away.until = date(2025, 5, 18);
  s.timeline = {start, away};
  int before = 0, during = 0, after = 0;
  for (const auto& session : trace_of(s, "supervision"))
    (session.day < 7 ? before : session.day >= 28 && session.day <= 41 ? during : after) += 1;
  EXPECT_EQ(before, 0);
  EXPECT_EQ(during, 0);
  EXPECT_GT(after, 0);
}

TEST(DatedChanges, NoReferralsArriveWhileTheRateIsZero) {
  scenario::Scenario s = testing::steady_team(2, "timeline");
  auto pause = event(Kind::referral_rate, date(2025, 4, 14));  // days 7 to 18
  pause.factor = 0.0;
  pause.until = date(2025, 4, 25);
  s.timeline = {pause};
  int before = 0, during = 0, after = 0;
  for (const auto& r : trace_of(s, "referral")) (r.day < 7 ? before : r.day <= 18 ? during : after) += 1;
  EXPECT_EQ(before, 4);  // one a working day, at the start of days 1-4
  EXPECT_EQ(during, 0);
  EXPECT_GT(after, 0);
}

// A timeline that is empty, or whose changes change nothing, leaves every
// result bit-identical.
TEST(DatedChanges, AnEmptyOrNeutralTimelineChangesNothing) {
  std::ifstream in("scenarios/baseline.yaml");
  std::stringstream text;
  text << in.rdbuf();
  const auto load = [&](const std::string& extra) {
    scenario::Scenario s = scenario::parse_scenario({"baseline.yaml", text.str() + extra});
    s.run.horizon_weeks = 60;
    s.run.warm_up_weeks = 8;
    return s;
  };
  const ModelSetup plain(load(""));
  const ModelSetup empty(load("\ntimeline: []\n"));
  const ModelSetup neutral(
      load("\ntimeline:\n  - {date: 2025-06-02, event: referral_rate, factor: 1}\n"
           "  - {date: 2025-07-01, event: caseload_cap, cases: 22}\n"));
  for (std::uint64_t replication = 0; replication < 4; ++replication) {
    const ReplicationResult a = run_replication(plain, 5, replication);
    for (const ModelSetup* other : {&empty, &neutral}) {
      const ReplicationResult b = run_replication(*other, 5, replication);
      EXPECT_TRUE(testing::same_bits(a.summary, b.summary));
      EXPECT_TRUE(testing::same_bits(a.weekly, b.weekly));
    }
  }
}

}  // namespace
}  // namespace casesim::model
