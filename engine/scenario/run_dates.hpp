#pragma once
// The dates a run may span. casesim writes every date as YYYY-MM-DD (results,
// traces, reports), and the model's calendar, on which clocks that fall due
// after the run are counted, runs five years past the run's end
// (engine/model/model_setup.cpp): a run past 9989 would write five-digit years.
#include <optional>
#include <string>

#include "engine/kernel/date.hpp"

namespace casesim::scenario {

inline constexpr kernel::Date kLatestRunEnd{std::chrono::year{9989}, std::chrono::December, std::chrono::day{31}};

// Why a run of `weeks` weeks from `start` cannot be simulated ("a run of 52
// weeks from 9999-06-01 ends after 9989-12-31, ..."), or nullopt.
std::optional<std::string> run_end_problem(kernel::Date start, int weeks);

}  // namespace casesim::scenario
