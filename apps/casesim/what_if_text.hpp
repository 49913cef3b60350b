#pragma once
// What `casesim run` and `casesim summary` print first for a paired what-if
// (results::Metadata::what_if): the answer in plain sentences, the intervals
// behind them, and the paired difference on each safety measure.
#include <string>

#include "engine/results/results_file.hpp"

namespace casesim::cli {

// Empty for a file that is not a paired what-if.
std::string what_if_answer_text(const results::ResultsData& data);

}  // namespace casesim::cli
