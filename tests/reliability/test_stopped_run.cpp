// Long commands through the real casesim program, as a user at a terminal or
// a batch system meets them. `casesim run` stopped by Ctrl-C (SIGINT), SIGTERM
// (Slurm's scancel or time limit) or SIGHUP (a closed session) saves the
// replications it finished and prints a command that continues it; that
// command, run as printed, gives the uninterrupted run's numbers bit for bit.
// A resume of another run is refused with what differs. And run, experiment
// and optimise alike print what they run first, then their progress with the
// time left, as plain lines when standard error is a log.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "engine/results/optimisation_record.hpp"
#include "engine/results/results_file.hpp"
#include "tests/optimise/optimise_files.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Long enough on one thread (seconds) that a signal comes while it runs.
constexpr const char* kLongRun = "800";

std::vector<std::string> run_on_one_thread(const std::vector<std::string>& shaping) {
  std::vector<std::string> argv = casesim({"run", "-t", "1", "-o", "out.h5"});
  argv.insert(argv.end(), shaping.begin(), shaping.end());
  return argv;
}

// Starts the run, and sends it `signal` once its first batches are saved.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

struct Stop {
  const char* name;
  int signal;
  std::vector<std::string> shaping;  // options that shape the numbers, all to be repeated
};

const Stop kStops[] = {
    {"CtrlC", SIGINT, {"-r", kLongRun, "--seed", "7"}},
    {"Terminate", SIGTERM, {"-r", kLongRun, "--start-from", kExampleSnapshot, "--salt-file", "salt"}},
    {"HangUp", SIGHUP, {kSource.string() + "/scenarios/high-pressure.yaml", "--replications", kLongRun, "-s", "3"}},
};

// Stops `argv` with `signal` once it writes in `directory` and checks it ended
// by that signal with only OUTPUT.partial, something saved in it; matches
// what it said against `note` (group 1: the count saved; the last group: the
// command after "casesim "), and runs that command as printed, which must
// finish the file. `printed` gets the note's groups, `saved` the count.
void stop_and_continue(const std::vector<std::string>& argv, const TemporaryDirectory& directory, int signal,
                       const std::string& note, std::vector<std::string>& printed, long& saved,
                       ProgramOutcome& resumed) {
  const ProgramOutcome stopped = stop_while_writing(argv, directory, signal, 300ms);
  ASSERT_EQ(stopped.signal, signal) << "status " << stopped.exit_status << ": " << stopped.err;
  EXPECT_FALSE(fs::exists(directory / "out.h5"));
  const results::ResultsData part = results::read_results((directory / "out.h5.partial").string());
  saved = std::count(part.completed.begin(), part.completed.end(), 1);
  EXPECT_GT(saved, 0);
  std::smatch groups;
  ASSERT_TRUE(std::regex_search(stopped.err, groups, std::regex(note))) << stopped.err;
  printed.assign(groups.begin(), groups.end());
  EXPECT_EQ(printed[1], std::to_string(saved));
  const std::string command = printed.back();
  std::vector<std::string> continued{casesim_program()};
  for (const std::string& word : shell_words(command)) continued.push_back(word);
  resumed = run_program(continued, in(directory));
  ASSERT_EQ(resumed.exit_status, 0) << command << "\n" << resumed.err;
  EXPECT_FALSE(fs::exists(directory / "out.h5.partial"));
}

// The two files hold the same replications: the same slots completed, and
// every metric's values bit for bit.
void expect_same_replications(const results::ResultsData& a, const results::ResultsData& b) {
  EXPECT_EQ(a.completed, b.completed);
  ASSERT_EQ(a.summary.size(), b.summary.size());
  for (std::size_t m = 0; m < a.summary.size(); ++m)
    EXPECT_TRUE(same_bits(a.summary[m], b.summary[m])) << a.layout.metrics[m].name;
}

class StoppedRun : public ::testing::TestWithParam<Stop> {};

