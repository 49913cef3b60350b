// libFuzzer target: any bytes as a bank-holiday list (data/bank-holidays/).
// The parser must return a sorted list without repeats over a sensible range
// of years, or throw std::invalid_argument.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "engine/scenario/bank_holidays.hpp"
#include "fuzz/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const casesim::scenario::HolidayList list = casesim::scenario::parse_holiday_list(text);
    casesim::fuzz::require(list.first_year <= list.last_year, "covered years run backwards");
    for (std::size_t i = 1; i < list.dates.size(); ++i) {
      casesim::fuzz::require(list.dates[i - 1] < list.dates[i], "dates not strictly increasing");
    }
  } catch (const std::invalid_argument& error) {
    casesim::fuzz::require(std::string_view(error.what()).find('\n') == std::string_view::npos,
                           "error message spans lines");
  }
  return 0;
}
