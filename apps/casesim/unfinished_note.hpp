#pragma once
// A results file that is not finished (an OUTPUT.partial left by a stopped,
// killed or still running run) is said to be so first, before any figure is
// read as the whole run's.
#include <string>

#include "engine/results/results_file.hpp"

namespace casesim::cli {

// "unfinished run: 121 of 300 replications are in PATH ...\n" when `data`
// has slots not completed or `path` is a .partial file; empty otherwise.
std::string unfinished_run_note(const results::ResultsData& data, const std::string& path);

}  // namespace casesim::cli
