#include "engine/results/results_file.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <string>
#include <thread>
#include <vector>

namespace casesim::results {
namespace {

namespace fs = std::filesystem;

// 2 variants x 3 replications x 5 weeks, 2 metrics, 2 series: small enough to
// check every value, with no dimension equal to another.
constexpr std::size_t kVariants = 2;
constexpr std::size_t kReplications = 3;
constexpr std::size_t kWeeks = 5;
constexpr std::size_t kMetrics = 2;
constexpr std::size_t kSeries = 2;

// Every value says where it belongs, so a value in the wrong slot is visible.
double summary_value(std::size_t v, std::size_t r, std::size_t m) {
  return 100.0 * static_cast<double>(v) + 10.0 * static_cast<double>(r) + static_cast<double>(m) + 0.25;
}
double weekly_value(std::size_t v, std::size_t r, std::size_t s, std::size_t w) {
  return 1000.0 * static_cast<double>(v) + 100.0 * static_cast<double>(r) + 10.0 * static_cast<double>(s) +
         static_cast<double>(w) + 0.5;
}

std::vector<double> summary_of(std::size_t v, std::size_t r) {
  std::vector<double> values;
  for (std::size_t m = 0; m < kMetrics; ++m) values.push_back(summary_value(v, r, m));
  return values;
}
std::vector<double> weekly_of(std::size_t v, std::size_t r) {
  std::vector<double> values;  // series-major
  for (std::size_t s = 0; s < kSeries; ++s)
    for (std::size_t w = 0; w < kWeeks; ++w) values.push_back(weekly_value(v, r, s, w));
  return values;
}

Metadata sample_metadata() {
  Metadata m;
  m.casesim_version = "0.1.0";
  m.scenario_name = "baseline";
  m.scenario_file = "scenarios/baseline.yaml";
  m.scenario_text = "name: baseline\n# £ and café survive as UTF-8\nteam:\n  workers: 8\n";
  m.seed = 18'446'744'073'709'551'557ULL;  // above 2^63: the full uint64 range must survive
  m.start_date = "2024-04-01";
  m.horizon_weeks = 5;
  m.warm_up_weeks = 1;
  m.stream_scheme_version = 3;
  m.boost_version = "1.74.0";
  m.command_line = "casesim run scenarios/baseline.yaml --replications 3";
  m.created_utc = "2024-05-06T07:08:09Z";
  return m;
}

Layout sample_layout() {
  Layout l;
  l.variants = {"baseline", "cap_18"};
  l.replications = kReplications;
  l.metrics = {{"referrals_received", "referrals", "Referrals received after the warm-up."},
               {"unallocated_wait_mean", "working days", "Mean wait for allocation."}};
  l.series = {{"caseload", "cases", "Allocated cases at the end of the week."},
              {"unallocated", "cases", "Cases waiting for allocation at the end of the week."}};
  l.week_start_dates = {"2024-04-01", "2024-04-08", "2024-04-15", "2024-04-22", "2024-04-29"};
  return l;
}

// Two histograms of 4 bins (0, 1, 2 days and more), as the model's duration
// histograms are laid out but small enough to check every count.
constexpr std::size_t kDistributions = 2;
constexpr std::size_t kBins = 4;

Layout layout_with_distributions() {
  Layout l = sample_layout();
  l.distributions.quantities = {{"assessment_working_days", "assessments", "Assessments by working days taken."},
                                {"icpc_working_days", "conferences", "Conferences by working days taken."}};
  l.distributions.bin_edges = {0, 1, 2, 3, std::numeric_limits<double>::infinity()};
  l.distributions.bin_labels = {"0", "1", "2", "more than 2"};
  return l;
}

std::uint32_t count_value(std::size_t v, std::size_t r, std::size_t d, std::size_t b) {
  return static_cast<std::uint32_t>(1000 * v + 100 * r + 10 * d + b + 1);
}
std::vector<std::uint32_t> durations_of(std::size_t v, std::size_t r) {
  std::vector<std::uint32_t> counts;  // distribution-major
  for (std::size_t d = 0; d < kDistributions; ++d)
    for (std::size_t b = 0; b < kBins; ++b) counts.push_back(count_value(v, r, d, b));
  return counts;
}

std::size_t slot(std::size_t v, std::size_t r) {
  return v * kReplications + r;
}

class ResultsFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ =
        fs::temp_directory_path() / ("casesim-results-" + std::to_string(::getpid()) + "-" + std::string(info->name()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }
  std::string path(const std::string& name) const { return (directory_ / name).string(); }

  void write_all_slots(ResultsWriter& writer) {
    for (std::size_t v = 0; v < kVariants; ++v)
      for (std::size_t r = 0; r < kReplications; ++r) writer.write_replication(v, r, summary_of(v, r), weekly_of(v, r));
  }

  fs::path directory_;
};

void expect_slot_written(const ResultsData& data, std::size_t v, std::size_t r) {
  EXPECT_EQ(data.completed[slot(v, r)], 1) << "slot " << v << "," << r;
  for (std::size_t m = 0; m < kMetrics; ++m) EXPECT_EQ(data.summary[m][slot(v, r)], summary_value(v, r, m));
  for (std::size_t s = 0; s < kSeries; ++s)
    for (std::size_t w = 0; w < kWeeks; ++w)
      EXPECT_EQ(data.weekly[s][slot(v, r) * kWeeks + w], weekly_value(v, r, s, w));
}

void expect_slot_empty(const ResultsData& data, std::size_t v, std::size_t r) {
  EXPECT_EQ(data.completed[slot(v, r)], 0) << "slot " << v << "," << r;
  for (std::size_t m = 0; m < kMetrics; ++m) EXPECT_TRUE(std::isnan(data.summary[m][slot(v, r)]));
  for (std::size_t s = 0; s < kSeries; ++s)
    for (std::size_t w = 0; w < kWeeks; ++w) EXPECT_TRUE(std::isnan(data.weekly[s][slot(v, r) * kWeeks + w]));
}

// Every replication of variant v, as one block for write_replications.
struct VariantBlock {
  explicit VariantBlock(std::size_t v) {
    for (std::size_t r = 0; r < kReplications; ++r) {
      summaries.push_back(summary_of(v, r));
      weeklies.push_back(weekly_of(v, r));
    }
    for (std::size_t r = 0; r < kReplications; ++r) values.push_back({summaries[r], weeklies[r]});
  }
  VariantBlock(const VariantBlock&) = delete;  // values point into the vectors above
  VariantBlock& operator=(const VariantBlock&) = delete;
  std::vector<std::vector<double>> summaries, weeklies;
  std::vector<ReplicationValues> values;
};

// Runs `writes` in a child process that kills itself with SIGKILL once they
// return (the writer never closed), and waits for it to die so.
void write_then_be_killed(const std::function<void()>& writes) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    try {
      writes();
      ::raise(SIGKILL);
    } catch (...) {
    }
    ::_exit(1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer did not get as far as being killed";
  ASSERT_EQ(WTERMSIG(status), SIGKILL);
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(ResultsFileTest, EveryMetadataFieldRoundTrips) {
  const Metadata written = sample_metadata();
  ResultsWriter::create(path("r.h5"), written, sample_layout()).close();
  const ResultsData data = read_results(path("r.h5"));
  EXPECT_EQ(data.format_version, kFormatVersion);
  const Metadata& read = data.metadata;
  EXPECT_EQ(read.casesim_version, "0.1.0");
  EXPECT_EQ(read.scenario_name, "baseline");
  EXPECT_EQ(read.scenario_file, "scenarios/baseline.yaml");
  EXPECT_EQ(read.scenario_text, written.scenario_text);
  EXPECT_EQ(read.seed, 18'446'744'073'709'551'557ULL);
  EXPECT_EQ(read.start_date, "2024-04-01");
  EXPECT_EQ(read.horizon_weeks, 5);
  EXPECT_EQ(read.warm_up_weeks, 1);
  EXPECT_EQ(read.stream_scheme_version, 3);
  EXPECT_EQ(read.boost_version, "1.74.0");
  EXPECT_EQ(read.command_line, "casesim run scenarios/baseline.yaml --replications 3");
  EXPECT_EQ(read.created_utc, "2024-05-06T07:08:09Z");
}

TEST_F(ResultsFileTest, LayoutRoundTripsWithItsShapes) {
  ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout()).close();
  const ResultsData data = read_results(path("r.h5"));
  const Layout& l = data.layout;
  EXPECT_EQ(l.variants, (std::vector<std::string>{"baseline", "cap_18"}));
  EXPECT_EQ(l.replications, 3U);
  ASSERT_EQ(l.metrics.size(), 2U);
  EXPECT_EQ(l.metrics[1].name, "unallocated_wait_mean");
  EXPECT_EQ(l.metrics[1].unit, "working days");
  EXPECT_EQ(l.metrics[1].description, "Mean wait for allocation.");
  ASSERT_EQ(l.series.size(), 2U);
  EXPECT_EQ(l.series[0].name, "caseload");
  EXPECT_EQ(l.series[0].unit, "cases");
  EXPECT_EQ(l.series[1].description, "Cases waiting for allocation at the end of the week.");
  EXPECT_EQ(l.week_start_dates, sample_layout().week_start_dates);
  ASSERT_EQ(data.summary.size(), 2U);
  EXPECT_EQ(data.summary[0].size(), 2U * 3U);
  ASSERT_EQ(data.weekly.size(), 2U);
  EXPECT_EQ(data.weekly[1].size(), 2U * 3U * 5U);
  EXPECT_EQ(data.completed.size(), 2U * 3U);
}

TEST_F(ResultsFileTest, EveryWrittenValueReadsBackInItsSlot) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  write_all_slots(writer);
  writer.close();
  const ResultsData data = read_results(path("r.h5"));
  for (std::size_t v = 0; v < kVariants; ++v)
    for (std::size_t r = 0; r < kReplications; ++r) expect_slot_written(data, v, r);
}

TEST_F(ResultsFileTest, WritingOneSlotLeavesTheOthersNanAndNotCompleted) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  writer.write_replication(1, 2, summary_of(1, 2), weekly_of(1, 2));
  writer.close();
  const ResultsData data = read_results(path("r.h5"));
  expect_slot_written(data, 1, 2);
  for (std::size_t v = 0; v < kVariants; ++v)
    for (std::size_t r = 0; r < kReplications; ++r)
      if (!(v == 1 && r == 2)) expect_slot_empty(data, v, r);
}

