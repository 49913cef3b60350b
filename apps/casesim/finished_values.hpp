#pragma once
// A results file is an input like any other. casesim writes a number for
// every week of every series of a finished replication (a model's weekly
// counts are never NaN or infinite); a file holding one anyway was changed
// or written by another program, and the summary and report, which average
// and plot the weeks, would turn it into an internal error or a wrong figure.
#include <string>

#include "engine/results/results_file.hpp"

namespace casesim::cli {

// Throws UsageError naming the first week of a finished replication's series
// (in `path`) that is not a finite number.
void check_finished_weeks(const results::ResultsData& data, const std::string& path);

}  // namespace casesim::cli
