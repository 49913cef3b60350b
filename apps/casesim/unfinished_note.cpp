#include "apps/casesim/unfinished_note.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace casesim::cli {

std::string unfinished_run_note(const results::ResultsData& data, const std::string& path) {
  const std::size_t slots = data.completed.size();
  const auto done = static_cast<std::size_t>(std::count(data.completed.begin(), data.completed.end(), 1));
  const bool partial_name = path.size() >= 8 && path.compare(path.size() - 8, 8, ".partial") == 0;
  if (done == slots && !partial_name) return {};
  if (done == slots)
    return fmt::format(
        "unfinished run: all {} replications are in {}, but the run ended before giving the file its final name\n",
        slots, path);
  return fmt::format(
      "unfinished run: {} of {} replications are in {} (the run was stopped, killed or is still going); every figure "
      "is over those {} only\n",
      done, slots, path, done);
}

}  // namespace casesim::cli
