#pragma once
// Optimise files written to a fresh temporary directory, so each test states
// the whole input it depends on.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <fmt/format.h>

namespace casesim::testing {

// The allocation queue alone, as in tests/validation/test_queueing_theory.cpp:
// Poisson referrals, every one sent for an assessment that takes an
// exponential time and no worker hours and ends with no further action; one
// listed worker with a cap of 1 case, no absence, turnover or supervision, and
// no bank holidays. With k additional workers it is an M/M/c queue with
// c = 1 + k servers, so cases_waited_share estimates Erlang C's P(wait).
inline std::string queue_scenario(double arrivals_per_working_day, double mean_duration_working_days,
                                  int horizon_weeks) {
  return fmt::format(R"(name: mmc
run: {{start_date: 2025-04-07, horizon_weeks: {}, warm_up_weeks: 4, replications: 1, seed: 1}}
calendar: {{bank_holidays: none}}
referrals: {{rate_per_working_day: {}}}
pathways:
  assessment:
    duration_working_days: {{distribution: exponential, mean: {}}}
    visit_within_working_days: 0
team:
  social_workers:
    - {{name: SW1, fte: 1.0}}
policy:
  caseload_cap: {{basis: per_worker, cases: 1}}
)",
                     horizon_weeks, arrivals_per_working_day, mean_duration_working_days);
}

// An optimise file over queue_scenario (as mmc.yaml beside it): seed 11 and
// 0 to 3 added workers at 10,000 a year each, then `rest`: any further
// decision (the list goes on), the targets and the procedure.
inline std::string queue_staffing(const std::string& rest) {
  return R"(name: queue-staffing
base_scenario: mmc.yaml
seed: 11
decisions:
  - field: team.additional_permanent_workers
    name: added
    values: [0, 1, 2, 3]
    cost_per_unit_per_year: 10000
)" + rest;
}

class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() / ("casesim-optimise-" + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  // Writes `text` to `name` in the folder and returns its full path.
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
