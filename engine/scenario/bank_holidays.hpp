#pragma once
// Named bank-holiday lists shipped with casesim (data/bank-holidays/).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/kernel/date.hpp"

namespace casesim::scenario {

struct HolidayList {
  std::vector<kernel::Date> dates;  // sorted
  int first_year = 0;               // the list is complete for these years, inclusive
  int last_year = 0;
};

// The names a scenario may give as calendar.bank_holidays.
std::vector<std::string> shipped_holiday_list_names();
// nullopt for an unknown name.
std::optional<HolidayList> shipped_holiday_list(std::string_view name);

// Parses the data format: one YYYY-MM-DD date per line, '#' comments, and a
// "# covers: FIRST-LAST" line naming the complete years. Throws
// std::invalid_argument naming the line on anything else.
HolidayList parse_holiday_list(std::string_view text);

}  // namespace casesim::scenario
