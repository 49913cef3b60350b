#pragma once
// A team in which only staffing changes anything: regular referrals,
// assessments that last and need no hours, workers who neither leave nor fall
// ill. The model tests of dated changes and of plans carried out over time
// both start from it.
#include <string>
#include <vector>

#include "engine/model/replication.hpp"
#include "engine/scenario/scenario.hpp"
#include "tests/support/dates.hpp"
#include "tests/support/trace_recorder.hpp"

namespace casesim::testing {

inline scenario::Scenario steady_team(int workers, const std::string& name) {
  scenario::Scenario s;
  s.name = name;
  s.run.start_date = date(2025, 4, 7);
  s.run.horizon_weeks = 10;
  s.run.warm_up_weeks = 0;
  s.calendar.bank_holidays = "none";
  s.referrals.arrival_process = scenario::ReferralSettings::ArrivalProcess::regular;
  s.referrals.rate_per_working_day = 1.0;
  s.pathways.assessment.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 1000.0, 0.0};
  s.pathways.assessment.visit_within_working_days = 0;
  s.workforce.turnover.agency_tenure_weeks = {scenario::DurationDistribution::Kind::fixed, 1000.0, 0.0};
  s.workforce.turnover.recruitment_lag_weeks = {scenario::DurationDistribution::Kind::fixed, 1000.0, 0.0};
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_worker, 100.0};
  for (int i = 0; i < workers; ++i) s.team.social_workers.push_back({"SW" + std::to_string(i + 1), 1.0});
  return s;
}

// The trace records of one kind from replication 0 (seed 11).
inline std::vector<KeptRecord> trace_of(const scenario::Scenario& s, const std::string& what) {
  const model::ModelSetup setup(s);
  TraceRecorder trace;
  model::run_replication(setup, 11, 0, &trace);
  return trace.of(what);
}

// Worker ids in traces are post * 1000 + the post's n-th holder.
constexpr long long worker_id(int post) {
  return post * 1000LL + 1;
}

}  // namespace casesim::testing
