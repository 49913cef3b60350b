#pragma once
// The report's first screen for a paired what-if (results::Metadata::what_if):
// the answer in plain sentences (what_if_answer.hpp), each with its interval in
// a hover and a numbered footnote, and then the worst weeks named in a table.
#include <string>

#include "analysis/report/report_input.hpp"

namespace casesim::analysis::report {

// Empty when the file is not a paired what-if.
std::string what_if_answer_section(const ReportInput& input);
std::string worst_weeks_section(const ReportInput& input);

}  // namespace casesim::analysis::report
