#pragma once
// The value a results file holds where a share or mean has nothing to count
// ("not applicable"), for tests that write such files by hand.
#include <limits>

namespace casesim::testing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace casesim::testing
