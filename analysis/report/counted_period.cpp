#include "analysis/report/counted_period.hpp"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "analysis/report/plain_language.hpp"

namespace casesim::analysis::report {

std::string iso_days_later(const std::string& iso_date, int days) {
  int year = 0;
  unsigned month = 0, day = 0;
  char tail = 0;
  if (iso_date.size() != 10 || std::sscanf(iso_date.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return {};
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!date.ok()) return {};
  const std::chrono::year_month_day later{std::chrono::sys_days(date) + std::chrono::days(days)};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(later.year()), static_cast<unsigned>(later.month()),
                     static_cast<unsigned>(later.day()));
}

CountedPeriod counted_period(const results::Metadata& m) {
  CountedPeriod period;
  period.weeks = m.horizon_weeks - m.warm_up_weeks;
  period.first_day = iso_days_later(m.start_date, 7 * m.warm_up_weeks);
  period.last_day = iso_days_later(m.start_date, 7 * m.horizon_weeks - 1);
  if (period.first_day.empty() || period.last_day.empty()) period.first_day.clear(), period.last_day.clear();
  return period;
}

std::string period_words(const CountedPeriod& period) {
  const std::string weeks = fmt::format("over {} week{}", period.weeks, period.weeks == 1 ? "" : "s");
  if (period.first_day.empty()) return weeks;
  std::string first = readable_date(period.first_day);
  // The year once, at the end, when both days are in it.
  if (period.first_day.substr(0, 4) == period.last_day.substr(0, 4)) first = first.substr(0, first.rfind(' '));
  return fmt::format("{}, {} to {}", weeks, first, readable_date(period.last_day));
}

}  // namespace casesim::analysis::report
