#include "engine/model/model_setup.hpp"

#include <chrono>
#include <cmath>

namespace casesim::model {

namespace {

// The calendar spans well past the horizon, because clocks started near the
// end of a run fall due after it, and years before the start, for clocks that
// started before it.
constexpr int kCalendarYearsBefore = 5;
constexpr int kCalendarYearsAfter = 5;

kernel::WorkingCalendar make_calendar(const scenario::Scenario& s) {
  using namespace std::chrono;
  const sys_days start{s.run.start_date};
  const sys_days first = start - days(366 * kCalendarYearsBefore);
  const sys_days last = start + days(7 * s.run.horizon_weeks + 366 * kCalendarYearsAfter);
  return kernel::WorkingCalendar(s.run.start_date, kernel::Date(first), kernel::Date(last), s.calendar.holidays);
}

}  // namespace

int caseload_cap_for(const scenario::CaseloadCap& cap, double fte) {
  if (cap.basis == scenario::CaseloadCap::Basis::per_worker) return static_cast<int>(std::floor(cap.cases + 1e-9));
  return static_cast<int>(std::floor(cap.cases * fte + 1e-9));
}

ModelSetup::ModelSetup(scenario::Scenario scenario)
    : scenario_(std::move(scenario)), calendar_(make_calendar(scenario_)) {
  for (const auto& worker : scenario_.team.social_workers) {
    workers_.push_back(WorkerSetup{worker.fte, worker.fte * scenario_.team.full_time_hours_per_working_day,
                                   caseload_cap_for(scenario_.policy.caseload_cap, worker.fte)});
    team_fte_ += worker.fte;
  }
  horizon_days_ = 7 * scenario_.run.horizon_weeks;
  warm_up_days_ = 7 * scenario_.run.warm_up_weeks;
}

}  // namespace casesim::model
