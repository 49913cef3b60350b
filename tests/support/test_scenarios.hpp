#pragma once
// Scenarios built in code for tests, so each test states exactly the
// configuration it depends on.
#include <string>

#include "engine/scenario/scenario.hpp"

namespace casesim::testing {

// A team whose only business is allocation: every referral is sent for an
// assessment that needs no worker hours and no visit, takes an exponential
// time and ends with no further action; no absence, turnover or supervision.
// With a cap of `cap` cases per worker it is an M/M/c queue with
// c = workers * cap servers (arrivals and service both in working time).
inline scenario::Scenario queue_only_scenario(int workers, int cap, double arrivals_per_working_day,
                                              double mean_duration_working_days, int horizon_weeks, int warm_up_weeks) {
  scenario::Scenario s;
  s.name = "queue-only";
  s.run.horizon_weeks = horizon_weeks;
  s.run.warm_up_weeks = warm_up_weeks;
  s.calendar.bank_holidays = "none";
  s.referrals.rate_per_working_day = arrivals_per_working_day;
  s.triage.duty_decisions_per_working_day = 0;
  s.pathways.assessment.duration_working_days = {scenario::DurationDistribution::Kind::exponential,
                                                 mean_duration_working_days, 0.0};
  s.pathways.assessment.hours = 0.0;
  s.pathways.assessment.visit_within_working_days = 0;
  s.pathways.assessment.outcomes = {1.0, 0.0, 0.0, 0.0};
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, static_cast<double>(cap)};
  for (int i = 0; i < workers; ++i) s.team.social_workers.push_back({"SW" + std::to_string(i + 1), 1.0});
  return s;
}

}  // namespace casesim::testing
