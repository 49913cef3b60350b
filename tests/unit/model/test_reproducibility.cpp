// Same scenario and seed: bit-identical results whatever the thread count.
// Different seeds: different results. A policy change: the same referrals.
#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "engine/runner/run_replications.hpp"
#include "tests/support/test_scenarios.hpp"

namespace casesim {
namespace {

using model::Metric;

scenario::Scenario busy_team() {
  scenario::Scenario s = testing::queue_only_scenario(6, 3, 2.0, 8.0, 30, 4);
  s.triage.duty_decisions_per_working_day = 3;
  s.referrals.need_mix = {0.1, 0.2, 0.4, 0.3};
  s.triage.response_by_need[0] = {0.0, 0.0, 1.0};
  s.triage.response_by_need[1] = {0.0, 0.5, 0.5};
  s.triage.response_by_need[3] = {0.2, 0.8, 0.0};
  s.triage.error = {0.05, 0.02, 0.01, 0.5};
  s.pathways.assessment.duration_working_days = {scenario::DurationDistribution::Kind::lognormal, 9.0, 6.0};
  s.pathways.assessment.hours = 4.0;
  s.pathways.assessment.visit_within_working_days = 5;
  s.pathways.assessment.visit_hours = 2.0;
  s.pathways.assessment.outcomes = {0.4, 0.4, 0.1, 0.1};
  s.pathways.section_47.icpc_hours = 3.0;
  s.pathways.cp_plan.visits = {10, 3.0};
  s.pathways.cp_plan.core_group_interval_working_days = 20;
  s.pathways.cp_plan.core_group_hours = 2.0;
  s.pathways.cp_plan.duration_working_days = {scenario::DurationDistribution::Kind::gamma, 40.0, 20.0};
  s.pathways.cin_plan.visits = {20, 3.0};
  s.pathways.cin_plan.duration_working_days = {scenario::DurationDistribution::Kind::exponential, 30.0, 0.0};
  s.pathways.looked_after.visit_hours = 4.0;
  s.pathways.looked_after.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 50.0, 0.0};
  s.team.full_time_hours_per_week = 37.0;
  s.team.social_workers[1].fte = 0.6;
  s.team.social_workers[2].agency = true;
  s.team.manager.supervision_hours_per_week = 6.0;
  s.workforce.annual_leave_days_per_fte = 25;
  s.workforce.sickness = {3.0, {scenario::DurationDistribution::Kind::lognormal, 5.0, 5.0}, 1.0};
  s.workforce.turnover.annual_rate = 0.3;
  s.workforce.turnover.agency_fill_share = 0.7;
  s.workforce.turnover.recruitment_lag_weeks = {scenario::DurationDistribution::Kind::lognormal, 8.0, 4.0};
  s.workforce.manager = {0.5, 2, {scenario::DurationDistribution::Kind::fixed, 10.0, 0.0}, 0.5};
  s.supervision = {true, 4, 1.5, 0.01, 0.2};
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_fte, 3};
  s.policy.absence_cover = scenario::AbsenceCover::duty;
  s.policy.escalation = {true, 4, 10, true, 2, 4, 3.0, 1, 1};
  return s;
}

bool bit_identical(const std::vector<model::ReplicationResult>& a, const std::vector<model::ReplicationResult>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::memcmp(a[i].summary.data(), b[i].summary.data(), sizeof(double) * a[i].summary.size()) != 0) return false;
    if (a[i].weekly.size() != b[i].weekly.size() ||
        std::memcmp(a[i].weekly.data(), b[i].weekly.data(), sizeof(double) * a[i].weekly.size()) != 0)
      return false;
  }
  return true;
}

std::vector<model::ReplicationResult> run(const model::ModelSetup& setup, std::uint64_t seed, int threads,
                                          std::size_t replications = 16) {
  runner::RunPlan plan;
  plan.seed = seed;
  plan.replications = replications;
  plan.threads = threads;
  return runner::run_replications(setup, plan);
}

TEST(Reproducibility, ResultsAreBitIdenticalWithOneTwoAndFourThreads) {
  const model::ModelSetup setup(busy_team());
  const auto one = run(setup, 42, 1);
  EXPECT_TRUE(bit_identical(one, run(setup, 42, 2)));
  EXPECT_TRUE(bit_identical(one, run(setup, 42, 4)));
  EXPECT_GT(one[0].metric(Metric::visits_due), 0);  // the comparison covers a team that does work
}

TEST(Reproducibility, ReplicationKIsTheSameWhetherRunAloneOrAmongOthers) {
  const model::ModelSetup setup(busy_team());
  const auto all = run(setup, 42, 2, 8);
  runner::RunPlan plan;
  plan.seed = 42;
  plan.first_replication = 5;
  plan.replications = 1;
  const auto fifth = runner::run_replications(setup, plan);
  EXPECT_TRUE(bit_identical({all[5]}, fifth));
}

TEST(Reproducibility, DifferentSeedsAndDifferentReplicationsDiffer) {
  const model::ModelSetup setup(busy_team());
  const auto a = run(setup, 42, 2, 4);
  const auto b = run(setup, 43, 2, 4);
  for (std::size_t i = 0; i < a.size(); ++i)
    EXPECT_NE(a[i].metric(Metric::referrals_received), b[i].metric(Metric::referrals_received)) << i;
  EXPECT_NE(a[0].metric(Metric::referrals_received), a[1].metric(Metric::referrals_received));
}

TEST(CommonRandomNumbers, AChangeOfCapChangesOutcomesButNotTheReferralsThatArrive) {
  scenario::Scenario tight = busy_team();
  scenario::Scenario loose = busy_team();
  tight.policy.caseload_cap.cases = 2;
  loose.policy.caseload_cap.cases = 6;
  const auto t = run(model::ModelSetup(tight), 7, 2);
  const auto l = run(model::ModelSetup(loose), 7, 2);
  bool any_wait_differs = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    EXPECT_EQ(t[i].ledger.received, l[i].ledger.received);
    EXPECT_EQ(t[i].metric(Metric::referrals_received), l[i].metric(Metric::referrals_received));
    // Triage is not affected by the cap, so the same referrals are accepted.
    EXPECT_EQ(t[i].metric(Metric::referrals_accepted), l[i].metric(Metric::referrals_accepted));
    any_wait_differs |= t[i].metric(Metric::unallocated_wait_mean) != l[i].metric(Metric::unallocated_wait_mean);
  }
  EXPECT_TRUE(any_wait_differs);
}

}  // namespace
}  // namespace casesim
