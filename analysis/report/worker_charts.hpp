#pragma once
// Per-worker charts for a run from a snapshot (/workers in the results file):
// each worker's caseload and overdue visits week by week, one small panel per
// worker, one line per variant, so a what-if shows whose caseload the change
// loads and a leaving worker's caseload falling to 0.
#include <optional>
#include <string>

#include "analysis/report/charts.hpp"
#include "analysis/report/report_input.hpp"

namespace casesim::analysis::report {

// Worker series `series` (its index in Layout::worker_series): the mean over
// each variant's completed replications per worker and week; the workers the
// change moves most (a what-if), or with the highest, first. Nothing when
// the file has no workers.
std::optional<Chart> worker_series_chart(const ReportInput& input, std::size_t series);

// The section holding every worker series' chart; empty without workers.
std::string workers_section(const ReportInput& input);

}  // namespace casesim::analysis::report
