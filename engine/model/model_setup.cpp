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

double caseload_cap_for(const scenario::CaseloadCap& cap, double fte) {
  if (cap.basis == scenario::CaseloadCap::Basis::per_worker) return std::floor(cap.cases + 1e-9);
  return std::floor(cap.cases * fte + 1e-9);
}

double ModelSetup::caseload_cap(double fte, bool in_first_year_newly_qualified) const {
  const double cap = caseload_cap_for(scenario_.policy.caseload_cap, fte);
  return in_first_year_newly_qualified ? std::floor(cap * scenario_.workforce.newly_qualified_cap_share + 1e-9) : cap;
}

ModelSetup::ModelSetup(scenario::Scenario scenario)
    : scenario_(std::move(scenario)), calendar_(make_calendar(scenario_)) {
  horizon_days_ = 7 * scenario_.run.horizon_weeks;
  warm_up_days_ = 7 * scenario_.run.warm_up_weeks;
  case_hours_per_fte_ = scenario_.team.full_time_hours_per_week / 5.0 * (1.0 - scenario_.team.non_case_share);

  const auto& referrals = scenario_.referrals;
  const std::int64_t working_days = calendar_.working_days_before(horizon_days_) + 1;
  referral_rate_.reserve(static_cast<std::size_t>(working_days));
  for (std::int64_t k = 0; k < working_days; ++k) {
    const kernel::Date date = calendar_.date_of(calendar_.working_day(k));
    const unsigned weekday = std::chrono::weekday(std::chrono::sys_days(date)).iso_encoding();  // Monday = 1
    const unsigned month = static_cast<unsigned>(date.month());
    const double weekday_factor = weekday >= 1 && weekday <= 5 ? referrals.weekday_profile[weekday - 1] : 1.0;
    referral_rate_.push_back(referrals.rate_per_working_day * weekday_factor * referrals.month_profile[month - 1]);
  }
}

}  // namespace casesim::model
