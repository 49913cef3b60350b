#pragma once
// `casesim export`: a results file as a tidy CSV table for R, pandas or a
// spreadsheet (the tables themselves: analysis/tidy_tables.hpp).
#include <ostream>
#include <string>

namespace casesim::cli {

struct ExportOptions {
  std::string results_path;
  bool long_table = false;  // --long: one row per variant, replication and metric
  bool series = false;      // --series: one row per variant, replication, series and week
  std::string output;       // empty: standard output
  bool force = false;
};

// Writes the table to `options.output` (through NAME.partial, checked like
// every command's destination) or, without one, to `out`. Neither or both of
// --long and --series, or a destination that may not be written, is a
// UsageError; a file that is not a results file, or a failed write, is
// results::ResultsError.
void export_command(const ExportOptions& options, std::ostream& out);

}  // namespace casesim::cli
