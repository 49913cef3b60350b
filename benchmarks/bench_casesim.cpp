// The casesim program itself, run as a child process: how long `casesim run`
// takes to start, and its peak resident memory as the simulated horizon or
// the number of replications grows (statistics are streamed and results
// written in batches, so neither should hold memory in proportion).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace {

namespace fs = std::filesystem;

const std::string kSourceDir = CASESIM_SOURCE_DIR;
// Warm-up weeks of the shipped baseline, kept in every horizon benchmark.
constexpr int kBaselineWarmUpWeeks = 104;

struct ChildRun {
  double seconds = 0.0;
  double peak_rss_mib = 0.0;
};

// Runs casesim with `args` from the source directory, output discarded.
// wait4 gives this child's own peak RSS (RUSAGE_CHILDREN would give the
// largest of all children so far).
ChildRun run_casesim(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string exe = CASESIM_EXE;
  argv.push_back(exe.data());
  std::vector<std::string> copies = args;
  for (auto& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) {
      dup2(null_fd, STDOUT_FILENO);
      dup2(null_fd, STDERR_FILENO);
    }
    if (chdir(kSourceDir.c_str()) != 0) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
  ChildRun run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("casesim exited with status " + std::to_string(WEXITSTATUS(status)));
  run.peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
  return run;
}

// A scratch directory, removed with everything in it.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "casesim-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// The shipped baseline with `measured_weeks` after its warm-up.
std::string baseline_with_measured_weeks(const ScratchDir& dir, int measured_weeks) {
  std::ifstream in(kSourceDir + "/scenarios/baseline.yaml");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::regex horizon(R"(\n  horizon_weeks: \d+)");
  const std::regex warm_up(R"(\n  warm_up_weeks: (\d+))");
  std::smatch match;
  if (!std::regex_search(text, horizon) || !std::regex_search(text, match, warm_up) ||
      std::stoi(match[1].str()) != kBaselineWarmUpWeeks)
    throw std::runtime_error("scenarios/baseline.yaml: run.horizon_weeks or run.warm_up_weeks not as expected");
  const std::string path = dir.file("baseline.yaml");
  std::ofstream(path) << std::regex_replace(
      text, horizon, "\n  horizon_weeks: " + std::to_string(kBaselineWarmUpWeeks + measured_weeks),
      std::regex_constants::format_first_only);
  return path;
}

void report(benchmark::State& state, const ChildRun& run, double& peak_rss_mib) {
  state.SetIterationTime(run.seconds);
  peak_rss_mib = std::max(peak_rss_mib, run.peak_rss_mib);
}

// `casesim run` on the shipped baseline, one replication on one thread: the
// time from fork to exit, so it includes loading the program and its
// libraries, reading the scenario, the simulation and writing the HDF5 file.
// The run script reports the best of the repetitions.
void startup(benchmark::State& state) {
  const ScratchDir dir;
  double peak = 0.0;
  for (auto _ : state) {
    try {
      report(state,
             run_casesim(
                 {"run", "scenarios/baseline.yaml", "-r", "1", "--threads", "1", "-o", dir.file("x.h5"), "--force"}),
             peak);
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
      return;
    }
  }
  state.counters["peak_rss_mib"] = peak;
}
BENCHMARK(startup)
    ->Name("casesim/startup")
    ->Iterations(1)
    ->Repetitions(10)
    ->ComputeStatistics("min", [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); })
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// Peak RSS of one replication on one thread over N measured weeks (52: one
// year, 520: ten years) after the baseline's warm-up, no trace.
void peak_rss_horizon(benchmark::State& state) {
  const ScratchDir dir;
  double peak = 0.0;
  const std::string scenario = baseline_with_measured_weeks(dir, static_cast<int>(state.range(0)));
  for (auto _ : state) {
    try {
      report(state, run_casesim({"run", scenario, "-r", "1", "--threads", "1", "-o", dir.file("x.h5"), "--force"}),
             peak);
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
      return;
    }
  }
  state.counters["peak_rss_mib"] = peak;
}
BENCHMARK(peak_rss_horizon)
    ->Name("casesim/peak_rss/run_measured_weeks")
    ->Arg(52)
    ->Arg(520)
    ->Iterations(1)
    ->Repetitions(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// Peak RSS of `casesim run` on the shipped baseline with N replications on all cores.
void peak_rss_run(benchmark::State& state) {
  const ScratchDir dir;
  double peak = 0.0;
  const std::string replications = std::to_string(state.range(0));
  for (auto _ : state) {
    try {
      report(state,
             run_casesim({"run", "scenarios/baseline.yaml", "-r", replications, "-o", dir.file("x.h5"), "--force"}),
             peak);
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
      return;
    }
  }
  state.counters["peak_rss_mib"] = peak;
}
BENCHMARK(peak_rss_run)
    ->Name("casesim/peak_rss/run_replications")
    ->Arg(100)
    ->Arg(10000)
    ->Iterations(1)
    ->Repetitions(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// Peak RSS of `casesim experiment` on the shipped caseload-caps experiment
// (three variants of the baseline) with N replications per variant: 34 and
// 3334 give 102 and 10,002 replications in all.
void peak_rss_experiment(benchmark::State& state) {
  const ScratchDir dir;
  double peak = 0.0;
  const std::string replications = std::to_string(state.range(0));
  for (auto _ : state) {
    try {
      report(state,
             run_casesim({"experiment", "scenarios/experiments/caseload-caps.yaml", "-r", replications, "-o",
                          dir.file("x.h5"), "--force"}),
             peak);
    } catch (const std::exception& e) {
      state.SkipWithError(e.what());
      return;
    }
  }
  state.counters["peak_rss_mib"] = peak;
}
BENCHMARK(peak_rss_experiment)
    ->Name("casesim/peak_rss/experiment_replications_per_variant")
    ->Arg(34)
    ->Arg(3334)
    ->Iterations(1)
    ->Repetitions(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
