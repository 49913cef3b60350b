#pragma once
// The warnings `casesim run` and `casesim experiment` print under their
// tables when a weekly series has not settled over the counted period
// (analysis/settling.hpp): the results that depend on it depend on the run's
// length.
#include <string>
#include <vector>

#include "engine/runner/recording.hpp"

namespace casesim::cli {

// One line per series that has not settled, for each variant (named when
// there are several), after a blank line; empty when every series settled.
// Metrics in `compared` are named first among those that depend on a series.
std::string settling_warnings(const runner::Recording& recording, const std::vector<std::string>& compared = {});

}  // namespace casesim::cli