TEST_P(StoppedRun, SavesWhatFinishedAndContinuesAsPrintedToTheSameNumbers) {
  const Stop& stop = GetParam();
  const TemporaryDirectory stopped_here, whole_here;
  for (const TemporaryDirectory* directory : {&stopped_here, &whole_here})
    std::ofstream(*directory / "salt") << "0123456789abcdef0123456789abcdef\n";

  std::vector<std::string> printed;
  long saved = 0;
  ProgramOutcome resumed;
  stop_and_continue(run_on_one_thread(stop.shaping), stopped_here, stop.signal,
                    "casesim: stopped; ([0-9]+) of ([0-9]+) replications are saved in out.h5.partial\ncasesim: to "
                    "continue: casesim (.*)\n",
                    printed, saved, resumed);
  if (HasFatalFailure()) return;

  std::vector<std::string> whole = run_on_one_thread(stop.shaping);
  whole[3] = "2";  // threads change no number
  ASSERT_EQ(run_program(whole, in(whole_here)).exit_status, 0);
  const results::ResultsData a = results::read_results((stopped_here / "out.h5").string());
  const results::ResultsData b = results::read_results((whole_here / "out.h5").string());
  EXPECT_EQ(printed[2], std::to_string(a.completed.size()));
  EXPECT_EQ(std::count(a.completed.begin(), a.completed.end(), 1), static_cast<long>(a.completed.size()));
  expect_same_replications(a, b);
  ASSERT_EQ(a.weekly.size(), b.weekly.size());
  for (std::size_t s = 0; s < a.weekly.size(); ++s)
    EXPECT_TRUE(same_bits(a.weekly[s], b.weekly[s])) << a.layout.series[s].name;
  EXPECT_EQ(a.child_visit_late, b.child_visit_late);
}

