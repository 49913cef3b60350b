#pragma once
// `casesim report`: a results file in, one self-contained HTML page out.
#include <ostream>
#include <string>

namespace casesim::cli {

struct ReportOptions {
  std::string results_path;
  std::string output;         // empty: the results file's name with .html (with names: .names.html)
  bool force = false;         // replace an existing report
  bool show_warm_up = false;  // weekly charts from day 0, warm-up shaded
  // The local-only report: the snapshot the run started from, and the salt
  // file it was pseudonymised with (empty: the snapshot's own files).
  std::string names_snapshot;
  std::string salt_file;
};

// The local-only report's file name ends so, never taken for the shareable one.
inline constexpr const char* kNamesReportSuffix = ".names.html";

// Throws results::ResultsError when the file cannot be read or the page
// written, UsageError when the output exists and force is not set, and for
// --names when the snapshot or salt does not give the file's pseudonyms.
void report_command(const ReportOptions& options, std::ostream& out);

}  // namespace casesim::cli
