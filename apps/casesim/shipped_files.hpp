#pragma once
#include <string>

namespace casesim::cli {

// Where the shipped scenarios are: $CASESIM_SCENARIOS if set, else
// <prefix>/share/casesim/scenarios beside an installed program, else the
// source tree's scenarios/ (a build that has not been installed).
std::string shipped_scenarios_dir();
std::string baseline_scenario_path();

}  // namespace casesim::cli
