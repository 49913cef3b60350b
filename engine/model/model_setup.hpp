#pragma once
// What every replication of a scenario shares, worked out once: the scenario
// itself, its working-day calendar and each worker's hours and caseload cap.
// Immutable after construction, so replications read it from many threads.
#include <vector>

#include "engine/kernel/working_calendar.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::model {

struct WorkerSetup {
  double fte = 1.0;
  double hours_per_working_day = 0.0;
  int caseload_cap = 0;  // cases this worker may hold under a hard cap
};

class ModelSetup {
 public:
  explicit ModelSetup(scenario::Scenario scenario);

  const scenario::Scenario& scenario() const { return scenario_; }
  const kernel::WorkingCalendar& calendar() const { return calendar_; }
  const std::vector<WorkerSetup>& workers() const { return workers_; }
  double team_fte() const { return team_fte_; }
  kernel::Day horizon_days() const { return horizon_days_; }
  kernel::Day warm_up_days() const { return warm_up_days_; }
  int weeks() const { return scenario_.run.horizon_weeks; }

 private:
  scenario::Scenario scenario_;
  kernel::WorkingCalendar calendar_;
  std::vector<WorkerSetup> workers_;
  double team_fte_ = 0.0;
  kernel::Day horizon_days_ = 0;
  kernel::Day warm_up_days_ = 0;
};

// A worker's cap: per FTE, a part-time worker's share rounded down (a 0.6 FTE
// worker under a cap of 18 per FTE holds at most 10); per worker, the same
// number for everyone, which is how part-time staff end up with full-time caseloads.
int caseload_cap_for(const scenario::CaseloadCap& cap, double fte);

}  // namespace casesim::model
