// Out of memory through casesim's own main: summary and report of a results
// file too big for the memory there is end with status 3 and one line saying
// so, never "internal error", and leave nothing behind. A test build of the
// program (casesim_allocation_cap, tests/reliability/allocation_cap.cpp)
// refuses any allocation over a size the test sets, as a full memory would.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;

// Far below what reading a results file of 200 replications takes (each
// weekly series alone is 200 x its weeks x 8 bytes), far above what starting
// the program and reading its command line take.
constexpr const char* kLargestAllocation = "65536";

// The allocation cap for the programs this test starts, until it ends.
class AllocationCap {
 public:
  explicit AllocationCap(const char* bytes) { setenv("CASESIM_LARGEST_ALLOCATION", bytes, 1); }
  ~AllocationCap() { unsetenv("CASESIM_LARGEST_ALLOCATION"); }
  AllocationCap(const AllocationCap&) = delete;
  AllocationCap& operator=(const AllocationCap&) = delete;
};

struct MemoryHungry {
  const char* name;
  std::vector<std::string> arguments;  // after the program's name, on results.h5
  std::vector<std::string> left_behind_never;
};

const MemoryHungry kMemoryHungryCommands[] = {
    {"Summary", {"summary", "results.h5"}, {}},
    {"SummaryCsv", {"summary", "results.h5", "--csv"}, {}},
    {"Report", {"report", "results.h5", "-o", "report.html"}, {"report.html", "report.html.partial"}},
};

class OutOfMemory : public ::testing::TestWithParam<MemoryHungry> {};

TEST_P(OutOfMemory, IsStatus3WithOneLineAndLeavesNothing) {
  const MemoryHungry& command = GetParam();
  const TemporaryDirectory directory;
  ASSERT_EQ(run_program({casesim_program(), "run", "-r", "200", "-o", "results.h5"}, in(directory)).exit_status, 0);

  std::vector<std::string> argv{CASESIM_ALLOCATION_CAPPED_PROGRAM};
  argv.insert(argv.end(), command.arguments.begin(), command.arguments.end());
  ProgramOutcome outcome;
  {
    const AllocationCap cap(kLargestAllocation);
    outcome = run_program(argv, in(directory));
  }
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure) << outcome.err;
  EXPECT_EQ(outcome.err.rfind("casesim: out of memory", 0), 0u) << outcome.err;
  EXPECT_EQ(outcome.err.find('\n'), outcome.err.size() - 1) << outcome.err;
  EXPECT_EQ(outcome.err.find("internal error"), std::string::npos) << outcome.err;
  EXPECT_EQ(outcome.out, "");
  for (const std::string& name : command.left_behind_never) EXPECT_FALSE(fs::exists(directory / name)) << name;

  // The same program without the cap: it was the memory, not the file.
  const ProgramOutcome uncapped = run_program(argv, in(directory));
  EXPECT_EQ(uncapped.exit_status, 0) << uncapped.err;
}

INSTANTIATE_TEST_SUITE_P(SummaryAndReport, OutOfMemory, ::testing::ValuesIn(kMemoryHungryCommands),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace casesim::reliability
