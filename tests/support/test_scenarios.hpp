#pragma once
// Scenarios built in code for tests, so each test states exactly the
// configuration it depends on.
#include <string>

#include "engine/scenario/scenario.hpp"

namespace casesim::testing {

// A team with no visits, no triage limit and every referral accepted: the
// allocation queue alone. With exponential durations and a cap of `cap`
// cases per worker it is an M/M/c queue with c = workers * cap servers
// (arrivals and service both in working time).
inline scenario::Scenario queue_only_scenario(int workers, int cap, double arrivals_per_working_day,
                                              double mean_duration_working_days, int horizon_weeks,
                                              int warm_up_weeks) {
  scenario::Scenario s;
  s.name = "queue-only";
  s.run.horizon_weeks = horizon_weeks;
  s.run.warm_up_weeks = warm_up_weeks;
  s.calendar.bank_holidays = "none";
  s.referrals.rate_per_working_day = arrivals_per_working_day;
  s.referrals.accepted_share = 1.0;
  s.triage.duty_decisions_per_working_day = 0;
  s.cases.duration_working_days = {scenario::DurationDistribution::Kind::exponential, mean_duration_working_days, 0.0};
  s.cases.visit_interval_working_days = 0;
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, static_cast<double>(cap)};
  for (int i = 0; i < workers; ++i) s.team.social_workers.push_back({"SW" + std::to_string(i + 1), 1.0});
  return s;
}

}  // namespace casesim::testing
