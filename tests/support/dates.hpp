#pragma once
// Dates written as numbers, for tests that state the calendar they rely on.
#include <chrono>

#include "engine/kernel/date.hpp"

namespace casesim::testing {

inline kernel::Date date(int y, unsigned m, unsigned d) {
  return kernel::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace casesim::testing
