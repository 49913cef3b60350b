#pragma once
// Civil dates for the working-day calendar. std::chrono's calendar types do the
// arithmetic; this header only adds ISO text conversion.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace casesim::kernel {

using Date = std::chrono::year_month_day;

// Parses exactly YYYY-MM-DD naming a real date (2025-02-29 is rejected).
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(Date date);

// Days from 1970-01-01 (negative before): the integer form used for arithmetic.
inline int days_since_epoch(Date date) {
  return static_cast<int>(std::chrono::sys_days(date).time_since_epoch().count());
}
inline Date date_from_days_since_epoch(int days) {
  return Date(std::chrono::sys_days(std::chrono::days(days)));
}

}  // namespace casesim::kernel
