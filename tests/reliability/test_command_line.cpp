// Command-line mistakes and bad scenario files, given to the real casesim
// program: each is refused with exit status 2 and one exact message, prints
// nothing on stdout, leaves no file behind, and never shows a stack trace.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/scenario/load_scenario.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

struct CommandLineMistake {
  const char* name;
  std::vector<std::string> arguments;
  std::string expected_error;
};

const std::string kLongName(239, 'x');

const CommandLineMistake kMistakes[] = {
    {"UnknownOption", {"run", "--bogus"}, "casesim: unknown option --bogus; see 'casesim run --help'\n"},
    {"UnknownShortOption", {"run", "-q"}, "casesim: unknown option -q; see 'casesim run --help'\n"},
    // A typo is answered with the nearest word, before the option's value is
    // taken for a file name ("File does not exist: 5").
    {"OptionTypo",
     {"run", "--replicatons", "5"},
     "casesim: unknown option --replicatons; did you mean --replications?\n"},
    {"OptionTypoInExperiment",
     {"experiment", "x.yaml", "--sedd", "3"},
     "casesim: unknown option --sedd; did you mean --seed?\n"},
    {"OptionTypoWithValue",
     {"trace", "--replicaton=3"},
     "casesim: unknown option --replicaton; did you mean --replication?\n"},
    {"NoCommand",
     {},
     "casesim: no command given; the commands are run, experiment, summary, export, report, trace, optimise, "
     "snapshot, whatif, check; see 'casesim --help'\n"},
    {"CommandTypo", {"rnu"}, "casesim: unknown command 'rnu'; did you mean 'run'?\n"},
    {"CommandTypoSwapped", {"experimnet"}, "casesim: unknown command 'experimnet'; did you mean 'experiment'?\n"},
    {"UnknownCommand",
     {"frobnicate"},
     "casesim: unknown command 'frobnicate'; the commands are run, experiment, summary, export, report, trace, "
     "optimise, snapshot, whatif, check\n"},
    {"ReplicationsZero",
     {"run", "--replications", "0"},
     "casesim: --replications: must be a whole number from 1 to 1000000, got 0\n"},
    // Refused by its range before anything is allocated for it.
    {"ReplicationsTenToTheTwelve",
     {"run", "--replications", "1000000000000"},
     "casesim: --replications: must be a whole number from 1 to 1000000, got 1000000000000\n"},
    {"ReplicationsOneAboveTheLimit",
     {"run", "-r", "1000001"},
     "casesim: --replications: must be a whole number from 1 to 1000000, got 1000001\n"},
    {"ReplicationsNotANumber",
     {"run", "--replications", "abc"},
     "casesim: --replications: must be a whole number from 1 to 1000000, got abc\n"},
    {"ReplicationsFraction",
     {"run", "-r", "2.5"},
     "casesim: --replications: must be a whole number from 1 to 1000000, got 2.5\n"},
    {"ReplicationsWithoutValue",
     {"run", "-r"},
     "casesim: --replications needs a value: --replications N; see 'casesim run --help'\n"},
    {"ThreadsMinusOne",
     {"run", "--threads", "-1"},
     "casesim: --threads: must be a whole number from 0 to 1024, got -1\n"},
    {"ThreadsNotANumber",
     {"run", "--threads", "abc"},
     "casesim: --threads: must be a whole number from 0 to 1024, got abc\n"},
    {"SeedNotANumber",
     {"run", "--seed", "abc"},
     "casesim: --seed: must be a whole number from 0 to 18446744073709551615, got abc\n"},
    // Once wrapped round to a huge number and run.
    {"TraceSeedNegative",
     {"trace", "--seed", "-5"},
     "casesim: --seed: must be a whole number from 0 to 18446744073709551615, got -5\n"},
    {"TraceReplicationNegative",
     {"trace", "-k", "-1"},
     "casesim: --replication: must be a whole number from 0 to 18446744073709551615, got -1\n"},
    {"MaxReplicationsNegative",
     {"experiment", CASESIM_SOURCE_DIR "/scenarios/experiments/caseload-caps.yaml", "--precision", "0.1", "--metric",
      "cp_visits_on_time", "--max-replications", "-1"},
     "casesim: --max-replications: must be a whole number from 1 to 1000000, got -1\n"},
    {"OutputWithoutValue", {"run", "-o"}, "casesim: --output needs a value: --output FILE; see 'casesim run --help'\n"},
    // An empty name is a mistake, not the default name.
    {"OutputEmpty",
     {"run", "-o", ""},
     "casesim: --output: an empty file name; name the file to write; see 'casesim run --help'\n"},
    {"ReportOutputEmpty",
     {"report", CASESIM_SOURCE_DIR "/README.md", "-o", ""},
     "casesim: --output: an empty file name; name the file to write; see 'casesim report --help'\n"},
    {"OutputNameTooLong",
     {"run", "-r", "1", "-o", kLongName},
     "casesim: --output: results file name of 239 characters is too long; the limit is 238 (the file system's 255 "
     "less room for \".partial\" while it is written)\n"},
    {"ReportOutputNameTooLong",
     {"report", CASESIM_SOURCE_DIR "/README.md", "-o", kLongName},
     "casesim: --output: report name of 239 characters is too long; the limit is 238 (the file system's 255 less "
     "room for \".partial\" while it is written)\n"},
    {"ScenarioFileMissing",
     {"run", "no_such_scenario.yaml"},
     "casesim: no_such_scenario.yaml: no such file (the scenario to read); see 'casesim run --help'\n"},
    {"ScenarioIsADirectory",
     {"run", "."},
     "casesim: .: it is a directory; give the scenario file; see 'casesim run --help'\n"},
};