TEST_F(ResultsFileTest, NanResultsAreStoredAsWrittenButMarkedComplete) {
  // A metric with nothing to average (no overdue visits) is NaN in a finished
  // replication too: completed, not the value, says whether a slot ran.
  // Format version 2 says so: NaN in a completed slot is "not applicable".
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  std::vector<double> summary = summary_of(0, 1);
  summary[1] = std::numeric_limits<double>::quiet_NaN();
  writer.write_replication(0, 1, summary, weekly_of(0, 1));
  writer.close();
  const ResultsData data = read_results(path("r.h5"));
  EXPECT_EQ(data.completed[slot(0, 1)], 1);
  EXPECT_EQ(data.summary[0][slot(0, 1)], 10.25);
  EXPECT_TRUE(std::isnan(data.summary[1][slot(0, 1)]));
}

TEST_F(ResultsFileTest, FileIsReadableWhenTheWriterIsDestroyedWithoutClose) {
  {
    ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
    writer.write_replication(0, 0, summary_of(0, 0), weekly_of(0, 0));
  }
  const ResultsData data = read_results(path("r.h5"));
  expect_slot_written(data, 0, 0);
  expect_slot_empty(data, 0, 1);
}

// The writer puts each replication straight into the file (no cache), values
// before the completed flag, so a kill keeps every write that returned, flushed
// or not, and never shows a slot as complete without its values.
TEST_F(ResultsFileTest, EveryReturnedWriteSurvivesTheProcessBeingKilled) {
  const std::string file = path("killed.h5");
  write_then_be_killed([&file] {
    ResultsWriter writer = ResultsWriter::create(file, sample_metadata(), sample_layout());
    writer.write_replication(0, 0, summary_of(0, 0), weekly_of(0, 0));
    writer.write_replication(1, 1, summary_of(1, 1), weekly_of(1, 1));
    writer.flush();
    writer.write_replication(0, 2, summary_of(0, 2), weekly_of(0, 2));  // never flushed
  });

  const ResultsData data = read_results(file);
  expect_slot_written(data, 0, 0);
  expect_slot_written(data, 1, 1);
  expect_slot_written(data, 0, 2);
  for (const auto& [v, r] : {std::pair{0, 1}, std::pair{1, 0}, std::pair{1, 2}})
    expect_slot_empty(data, static_cast<std::size_t>(v), static_cast<std::size_t>(r));
}

