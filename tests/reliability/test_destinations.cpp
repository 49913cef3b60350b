// Where commands write, through the real casesim program: one destination
// check for every command (a device, a FIFO, a directory or one of the
// command's own inputs is refused even with --force, and left as it was), one
// process per results file (two runs on one output), and every write checked
// (standard output on /dev/full, a full disk, a file size limit): status 3
// with the system's reason, and nothing left behind.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/results/results_file.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

void copy_shipped(const std::string& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(shipped("") + from, to, fs::copy_options::overwrite_existing);
}

// A scenario, an experiment beside its base scenario (its base_scenario is
// ../baseline.yaml), a FIFO and a stand-in results file, in `directory`.
void lay_out_inputs(const TemporaryDirectory& directory) {
  copy_shipped("scenarios/baseline.yaml", directory / "baseline.yaml");
  copy_shipped("scenarios/experiments/caseload-caps.yaml", directory / "experiments/caps.yaml");
  copy_shipped("scenarios/optimise/staffing.yaml", directory / "optimise/staffing.yaml");
  ASSERT_EQ(::mkfifo((directory / "fifo").c_str(), 0600), 0);
  std::ofstream(directory / "results.h5") << "a results file";
}

struct DestinationCase {
  const char* name;
  std::vector<std::string> arguments;
  std::string expected_error;
  std::string kept;  // a file in the directory that must be left as it was
};

const DestinationCase kDestinations[] = {
    {"RunOntoItsScenario",
     {"run", "baseline.yaml", "-r", "1", "-o", "baseline.yaml", "--force"},
     "casesim: baseline.yaml: is the scenario this command reads; --output must name another file\n",
     "baseline.yaml"},
    {"ExperimentOntoItsFile",
     {"experiment", "experiments/caps.yaml", "-r", "1", "-o", "experiments/caps.yaml", "--force"},
     "casesim: experiments/caps.yaml: is the experiment file this command reads; --output must name another file\n",
     "experiments/caps.yaml"},
    {"ExperimentOntoItsBaseScenario",
     {"experiment", "experiments/caps.yaml", "-r", "1", "-o", "baseline.yaml", "--force"},
     "casesim: baseline.yaml: is the base scenario this command reads; --output must name another file\n",
     "baseline.yaml"},
    {"RunOntoAFifo",
     {"run", "baseline.yaml", "-r", "1", "-o", "fifo", "--force"},
     "casesim: fifo: it is a FIFO (named pipe), not a regular file; --output must name a results file\n",
     "fifo"},
    {"RunOntoADirectory",
     {"run", "baseline.yaml", "-r", "1", "-o", "experiments", "--force"},
     "casesim: experiments: it is a directory; --output must name a results file\n",
     "experiments/caps.yaml"},
    {"ReportOntoItsResultsFile",
     {"report", "results.h5", "-o", "results.h5", "--force"},
     "casesim: results.h5: is the results file this command reads; --output must name another file\n",
     "results.h5"},
    // Once replaced by a regular file (as root, /dev/full itself).
    {"ReportOntoADevice",
     {"report", "results.h5", "-o", "/dev/full", "--force"},
     "casesim: /dev/full: it is a character device, not a regular file; --output must name a report\n",
     "results.h5"},
    {"ReportOntoAFifo",
     {"report", "results.h5", "-o", "fifo", "--force"},
     "casesim: fifo: it is a FIFO (named pipe), not a regular file; --output must name a report\n",
     "fifo"},
    // Once an "internal error".
    {"ReportOntoADirectory",
     {"report", "results.h5", "-o", "experiments", "--force"},
     "casesim: experiments: it is a directory; --output must name a report\n",
     "experiments/caps.yaml"},
    {"ReportOntoAnExistingFile",
     {"report", "results.h5", "-o", "baseline.yaml"},
     "casesim: baseline.yaml: report exists; use --force to replace it, or --output to choose another name\n",
     "baseline.yaml"},
    {"TraceOntoItsScenario",
     {"trace", "baseline.yaml", "-o", "baseline.yaml", "--force"},
     "casesim: baseline.yaml: is the scenario this command reads; --output must name another file\n",
     "baseline.yaml"},
    {"TraceOntoADevice",
     {"trace", "baseline.yaml", "-o", "/dev/full", "--force"},
     "casesim: /dev/full: it is a character device, not a regular file; --output must name a trace\n",
     "baseline.yaml"},
    {"TraceOntoAnExistingFile",
     {"trace", "baseline.yaml", "-o", "results.h5"},
     "casesim: results.h5: trace exists; use --force to replace it, or --output to choose another name\n",
     "results.h5"},
    {"OptimiseOntoItsFile",
     {"optimise", "optimise/staffing.yaml", "-o", "optimise/staffing.yaml", "--force"},
     "casesim: optimise/staffing.yaml: is the optimise file this command reads; --output must name another file\n",
     "optimise/staffing.yaml"},
};

