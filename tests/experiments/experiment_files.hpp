#pragma once
// Small experiments written to a fresh temporary directory, so each test
// states the whole input it depends on and runs in well under a second.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace casesim::testing {

// A short team: 8 weeks warm-up, 20 weeks in all, cap 18 per FTE on 2.6 FTE,
// assessments leading to child in need and child protection plans.
inline const char* const kSmallScenario = R"(name: small
run:
  start_date: 2025-04-07
  horizon_weeks: 20
  warm_up_weeks: 8
  replications: 3
  seed: 1
referrals:
  rate_per_working_day: 0.76
  need_mix: {high: 0.2, medium: 0.5, low: 0.3}
pathways:
  assessment:
    duration_working_days: {distribution: lognormal, mean: 20, sd: 10}
    hours: 6
    outcomes: {no_further_action: 0.5, cin_plan: 0.4, cp_plan: 0.1}
    visit_hours: 2
  cp_plan:
    visits: {interval_working_days: 10, hours: 2.5}
    duration_working_days: {distribution: lognormal, mean: 60, sd: 50}
  cin_plan:
    visits: {interval_working_days: 20, hours: 3.5}
    duration_working_days: {distribution: lognormal, mean: 60, sd: 50}
team:
  full_time_hours_per_week: 37
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