// A batch goes to the file as one block per dataset: each replication's
// values land in their own slot, whatever the block's size and start.
TEST_F(ResultsFileTest, ABlockOfReplicationsFillsEachItsOwnSlot) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  const VariantBlock block(1);
  writer.write_replications(1, 0, block.values);
  writer.write_replications(0, 1, std::span(block.values).subspan(0, 1));  // replication 0's values in slot (0, 1)
  writer.close();

  const ResultsData data = read_results(path("r.h5"));
  for (std::size_t r = 0; r < kReplications; ++r) expect_slot_written(data, 1, r);
  expect_slot_empty(data, 0, 0);
  expect_slot_empty(data, 0, 2);
  EXPECT_EQ(data.completed[slot(0, 1)], 1);
  EXPECT_EQ(data.summary[0][slot(0, 1)], summary_value(1, 0, 0));
  EXPECT_EQ(data.weekly[1][slot(0, 1) * kWeeks + 4], weekly_value(1, 0, 1, 4));
}

TEST_F(ResultsFileTest, ABlockCarriesHistogramsChildFlagsAndWorkerSeries) {
  Layout layout = layout_with_distributions();
  layout.children = {"C1", "C2", "C3"};
  layout.child_stages = {"cin", "cp", "cin"};
  layout.child_overdue_at_start = {0, 1, 0};
  layout.workers = {"W1", "W2"};
  layout.worker_series = {{"caseload", "cases", "Cases held at the end of the week."},
                          {"hours", "hours", "Hours worked in the week."}};
  const std::size_t children = 3, workers = 2, worker_series = 2;
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), layout);
  std::vector<std::vector<double>> summaries, weeklies, worker_weeklies;
  std::vector<std::vector<std::uint32_t>> durations;
  std::vector<std::vector<std::uint8_t>> flags;
  const auto worker_value = [](std::size_t r, std::size_t q, std::size_t w, std::size_t k) {
    return static_cast<double>(1000 * r + 100 * q + 10 * w + k);
  };
  for (std::size_t r = 1; r < kReplications; ++r) {
    summaries.push_back(summary_of(0, r));
    weeklies.push_back(weekly_of(0, r));
    durations.push_back(durations_of(0, r));
    flags.push_back({static_cast<std::uint8_t>(r % 2), 1, 0});
    std::vector<double> per_worker;  // series-major, then week, then worker
    for (std::size_t q = 0; q < worker_series; ++q)
      for (std::size_t w = 0; w < kWeeks; ++w)
        for (std::size_t k = 0; k < workers; ++k) per_worker.push_back(worker_value(r, q, w, k));
    worker_weeklies.push_back(per_worker);
  }
  std::vector<ReplicationValues> block;
  for (std::size_t i = 0; i < summaries.size(); ++i)
    block.push_back({summaries[i], weeklies[i], durations[i], flags[i], worker_weeklies[i]});
  writer.write_replications(0, 1, block);
  writer.close();

  const ResultsData data = read_results(path("r.h5"));
  expect_slot_empty(data, 0, 0);
  for (std::size_t r = 1; r < kReplications; ++r) {
    expect_slot_written(data, 0, r);
    for (std::size_t d = 0; d < kDistributions; ++d)
      for (std::size_t b = 0; b < kBins; ++b)
        EXPECT_EQ(data.distributions[d][slot(0, r) * kBins + b], count_value(0, r, d, b));
    EXPECT_EQ(data.child_visit_late[slot(0, r) * children + 0], r % 2);
    EXPECT_EQ(data.child_visit_late[slot(0, r) * children + 1], 1);
    EXPECT_EQ(data.child_visit_late[slot(0, r) * children + 2], 0);
    for (std::size_t q = 0; q < worker_series; ++q)
      for (std::size_t w = 0; w < kWeeks; ++w)
        for (std::size_t k = 0; k < workers; ++k)
          EXPECT_EQ(data.worker_weekly[q][(slot(0, r) * kWeeks + w) * workers + k], worker_value(r, q, w, k));
  }
}