std::vector<std::string> with_program(const std::vector<std::string>& arguments) {
  std::vector<std::string> argv{casesim_program()};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return argv;
}

bool is_empty_directory(const std::filesystem::path& path) {
  return std::filesystem::directory_iterator(path) == std::filesystem::directory_iterator();
}

// What a crash or an escaped exception would print.
void expect_no_stack_trace(const std::string& err) {
  for (const char* sign : {"terminate called", "Aborted", "Segmentation", "Sanitizer", "runtime error", "#0 ", "#1 "})
    EXPECT_EQ(err.find(sign), std::string::npos) << "found \"" << sign << "\" in:\n" << err;
}

class CommandLine : public ::testing::TestWithParam<CommandLineMistake> {};

TEST_P(CommandLine, MistakeExitsWithStatus2AndExactMessage) {
  const CommandLineMistake& mistake = GetParam();
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(with_program(mistake.arguments), in(directory));
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err, mistake.expected_error);
  EXPECT_EQ(outcome.out, "");
  expect_no_stack_trace(outcome.err);
  EXPECT_TRUE(is_empty_directory(directory.path())) << "a mistake left a file behind";
}

INSTANTIATE_TEST_SUITE_P(Mistakes, CommandLine, ::testing::ValuesIn(kMistakes),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(CommandLine, NegativeReplicationsAreRefusedWithTheAllowedRange) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(with_program({"run", "--replications", "-5"}), in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err.rfind("casesim: --replications: must be a whole number from 1 to 1000000, got ", 0), 0u)
      << outcome.err;
  EXPECT_EQ(std::count(outcome.err.begin(), outcome.err.end(), '\n'), 1);
  EXPECT_TRUE(is_empty_directory(directory.path()));
}

// Once known faults: the value wrapped round to a huge unsigned number, a
// negative seed ran silently, and 100000 threads crashed the program. Whole
// numbers are now read as text and checked (apps/casesim/whole_number_option.hpp).
TEST(CommandLine, NegativeReplicationsAreReportedAsGiven) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(with_program({"run", "--replications", "-5"}), in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err, "casesim: --replications: must be a whole number from 1 to 1000000, got -5\n");
}

// Today --seed -1 runs with seed 18446744073709551615: a silently wrong
// setting. The scenario file's run.seed refuses -1 with its range.
TEST(CommandLine, NegativeSeedIsRefused) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(with_program({"run", "-r", "1", "--seed", "-1"}), in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err, "casesim: --seed: must be a whole number from 0 to 18446744073709551615, got -1\n");
  EXPECT_TRUE(is_empty_directory(directory.path()));
}

// Today --threads 100000 crashes (SIGSEGV in libgomp starting the threads).
TEST(CommandLine, ThreadCountNoMachineHasIsRefused) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(with_program({"run", "-r", "1", "--threads", "100000"}), in(directory));
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err.rfind("casesim: --threads: must be ", 0), 0u) << outcome.err;
  EXPECT_TRUE(is_empty_directory(directory.path()));
}

// Every scenario the loader refuses (tests/bad_input/scenarios/, where the
// loader's own test checks each exact message) is refused by the program
// with that message on one line, status 2, and no results file.
TEST(BadScenarioFiles, EachExitsWithStatus2AndTheLoadersMessageOnOneLine) {
  const std::filesystem::path corpus = std::filesystem::path(CASESIM_SOURCE_DIR) / "tests/bad_input/scenarios";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string path = entry.path().string();
    std::string expected;
    try {
      scenario::load_scenario(path);
      ADD_FAILURE() << path << " is accepted by the loader";
      continue;
    } catch (const scenario::ScenarioError& error) {
      expected = std::string("casesim: ") + error.what() + "\n";
    }
    const TemporaryDirectory directory;
    const ProgramOutcome outcome = run_program(with_program({"run", path, "-o", "out.h5"}), in(directory));
    EXPECT_EQ(outcome.signal, 0) << path;
    EXPECT_EQ(outcome.exit_status, kBadInput) << path;
    EXPECT_EQ(outcome.err, expected);
    EXPECT_EQ(std::count(outcome.err.begin(), outcome.err.end(), '\n'), 1) << path;
    EXPECT_EQ(outcome.out, "") << path;
    expect_no_stack_trace(outcome.err);
    EXPECT_TRUE(is_empty_directory(directory.path())) << path << " left a file behind";
  }
  EXPECT_GE(files, 60);
}

}  // namespace
}  // namespace casesim::reliability
