// A resume continues the same run or is refused, through the real casesim
// program: an experiment killed part-way and resumed with anything that shapes
// the numbers changed (the snapshot started from, its salt, the seed, the
// replications) is refused with status 2 and what differs; one stopped with
// Ctrl-C prints a command to continue that works as printed. And threads that
// cannot be started (ulimit -v) are a note, not an abort.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/results/results_file.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const std::string kExperiment = shipped("scenarios/experiments/caseload-caps.yaml");

std::vector<std::string> experiment(const std::vector<std::string>& extra) {
  std::vector<std::string> argv{casesim_program(), "experiment", kExperiment, "-t", "1", "-o", "out.h5"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

// Starts the experiment, and stops it with `signal` once its first batch is saved.
ProgramOutcome start_and_stop(const TemporaryDirectory& directory, const std::vector<std::string>& extra, int signal) {
  return stop_while_writing(experiment(extra), directory, signal, 200ms);
}

struct Difference {
  const char* name;
  std::vector<std::string> first;
  std::vector<std::string> resumed;
  std::string differs;
};

const Difference kDifferences[] = {
    // Once exit 0, mixing snapshot and empty-office replications in one "complete" file.
    {"StartFromDropped",
     {"--start-from", kExampleSnapshot},
     {},
     "the start (--start-from a snapshot there, an empty office now)"},
    {"StartFromAdded",
     {},
     {"--start-from", kExampleSnapshot},
     "the start (an empty office there, --start-from a snapshot now)"},
    {"SaltChanged",
     {"--start-from", kExampleSnapshot, "--salt-file", "salt-a"},
     {"--start-from", kExampleSnapshot, "--salt-file", "salt-b"},
     "the snapshot started from (its rows, the pseudonyms' --salt-file, or the bad rows --lenient let through)"},
    {"SeedChanged", {"--seed", "5"}, {"--seed", "6"}, "the seed (5 there, 6 now)"},
    {"ReplicationsChanged", {"-r", "300"}, {"-r", "200"}, "the replications (300 there, 200 now)"},
};

class ResumeOfAnotherRun : public ::testing::TestWithParam<Difference> {};

TEST_P(ResumeOfAnotherRun, IsRefusedWithStatus2AndWhatDiffers) {
  const Difference& d = GetParam();
  const TemporaryDirectory directory;
  std::ofstream(directory / "salt-a") << "0123456789abcdef0123456789abcdef\n";
  std::ofstream(directory / "salt-b") << "fedcba9876543210fedcba9876543210\n";
  start_and_stop(directory, d.first, SIGKILL);
  ASSERT_TRUE(fs::exists(directory / "out.h5.partial"));
  const std::string before = read_file(directory / "out.h5.partial");
  std::vector<std::string> resumed = d.resumed;
  resumed.push_back("--resume");
  const ProgramOutcome outcome = run_program(experiment(resumed), in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err, "casesim: --resume: out.h5.partial is not this experiment's unfinished run: " + d.differs +
                             " differs; use --force to start again\n");
  EXPECT_EQ(read_file(directory / "out.h5.partial"), before);
  EXPECT_FALSE(fs::exists(directory / "out.h5"));
}

INSTANTIATE_TEST_SUITE_P(EveryShapingOption, ResumeOfAnotherRun, ::testing::ValuesIn(kDifferences),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// The printed command once left out --start-from (and every other option
// but --output), so running it as printed was refused or, worse, mixed runs.
TEST(ContinueAsPrinted, FinishesAnInterruptedExperimentFromASnapshot) {
  const TemporaryDirectory directory;
  const std::vector<std::string> shaping{"--start-from", kExampleSnapshot, "--seed", "7", "-r", "60"};
  const ProgramOutcome stopped = start_and_stop(directory, shaping, SIGINT);
  ASSERT_EQ(stopped.signal, SIGINT) << stopped.err;
  std::smatch printed;
  ASSERT_TRUE(std::regex_search(stopped.err, printed, std::regex("casesim: to continue: casesim (.*)\n")))
      << stopped.err;
  std::vector<std::string> argv{casesim_program()};
  for (const std::string& word : shell_words(printed[1].str())) argv.push_back(word);
  const ProgramOutcome resumed = run_program(argv, in(directory));
  ASSERT_EQ(resumed.exit_status, 0) << printed[1].str() << "\n" << resumed.err;
  const results::ResultsData data = results::read_results((directory / "out.h5").string());
  EXPECT_EQ(std::count(data.completed.begin(), data.completed.end(), 1), 3 * 60);
  EXPECT_EQ(data.metadata.seed, 7u);
  EXPECT_EQ(data.metadata.snapshot_extract_date, "2027-01-15");
}

// Once libgomp's "Thread creation failed" and status 1, part-way through.
// Each limit (MiB of address space, ulimit -v) leaves room for some threads
// of the 64 asked for, fewer the lower it is.
class ThreadsUnderAMemoryLimit : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(ThreadsUnderAMemoryLimit, AreCappedWithANoteAndTheRunFinishes) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
#else
  const TemporaryDirectory directory;
  ProgramOptions options = in(directory);
  options.address_space_limit_bytes = GetParam() << 20;
  const ProgramOutcome outcome =
      run_program({casesim_program(), "run", "-r", "4", "-t", "64", "-o", "out.h5"}, options);
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.err.find("libgomp"), std::string::npos) << outcome.err;
  if (outcome.exit_status == 0) {
    EXPECT_TRUE(std::regex_search(outcome.err, std::regex("^casesim: only [0-9]+ of 64 threads could be started here")))
        << outcome.err;
    EXPECT_TRUE(fs::exists(directory / "out.h5"));
  } else {
    // Too little memory for the run itself: a runtime failure, said in one line.
    EXPECT_EQ(outcome.exit_status, 3) << outcome.err;
    EXPECT_EQ(outcome.err.rfind("casesim: ", 0), 0u) << outcome.err;
  }
#endif
}

INSTANTIATE_TEST_SUITE_P(Limits, ThreadsUnderAMemoryLimit, ::testing::Values(80, 200, 400),
                         [](const auto& param_info) { return std::to_string(param_info.param) + "MiB"; });

}  // namespace
}  // namespace casesim::reliability
