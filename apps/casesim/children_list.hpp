#pragma once
// The manager's list of children as `casesim run` and `casesim summary` print
// it, from analysis::rank_children (the report shows the same ranking): the
// children not yet overdue, most at risk first, each with stage and allocated
// worker, then those already overdue on the extract date, apart.
#include <cstddef>
#include <string>

#include "engine/results/results_file.hpp"

namespace casesim::cli {

// One variant's list: its `shown` children most at risk among those not yet
// overdue (against the base, with the chance without the changes and the
// rise), how many more had a late visit, and every child already overdue.
// Empty when the file has no children.
std::string children_list_text(const results::ResultsData& data, std::size_t variant, std::size_t shown = 10);

}  // namespace casesim::cli
