#include "apps/casesim/results_destination.hpp"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "apps/casesim/usage_error.hpp"
#include "engine/input/input_file.hpp"

namespace casesim::cli {

OutputLock claim_results_destination(const ResultsClaim& claim) {
  namespace fs = std::filesystem;
  check_destination({claim.output, "--output", "results file", claim.force, claim.inputs});
  OutputLock lock(claim.output);
  const std::string partial = claim.output + ".partial";
  std::error_code error;
  const fs::file_status status = fs::symlink_status(partial, error);
  if (fs::exists(status) && !fs::is_regular_file(status))
    throw UsageError(fmt::format(
        "{}: {}; casesim writes its unfinished results there, so move it away first", partial,
        fs::is_symlink(status) ? "it is a symbolic link, not a regular file" : input::not_a_regular_file(partial)));
  if (claim.resume && !fs::exists(status))
    throw UsageError(fmt::format("--resume: there is no unfinished run to continue ({} does not exist)", partial));
  if (!claim.resume && fs::exists(status) && !claim.force)
    throw UsageError(
        fmt::format("{}: an unfinished run is there; add --resume to continue it, or --force to start again", partial));
  return lock;
}

}  // namespace casesim::cli