TEST_F(ResultsFileTest, ABlockWithOneWrongSizeOrPastTheLastSlotWritesNothing) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  const std::vector<double> summary = summary_of(0, 0), weekly = weekly_of(0, 0), short_weekly(3, 1.0);
  const std::vector<ReplicationValues> one_wrong{{summary, weekly}, {summary, short_weekly}};
  EXPECT_THROW(writer.write_replications(0, 0, one_wrong), std::invalid_argument);
  const std::vector<ReplicationValues> two{{summary, weekly}, {summary, weekly}};
  EXPECT_THROW(writer.write_replications(0, kReplications - 1, two), std::invalid_argument);
  writer.close();
  const ResultsData data = read_results(path("r.h5"));
  for (std::size_t r = 0; r < kReplications; ++r) expect_slot_empty(data, 0, r);
}

// A block is values first and completed marks last, written straight to the
// file, so a kill after it returns keeps the whole block, flushed or not.
TEST_F(ResultsFileTest, EveryReturnedBlockSurvivesTheProcessBeingKilled) {
  const std::string file = path("killed.h5");
  write_then_be_killed([&file] {
    ResultsWriter writer = ResultsWriter::create(file, sample_metadata(), sample_layout());
    const VariantBlock block(1);
    writer.write_replications(1, 0, block.values);  // never flushed
  });

  const ResultsData data = read_results(file);
  for (std::size_t r = 0; r < kReplications; ++r) {
    expect_slot_written(data, 1, r);
    expect_slot_empty(data, 0, r);
  }
}

TEST_F(ResultsFileTest, ExtendingReplicationsAddsEmptySlotsAndKeepsWrittenOnes) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  writer.write_replication(1, 2, summary_of(1, 2), weekly_of(1, 2));
  writer.extend_replications(5);
  std::vector<double> summary{7.5, 8.5};
  std::vector<double> weekly(kSeries * kWeeks, 9.0);
  writer.write_replication(0, 4, summary, weekly);
  writer.close();

  const ResultsData data = read_results(path("r.h5"));
  ASSERT_EQ(data.layout.replications, 5U);
  ASSERT_EQ(data.completed.size(), 10U);
  ASSERT_EQ(data.weekly[0].size(), 50U);
  // Slot (v, r) is now at v * 5 + r.
  EXPECT_EQ(data.completed[1 * 5 + 2], 1);
  EXPECT_EQ(data.summary[1][1 * 5 + 2], summary_value(1, 2, 1));
  EXPECT_EQ(data.weekly[1][(1 * 5 + 2) * kWeeks + 4], weekly_value(1, 2, 1, 4));
  EXPECT_EQ(data.completed[0 * 5 + 4], 1);
  EXPECT_EQ(data.summary[0][0 * 5 + 4], 7.5);
  EXPECT_EQ(data.weekly[1][(0 * 5 + 4) * kWeeks + 3], 9.0);
  EXPECT_EQ(data.completed[1 * 5 + 4], 0);
  EXPECT_TRUE(std::isnan(data.summary[0][1 * 5 + 3]));
  EXPECT_TRUE(std::isnan(data.weekly[0][(1 * 5 + 3) * kWeeks + 0]));
}

