// The command line as a user meets it, through the real casesim program:
// every help page types its values and ends with an example, `casesim check`
// validates files without running, names are shown only on a terminal, and an
// unfinished results file says so first.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const char* const kCommands[] = {"run", "experiment", "summary", "report", "trace", "optimise", "snapshot", "check"};

class HelpPage : public ::testing::TestWithParam<const char*> {};

TEST_P(HelpPage, TypesEveryValueAndEndsWithAnExample) {
  const std::string command = GetParam();
  const ProgramOutcome outcome = run_program(casesim({command, "--help"}));
  EXPECT_EQ(outcome.exit_status, 0);
  EXPECT_EQ(outcome.out.find(" TEXT"), std::string::npos) << outcome.out;
  EXPECT_EQ(outcome.out.find(":FILE"), std::string::npos) << outcome.out;
  EXPECT_TRUE(std::regex_search(outcome.out, std::regex("\nExample:\n  casesim " + command + " [^\n]+\n$")))
      << outcome.out;
  // -r is --replications wherever it is an option.
  if (outcome.out.find(" -r,") != std::string::npos) {
    EXPECT_NE(outcome.out.find(" -r,--replications N"), std::string::npos) << outcome.out;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryCommand, HelpPage, ::testing::ValuesIn(kCommands));

TEST(ProgramHelp, ListsTheCommandsAndEndsWithAnExample) {
  const ProgramOutcome outcome = run_program(casesim({"--help"}));
  EXPECT_EQ(outcome.exit_status, 0);
  for (const char* command : kCommands) EXPECT_NE(outcome.out.find(std::string("  ") + command), std::string::npos);
  EXPECT_NE(outcome.out.find("Example:\n  casesim run "), std::string::npos) << outcome.out;
}

struct CheckCase {
  const char* name;
  std::string path;      // under the source tree
  std::string expected;  // stdout's line when accepted; empty when refused
};

const CheckCase kAccepted[] = {
    {"Scenario", "scenarios/baseline.yaml", "scenario baseline, 156 weeks from 2025-04-07, 200 replications"},
    {"Experiment", "scenarios/experiments/caseload-caps.yaml",
     "experiment caseload-caps, 3 variants of base scenario " + shipped("scenarios/baseline.yaml")},
    {"OptimiseFile", "scenarios/optimise/staffing.yaml",
     "optimise file staffing, 12 plans, 2 targets, base scenario " + shipped("scenarios/baseline.yaml")},
    {"Snapshot", "scenarios/snapshots/example", "snapshot of 2027-01-15, 11 workers, 160 open children"},
};

class CheckAccepts : public ::testing::TestWithParam<CheckCase> {};

TEST_P(CheckAccepts, EachKindOfFileWithOkAndWhatItIs) {
  const CheckCase& c = GetParam();
  const std::string path = shipped("") + c.path;
  const ProgramOutcome outcome = run_program(casesim({"check", path}));
  EXPECT_EQ(outcome.exit_status, 0) << outcome.err;
  EXPECT_EQ(outcome.out, "ok: " + path + ": " + c.expected + "\n");
  EXPECT_EQ(outcome.err, "");
}

INSTANTIATE_TEST_SUITE_P(EveryKind, CheckAccepts, ::testing::ValuesIn(kAccepted),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// The first bad file of each corpus is refused with the loader's own line
// (FILE:LINE: FIELD: MESSAGE), as `run`, `experiment`, `optimise` and
// `--start-from` refuse it; the good file beside it is still reported ok.
TEST(CheckRefuses, ABadFileOfEachKindWithItsLineAndStatus2) {
  const std::string good = shipped("scenarios/baseline.yaml");
  const std::vector<std::pair<std::string, std::string>> bad{
      {"tests/bad_input/scenarios/alias.yaml", "run"},
      {"tests/bad_input/experiments/lhs_range_too_wide.yaml", "experiment"},
      {"tests/bad_input/snapshots/duplicate_rows", "run --start-from"},
  };
  for (const auto& [relative, command] : bad) {
    const std::string path = shipped("") + relative;
    const ProgramOutcome checked = run_program(casesim({"check", path, good}));
    EXPECT_EQ(checked.exit_status, kBadInput) << path;
    EXPECT_EQ(checked.out.rfind("ok: " + good + ": ", 0), 0u) << checked.out;
    ASSERT_EQ(std::count(checked.err.begin(), checked.err.end(), '\n'), 1) << checked.err;
    EXPECT_EQ(checked.err.rfind("casesim: ", 0), 0u) << checked.err;
    // The same words the command that runs it would print.
    std::vector<std::string> arguments;
    if (command == "run --start-from")
      arguments = {"run", "--start-from", path, "-o", "x.h5"};
    else
      arguments = {command, path, "-o", "x.h5"};
    const TemporaryDirectory directory;
    const ProgramOutcome refused = run_program(casesim(arguments), in(directory));
    EXPECT_EQ(checked.err, refused.err) << path;
  }
}

// The help says "terminal only": names are personal data, never written to a
// file or a pipe.
TEST(SnapshotNames, AreRefusedWhenStandardOutputIsNotATerminal) {
  const ProgramOutcome outcome =
      run_program(casesim({"snapshot", shipped("scenarios/snapshots/example"), "--show-names"}));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err,
            "casesim: --show-names: prints workers' names, so only to a terminal, and standard output is not one (a "
            "file or a pipe); run it without redirecting, or without --show-names\n");
}

TEST(UnfinishedResults, SummaryAndReportSayItOnTheirFirstLine) {
  const TemporaryDirectory directory;
  {
    // Long enough to be killed while running, on a fast machine too: 150
    // replications came to finish within the 300 ms allowed them below.
    Program run(casesim({"run", "-r", "800", "-t", "1", "-o", "out.h5"}), in(directory));
    const auto until = std::chrono::steady_clock::now() + 5s;
    while (!fs::exists(directory / "out.h5.partial") && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(5ms);
    std::this_thread::sleep_for(300ms);
    run.kill(SIGKILL);
    run.wait();
  }
  const std::regex first_line(
      "^unfinished run: [0-9]+ of 800 replications are in out\\.h5\\.partial \\(the run was "
      "stopped, killed or is still going\\); every figure is over those [0-9]+ only\n");
  const ProgramOutcome summary = run_program(casesim({"summary", "out.h5.partial"}), in(directory));
  EXPECT_EQ(summary.exit_status, 0) << summary.err;
  EXPECT_TRUE(std::regex_search(summary.out, first_line)) << summary.out.substr(0, 300);
  const ProgramOutcome csv = run_program(casesim({"summary", "--csv", "out.h5.partial"}), in(directory));
  EXPECT_EQ(csv.out.rfind("variant,metric,", 0), 0u);
  EXPECT_TRUE(std::regex_search(csv.err, std::regex("^casesim: unfinished run: [0-9]+ of 800"))) << csv.err;
  const ProgramOutcome report = run_program(casesim({"report", "out.h5.partial", "-o", "out.html"}), in(directory));
  EXPECT_EQ(report.exit_status, 0) << report.err;
  EXPECT_TRUE(std::regex_search(report.out, first_line)) << report.out;
}

}  // namespace
}  // namespace casesim::reliability

namespace casesim::reliability {
namespace {

// In a log (a Slurm job's standard error is a file), progress is plain lines:
// the first at the start, the last at the end, none rewritten with \r.
TEST(ProgressInALog, IsPlainLinesFromStartToEnd) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(
      casesim({"experiment", shipped("scenarios/experiments/caseload-caps.yaml"), "-r", "10", "-o", "out.h5"}),
      in(directory));
  ASSERT_EQ(outcome.exit_status, 0) << outcome.err;
  EXPECT_EQ(outcome.err.rfind("casesim: progress: 0/30 replications (0.0%)\n", 0), 0u) << outcome.err;
  EXPECT_TRUE(std::regex_search(
      outcome.err, std::regex("\ncasesim: progress: 30/30 replications \\(100\\.0%\\)  [0-9.]+/s  0s left\n$")))
      << outcome.err;
  EXPECT_EQ(outcome.err.find('\r'), std::string::npos);
}

}  // namespace
}  // namespace casesim::reliability
