#pragma once
// Where a command's results file goes: checked before any work, not found out
// after it. --force replaces a results file, never a directory or a device.
#include <string>

namespace casesim::cli {

// Throws UsageError when `output` exists and is not a regular file, or exists
// and `force` is not set.
void check_results_destination(const std::string& output, bool force);

}  // namespace casesim::cli
