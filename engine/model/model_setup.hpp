#pragma once
// What every replication of a scenario shares, worked out once: the scenario
// itself, its working-day calendar, the referral rate on each working day and
// the hours and caps that follow from the team's settings. Immutable after
// construction, so replications read it from many threads.
#include <vector>

#include "engine/kernel/working_calendar.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::model {

class ModelSetup {
 public:
  explicit ModelSetup(scenario::Scenario scenario);

  const scenario::Scenario& scenario() const { return scenario_; }
  const kernel::WorkingCalendar& calendar() const { return calendar_; }
  kernel::Day horizon_days() const { return horizon_days_; }
  kernel::Day warm_up_days() const { return warm_up_days_; }
  int weeks() const { return scenario_.run.horizon_weeks; }

  // Referral rate on working day k (k = 0 the first working day of the run):
  // the scenario's rate times its weekday and month multipliers.
  double referral_rate_on_working_day(std::int64_t k) const {
    return k < static_cast<std::int64_t>(referral_rate_.size()) ? referral_rate_[static_cast<std::size_t>(k)]
                                                                : scenario_.referrals.rate_per_working_day;
  }
  // Case-work hours in a working day for a worker of this FTE.
  double case_hours_per_working_day(double fte) const { return case_hours_per_fte_ * fte; }
  // The caseload a worker may hold (in cases, or weighted cases under a weighted cap).
  double caseload_cap(double fte, bool in_first_year_newly_qualified) const;

 private:
  scenario::Scenario scenario_;
  kernel::WorkingCalendar calendar_;
  kernel::Day horizon_days_ = 0;
  kernel::Day warm_up_days_ = 0;
  std::vector<double> referral_rate_;
  double case_hours_per_fte_ = 0.0;
};

// A worker's cap: per FTE, a part-time worker's share rounded down (a 0.6 FTE
// worker under a cap of 18 per FTE holds at most 10); per worker, the same
// number for everyone, which is how part-time staff end up with full-time caseloads.
double caseload_cap_for(const scenario::CaseloadCap& cap, double fte);

}  // namespace casesim::model
