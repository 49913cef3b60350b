// Staffing that arrives and leaves over time, as a plan a manager can carry
// out: additional workers who start after a lead time or a recruitment lag,
// new starters who take time to reach a full caseload, and leavers kept on
// until a later date. Small teams run from Monday 7 April 2025 (day 0) with no
// bank holidays, so day d is 7 April + d; the shipped baseline for the
// comparisons under common random numbers.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/model/metrics.hpp"
#include "engine/model/replication.hpp"
#include "engine/scenario/load_scenario.hpp"
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

std::string baseline_text() {
  std::ifstream in("scenarios/baseline.yaml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The baseline, shortened: 60 weeks from 7 April 2025 with 8 of warm-up.
scenario::Scenario short_baseline(const std::vector<scenario::Override>& overrides, const std::string& extra = "") {
  scenario::Scenario s = scenario::parse_scenario({"baseline.yaml", baseline_text() + extra}, overrides);
  s.run.horizon_weeks = 60;
  s.run.warm_up_weeks = 8;
  return s;
}

scenario::Override set(const std::string& field, const std::string& value) {
  return scenario::Override{field, value, "test", 1};
}

std::size_t metric(std::string_view name) {
  const auto& definitions = metric_definitions();
  const auto found = std::find_if(definitions.begin(), definitions.end(),
                                  [name](const QuantityDefinition& d) { return d.name == name; });
  return static_cast<std::size_t>(found - definitions.begin());
}

// The lead time is the timeline's machinery: the same team with the same
// starters written as dated changes by hand gives the same bits.
TEST(PlansInTime, AdditionalWorkersAfterALeadTimeAreDatedStartersWrittenByHand) {
  // Overrides are applied before the run is shortened, so the warm-up the lead
  // counts from is set in both: 8 weeks, then 6 more, is Monday 14 July 2025.
  const scenario::Scenario lead = short_baseline(
      {set("team.additional_permanent_workers", "2"), set("team.additional_permanent_start_after_weeks", "6")});
  const scenario::Scenario by_hand =
      short_baseline({},
                     "\ntimeline:\n  - {date: 2025-07-14, event: worker_starts, name: Extra1}\n"
                     "  - {date: 2025-07-14, event: worker_starts, name: Extra2}\n");
  const scenario::Scenario first_day = short_baseline({set("team.additional_permanent_workers", "2")});
  const ModelSetup a(lead), b(by_hand), c(first_day);
  bool differs_from_first_day = false;
  for (std::uint64_t replication = 0; replication < 3; ++replication) {
    const ReplicationResult ra = run_replication(a, 5, replication);
    const ReplicationResult rb = run_replication(b, 5, replication);
    EXPECT_TRUE(testing::same_bits(ra.summary, rb.summary));
    EXPECT_TRUE(testing::same_bits(ra.weekly, rb.weekly));
    differs_from_first_day =
        differs_from_first_day || !testing::same_bits(ra.summary, run_replication(c, 5, replication).summary);
  }
  EXPECT_TRUE(differs_from_first_day);
}

TEST(PlansInTime, AStarterDueAfterTheRunNeverStarts) {
  scenario::Scenario s = testing::steady_team(1, "plans");
  s.team.additional_agency_workers = 1;
  s.team.additional_agency_start_after_weeks = 10;  // the run is 10 weeks
  EXPECT_EQ(trace_of(s, "agency_worker_starts").size(), 0u);
  s.team.additional_agency_start_after_weeks = 2;
  const auto started = trace_of(s, "agency_worker_starts");
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].day, 14);
}

// A post advertised when the counted period starts is filled after the
// recruitment lag (here a fixed 3 weeks after a 2-week warm-up), with no
// agency cover meanwhile.
TEST(PlansInTime, ARecruitedPostIsFilledAfterTheRecruitmentLag) {
  scenario::Scenario s = testing::steady_team(1, "plans");
  s.run.warm_up_weeks = 2;
  s.workforce.turnover.recruitment_lag_weeks = {scenario::DurationDistribution::Kind::fixed, 3.0, 0.0};
  s.workforce.turnover.agency_fill_share = 1.0;
  s.team.additional_permanent_workers = 1;
  s.team.additional_permanent_recruited = true;
  const auto started = trace_of(s, "worker_starts");
  ASSERT_EQ(started.size(), 2u);  // the listed worker on day 0, the recruit
  EXPECT_EQ(started[1].day, 14 + 21);
  EXPECT_EQ(started[1].worker, worker_id(1));
  EXPECT_EQ(trace_of(s, "agency_worker_starts").size(), 0u);
}

