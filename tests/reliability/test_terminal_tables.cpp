// The tables casesim prints on the terminal show a metric's 95% interval
// stopped where the metric can go: every metric counts, times or shares
// something, so no interval reads below 0 ("-0.00", "-0.004") and no share's
// above 1, although a normal interval over a few replications reaches past
// both. The results file (and `summary --csv`) keeps the computed interval.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

// Two replications: a t interval with 1 degree of freedom, 12.7 standard
// errors wide each side, reaches below 0 for every count that varies.

struct Table {
  const char* name;
  std::vector<std::string> arguments;  // run after `casesim run -r 2 -o results.h5`
};

const Table kTables[] = {
    {"Run", {}},
    {"Summary", {"summary", "results.h5"}},
    {"Experiment",
     {"experiment", (kSource / "scenarios/experiments/caseload-caps.yaml").string(), "-r", "2", "-o", "exp.h5"}},
};

// Each "LOW to HIGH" interval printed, with the line it is on.
struct PrintedInterval {
  std::string low, high, line;
};

std::vector<PrintedInterval> intervals_in(const std::string& printed) {
  std::vector<PrintedInterval> found;
  std::istringstream lines(printed);
  const std::regex interval("(^|\\s)(-?[0-9.e+-]+) to (-?[0-9.e+-]+)(\\s|$)");
  for (std::string line; std::getline(lines, line);)
    for (std::sregex_iterator i(line.begin(), line.end(), interval), end; i != end; ++i)
      found.push_back({(*i)[2].str(), (*i)[3].str(), line});
  return found;
}

class TerminalTables : public ::testing::TestWithParam<Table> {};

TEST_P(TerminalTables, StopAnIntervalAtWhatTheMetricCanBe) {
  const TemporaryDirectory directory;
  const ProgramOutcome run = run_program(casesim({"run", "-r", "2", "-o", "results.h5"}), in(directory));
  ASSERT_EQ(run.exit_status, 0) << run.err;
  // The file keeps what was computed: some lower bounds are below 0.
  const ProgramOutcome csv = run_program(casesim({"summary", "results.h5", "--csv"}), in(directory));
  ASSERT_EQ(csv.exit_status, 0) << csv.err;
  EXPECT_TRUE(std::regex_search(csv.out, std::regex(",[0-9.e+-]+,[0-9.e+-]+,-[0-9.e+-]+,"))) << csv.out;

  const ProgramOutcome shown =
      GetParam().arguments.empty() ? run : run_program(casesim(GetParam().arguments), in(directory));
  ASSERT_EQ(shown.exit_status, 0) << shown.err;
  std::size_t at_zero = 0;
  for (const PrintedInterval& interval : intervals_in(shown.out)) {
    // A difference between variants can be negative: it is signed ("-0.5 to
    // +3.2", "+1.0 to +2.0", "-3.0 to -1.0"), a level never is.
    if (interval.low.front() == '+' || interval.high.front() == '+' || interval.high.front() == '-') continue;
    EXPECT_NE(interval.low.front(), '-') << interval.line;
    EXPECT_NE(interval.high.front(), '-') << interval.line;
    if (interval.line.find(" share") != std::string::npos || interval.line.find("_share") != std::string::npos) {
      EXPECT_LE(std::stod(interval.high), 1.0) << interval.line;
    }
    at_zero += interval.low == "0.00";
  }
  EXPECT_GT(at_zero, 0u) << shown.out;
}

INSTANTIATE_TEST_SUITE_P(EveryTable, TerminalTables, ::testing::ValuesIn(kTables),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace casesim::reliability
