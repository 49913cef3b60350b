#pragma once
// The paired differences a report shows (report_input.hpp): every metric,
// every variant against the first, replication k against replication k
// (common random numbers). `casesim report` and the page (web/) both take
// them from here, so both show the same comparison for the same results.
#include <vector>

#include "analysis/report/report_input.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis::report {

// Unfinished slots are NaN and left out; a metric with fewer than two pairs
// has no interval and no row.
std::vector<PairedDifference> paired_differences_from_base(const results::ResultsData& data);

}  // namespace casesim::analysis::report