// A grown copy is the file grown, under another name; the file itself is
// untouched, so a kill while the copy grows leaves the file as it was
// (Recording::extend_replications renames the copy over it once grown).
TEST_F(ResultsFileTest, AGrownCopyIsTheFileGrownAndLeavesTheFileAsItWas) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  writer.write_replication(1, 2, summary_of(1, 2), weekly_of(1, 2));
  ResultsWriter grown = writer.grown_copy(path("r.h5.growing"), 5);
  std::vector<double> summary{7.5, 8.5};
  std::vector<double> weekly(kSeries * kWeeks, 9.0);
  grown.write_replication(0, 4, summary, weekly);
  writer.close();
  grown.close();

  const ResultsData before = read_results(path("r.h5"));
  ASSERT_EQ(before.layout.replications, kReplications);
  EXPECT_EQ(before.completed[1 * kReplications + 2], 1);
  EXPECT_EQ(std::count(before.completed.begin(), before.completed.end(), 1), 1);

  const ResultsData data = read_results(path("r.h5.growing"));
  ASSERT_EQ(data.layout.replications, 5U);
  ASSERT_EQ(data.completed.size(), 10U);
  EXPECT_EQ(data.completed[1 * 5 + 2], 1);
  EXPECT_EQ(data.summary[1][1 * 5 + 2], summary_value(1, 2, 1));
  EXPECT_EQ(data.weekly[1][(1 * 5 + 2) * kWeeks + 4], weekly_value(1, 2, 1, 4));
  EXPECT_EQ(data.completed[0 * 5 + 4], 1);
  EXPECT_EQ(data.summary[0][0 * 5 + 4], 7.5);
  EXPECT_EQ(data.completed[1 * 5 + 4], 0);
  EXPECT_TRUE(std::isnan(data.summary[0][1 * 5 + 3]));
  EXPECT_EQ(data.metadata.seed, before.metadata.seed);
}

TEST_F(ResultsFileTest, ACopyThatCannotBeMadeIsAClearError) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  try {
    (void)writer.grown_copy(path("no-such-directory/r.h5.growing"), 5);
    FAIL() << "grown_copy into a missing directory returned";
  } catch (const ResultsError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot copy it to"), std::string::npos) << e.what();
  }
  // The file goes on as it was.
  writer.write_replication(0, 0, summary_of(0, 0), weekly_of(0, 0));
  writer.close();
  EXPECT_EQ(read_results(path("r.h5")).completed[0], 1);
}

TEST_F(ResultsFileTest, ReplicationsCannotShrink) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  EXPECT_THROW(writer.extend_replications(2), std::invalid_argument);
}

TEST_F(ResultsFileTest, WrongSizedSpansThrowInvalidArgumentAndWriteNothing) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  const std::vector<double> one_metric_short{1.0};
  const std::vector<double> one_week_short(kSeries * kWeeks - 1, 1.0);
  EXPECT_THROW(writer.write_replication(0, 0, one_metric_short, weekly_of(0, 0)), std::invalid_argument);
  EXPECT_THROW(writer.write_replication(0, 0, summary_of(0, 0), one_week_short), std::invalid_argument);
  EXPECT_THROW(writer.write_replication(2, 0, summary_of(0, 0), weekly_of(0, 0)), std::invalid_argument);
  EXPECT_THROW(writer.write_replication(0, 3, summary_of(0, 0), weekly_of(0, 0)), std::invalid_argument);
  writer.close();
  const ResultsData data = read_results(path("r.h5"));
  expect_slot_empty(data, 0, 0);
}

TEST_F(ResultsFileTest, WrongSizeMessageNamesTheFileAndTheCounts) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  try {
    writer.write_replication(0, 0, std::vector<double>{1.0}, weekly_of(0, 0));
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path("r.h5")), std::string::npos) << message;
    EXPECT_NE(message.find("1 summary values for 2 metrics"), std::string::npos) << message;
  }
}

TEST_F(ResultsFileTest, CloseIsIdempotentAndWritingAfterItIsALogicError) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout());
  writer.close();
  writer.close();
  EXPECT_THROW(writer.write_replication(0, 0, summary_of(0, 0), weekly_of(0, 0)), std::logic_error);
  EXPECT_THROW(writer.flush(), std::logic_error);
}

// create() in two steps: begin() leaves only PATH.creating, empty, until
// lay_out() gives the file create() gives; writing lays it out first.
TEST_F(ResultsFileTest, BeginThenLayOutGivesTheFileCreateGives) {
  ResultsWriter created = ResultsWriter::create(path("created.h5"), sample_metadata(), sample_layout());
  write_all_slots(created);
  created.close();
  ResultsWriter begun = ResultsWriter::begin(path("begun.h5"), sample_metadata(), sample_layout());
  EXPECT_FALSE(fs::exists(path("begun.h5")));
  EXPECT_TRUE(fs::exists(path("begun.h5.creating")));
  EXPECT_THROW(begun.read_summary(0), std::logic_error);
  begun.lay_out();
  begun.lay_out();  // once is enough
  EXPECT_TRUE(fs::exists(path("begun.h5")));
  EXPECT_FALSE(fs::exists(path("begun.h5.creating")));
  write_all_slots(begun);
  begun.close();
  const ResultsData a = read_results(path("created.h5"));
  const ResultsData b = read_results(path("begun.h5"));
  EXPECT_EQ(a.metadata.scenario_text, b.metadata.scenario_text);
  EXPECT_EQ(a.layout.week_start_dates, b.layout.week_start_dates);
  EXPECT_EQ(a.layout.variants, b.layout.variants);
  for (std::size_t m = 0; m < kMetrics; ++m) EXPECT_EQ(a.summary[m], b.summary[m]);
  for (std::size_t s = 0; s < kSeries; ++s) EXPECT_EQ(a.weekly[s], b.weekly[s]);
  EXPECT_EQ(a.completed, b.completed);

  ResultsWriter written_at_once = ResultsWriter::begin(path("at-once.h5"), sample_metadata(), sample_layout());
  written_at_once.write_replication(1, 2, summary_of(1, 2), weekly_of(1, 2));
  written_at_once.close();
  const ResultsData c = read_results(path("at-once.h5"));
  expect_slot_written(c, 1, 2);
  expect_slot_empty(c, 0, 0);
}

