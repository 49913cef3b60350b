// The results file, through the real casesim program: finished work is never
// lost or overwritten, a file under the final name is always complete, and a
// write that fails says so and leaves nothing under the final name.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::vector<std::string> casesim_run(const std::vector<std::string>& arguments) {
  std::vector<std::string> argv{casesim_program(), "run"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return argv;
}

std::size_t completed_count(const results::ResultsData& data) {
  std::size_t n = 0;
  for (auto c : data.completed) n += c != 0;
  return n;
}

TEST(ResultsFile, ExistingFileIsNotOverwrittenWithoutForce) {
  const TemporaryDirectory directory;
  { std::ofstream(directory / "out.h5") << "finished work"; }
  const ProgramOutcome outcome = run_program(casesim_run({"-r", "2", "-o", "out.h5"}), in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err,
            "casesim: out.h5: results file exists; use --force to replace it, or --output to choose another name\n");
  EXPECT_EQ(read_file(directory / "out.h5"), "finished work");
  EXPECT_FALSE(fs::exists(directory / "out.h5.partial"));
}

TEST(ResultsFile, ForceReplacesAnExistingFileWithACompleteOne) {
  const TemporaryDirectory directory;
  { std::ofstream(directory / "out.h5") << "old"; }
  const ProgramOutcome outcome =
      run_program(casesim_run({"-r", "3", "--seed", "11", "-o", "out.h5", "--force"}), in(directory));
  ASSERT_EQ(outcome.exit_status, 0) << outcome.err;
  const results::ResultsData data = results::read_results((directory / "out.h5").string());
  EXPECT_EQ(data.metadata.seed, 11u);
  EXPECT_EQ(data.layout.replications, 3u);
  EXPECT_EQ(completed_count(data), 3u);
  EXPECT_FALSE(fs::exists(directory / "out.h5.partial"));
}

// A device is not a results file: refused like any existing file, and left a device.
TEST(ResultsFile, DevFullIsNotReplaced) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(casesim_run({"-r", "1", "-o", "/dev/full"}), in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.err,
            "casesim: /dev/full: it is a character device, not a regular file; --output must name a results file\n");
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

// A run long enough to be caught part-way (minutes, one thread),
// killed with SIGKILL at a few moments. Until then nothing exists under the
// final name; afterwards the .partial file reads back, its completed slots
// hold finite values and the rest are NaN.
TEST(ResultsFile, KilledRunLeavesOnlyAReadablePartialFile) {
  // The early kill may come before the first batch is written (on a loaded
  // machine): it proves only that the file is readable. The late one must
  // find finished replications.
  for (const auto delay : {800ms, 12000ms}) {
    SCOPED_TRACE("killed " + std::to_string(delay.count()) + " ms after the .partial file appeared");
    const TemporaryDirectory directory;
    const fs::path final_name = directory / "long.h5";
    const fs::path partial = directory / "long.h5.partial";
    Program program(casesim_run({"-r", "20000", "--threads", "1", "--seed", "5", "-o", "long.h5"}), in(directory));
    const auto started = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point appeared{};
    bool seen = false;
    while (program.running() && std::chrono::steady_clock::now() - started < 60s) {
      ASSERT_FALSE(fs::exists(final_name)) << "a file under the final name while the run is going";
      if (!seen && fs::exists(partial)) {
        seen = true;
        appeared = std::chrono::steady_clock::now();
      }
      if (seen && std::chrono::steady_clock::now() - appeared >= delay) break;
      std::this_thread::sleep_for(20ms);
    }
    ASSERT_TRUE(seen);
    ASSERT_TRUE(program.running()) << "the run finished before it could be killed";
    program.kill(SIGKILL);
    const ProgramOutcome outcome = program.wait();
    EXPECT_EQ(outcome.signal, SIGKILL);
    EXPECT_FALSE(fs::exists(final_name));

    const results::ResultsData data = results::read_results(partial.string());
    EXPECT_EQ(data.metadata.seed, 5u);
    ASSERT_EQ(data.layout.replications, 20000u);
    const std::size_t done = completed_count(data);
    if (delay == 12000ms) {
      EXPECT_GE(done, 1u) << "nothing was flushed in " << delay.count() << " ms";
    }
    EXPECT_LT(done, 20000u);
    // Completed slots hold their values: every count is finite (a share or
    // mean with nothing to count is NaN, "not applicable", so only counts
    // tell a completed slot from an unfinished one). Replications are written
    // in whole batches, in order, each batch's values before its completed
    // flags: the completed slots are the first ones, and an unfinished slot is
    // NaN throughout, except the slots of the one batch whose write the kill
    // cut short, which come right after them and may hold some values.
    const std::size_t referrals = model::index(model::Metric::referrals_received);
    ASSERT_EQ(data.layout.metrics[referrals].name, "referrals_received");
    std::set<std::size_t> interrupted;
    for (std::size_t m = 0; m < data.summary.size(); ++m) {
      for (std::size_t r = 0; r < data.layout.replications; ++r) {
        if (data.completed[r]) {
          ASSERT_FALSE(std::isinf(data.summary[m][r])) << data.layout.metrics[m].name << " replication " << r;
          if (m == referrals) {
            ASSERT_TRUE(std::isfinite(data.summary[m][r])) << "replication " << r;
          }
        } else if (!std::isnan(data.summary[m][r])) {
          interrupted.insert(r);
        }
      }
    }
    for (std::size_t r = 0; r < done; ++r) ASSERT_TRUE(data.completed[r]) << "completed slots not first: " << r;
    if (!interrupted.empty()) {
      EXPECT_EQ(*interrupted.begin(), done) << "unfinished slots holding values, not right after the completed ones";
      EXPECT_EQ(*interrupted.rbegin() - *interrupted.begin() + 1, interrupted.size())
          << "unfinished slots holding values, not one batch";
    }
  }
}

