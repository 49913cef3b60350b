#include "engine/results/results_in_memory.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/results/results_file.hpp"

namespace casesim::results {
namespace {

// One variant x 3 replications x 2 weeks, a histogram of 2 bins, 2 children
// and 2 workers' series: the in-memory results the browser build keeps must be what a
// results file written with the same slots reads back as.
Metadata sample_metadata() {
  Metadata m;
  m.casesim_version = "0.1.0";
  m.scenario_name = "what-if";
  m.seed = 7;
  m.start_date = "2027-01-15";
  m.horizon_weeks = 2;
  return m;
}

Layout sample_layout() {
  Layout l;
  l.variants = {"what-if"};
  l.replications = 3;
  l.metrics = {{"visits_overdue", "visits", "Visits late."}, {"wait_mean", "working days", "Mean wait."}};
  l.series = {{"caseload", "cases", "Allocated cases."}};
  l.week_start_dates = {"2027-01-15", "2027-01-22"};
  l.distributions.quantities = {{"assessment_working_days", "assessments", "Assessments by working days."}};
  l.distributions.bin_edges = {0, 45, std::numeric_limits<double>::infinity()};
  l.distributions.bin_labels = {"0", "more than 45"};
  l.children = {"C-0000000000000001", "C-0000000000000002"};
  l.child_stages = {"CP plan", "CIN plan"};
  l.child_overdue_at_start = {0, 1};
  l.workers = {"W-0000000000000001", "W-0000000000000002"};
  l.worker_series = {{"worker_caseload", "cases", "The worker's allocated cases."}};
  return l;
}

TEST(ResultsInMemory, ReadsAsTheSameSlotsWrittenToAFileReadBack) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("casesim-in-memory-" + std::to_string(::getpid()) + ".h5")).string();
  ResultsData memory = start_in_memory(sample_metadata(), sample_layout());
  {
    ResultsWriter file = ResultsWriter::create(path, sample_metadata(), sample_layout());
    // Replication 1 left out: not completed in either.
    for (std::size_t r : {0, 2}) {
      const double x = static_cast<double>(r);
      const std::vector<double> summary = {10 + x, r == 2 ? std::nan("") : 0.5 + x};
      const std::vector<double> weekly = {20 + x, 21 + x};
      const std::vector<std::uint32_t> durations = {static_cast<std::uint32_t>(r), 3};
      const std::vector<std::uint8_t> late = {1, static_cast<std::uint8_t>(r == 2)};
      const std::vector<double> workers = {30 + x, 31 + x, 32 + x, 33 + x};  // week, then worker
      file.write_replication(0, r, summary, weekly, durations, late, workers);
      write_in_memory(memory, 0, r, summary, weekly, durations, late, workers);
    }
    file.close();
  }
  const ResultsData read = read_results(path);
  std::filesystem::remove(path);

  EXPECT_EQ(memory.format_version, read.format_version);
  EXPECT_EQ(memory.completed, read.completed);
  EXPECT_EQ(memory.distributions, read.distributions);
  EXPECT_EQ(memory.child_visit_late, read.child_visit_late);
  ASSERT_EQ(memory.summary.size(), read.summary.size());
  for (std::size_t m = 0; m < read.summary.size(); ++m)
    for (std::size_t slot = 0; slot < read.summary[m].size(); ++slot) {
      const double a = memory.summary[m][slot], b = read.summary[m][slot];
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << "metric " << m << " slot " << slot;
    }
  ASSERT_EQ(memory.weekly.size(), read.weekly.size());
  for (std::size_t s = 0; s < read.weekly.size(); ++s)
    for (std::size_t i = 0; i < read.weekly[s].size(); ++i) {
      const double a = memory.weekly[s][i], b = read.weekly[s][i];
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << "series " << s << " value " << i;
    }
  ASSERT_EQ(memory.worker_weekly.size(), read.worker_weekly.size());
  for (std::size_t q = 0; q < read.worker_weekly.size(); ++q) {
    ASSERT_EQ(memory.worker_weekly[q].size(), read.worker_weekly[q].size());
    for (std::size_t i = 0; i < read.worker_weekly[q].size(); ++i) {
      const double a = memory.worker_weekly[q][i], b = read.worker_weekly[q][i];
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << "worker series " << q << " value " << i;
    }
  }
  EXPECT_EQ(memory.layout.children, read.layout.children);
  EXPECT_EQ(memory.layout.workers, read.layout.workers);
  EXPECT_EQ(memory.metadata.seed, read.metadata.seed);
}

TEST(ResultsInMemory, RefusesWhatAFileWouldRefuse) {
  Layout no_replications = sample_layout();
  no_replications.replications = 0;
  EXPECT_THROW(start_in_memory(sample_metadata(), no_replications), std::invalid_argument);

  ResultsData data = start_in_memory(sample_metadata(), sample_layout());
  const std::vector<double> summary = {1, 2}, weekly = {1, 2}, too_short = {1};
  const std::vector<std::uint32_t> durations = {1, 2};
  const std::vector<std::uint8_t> late = {0, 0};
  const std::vector<double> workers = {1, 2, 3, 4};
  EXPECT_THROW(write_in_memory(data, 0, 0, summary, weekly, durations, late, too_short), std::invalid_argument);
  EXPECT_THROW(write_in_memory(data, 0, 3, summary, weekly, durations, late, workers), std::invalid_argument);
  EXPECT_THROW(write_in_memory(data, 1, 0, summary, weekly, durations, late, workers), std::invalid_argument);
  EXPECT_THROW(write_in_memory(data, 0, 0, too_short, weekly, durations, late, workers), std::invalid_argument);
  EXPECT_EQ(data.completed, (std::vector<std::uint8_t>{0, 0, 0}));
}

}  // namespace
}  // namespace casesim::results
