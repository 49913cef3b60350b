#pragma once
// The warning for a scenario that switches part of the service off without
// saying so (engine/scenario/mechanisms.hpp), as every command that loads a
// scenario prints it: once, on stderr, before the run.
#include <ostream>
#include <string>

#include "engine/scenario/scenario.hpp"

namespace casesim::cli {

// "casesim: warning: FILE: turnover is off: ..." for each mechanism off and not
// in the scenario's mechanisms_off.
void warn_mechanisms_off(const scenario::Scenario& scenario, const std::string& file, std::ostream& err);

}  // namespace casesim::cli
