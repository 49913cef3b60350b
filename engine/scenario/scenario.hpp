#pragma once
// A scenario: everything one simulated team needs, as plain, already-validated
// values. Built only by load_scenario (YAML) or by tests; the model reads it and
// never changes it, so one Scenario is shared read-only by every replication.
//
// Units are in the names. Defaults and their sources are documented in
// scenarios/baseline.yaml and docs/model.md.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/kernel/date.hpp"

namespace casesim::scenario {

// A distribution of a positive duration, in working days.
struct DurationDistribution {
  enum class Kind { fixed, exponential, lognormal, gamma };
  Kind kind = Kind::exponential;
  double mean = 1.0;
  double sd = 0.0;  // lognormal and gamma only
};

struct RunSettings {
  kernel::Date start_date{std::chrono::year{2025}, std::chrono::month{4}, std::chrono::day{1}};
  int horizon_weeks = 52;
  // Metrics ignore what happens before this (an empty office is not typical).
  int warm_up_weeks = 0;
  int replications = 100;
  std::uint64_t seed = 1;
};

struct CalendarSettings {
  // Bank holidays: the named shipped list (england-and-wales) plus any extra
  // dates, or only the listed dates when `bank_holidays` is "none".
  std::string bank_holidays = "england-and-wales";
  std::vector<kernel::Date> extra_holidays;
  // Resolved by the loader: the named list's dates plus extra_holidays, sorted,
  // unique. The model uses only this.
  std::vector<kernel::Date> holidays;
};

struct ReferralSettings {
  // poisson: a Poisson process in working time (the default: referrals come
  // independently of each other). regular: exactly one every
  // 1/rate_per_working_day working days, for what-ifs with fixed demand and
  // for tests whose dates are worked out by hand.
  enum class ArrivalProcess { poisson, regular };
  ArrivalProcess arrival_process = ArrivalProcess::poisson;
  double rate_per_working_day = 1.0;
  // Share of referrals that triage accepts for an assessment and allocation;
  // the rest end at the decision (no further action).
  double accepted_share = 1.0;
};

struct TriageSettings {
  // The duty worker decides referrals as they arrive, up to this many a working
  // day; the rest wait for the next working day. 0 means unlimited.
  int duty_decisions_per_working_day = 0;
  // Working Together: a decision within 1 working day of receipt.
  int decision_standard_working_days = 1;
};

struct CaseSettings {
  DurationDistribution duration_working_days;
  // Statutory visit standard: the most working days between visits. 0: no visits.
  int visit_interval_working_days = 10;
  double visit_hours = 3.0;
};

struct SocialWorker {
  std::string name;
  double fte = 1.0;
};

struct TeamSettings {
  double full_time_hours_per_working_day = 7.4;
  std::vector<SocialWorker> social_workers;
};

struct CaseloadCap {
  enum class Basis { per_fte, per_worker };
  Basis basis = Basis::per_fte;
  // Cases per FTE (per_fte) or per worker (per_worker). A worker's cap is
  // floor(cases * fte) for per_fte.
  double cases = 18.0;
};

struct PolicySettings {
  CaseloadCap caseload_cap;
};

struct MetricSettings {
  // A case waiting longer than this unallocated counts as "stored".
  int unallocated_wait_threshold_working_days = 5;
};

struct Scenario {
  std::string name = "scenario";
  std::string description;
  RunSettings run;
  CalendarSettings calendar;
  ReferralSettings referrals;
  TriageSettings triage;
  CaseSettings cases;
  TeamSettings team;
  PolicySettings policy;
  MetricSettings metrics;
};

}  // namespace casesim::scenario
