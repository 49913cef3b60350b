#include "engine/scenario/run_dates.hpp"

namespace casesim::scenario {

std::optional<std::string> run_end_problem(kernel::Date start, int weeks) {
  const int last_day = kernel::days_since_epoch(start) + 7 * weeks - 1;
  if (last_day <= kernel::days_since_epoch(kLatestRunEnd)) return std::nullopt;
  return "a run of " + std::to_string(weeks) + " weeks from " + kernel::format_iso_date(start) + " ends after " +
         kernel::format_iso_date(kLatestRunEnd) +
         ", the last day a run may reach: dates are written as YYYY-MM-DD, and clocks are counted up to five years "
         "past the run";
}

}  // namespace casesim::scenario
