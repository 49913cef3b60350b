// An experiment spread over MPI ranks with mpirun, the real program on this
// machine: the results file equals the single-process one, errors are reported
// once and end every rank, and a run that loses a worker keeps what rank 0 had
// written and resumes to the uninterrupted result.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/results/results_file.hpp"
#include "tests/experiments/experiment_files.hpp"
#include "tests/experiments/results_equal.hpp"
#include "tests/mpi/mpirun.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// The small team (tests/experiments/experiment_files.hpp): 3 variants x 40
// replications take well under a second.
const char* const kSmallExperiment = R"(name: caps
base_scenario: small.yaml
replications: 40
seed: 11
metrics: [unallocated_wait_mean, visits_overdue]
variants:
  - name: cap-18
  - name: cap-12
    overrides: {policy.caseload_cap.cases: 12}
  - name: cap-24
    overrides: {policy.caseload_cap.cases: 24}
)";

// Long enough (a few seconds on this machine) for a worker to be killed part-way.
std::string long_experiment() {
  return std::string("name: long\nbase_scenario: ") + CASESIM_SOURCE_DIR + "/scenarios/baseline.yaml\n" +
         R"(replications: 100
seed: 5
metrics: [unallocated_wait_mean]
variants:
  - name: cap-18
  - name: cap-15
    overrides: {policy.caseload_cap.cases: 15}
  - name: cap-22
    overrides: {policy.caseload_cap.cases: 22}
)";
}

std::vector<std::string> mpirun(int ranks, const std::vector<std::string>& casesim_arguments) {
  return reliability::mpirun(ranks, casesim_program(), casesim_arguments);
}

std::vector<std::string> alone(const std::vector<std::string>& casesim_arguments) {
  std::vector<std::string> argv{casesim_program()};
  argv.insert(argv.end(), casesim_arguments.begin(), casesim_arguments.end());
  return argv;
}

std::size_t completed_count(const results::ResultsData& data) {
  std::size_t n = 0;
  for (auto c : data.completed) n += c != 0;
  return n;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The comparison table: everything the command prints after its summary lines,
// which name the thread count, the time and the file.
std::string comparison(const std::string& out) {
  const auto from = out.find("Differences are");
  const auto to = out.find("\nresults: ");
  return from == std::string::npos || to == std::string::npos ? "" : out.substr(from, to - from);
}

// The process of MPI rank `rank` whose command line names `output`, or
// nothing (yet). The output tells this test's run from any other running.
std::optional<pid_t> rank_process(int rank, const std::string& output) {
  const std::string wanted = "OMPI_COMM_WORLD_RANK=" + std::to_string(rank);
  const auto holds = [](const std::string& nul_separated, const std::string& item) {
    for (std::size_t at = 0; at < nul_separated.size();) {
      const std::size_t end = std::min(nul_separated.find('\0', at), nul_separated.size());
      if (nul_separated.compare(at, end - at, item) == 0) return true;
      at = end + 1;
    }
    return false;
  };
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    if (holds(read_file(entry.path() / "cmdline"), output) && holds(read_file(entry.path() / "environ"), wanted))
      return std::stoi(name);
  }
  return std::nullopt;
}

// Waits until the running program's partial file holds at least `enough`
// completed replications (read while rank 0 writes it; a read that meets a
// half-written file is retried); returns how many it found.
std::size_t wait_for_progress(Program& program, const std::string& partial, std::size_t enough) {
  std::size_t done = 0;
  const auto give_up = std::chrono::steady_clock::now() + 60s;
  while (done < enough && program.running() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(20ms);
    if (!fs::exists(partial)) continue;
    try {
      done = completed_count(results::read_results(partial));
    } catch (const results::ResultsError&) {  // NOLINT(bugprone-empty-catch): read mid-write; try again
    }
  }
  return done;
}

