#pragma once
// The report's list of children, from analysis::rank_children (the ranking
// `casesim run` and `casesim summary` print): for the variant the answer is
// about first (a what-if's run with the changes, against the run without),
// then every other variant folded away. Children not yet overdue on the
// extract date are ranked by risk, each with stage and allocated worker;
// those already overdue are listed apart.
#include <string>

#include "analysis/report/report_input.hpp"

namespace casesim::analysis::report {

// At most this many children not yet overdue are listed per variant.
inline constexpr std::size_t kChildrenShown = 20;

// Empty when the file has no children (not started from a snapshot).
std::string children_section(const ReportInput& input);

}  // namespace casesim::analysis::report