// One worker full at a cap of 4, a second who starts on day 14: unramped,
// they take 4 cases at once; ramped over 4 weeks, none on the first day and
// one a week after.
TEST(PlansInTime, ARampedStarterHoldsFewerCasesEarly) {
  scenario::Scenario s = testing::steady_team(1, "plans");
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 4.0};
  scenario::TimelineEvent starts;
  starts.kind = Kind::worker_starts;
  starts.date = date(2025, 4, 21);  // day 14
  starts.name = "New";
  s.timeline = {starts};
  const auto allocated_by = [&](const scenario::Scenario& scenario, int day) {
    int n = 0;
    for (const auto& r : trace_of(scenario, "allocated")) n += r.worker == worker_id(1) && r.day <= day;
    return n;
  };
  EXPECT_EQ(allocated_by(s, 14), 4);
  s.workforce.new_starter_ramp_up_weeks = 4.0;
  EXPECT_EQ(allocated_by(s, 14), 0);
  EXPECT_EQ(allocated_by(s, 21), 1);  // a quarter of the way: floor(4 x 0.25)
  EXPECT_EQ(allocated_by(s, 42), 4);  // at full capacity after 4 weeks
}

TEST(PlansInTime, NoRampUpChangesNothing) {
  const ModelSetup plain(short_baseline({}));
  const ModelSetup zero(short_baseline({set("workforce.new_starter_ramp_up_weeks", "0")}));
  const ModelSetup ramped(short_baseline({set("workforce.new_starter_ramp_up_weeks", "12")}));
  bool ramp_matters = false;
  for (std::uint64_t replication = 0; replication < 3; ++replication) {
    const ReplicationResult a = run_replication(plain, 5, replication);
    const ReplicationResult b = run_replication(zero, 5, replication);
    EXPECT_TRUE(testing::same_bits(a.summary, b.summary));
    EXPECT_TRUE(testing::same_bits(a.weekly, b.weekly));
    ramp_matters = ramp_matters || !testing::same_bits(a.summary, run_replication(ramped, 5, replication).summary);
  }
  EXPECT_TRUE(ramp_matters);
}

TEST(PlansInTime, RetainedAgencyWorkersLeaveOnTheRetentionDate) {
  scenario::Scenario s = testing::steady_team(1, "plans");
  s.team.social_workers.push_back({"A1", 1.0, true});
  s.team.social_workers.push_back({"A2", 1.0, true});
  scenario::TimelineEvent leave;
  leave.kind = Kind::agency_workers_leave;
  leave.date = date(2025, 4, 9);  // day 2
  leave.count = 2;
  s.timeline = {leave};
  s.team.retained_leavers = 1;
  s.team.retained_until = date(2025, 4, 30);  // day 23
  const auto left = trace_of(s, "agency_worker_leaves");
  ASSERT_EQ(left.size(), 2u);
  EXPECT_EQ(left[0].day, 2);
  EXPECT_EQ(left[1].day, 23);
  EXPECT_NE(left[0].worker, left[1].worker);
}

TEST(PlansInTime, ARetainedWorkerLeavesOnTheFirstWorkingDayFromTheDate) {
  scenario::Scenario s = testing::steady_team(3, "plans");
  scenario::TimelineEvent leaves;
  leaves.kind = Kind::worker_leaves;
  leaves.date = date(2025, 4, 21);  // day 14
  leaves.worker = "SW2";
  s.timeline = {leaves};
  s.team.retained_leavers = 1;
  s.team.retained_until = date(2025, 5, 3);  // a Saturday: Monday 5 May is day 28
  const auto left = trace_of(s, "worker_leaves");
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].day, 28);
  EXPECT_EQ(left[0].worker, worker_id(1));
  // Kept until before the leaving date: they leave as planned.
  s.team.retained_until = date(2025, 4, 18);
  EXPECT_EQ(trace_of(s, "worker_leaves").at(0).day, 14);
}

// Two of the baseline's workers leave in the first counted month; keeping them
// five months longer leaves fewer statutory visits late, replication by
// replication summed (common random numbers: the same referrals and absences).
TEST(PlansInTime, KeepingLeaversLeavesFewerVisitsLate) {
  const std::string leaving =
      "\ntimeline:\n  - {date: 2025-06-09, event: worker_leaves, worker: SW01}\n"
      "  - {date: 2025-06-09, event: worker_leaves, worker: SW02}\n";
  const ModelSetup leave(short_baseline({}, leaving));
  const ModelSetup keep(
      short_baseline({set("team.retained_leavers", "2"), set("team.retained_until", "2025-11-10")}, leaving));
  const std::size_t late = metric("visits_overdue");
  double late_leaving = 0.0, late_kept = 0.0;
  for (std::uint64_t replication = 0; replication < 10; ++replication) {
    late_leaving += run_replication(leave, 9, replication).summary[late];
    late_kept += run_replication(keep, 9, replication).summary[late];
  }
  EXPECT_LT(late_kept, late_leaving);
}

}  // namespace
}  // namespace casesim::model