TEST(ResultsFile, CompletedRunLeavesNoPartialFile) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(casesim_run({"-r", "40", "-o", "done.h5"}), in(directory));
  ASSERT_EQ(outcome.exit_status, 0) << outcome.err;
  EXPECT_EQ(completed_count(results::read_results((directory / "done.h5").string())), 40u);
  EXPECT_FALSE(fs::exists(directory / "done.h5.partial"));
}

TEST(ResultsFileWriteFailure, DirectoryThatDoesNotExistIsAOneLineErrorBeforeAnyWork) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome = run_program(casesim_run({"-r", "2", "-o", "missing/sub/out.h5"}), in(directory));
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(outcome.err,
            "casesim: results file 'missing/sub/out.h5.partial': cannot create it: directory 'missing/sub' does not "
            "exist\n");
  EXPECT_EQ(outcome.out, "");
  EXPECT_FALSE(fs::exists(directory / "missing"));
}

// Root ignores file permissions, so this runs only for other users; the file
// size limit below stands in for a write that fails as root.
TEST(ResultsFileWriteFailure, DirectoryWithoutWritePermissionIsAnErrorAndNoFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root, which may write anywhere";
  const TemporaryDirectory directory;
  fs::create_directory(directory / "read-only");
  fs::permissions(directory / "read-only", fs::perms::owner_read | fs::perms::owner_exec);
  const ProgramOutcome outcome = run_program(casesim_run({"-r", "2", "-o", "read-only/out.h5"}), in(directory));
  fs::permissions(directory / "read-only", fs::perms::owner_all);
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(outcome.err.rfind("casesim: results file 'read-only/out.h5.partial': ", 0), 0u) << outcome.err;
  EXPECT_TRUE(fs::is_empty(directory / "read-only"));
}

// A file size limit (ulimit -f, as a batch system may set) reached while the
// results file is laid out: whatever else happens, nothing appears under the
// final name and the exit status is not success.
TEST(ResultsFileWriteFailure, FileSizeLimitLeavesNoFileUnderTheFinalName) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome =
      run_program(casesim_run({"-r", "2000", "-o", "big.h5"}), limited_to(64 * 1024, in(directory)));
  EXPECT_TRUE(outcome.signal != 0 || outcome.exit_status != 0);
  EXPECT_FALSE(fs::exists(directory / "big.h5"));
  // Refused before anything is written: not even a partial file is left.
  EXPECT_FALSE(fs::exists(directory / "big.h5.partial"));
}

// A file-size limit (ulimit -f) too small for the results: refused before
// HDF5 writes (it crashes on such a write), one line, status 3, no file.
TEST(ResultsFileWriteFailure, FileSizeLimitIsAOneLineErrorWithStatus3) {
  const TemporaryDirectory directory;
  const ProgramOutcome outcome =
      run_program(casesim_run({"-r", "2000", "-o", "big.h5"}), limited_to(64 * 1024, in(directory)));
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(outcome.err.rfind("casesim: results file 'big.h5.partial': needs about ", 0), 0u) << outcome.err;
  EXPECT_NE(outcome.err.find("more than the file size limit of 0.1 MiB (ulimit -f)"), std::string::npos) << outcome.err;
  EXPECT_EQ(std::count(outcome.err.begin(), outcome.err.end(), '\n'), 1) << outcome.err;
  EXPECT_FALSE(fs::exists(directory / "big.h5"));
}

// Today a directory given as --output with --force runs every replication,
// then fails to rename (exit 3, "internal error: filesystem error: cannot
// rename: Is a directory"). It should be refused before the run, status 2.
TEST(ResultsFile, DirectoryAsOutputWithForceIsLeftAlone) {
  const TemporaryDirectory directory;
  fs::create_directory(directory / "results");
  const ProgramOutcome outcome = run_program(casesim_run({"-r", "2", "-o", "results", "--force"}), in(directory));
  EXPECT_NE(outcome.exit_status, 0);
  EXPECT_EQ(outcome.signal, 0);
  EXPECT_TRUE(fs::is_directory(directory / "results"));
  EXPECT_TRUE(fs::is_empty(directory / "results"));
}

TEST(ResultsFile, DirectoryAsOutputWithForceIsRefusedBeforeTheRun) {
  const TemporaryDirectory directory;
  fs::create_directory(directory / "results");
  const ProgramOutcome outcome = run_program(casesim_run({"-r", "2", "-o", "results", "--force"}), in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_EQ(outcome.out, "");
  EXPECT_FALSE(fs::exists(directory / "results.partial"));
}

}  // namespace
}  // namespace casesim::reliability