TEST_F(ResultsFileTest, ABegunFileNeverLaidOutLeavesNothingBehind) {
  {
    ResultsWriter closed = ResultsWriter::begin(path("closed.h5"), sample_metadata(), sample_layout());
    closed.close();
    ResultsWriter dropped = ResultsWriter::begin(path("dropped.h5"), sample_metadata(), sample_layout());
  }
  EXPECT_TRUE(fs::is_empty(directory_));
}

// create() and begin() alike: begin() makes create()'s checks, so a missing
// directory is found before any laying out.
TEST_F(ResultsFileTest, CreatingInAMissingDirectoryNamesThePath) {
  const std::string missing = path("no/such/dir/r.h5");
  for (const auto start : {&ResultsWriter::create, &ResultsWriter::begin}) {
    try {
      start(missing, sample_metadata(), sample_layout());
      FAIL() << "no exception";
    } catch (const ResultsError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(missing), std::string::npos) << message;
      EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
    }
  }
}

TEST_F(ResultsFileTest, CreatingOverADirectoryNamesThePathAndHdf5sReason) {
  fs::create_directories(path("taken.h5"));
  try {
    ResultsWriter::create(path("taken.h5"), sample_metadata(), sample_layout());
    FAIL() << "no exception";
  } catch (const ResultsError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path("taken.h5")), std::string::npos) << message;
    EXPECT_NE(message.find("Is a directory"), std::string::npos) << message;
  }
}

TEST_F(ResultsFileTest, ReadingANonHdf5FileNamesThePath) {
  const std::string text_file = path("notes.h5");
  std::ofstream(text_file) << "name: baseline\n";
  try {
    read_results(text_file);
    FAIL() << "no exception";
  } catch (const ResultsError& e) {
    EXPECT_EQ(std::string(e.what()), "results file '" + text_file + "': is not an HDF5 file");
  }
}

TEST_F(ResultsFileTest, ReadingAMissingFileNamesThePath) {
  try {
    read_results(path("absent.h5"));
    FAIL() << "no exception";
  } catch (const ResultsError& e) {
    EXPECT_EQ(std::string(e.what()), "results file '" + path("absent.h5") + "': does not exist");
  }
}

TEST_F(ResultsFileTest, AnHdf5FileThatIsNotCasesimsIsRejectedClearly) {
  const hid_t file = H5Fcreate(path("other.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  H5Fclose(file);
  try {
    read_results(path("other.h5"));
    FAIL() << "no exception";
  } catch (const ResultsError& e) {
    EXPECT_EQ(std::string(e.what()), "results file '" + path("other.h5") +
                                         "': is an HDF5 file but not a casesim results file (no format_version "
                                         "attribute)");
  }
}

TEST_F(ResultsFileTest, ANewerFormatVersionIsRejectedClearly) {
  ResultsWriter::create(path("future.h5"), sample_metadata(), sample_layout()).close();
  const hid_t file = H5Fopen(path("future.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  const hid_t attribute = H5Aopen(file, "format_version", H5P_DEFAULT);
  const int newer = kFormatVersion + 1;
  ASSERT_GE(H5Awrite(attribute, H5T_NATIVE_INT, &newer), 0);
  H5Aclose(attribute);
  H5Fclose(file);
  try {
    read_results(path("future.h5"));
    FAIL() << "no exception";
  } catch (const ResultsError& e) {
    EXPECT_EQ(std::string(e.what()), "results file '" + path("future.h5") + "': has format version " +
                                         std::to_string(newer) + ", newer than the " + std::to_string(kFormatVersion) +
                                         " this casesim reads; read it with a newer casesim");
  }
}

TEST_F(ResultsFileTest, AMissingDatasetIsNamed) {
  ResultsWriter::create(path("r.h5"), sample_metadata(), sample_layout()).close();
  const hid_t file = H5Fopen(path("r.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  ASSERT_GE(H5Ldelete(file, "/series/unallocated", H5P_DEFAULT), 0);
  H5Fclose(file);
  try {
    read_results(path("r.h5"));
    FAIL() << "no exception";
  } catch (const ResultsError& e) {
    EXPECT_EQ(std::string(e.what()), "results file '" + path("r.h5") + "': has no dataset /series/unallocated");
  }
}

TEST_F(ResultsFileTest, DistributionsRoundTripWithTheirBinsAndCountsInTheirSlots) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), layout_with_distributions());
  writer.write_replication(0, 0, summary_of(0, 0), weekly_of(0, 0), durations_of(0, 0));
  writer.write_replication(1, 2, summary_of(1, 2), weekly_of(1, 2), durations_of(1, 2));
  writer.close();
  const ResultsData data = read_results(path("r.h5"));
  const Distributions& d = data.layout.distributions;
  ASSERT_EQ(d.quantities.size(), kDistributions);
  EXPECT_EQ(d.quantities[0].name, "assessment_working_days");
  EXPECT_EQ(d.quantities[0].unit, "assessments");
  EXPECT_EQ(d.quantities[1].unit, "conferences");
  EXPECT_EQ(d.quantities[1].description, "Conferences by working days taken.");
  EXPECT_EQ(d.bin_labels, layout_with_distributions().distributions.bin_labels);
  ASSERT_EQ(d.bin_edges.size(), kBins + 1);
  EXPECT_EQ(d.bin_edges[3], 3.0);
  EXPECT_TRUE(std::isinf(d.bin_edges[4]));
  ASSERT_EQ(data.distributions.size(), kDistributions);
  for (std::size_t k = 0; k < kDistributions; ++k) {
    ASSERT_EQ(data.distributions[k].size(), kVariants * kReplications * kBins);
    for (std::size_t b = 0; b < kBins; ++b) {
      EXPECT_EQ(data.distributions[k][slot(0, 0) * kBins + b], count_value(0, 0, k, b));
      EXPECT_EQ(data.distributions[k][slot(1, 2) * kBins + b], count_value(1, 2, k, b));
      // A slot not written counts nothing (completed says it did not run).
      EXPECT_EQ(data.distributions[k][slot(0, 1) * kBins + b], 0U);
    }
  }
}

TEST_F(ResultsFileTest, DistributionsGrowWithTheReplications) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), layout_with_distributions());
  writer.write_replication(1, 2, summary_of(1, 2), weekly_of(1, 2), durations_of(1, 2));
  writer.extend_replications(5);
  writer.write_replication(0, 4, summary_of(0, 4), weekly_of(0, 4), durations_of(0, 4));
  writer.close();
  const ResultsData data = read_results(path("r.h5"));
  ASSERT_EQ(data.distributions[1].size(), kVariants * 5 * kBins);
  EXPECT_EQ(data.distributions[1][(1 * 5 + 2) * kBins + 3], count_value(1, 2, 1, 3));
  EXPECT_EQ(data.distributions[0][(0 * 5 + 4) * kBins + 0], count_value(0, 4, 0, 0));
  EXPECT_EQ(data.distributions[0][(1 * 5 + 4) * kBins + 0], 0U);
}

