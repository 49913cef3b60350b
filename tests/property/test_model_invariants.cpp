// Invariants over many random scenarios and seeds (RapidCheck): whatever the
// team, demand and policy, every referral is accounted for, a hard cap is never
// exceeded, and no count or clock is negative or impossible.
#include <cmath>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "engine/model/replication.hpp"
#include "tests/support/test_scenarios.hpp"

namespace casesim {
namespace {

using model::Metric;
using Kind = scenario::DurationDistribution::Kind;

scenario::Scenario random_scenario() {
  scenario::Scenario s;
  s.name = "random";
  s.calendar.bank_holidays = "none";
  s.run.horizon_weeks = *rc::gen::inRange(1, 40);
  s.run.warm_up_weeks = *rc::gen::inRange(0, s.run.horizon_weeks);
  s.referrals.arrival_process = *rc::gen::element(scenario::ReferralSettings::ArrivalProcess::poisson,
                                                  scenario::ReferralSettings::ArrivalProcess::regular);
  s.referrals.rate_per_working_day = *rc::gen::inRange(1, 400) / 40.0;
  s.referrals.accepted_share = *rc::gen::inRange(0, 101) / 100.0;
  s.triage.duty_decisions_per_working_day = *rc::gen::inRange(0, 8);
  s.triage.decision_standard_working_days = *rc::gen::inRange(0, 4);
  const Kind kind = *rc::gen::element(Kind::fixed, Kind::exponential, Kind::lognormal, Kind::gamma);
  const double mean = *rc::gen::inRange(1, 400) / 4.0;
  const double sd = (kind == Kind::lognormal || kind == Kind::gamma) ? *rc::gen::inRange(1, 400) / 4.0 : 0.0;
  s.cases.duration_working_days = {kind, mean, sd};
  s.cases.visit_interval_working_days = *rc::gen::inRange(0, 30);
  s.cases.visit_hours = *rc::gen::inRange(1, 40) / 4.0;
  s.team.full_time_hours_per_working_day = *rc::gen::inRange(1, 40) / 4.0;
  const int workers = *rc::gen::inRange(1, 12);
  for (int i = 0; i < workers; ++i)
    s.team.social_workers.push_back({"SW" + std::to_string(i), *rc::gen::inRange(1, 11) / 10.0});
  s.policy.caseload_cap = {*rc::gen::element(scenario::CaseloadCap::Basis::per_fte,
                                             scenario::CaseloadCap::Basis::per_worker),
                           static_cast<double>(*rc::gen::inRange(1, 30))};
  return s;
}

RC_GTEST_PROP(ModelInvariants, HoldForRandomScenariosAndSeeds, ()) {
  const scenario::Scenario s = random_scenario();
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  const auto replication = *rc::gen::inRange<std::uint64_t>(0, 1000);
  const model::ModelSetup setup(s);
  const auto r = model::run_replication(setup, seed, replication);

  RC_ASSERT(r.ledger.balances());
  RC_ASSERT(r.most_over_cap <= 0);
  for (double v : r.summary) RC_ASSERT(std::isfinite(v) && v >= 0.0);
  for (double v : r.weekly) RC_ASSERT(std::isfinite(v) && v >= 0.0);
  RC_ASSERT(r.weekly.size() == model::kSeriesCount * static_cast<std::size_t>(s.run.horizon_weeks));
  RC_ASSERT(r.metric(Metric::visits_overdue) <= r.metric(Metric::visits_due));
  RC_ASSERT(r.metric(Metric::decisions_late) <= r.metric(Metric::referrals_received));
  RC_ASSERT(r.metric(Metric::referrals_accepted) <= r.metric(Metric::referrals_received));
  RC_ASSERT(r.metric(Metric::visit_days_overdue_mean) <= r.metric(Metric::visit_days_overdue_max));
  RC_ASSERT(r.metric(Metric::unallocated_wait_mean) <= r.metric(Metric::unallocated_wait_max));
  // No worker holds more than their cap, so neither does the team on average.
  double team_cap = 0.0;
  for (const auto& w : setup.workers()) team_cap += w.caseload_cap;
  RC_ASSERT(r.metric(Metric::caseload_mean) <= team_cap + 1e-9);
  if (s.cases.visit_interval_working_days == 0) RC_ASSERT(r.metric(Metric::visits_due) == 0.0);
}

}  // namespace
}  // namespace casesim