INSTANTIATE_TEST_SUITE_P(EverySignal, StoppedRun, ::testing::ValuesIn(kStops),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// An optimise file and its base in `directory`: a search of about a second
// on one thread, so that a signal comes while it runs. One plan stays in
// doubt to max_replications (Erlang C gives 0.0909 with 2 added workers, the
// bound itself).
void write_search(const TemporaryDirectory& directory) {
  std::ofstream(directory / "mmc.yaml") << testing::queue_scenario(1.0, 1.0, 1000);
  std::ofstream(directory / "staffing.yaml") << testing::queue_staffing(R"(targets:
  - metric: cases_waited_share
    mean_at_most: 0.0909
procedure: {confidence: 0.95, initial_replications: 10, batch_replications: 20, max_replications: 300}
)");
}

// A search (optimise) stopped the same way: what it finished is saved, and
// the printed command takes it up, runs only what is missing, and ends with
// the uninterrupted search's file: every replication's values and the answer.
TEST(StoppedSearch, SavesWhatFinishedAndContinuesAsPrintedToTheSameAnswer) {
  const TemporaryDirectory stopped_here, whole_here;
  write_search(stopped_here);
  write_search(whole_here);
  std::vector<std::string> printed;
  long saved = 0;
  ProgramOutcome resumed;
  stop_and_continue(casesim({"optimise", "staffing.yaml", "-t", "1", "-o", "out.h5"}), stopped_here, SIGINT,
                    "casesim: stopped; ([0-9]+) replications of the search are saved in out.h5.partial\ncasesim: to "
                    "continue: casesim (.*)\n",
                    printed, saved, resumed);
  if (HasFatalFailure()) return;
  EXPECT_NE(resumed.out.find(fmt::format("; {} of them run before the search was stopped", saved)), std::string::npos)
      << resumed.out;

  ASSERT_EQ(run_program(casesim({"optimise", "staffing.yaml", "-t", "2", "-o", "out.h5"}), in(whole_here)).exit_status,
            0);
  expect_same_replications(results::read_results((stopped_here / "out.h5").string()),
                           results::read_results((whole_here / "out.h5").string()));
  const results::OptimisationRecord answer = results::read_optimisation_record((stopped_here / "out.h5").string());
  const results::OptimisationRecord whole = results::read_optimisation_record((whole_here / "out.h5").string());
  EXPECT_EQ(answer.end, whole.end);
  EXPECT_EQ(answer.chosen_plan, whole.chosen_plan);
  EXPECT_EQ(answer.replications, whole.replications);
  EXPECT_EQ(answer.status, whole.status);
  EXPECT_TRUE(same_bits(answer.target_estimate, whole.target_estimate));
}

TEST(StoppedSearch, ResumedWithAnotherSeedIsRefusedWithWhatDiffers) {
  const TemporaryDirectory directory;
  write_search(directory);
  stop_while_writing(casesim({"optimise", "staffing.yaml", "-t", "1", "-o", "out.h5"}), directory, SIGKILL, 100ms);
  ASSERT_TRUE(fs::exists(directory / "out.h5.partial"));
  const std::string before = read_file(directory / "out.h5.partial");
  const ProgramOutcome outcome =
      run_program(casesim({"optimise", "staffing.yaml", "-o", "out.h5", "--seed", "12", "--resume"}), in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_NE(outcome.err.find("casesim: --resume: out.h5.partial is not this search's unfinished run: the seed (11 "
                             "there, 12 now) differs; use --force to start again\n"),
            std::string::npos)
      << outcome.err;
  EXPECT_EQ(read_file(directory / "out.h5.partial"), before);
}

// A search killed at any moment of its writing, growing the file for more
// replications included, leaves an unfinished file that reads back: a resume
// with another seed is refused for the seed, not for a file it cannot read.
// (Growing the file in place once left, about one run in three on a loaded
// machine, a chunk-index node beyond the end of file its superblock records;
// a file now grows in a copy renamed over it: Recording::extend_replications.)
TEST(StoppedSearch, KilledAtAnyMomentLeavesAnUnfinishedFileThatReadsBack) {
  int stopped = 0;
  for (int delay_ms = 0; delay_ms < 400; delay_ms += 10) {
    const TemporaryDirectory directory;
    write_search(directory);
    stop_while_writing(casesim({"optimise", "staffing.yaml", "-t", "1", "-o", "out.h5"}), directory, SIGKILL,
                       std::chrono::milliseconds(delay_ms));
    if (!fs::exists(directory / "out.h5.partial")) continue;  // it finished first
    ++stopped;
    const ProgramOutcome outcome =
        run_program(casesim({"optimise", "staffing.yaml", "-o", "out.h5", "--seed", "12", "--resume"}), in(directory));
    EXPECT_EQ(outcome.exit_status, kBadInput) << "killed " << delay_ms << " ms in: " << outcome.err;
    EXPECT_NE(outcome.err.find("the seed (11 there, 12 now) differs"), std::string::npos)
        << "killed " << delay_ms << " ms in: " << outcome.err;
  }
  EXPECT_GE(stopped, 10) << "the search finished before most kills: it is too short to test this";
}

struct RunDifference {
  const char* name;
  std::vector<std::string> resumed;  // `run --resume` of an unfinished `run -r kLongRun --seed 5`
  std::string differs;
};

const RunDifference kRunDifferences[] = {
    {"SeedChanged", {"-r", kLongRun, "--seed", "6"}, "the seed (5 there, 6 now)"},
    {"ReplicationsChanged", {"-r", "400", "--seed", "5"}, "the replications (800 there, 400 now)"},
    {"ScenarioChanged",
     {kSource.string() + "/scenarios/high-pressure.yaml", "-r", kLongRun, "--seed", "5"},
     "the scenario's text"},
    {"StartFromAdded",
     {"-r", kLongRun, "--seed", "5", "--start-from", kExampleSnapshot},
     "the start (an empty office there, --start-from a snapshot now)"},
};

class RunResumeOfAnotherRun : public ::testing::TestWithParam<RunDifference> {};

TEST_P(RunResumeOfAnotherRun, IsRefusedWithStatus2AndWhatDiffers) {
  const RunDifference& d = GetParam();
  const TemporaryDirectory directory;
  stop_while_writing(run_on_one_thread({"-r", kLongRun, "--seed", "5"}), directory, SIGKILL, 300ms);
  ASSERT_TRUE(fs::exists(directory / "out.h5.partial"));
  const std::string before = read_file(directory / "out.h5.partial");
  std::vector<std::string> resumed = run_on_one_thread(d.resumed);
  resumed.push_back("--resume");
  const ProgramOutcome outcome = run_program(resumed, in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err, "casesim: --resume: out.h5.partial is not this run's unfinished run: " + d.differs +
                             " differs; use --force to start again\n");
  EXPECT_EQ(read_file(directory / "out.h5.partial"), before);
  EXPECT_FALSE(fs::exists(directory / "out.h5"));
}

INSTANTIATE_TEST_SUITE_P(EveryShapingOption, RunResumeOfAnotherRun, ::testing::ValuesIn(kRunDifferences),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(ResumeOfARun, IsRefusedWhenNothingIsUnfinishedAndWithoutResumeAnUnfinishedRunIsKept) {
  const TemporaryDirectory directory;
  const ProgramOutcome nothing = run_program(run_on_one_thread({"-r", "2", "--resume"}), in(directory));
  EXPECT_EQ(nothing.exit_status, kBadInput);
  EXPECT_EQ(nothing.err, "casesim: --resume: there is no unfinished run to continue (out.h5.partial does not exist)\n");
  std::ofstream(directory / "out.h5.partial") << "a stopped run";
  const ProgramOutcome again = run_program(run_on_one_thread({"-r", "2"}), in(directory));
  EXPECT_EQ(again.exit_status, kBadInput);
  EXPECT_EQ(again.err,
            "casesim: out.h5.partial: an unfinished run is there; add --resume to continue it, or --force to start "
            "again\n");
  EXPECT_EQ(read_file(directory / "out.h5.partial"), "a stopped run");
}

// Run, experiment and optimise, with standard output and standard error in one
// log as a batch job has them: the header first, then a plain progress line
// at the start and one at the end (no carriage returns), then the tables.
struct LongCommand {
  const char* name;
  std::vector<std::string> arguments;
  std::string header;    // a pattern for the first line
  std::string progress;  // a pattern for the last progress line
};

const LongCommand kLongCommands[] = {
    {"Run",
     {"run", "-r", "40", "-o", "out.h5"},
     "casesim \\S+ \\| scenario baseline \\(.*baseline.yaml\\)",
     "casesim: progress: 40/40 replications \\(100\\.0%\\)  [0-9.]+/s  0s left"},
    {"Experiment",
     {"experiment", (kSource / "scenarios/experiments/caseload-caps.yaml").string(), "-r", "10", "-o", "out.h5"},
     "casesim \\S+ \\| experiment caseload-caps \\(.*caseload-caps.yaml\\)",
     "casesim: progress: 30/30 replications \\(100\\.0%\\)  [0-9.]+/s  0s left"},
    {"Optimise",
     {"optimise", "staffing.yaml", "-o", "out.h5"},
     "casesim \\S+ \\| optimise queue-staffing \\(staffing.yaml\\)",
     "casesim: progress: [0-9]+ of at most 160 replications \\([0-9.]+%\\)  [0-9.]+/s  at most [0-9hms]+ left"},
};

class LongCommandInALog : public ::testing::TestWithParam<LongCommand> {};

TEST_P(LongCommandInALog, PrintsItsHeaderFirstThenPlainProgressWithTheTimeLeft) {
  const LongCommand& command = GetParam();
  const TemporaryDirectory directory;
  std::ofstream(directory / "mmc.yaml") << testing::queue_scenario(1.0, 1.0, 20);
  std::ofstream(directory / "staffing.yaml") << testing::queue_staffing(R"(targets:
  - metric: cases_waited_share
    mean_at_most: 0.2
procedure: {confidence: 0.95, initial_replications: 10, batch_replications: 10, max_replications: 40}
)");
  ProgramOptions options = in(directory);
  options.standard_error_with_output = true;
  const ProgramOutcome outcome = run_program(casesim(command.arguments), options);
  ASSERT_EQ(outcome.exit_status, 0) << outcome.out;
  EXPECT_EQ(outcome.out.find('\r'), std::string::npos) << outcome.out;
  std::istringstream log(outcome.out);
  std::vector<std::string> lines;
  // Warnings about the scenario (the small queue leaves mechanisms out) come before anything runs.
  for (std::string line; std::getline(log, line);)
    if (line.rfind("casesim: warning: ", 0) != 0) lines.push_back(line);
  ASSERT_GE(lines.size(), 3u) << outcome.out;
  EXPECT_TRUE(std::regex_match(lines[0], std::regex(command.header))) << outcome.out;
  std::vector<std::string> progress;
  std::size_t first_progress = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].rfind("casesim: progress: ", 0) == 0) {
      progress.push_back(lines[i]);
      first_progress = std::min(first_progress, i);
    }
  ASSERT_GE(progress.size(), 2u) << outcome.out;
  EXPECT_GE(first_progress, 1u);
  EXPECT_TRUE(std::regex_match(progress.back(), std::regex(command.progress))) << progress.back();
}

INSTANTIATE_TEST_SUITE_P(EveryLongCommand, LongCommandInALog, ::testing::ValuesIn(kLongCommands),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace casesim::reliability