class MpiExperiment : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    let_mpirun_run_as_root();
    // The partial file is read while rank 0 writes it.
    setenv("HDF5_USE_FILE_LOCKING", "FALSE", 1);
  }

  void SetUp() override {
    // A small scenario, most mechanisms off on purpose: said so, so that no warning is printed.
    std::ofstream(directory_ / "small.yaml")
        << casesim::testing::kSmallScenario
        << "\nmechanisms_off: [statutory_visits, absence, turnover, supervision, triage_errors]\n";
    std::ofstream(directory_ / "caps.yaml") << kSmallExperiment;
    std::ofstream(directory_ / "long.yaml") << long_experiment();
  }

  std::string file(const std::string& name) const { return (directory_ / name).string(); }

  // The single-process run of `experiment` into `output`, for comparison.
  ProgramOutcome run_alone(const std::string& experiment, const std::string& output,
                           const std::vector<std::string>& extra = {}) {
    std::vector<std::string> arguments{"experiment", file(experiment), "--threads", "2", "--output", file(output)};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    ProgramOutcome outcome = run_program(alone(arguments));
    EXPECT_EQ(outcome.exit_status, 0) << outcome.err;
    return outcome;
  }

  TemporaryDirectory directory_;
};

TEST_F(MpiExperiment, TwoRanksWriteTheSameResultsAsOneProcess) {
  const ProgramOutcome one = run_alone("caps.yaml", "one.h5");
  const ProgramOutcome two =
      run_program(mpirun(2, {"experiment", file("caps.yaml"), "--threads", "2", "--output", file("two.h5")}));
  ASSERT_EQ(two.exit_status, 0) << two.err;
  // Standard error is not a terminal here: rank 0 prints plain progress lines, and nothing else.
  std::string not_progress;
  std::istringstream lines(two.err);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("casesim: progress: ", 0) != 0) not_progress += line + "\n";
  EXPECT_EQ(not_progress, "");
  // Rank 0 alone prints, and says who did the work.
  EXPECT_EQ(occurrences(two.out, "| experiment caps"), 1u) << two.out;
  EXPECT_NE(two.out.find("; 1 worker rank with 2 threads in all (rank 0 recording results "), std::string::npos)
      << two.out;
  EXPECT_EQ(comparison(two.out), comparison(one.out));
  EXPECT_NE(comparison(one.out), "");
  EXPECT_FALSE(fs::exists(file("two.h5.partial")));
  const results::ResultsData data = results::read_results(file("two.h5"));
  EXPECT_EQ(completed_count(data), 120u);
  casesim::testing::expect_same_results(results::read_results(file("one.h5")), data);
}

TEST_F(MpiExperiment, ThreeRanksShareTheWorkAndWriteTheSameResults) {
  run_alone("caps.yaml", "one.h5");
  const ProgramOutcome three =
      run_program(mpirun(3, {"experiment", file("caps.yaml"), "--threads", "1", "--output", file("three.h5")}));
  ASSERT_EQ(three.exit_status, 0) << three.err;
  EXPECT_NE(three.out.find("; 2 worker ranks with 2 threads in all (rank 0 recording results "), std::string::npos)
      << three.out;
  casesim::testing::expect_same_results(results::read_results(file("one.h5")), results::read_results(file("three.h5")));
}

// A precision run grows the file in rounds; the workers wait between rounds.
TEST_F(MpiExperiment, PrecisionRunTakesTheSameStepsAsOneProcess) {
  const std::vector<std::string> precision{
      "--replications", "10", "--precision", "0.1", "--metric", "visits_overdue", "--max-replications", "200"};
  const ProgramOutcome one = run_alone("caps.yaml", "one.h5", precision);
  std::vector<std::string> arguments{"experiment", file("caps.yaml"), "--threads", "1", "--output", file("three.h5")};
  arguments.insert(arguments.end(), precision.begin(), precision.end());
  const ProgramOutcome three = run_program(mpirun(3, arguments));
  ASSERT_EQ(three.exit_status, 0) << three.err;
  const results::ResultsData data = results::read_results(file("three.h5"));
  // 10 are not enough for a 10% half-width of overdue visits on so small a team.
  EXPECT_GT(data.layout.replications, 10u);
  EXPECT_EQ(completed_count(data), 3 * data.layout.replications);
  casesim::testing::expect_same_results(results::read_results(file("one.h5")), data);
}

TEST_F(MpiExperiment, BadInputIsReportedOnceAndEndsEveryRank) {
  std::ofstream(directory_ / "bad.yaml") << "name: bad\nbase_scenario: small.yaml\nreplications: 3\nseed: 1\n"
                                            "metrics: [no_such_metric]\nvariants:\n  - name: only\n";
  const ProgramOutcome bad = run_program(mpirun(2, {"experiment", file("bad.yaml"), "--output", file("bad.h5")}));
  EXPECT_EQ(bad.exit_status, kBadInput);
  EXPECT_EQ(occurrences(bad.err, "no_such_metric"), 1u) << bad.err;
  EXPECT_FALSE(fs::exists(file("bad.h5.partial")));
}

