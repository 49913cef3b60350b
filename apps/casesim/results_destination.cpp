#include "apps/casesim/results_destination.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "apps/casesim/usage_error.hpp"

namespace casesim::cli {

void check_results_destination(const std::string& output, bool force) {
  namespace fs = std::filesystem;
  if (fs::exists(output) && !fs::is_regular_file(output))
    throw UsageError(fmt::format("{}: not a regular file; --output must name a results file", output));
  if (fs::exists(output) && !force)
    throw UsageError(
        fmt::format("{}: results file exists; use --force to replace it, or --output to choose another name", output));
}

}  // namespace casesim::cli
