#pragma once
// The weeks a report's figures count, in words: a count means nothing to a
// manager without its period ("over 26 weeks, 15 January to 15 July 2027").
// Every summary measure leaves out the warm-up, so the counted period starts
// after it and ends with the run's last day.
#include <string>

#include "engine/results/results_file.hpp"

namespace casesim::analysis::report {

struct CountedPeriod {
  int weeks = 0;
  std::string first_day;  // ISO date; empty when the file's dates cannot say
  std::string last_day;   // ISO date, the last simulated day
};

CountedPeriod counted_period(const results::Metadata& metadata);

// "over 26 weeks, 15 January to 15 July 2027" (both years when they differ:
// "over 52 weeks, 7 April 2027 to 4 April 2028"); "over 26 weeks" when the
// dates are unknown.
std::string period_words(const CountedPeriod& period);

// The ISO date `days` after `iso_date`; empty when it is not an ISO date.
std::string iso_days_later(const std::string& iso_date, int days);

}  // namespace casesim::analysis::report