// Refused by rank 0 alone (only it looks at the output): the workers, already
// waiting for work, must still be let go.
TEST_F(MpiExperiment, ExistingResultsAreRefusedOnceAndEndEveryRank) {
  std::ofstream(directory_ / "taken.h5") << "finished work";
  const ProgramOutcome refused =
      run_program(mpirun(3, {"experiment", file("caps.yaml"), "--output", file("taken.h5")}));
  EXPECT_EQ(refused.exit_status, kBadInput);
  EXPECT_EQ(occurrences(refused.err, "casesim: " + file("taken.h5") + ": results file exists; use --force"), 1u)
      << refused.err;
  EXPECT_EQ(read_file(directory_ / "taken.h5"), "finished work");
}

TEST_F(MpiExperiment, KilledWorkerKeepsWhatRank0WroteAndResumeFinishesIt) {
  run_alone("long.yaml", "whole.h5");
  const std::string output = file("killed.h5"), partial = output + ".partial";
  Program run(mpirun(3, {"experiment", file("long.yaml"), "--threads", "1", "--output", output}));

  // Wait for finished batches in the file, then kill worker rank 1 outright.
  const std::size_t before_kill = wait_for_progress(run, partial, 16);
  ASSERT_GE(before_kill, 16u) << "no finished batch appeared before the run ended";
  const std::optional<pid_t> worker = rank_process(1, output);
  ASSERT_TRUE(worker.has_value()) << "rank 1 not found among mpirun's children";
  ASSERT_EQ(::kill(*worker, SIGKILL), 0);
  const ProgramOutcome killed = run.wait();
  EXPECT_NE(killed.exit_status, 0);

  // What rank 0 had flushed is still there.
  const results::ResultsData part = results::read_results(partial);
  EXPECT_GE(completed_count(part), before_kill);
  EXPECT_LT(completed_count(part), 300u);
  EXPECT_FALSE(fs::exists(output));

  const ProgramOutcome resumed =
      run_program(mpirun(2, {"experiment", file("long.yaml"), "--threads", "2", "--output", output, "--resume"}));
  ASSERT_EQ(resumed.exit_status, 0) << resumed.err;
  EXPECT_FALSE(fs::exists(partial));
  casesim::testing::expect_same_results(results::read_results(file("whole.h5")), results::read_results(output));
}

// A batch system stopping the job (Slurm's scancel or time limit) sends
// SIGTERM to every rank at once. Rank 0 stops handing out work, records the
// chunks still out, lets the workers go and says how to continue; a single
// process can then finish the run. (mpirun given Ctrl-C does the same, but
// only after a second's wait and with SIGKILL a second later: too tight to
// test on a loaded machine.)
TEST_F(MpiExperiment, TerminatedRunStopsCleanlyAndResumesInOneProcess) {
  run_alone("long.yaml", "whole.h5");
  const std::string output = file("stopped.h5"), partial = output + ".partial";
  Program run(mpirun(3, {"experiment", file("long.yaml"), "--threads", "1", "--output", output}));
  ASSERT_GE(wait_for_progress(run, partial, 16), 16u) << "no finished batch appeared before the run ended";
  std::vector<pid_t> ranks;
  for (int rank = 0; rank < 3; ++rank)
    if (const std::optional<pid_t> pid = rank_process(rank, output)) ranks.push_back(*pid);
  ASSERT_EQ(ranks.size(), 3u) << "not every rank found among the running processes";
  for (const pid_t pid : ranks) ::kill(pid, SIGTERM);
  const ProgramOutcome stopped = run.wait();
  EXPECT_NE(stopped.exit_status, 0);
  EXPECT_EQ(occurrences(stopped.err, "casesim: stopped; "), 1u) << stopped.err;
  EXPECT_NE(stopped.err.find("casesim: to continue: casesim experiment " + file("long.yaml") + " --resume --output " +
                             output),
            std::string::npos)
      << stopped.err;
  const std::size_t saved = completed_count(results::read_results(partial));
  EXPECT_GE(saved, 16u);
  EXPECT_LT(saved, 300u);

  run_alone("long.yaml", "stopped.h5", {"--resume"});
  EXPECT_FALSE(fs::exists(partial));
  casesim::testing::expect_same_results(results::read_results(file("whole.h5")), results::read_results(output));
}

}  // namespace
}  // namespace casesim::reliability
