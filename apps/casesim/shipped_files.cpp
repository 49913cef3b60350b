#include "apps/casesim/shipped_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace casesim::cli {

std::string shipped_scenarios_dir() {
  namespace fs = std::filesystem;
  if (const char* dir = std::getenv("CASESIM_SCENARIOS"); dir != nullptr && *dir != '\0') return dir;
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "casesim" / "scenarios";
    if (fs::exists(installed / "baseline.yaml", error)) return installed.string();
  }
  return CASESIM_SHIPPED_SCENARIOS;
}

std::string baseline_scenario_path() {
  return shipped_scenarios_dir() + "/baseline.yaml";
}

}  // namespace casesim::cli
