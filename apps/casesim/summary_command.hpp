#pragma once
// `casesim summary`: a results file's statistics per variant and metric, as
// tables to read or CSV for a spreadsheet.
#include <ostream>
#include <string>
#include <vector>

#include "analysis/results_summary.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::cli {

// Header row, then one row per variant x metric: variant, metric, unit, n,
// mean, sd, ci_low, ci_high, median, p05, p95. n counts the replications in
// which the metric applies; when it is 0 (nothing to count in any), every
// statistic is "n/a". Numbers at full precision (the shortest text that reads
// back as the same double); a statistic one value cannot give (sd and the
// interval when n is 1) is an empty field. Text fields are quoted when they
// contain a comma or quote.
std::string summary_csv(const std::vector<analysis::MetricSummary>& rows);

// One table per variant, rounded for reading, "n/a" for a metric that applied
// in no replication, and a note on n when a metric applied in fewer than all.
std::string summary_tables(const std::vector<analysis::MetricSummary>& rows);

// A warning for each weekly series that has not settled over the counted
// period (analysis/settling.hpp), each variant's; empty when all settled.
std::string settling_text(const results::ResultsData& data);

// For a run started from a snapshot: each variant's children_list_text (the
// one ranking of analysis/children_at_risk.hpp). Empty when the file has no children.
std::string children_at_risk_text(const results::ResultsData& data, std::size_t shown = 10);

// Tables, settling warnings and the children at risk, or CSV (the metrics only, so it stays one
// table a spreadsheet reads). An unfinished file is said to be so on the
// first line: of the tables, or, with CSV, of `notes` (standard error), so the
// CSV stays a table. Throws results::ResultsError when the file cannot be read.
void summary_command(const std::string& results_path, bool csv, std::ostream& out, std::ostream* notes = nullptr);

}  // namespace casesim::cli