TEST_F(ResultsFileTest, DurationCountsOfTheWrongSizeAreInvalidArguments) {
  ResultsWriter writer = ResultsWriter::create(path("r.h5"), sample_metadata(), layout_with_distributions());
  std::vector<std::uint32_t> one_short = durations_of(0, 0);
  one_short.pop_back();
  EXPECT_THROW(writer.write_replication(0, 0, summary_of(0, 0), weekly_of(0, 0)), std::invalid_argument);
  try {
    writer.write_replication(0, 0, summary_of(0, 0), weekly_of(0, 0), one_short);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("7 duration counts for 2 distributions of 4 bins"), std::string::npos)
        << e.what();
  }
  writer.close();
  EXPECT_EQ(read_results(path("r.h5")).completed[slot(0, 0)], 0);
}

TEST_F(ResultsFileTest, DistributionBinsThatCannotBeStoredAreInvalidArguments) {
  Layout edges_short = layout_with_distributions();
  edges_short.distributions.bin_edges.pop_back();
  Layout descending = layout_with_distributions();
  descending.distributions.bin_edges[2] = 0.5;
  Layout no_bins = layout_with_distributions();
  no_bins.distributions.bin_edges.clear();
  no_bins.distributions.bin_labels.clear();
  Layout reserved = layout_with_distributions();
  reserved.distributions.quantities[0].name = "names";
  Layout repeated = layout_with_distributions();
  repeated.distributions.quantities[1].name = "assessment_working_days";
  for (const Layout* layout : {&edges_short, &descending, &no_bins, &reserved, &repeated})
    EXPECT_THROW(ResultsWriter::create(path("r.h5"), sample_metadata(), *layout), std::invalid_argument);
  EXPECT_FALSE(fs::exists(path("r.h5")));
}