class Destination : public ::testing::TestWithParam<DestinationCase> {};

TEST_P(Destination, IsRefusedWithStatus2AndLeftAsItWas) {
  const DestinationCase& c = GetParam();
  const TemporaryDirectory directory;
  lay_out_inputs(directory);
  const std::string kept_before = fs::is_regular_file(directory / c.kept) ? read_file(directory / c.kept) : "";
  const ProgramOutcome outcome = run_program(casesim(c.arguments), in(directory));
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.exit_status, kBadInput) << outcome.err;
  EXPECT_EQ(outcome.err, c.expected_error);
  EXPECT_EQ(outcome.out, "");
  if (fs::is_regular_file(directory / c.kept)) {
    EXPECT_EQ(read_file(directory / c.kept), kept_before);
  }
  EXPECT_TRUE(fs::is_fifo(directory / "fifo"));
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
  for (const auto& entry : fs::recursive_directory_iterator(directory.path()))
    EXPECT_EQ(entry.path().string().find(".partial"), std::string::npos) << entry.path();
}

INSTANTIATE_TEST_SUITE_P(EveryCommand, Destination, ::testing::ValuesIn(kDestinations),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// A results file for the commands that read one, made once.
const std::string& small_results_file() {
  static const TemporaryDirectory directory;
  static const std::string path = [] {
    const std::string file = (directory / "small.h5").string();
    const ProgramOutcome made = run_program(casesim({"run", "-r", "2", "-o", file}));
    EXPECT_EQ(made.exit_status, 0) << made.err;
    return file;
  }();
  return path;
}

struct WriteCase {
  const char* name;
  std::function<std::vector<std::string>()> arguments;
};

const WriteCase kStandardOutputWriters[] = {
    {"Trace", [] { return std::vector<std::string>{"trace"}; }},
    {"SummaryCsv",
     [] {
       return std::vector<std::string>{"summary", "--csv", small_results_file()};
     }},
    {"SummaryTables",
     [] {
       return std::vector<std::string>{"summary", small_results_file()};
     }},
};

class StandardOutput : public ::testing::TestWithParam<WriteCase> {};

// Once exit 0 with a cut-off file: nothing written to standard output was checked.
TEST_P(StandardOutput, OnAFullDeviceIsStatus3WithTheReason) {
  ProgramOptions options;
  options.standard_output = "/dev/full";
  const ProgramOutcome outcome = run_program(casesim(GetParam().arguments()), options);
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(outcome.err,
            "casesim: writing standard output failed: No space left on device; what was written there is "
            "incomplete\n");
}

INSTANTIATE_TEST_SUITE_P(EveryWriter, StandardOutput, ::testing::ValuesIn(kStandardOutputWriters),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// A small file system of its own, filled up; skipped (with the reason) where
// the test may not mount one.
class FullDisk : public ::testing::TestWithParam<WriteCase> {
 protected:
  void SetUp() override {
    disk_ = directory_ / "disk";
    fs::create_directory(disk_);
    if (::geteuid() != 0) GTEST_SKIP() << "a full disk needs a tmpfs mount, which needs root";
    if (::mount("tmpfs", disk_.c_str(), "tmpfs", 0, "size=64k") != 0)
      GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << ")";
    mounted_ = true;
    std::ofstream filler(disk_ / "filler", std::ios::binary);
    const std::string block(4096, 'x');
    for (int i = 0; i < 64 && filler; ++i) filler << block << std::flush;
  }
  void TearDown() override {
    if (mounted_) ::umount(disk_.c_str());
  }
  TemporaryDirectory directory_;
  fs::path disk_;
  bool mounted_ = false;
};

const WriteCase kFileWriters[] = {
    {"TraceOutput",
     [] {
       return std::vector<std::string>{"trace", "-o", "disk/out"};
     }},
    {"ReportOutput",
     [] {
       return std::vector<std::string>{"report", small_results_file(), "-o", "disk/out"};
     }},
};

// Once a truncated CSV under its final name, and status 2.
TEST_P(FullDisk, FileWriteIsStatus3WithTheReasonAndLeavesNothing) {
  const ProgramOutcome outcome = run_program(casesim(GetParam().arguments()), in(directory_));
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure) << outcome.err;
  EXPECT_NE(outcome.err.find("No space left on device"), std::string::npos) << outcome.err;
  EXPECT_EQ(std::count(outcome.err.begin(), outcome.err.end(), '\n'), 1) << outcome.err;
  for (const auto& entry : fs::directory_iterator(disk_))
    EXPECT_EQ(entry.path().filename(), "filler") << "left behind: " << entry.path();
}

INSTANTIATE_TEST_SUITE_P(EveryWriter, FullDisk, ::testing::ValuesIn(kFileWriters),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(FullDiskStandardOutput, RedirectedTraceIsStatus3) {
  if (::geteuid() != 0) GTEST_SKIP() << "a full disk needs a tmpfs mount, which needs root";
  const TemporaryDirectory directory;
  const fs::path disk = directory / "disk";
  fs::create_directory(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=64k") != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << ")";
  ProgramOptions options;
  options.standard_output = disk / "trace.csv";
  const ProgramOutcome outcome = run_program(casesim({"trace"}), options);
  ::umount(disk.c_str());
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(outcome.err,
            "casesim: writing standard output failed: No space left on device; what was written there is "
            "incomplete\n");
}

TEST(FileSizeLimit, TraceOutputIsStatus3AndLeavesNothing) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(casesim({"trace", "-o", "trace.csv"}), limited_to(4096, in(directory)));
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(outcome.err, "casesim: trace 'trace.csv': writing it failed: File too large; nothing was written\n");
  EXPECT_TRUE(fs::is_empty(directory.path()));
}

// A run long enough (one thread) to be caught while it writes, even on a
// loaded machine where the test's own steps are slow too.
constexpr int kLongRunReplications = 600;
std::vector<std::string> long_run(const std::string& output) {
  return casesim({"run", "-r", std::to_string(kLongRunReplications), "-t", "1", "-o", output});
}

// Once the second run truncated the first's .partial, and the first then
// renamed an unreadable file to the final name with status 0.
TEST(TwoRuns, OnOneOutputTheSecondIsRefusedAndTheFirstFinishes) {
  const TemporaryDirectory directory;
  Program first(long_run("out.h5"), in(directory));
  ASSERT_TRUE(appears_within(directory / "out.h5.partial", 5s));
  for (const std::vector<std::string>& second :
       {casesim({"run", "-r", "1", "-o", "out.h5", "--force"}),
        casesim({"optimise", shipped("scenarios/optimise/staffing.yaml"), "-o", "out.h5", "--force"}),
        casesim({"experiment", shipped("scenarios/experiments/caseload-caps.yaml"), "-o", "out.h5", "--force"})}) {
    const ProgramOutcome refused = run_program(second, in(directory));
    EXPECT_EQ(refused.exit_status, kBadInput) << second[1];
    EXPECT_EQ(refused.err,
              "casesim: out.h5: another casesim is writing this results file now (out.h5.lock is locked); wait for "
              "it to finish, or choose another --output\n");
  }
  const ProgramOutcome outcome = first.wait();
  ASSERT_EQ(outcome.exit_status, 0) << outcome.err;
  const results::ResultsData data = results::read_results((directory / "out.h5").string());
  EXPECT_EQ(std::count(data.completed.begin(), data.completed.end(), 1), kLongRunReplications);
  EXPECT_FALSE(fs::exists(directory / "out.h5.partial"));
  EXPECT_FALSE(fs::exists(directory / "out.h5.lock"));
}

// Once `run` and `optimise` deleted an experiment's unfinished run; each now says how to continue it.
TEST(TwoRuns, AnUnfinishedRunIsNotReplacedWithoutForce) {
  const TemporaryDirectory directory;
  std::ofstream(directory / "out.h5.partial") << "an experiment's unfinished run";
  const std::pair<std::vector<std::string>, std::string> refusals[] = {
      {casesim({"run", "-r", "1", "-o", "out.h5"}),
       "casesim: out.h5.partial: an unfinished run is there; add --resume to continue it, or --force to start "
       "again\n"},
      {casesim({"optimise", shipped("scenarios/optimise/staffing.yaml"), "-o", "out.h5"}),
       "casesim: out.h5.partial: an unfinished run is there; add --resume to continue it, or --force to start "
       "again\n"}};
  for (const auto& [second, message] : refusals) {
    const ProgramOutcome refused = run_program(second, in(directory));
    EXPECT_EQ(refused.exit_status, kBadInput) << second[1];
    EXPECT_EQ(refused.err, message);
  }
  EXPECT_EQ(read_file(directory / "out.h5.partial"), "an experiment's unfinished run");
}

// Another program replacing the .partial file (not casesim, which the lock
// keeps out) is noticed: the first run does not give that file the final name.
TEST(TwoRuns, FirstRunNoticesItsFileReplaced) {
  const TemporaryDirectory directory;
  Program first(long_run("out.h5"), in(directory));
  ASSERT_TRUE(appears_within(directory / "out.h5.partial", 5s));
  std::ofstream(directory / "other") << "another program's file";
  fs::rename(directory / "other", directory / "out.h5.partial");
  const ProgramOutcome outcome = first.wait();
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(without_progress(outcome.err),
            "casesim: results file 'out.h5.partial': it was removed or replaced by another program while this run "
            "wrote it, so it is not renamed to 'out.h5'; run again\n");
  EXPECT_FALSE(fs::exists(directory / "out.h5"));
  EXPECT_EQ(read_file(directory / "out.h5.partial"), "another program's file");
}

}  // namespace
}  // namespace casesim::reliability
