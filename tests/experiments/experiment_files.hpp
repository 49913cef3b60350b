#pragma once
// Small experiments written to a fresh temporary directory, so each test
// states the whole input it depends on and runs in well under a second.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace casesim::testing {

// A short version of the baseline: 8 weeks warm-up, 20 weeks in all, cap 18
// per FTE on 7.2 FTE.
inline const char* const kSmallScenario = R"(name: small
run:
  start_date: 2025-04-07
  horizon_weeks: 20
  warm_up_weeks: 8
  replications: 3
  seed: 1
referrals:
  rate_per_working_day: 0.76
  accepted_share: 0.9
cases:
  duration_working_days: {distribution: lognormal, mean: 60, sd: 50}
  visit_interval_working_days: 20
  visit_hours: 3.5
team:
  full_time_hours_per_working_day: 7.4
  social_workers:
    - {name: SW01, fte: 1.0}
    - {name: SW02, fte: 1.0}
    - {name: SW03, fte: 0.6}
policy:
  caseload_cap: {basis: per_fte, cases: 18}
)";

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() / ("casesim-experiment-" + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  std::string path() const { return path_.string(); }
  // Writes `text` to `name` in the directory and returns its full path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace casesim::testing
