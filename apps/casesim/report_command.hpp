#pragma once
// `casesim report`: a results file in, one self-contained HTML page out.
#include <ostream>
#include <string>

namespace casesim::cli {

struct ReportOptions {
  std::string results_path;
  std::string output;  // empty: the results file's name with .html
  bool force = false;  // replace an existing report
};

// Throws results::ResultsError when the file cannot be read or the page
// written, UsageError when the output exists and force is not set.
void report_command(const ReportOptions& options, std::ostream& out);

}  // namespace casesim::cli