// Files of format version 1 (before the duration histograms) still read: no distributions.
TEST_F(ResultsFileTest, AVersionOneFileReadsWithoutDistributions) {
  ResultsWriter writer = ResultsWriter::create(path("v1.h5"), sample_metadata(), sample_layout());
  write_all_slots(writer);
  writer.close();
  const hid_t file = H5Fopen(path("v1.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  const hid_t attribute = H5Aopen(file, "format_version", H5P_DEFAULT);
  const int one = 1;
  ASSERT_GE(H5Awrite(attribute, H5T_NATIVE_INT, &one), 0);
  H5Aclose(attribute);
  H5Fclose(file);
  const ResultsData data = read_results(path("v1.h5"));
  EXPECT_EQ(data.format_version, 1);
  EXPECT_TRUE(data.layout.distributions.quantities.empty());
  EXPECT_TRUE(data.distributions.empty());
  expect_slot_written(data, 1, 2);
}

TEST_F(ResultsFileTest, LayoutsThatCannotBeStoredAreInvalidArguments) {
  const Metadata metadata = sample_metadata();
  Layout no_variants = sample_layout();
  no_variants.variants.clear();
  Layout no_replications = sample_layout();
  no_replications.replications = 0;
  Layout path_in_name = sample_layout();
  path_in_name.metrics[0].name = "waits/mean";
  Layout repeated = sample_layout();
  repeated.series[1].name = "caseload";
  Layout reserved = sample_layout();
  reserved.series[0].name = "names";
  Layout no_weeks = sample_layout();
  no_weeks.week_start_dates.clear();
  for (const Layout* layout : {&no_variants, &no_replications, &path_in_name, &repeated, &reserved, &no_weeks})
    EXPECT_THROW(ResultsWriter::create(path("r.h5"), metadata, *layout), std::invalid_argument);
  EXPECT_FALSE(fs::exists(path("r.h5")));
}

TEST_F(ResultsFileTest, TextThatIsNotUtf8IsRejectedBeforeAnythingIsWritten) {
  Metadata latin1 = sample_metadata();
  latin1.scenario_text =
      "cost: \xA3"
      "100\n";  // a Latin-1 pound sign
  try {
    ResultsWriter::create(path("r.h5"), latin1, sample_layout());
    FAIL() << "no exception";
  } catch (const ResultsError& e) {
    EXPECT_EQ(std::string(e.what()), "results file '" + path("r.h5") + "': scenario_text is not valid UTF-8 (byte 6)");
  }
  EXPECT_FALSE(fs::exists(path("r.h5")));
}

TEST_F(ResultsFileTest, IdenticalRunsGiveByteIdenticalFiles) {
  for (const char* name : {"a.h5", "b.h5"}) {
    // Apart so that any timestamp HDF5 stored (to the second) would differ.
    if (std::string(name) == "b.h5") std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    ResultsWriter writer = ResultsWriter::create(path(name), sample_metadata(), sample_layout());
    write_all_slots(writer);
    writer.close();
  }
  const std::string a = read_bytes(path("a.h5"));
  EXPECT_GT(a.size(), 1000U);
  EXPECT_TRUE(a == read_bytes(path("b.h5")));
}

// The storage choices docs/results-format.md promises: chunks of one variant
// by up to 64 replications (by every week), an unlimited replication axis,
// NaN and 0 fill values, and no filters (so nothing moves when rewritten).
TEST_F(ResultsFileTest, DatasetsAreChunkedExtensibleAndUnfiltered) {
  Layout many = sample_layout();
  many.replications = 100;
  ResultsWriter::create(path("r.h5"), sample_metadata(), many).close();
  const hid_t file = H5Fopen(path("r.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  const auto inspect = [&](const char* name, std::vector<hsize_t> expected_chunk, double expected_fill) {
    SCOPED_TRACE(name);
    const hid_t dataset = H5Dopen2(file, name, H5P_DEFAULT);
    ASSERT_GE(dataset, 0);
    const hid_t creation = H5Dget_create_plist(dataset);
    std::vector<hsize_t> chunk(expected_chunk.size());
    EXPECT_EQ(H5Pget_chunk(creation, static_cast<int>(chunk.size()), chunk.data()), static_cast<int>(chunk.size()));
    EXPECT_EQ(chunk, expected_chunk);
    EXPECT_EQ(H5Pget_nfilters(creation), 0);
    double fill = 0;
    H5Pget_fill_value(creation, H5T_NATIVE_DOUBLE, &fill);
    if (std::isnan(expected_fill))
      EXPECT_TRUE(std::isnan(fill));
    else
      EXPECT_EQ(fill, expected_fill);
    const hid_t space = H5Dget_space(dataset);
    std::vector<hsize_t> dims(chunk.size());
    std::vector<hsize_t> max_dims(chunk.size());
    H5Sget_simple_extent_dims(space, dims.data(), max_dims.data());
    EXPECT_EQ(dims[0], 2U);
    EXPECT_EQ(dims[1], 100U);
    EXPECT_EQ(max_dims[0], 2U);
    EXPECT_EQ(max_dims[1], H5S_UNLIMITED);
    H5Sclose(space);
    H5Pclose(creation);
    H5Dclose(dataset);
  };
  inspect("/summary/referrals_received", {1, 64}, std::numeric_limits<double>::quiet_NaN());
  inspect("/series/caseload", {1, 64, 5}, std::numeric_limits<double>::quiet_NaN());
  inspect("/completed", {1, 64}, 0.0);
  H5Fclose(file);

  Layout histograms = layout_with_distributions();
  histograms.replications = 100;
  ResultsWriter::create(path("d.h5"), sample_metadata(), histograms).close();
  const hid_t with_distributions = H5Fopen(path("d.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(with_distributions, 0);
  const hid_t dataset = H5Dopen2(with_distributions, "/distributions/icpc_working_days", H5P_DEFAULT);
  ASSERT_GE(dataset, 0);
  const hid_t creation = H5Dget_create_plist(dataset);
  std::vector<hsize_t> chunk(3);
  EXPECT_EQ(H5Pget_chunk(creation, 3, chunk.data()), 3);
  EXPECT_EQ(chunk, (std::vector<hsize_t>{1, 64, kBins}));
  EXPECT_EQ(H5Pget_nfilters(creation), 0);
  const hid_t type = H5Dget_type(dataset);
  EXPECT_TRUE(H5Tequal(type, H5T_STD_U32LE) > 0);
  H5Tclose(type);
  H5Pclose(creation);
  H5Dclose(dataset);
  H5Fclose(with_distributions);
}

}  // namespace
}  // namespace casesim::results
