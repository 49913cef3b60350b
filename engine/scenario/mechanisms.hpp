#pragma once
// Mechanisms a scenario can leave out. Left out, a field takes the default
// that switches its mechanism off (scenario.hpp), which is right for a test or
// a benchmark but silently switches part of the service off in a what-if: a
// short file that left out the plans' durations reported 27 visits due in 26
// weeks where the full file gives 1,247. Each mechanism found off is warned
// about unless the file declares it off on purpose (`mechanisms_off`).
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace casesim::scenario {

inline constexpr std::array kMechanisms = {Mechanism::statutory_visits, Mechanism::absence, Mechanism::turnover,
                                           Mechanism::supervision, Mechanism::triage_errors};

// As written in `mechanisms_off`: "statutory_visits", "absence", ...
std::string_view mechanism_name(Mechanism mechanism);
std::optional<Mechanism> mechanism_named(std::string_view name);
// Every name, for messages: "statutory_visits, absence, ...".
std::string mechanism_names();

// Why the mechanism is off in `scenario`, naming the fields ("no leave and no
// sickness: workforce.annual_leave_days_per_fte, ... are 0 or left out");
// nullopt when it is on.
std::optional<std::string> why_off(const Scenario& scenario, Mechanism mechanism);

// One line for each mechanism that is off and not declared off, for
// "casesim: warning: FILE: " to precede; empty when there is none.
std::vector<std::string> undeclared_mechanisms_off(const Scenario& scenario);

}  // namespace casesim::scenario
