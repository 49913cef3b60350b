// The real program, stopped part-way (killed outright, or asked to stop with
// SIGINT), then resumed: the results must equal an uninterrupted run's.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/results/results_file.hpp"
#include "tests/experiments/experiment_files.hpp"
#include "tests/experiments/results_equal.hpp"

extern char** environ;

namespace casesim {
namespace {

using testing::TemporaryDirectory;

// Long enough on one thread (about a second) to be caught part-way.
std::string experiment_text() {
  return std::string("name: resume\nbase_scenario: ") + CASESIM_SOURCE_DIR + "/scenarios/baseline.yaml\n" +
         R"(replications: 150
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

// Starts casesim with stdout and stderr going to files; returns its process id.
pid_t start(const std::vector<std::string>& arguments, const std::string& log) {
  std::vector<std::string> all{CASESIM_PROGRAM};
  all.insert(all.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, (log + ".out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, (log + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int status = posix_spawn(&pid, CASESIM_PROGRAM, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(status, 0) << "cannot start " << CASESIM_PROGRAM;
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t completed_count(const results::ResultsData& data) {
  return static_cast<std::size_t>(std::accumulate(data.completed.begin(), data.completed.end(), 0));
}

// Waits until the running program's .partial file holds at least `enough`
// completed replications, reading it while it is written (HDF5's file lock is
// turned off for this process; a read that meets a half-written file is retried).
// False if the program finished first.
bool wait_for_progress(pid_t pid, const std::string& partial, std::size_t enough) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < give_up) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    if (std::filesystem::exists(partial)) {
      try {
        if (completed_count(results::read_results(partial)) >= enough) return true;
      } catch (const results::ResultsError&) {  // NOLINT(bugprone-empty-catch): caught mid-write; try again
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

class ResumeExperiment : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { setenv("HDF5_USE_FILE_LOCKING", "FALSE", 1); }

  void SetUp() override {
    experiment_ = dir_.write("resume.yaml", experiment_text());
    const pid_t whole =
        start({"experiment", experiment_, "--threads", "2", "--output", dir_.file("whole.h5")}, dir_.file("whole"));
    const int status = wait_for(whole);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << read_text(dir_.file("whole.err"));
  }

  // Stops a one-thread run part-way with `signal_number`; returns its status.
  int run_and_stop(int signal_number) {
    const pid_t pid = start({"experiment", experiment_, "--threads", "1", "--output", output()}, dir_.file("stopped"));
    EXPECT_TRUE(wait_for_progress(pid, output() + ".partial", 32)) << "the run ended before it could be stopped";
    kill(pid, signal_number);
    return wait_for(pid);
  }

  void resume_and_compare() {
    const results::ResultsData part = results::read_results(output() + ".partial");
    EXPECT_GE(completed_count(part), 32u);
    EXPECT_LT(completed_count(part), 450u);
    const pid_t pid =
        start({"experiment", experiment_, "--threads", "2", "--output", output(), "--resume"}, dir_.file("resumed"));
    const int status = wait_for(pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << read_text(dir_.file("resumed.err"));
    EXPECT_FALSE(std::filesystem::exists(output() + ".partial"));
    testing::expect_same_results(results::read_results(dir_.file("whole.h5")), results::read_results(output()));
  }

  std::string output() const { return dir_.file("stopped.h5"); }

  TemporaryDirectory dir_;
  std::string experiment_;
};

TEST_F(ResumeExperiment, KilledRunResumesToTheUninterruptedResult) {
  const int status = run_and_stop(SIGKILL);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  resume_and_compare();
}

TEST_F(ResumeExperiment, InterruptedRunStopsCleanlySaysHowToResumeAndResumes) {
  const int status = run_and_stop(SIGINT);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << read_text(dir_.file("stopped.err"));
  const std::string err = read_text(dir_.file("stopped.err"));
  EXPECT_NE(err.find("casesim: stopped; "), std::string::npos) << err;
  EXPECT_NE(err.find("casesim: to continue: casesim experiment " + experiment_ + " --resume --output " + output()),
            std::string::npos)
      << err;
  // Stopped after a whole batch: every variant's slots are written in
  // replication-major batches of 16 (one thread), so the count is a multiple of 16.
  EXPECT_EQ(completed_count(results::read_results(output() + ".partial")) % 16, 0u);
  resume_and_compare();
}

}  // namespace
}  // namespace casesim
