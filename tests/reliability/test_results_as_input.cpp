// A results file is an input of summary and report like any other: one whose
// finished replication holds a week that is not a number (changed by hand, or
// written by another program) is refused with status 2 and a line naming the
// series, the week, the replication and the variant; once it was an "internal
// error" in the report and a silently wrong figure elsewhere.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <filesystem>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;

// Writes `value` into /series/SERIES[variant][replication][week] of `path`.
void set_week(const fs::path& path, const char* series, hsize_t variant, hsize_t replication, hsize_t week,
              double value) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  const hid_t dataset = H5Dopen2(file, (std::string("/series/") + series).c_str(), H5P_DEFAULT);
  ASSERT_GE(dataset, 0);
  const hid_t space = H5Dget_space(dataset);
  const hsize_t start[3] = {variant, replication, week}, count[3] = {1, 1, 1};
  H5Sselect_hyperslab(space, H5S_SELECT_SET, start, nullptr, count, nullptr);
  const hid_t one = H5Screate_simple(3, count, nullptr);
  EXPECT_GE(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, one, space, H5P_DEFAULT, &value), 0);
  H5Sclose(one);
  H5Sclose(space);
  H5Dclose(dataset);
  H5Fclose(file);
}

struct BadWeek {
  const char* name;
  const char* series;
  hsize_t replication, week;
  double value;
  std::string what;  // as the message says it
};

const BadWeek kBadWeeks[] = {
    {"NaN", "caseload", 2, 0, std::numeric_limits<double>::quiet_NaN(), "not a number (NaN)"},
    {"Infinite", "overdue_visits", 0, 155, std::numeric_limits<double>::infinity(), "infinite"},
};

struct Reader {
  const char* name;
  std::vector<std::string> arguments;  // after the program's name
};

const Reader kReaders[] = {
    {"Summary", {"summary", "results.h5"}},
    {"SummaryCsv", {"summary", "results.h5", "--csv"}},
    {"Report", {"report", "results.h5", "-o", "report.html"}},
};

class WeekNotANumber : public ::testing::TestWithParam<std::tuple<BadWeek, Reader>> {};

TEST_P(WeekNotANumber, IsRefusedWithStatus2NamingTheWeek) {
  const auto& [bad, reader] = GetParam();
  const TemporaryDirectory directory;
  ASSERT_EQ(run_program({casesim_program(), "run", "-r", "3", "-o", "results.h5"}, in(directory)).exit_status, 0);
  set_week(directory / "results.h5", bad.series, 0, bad.replication, bad.week, bad.value);

  std::vector<std::string> argv{casesim_program()};
  argv.insert(argv.end(), reader.arguments.begin(), reader.arguments.end());
  const ProgramOutcome outcome = run_program(argv, in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput);
  EXPECT_TRUE(std::regex_match(
      outcome.err,
      std::regex("casesim: results.h5: /series/" + std::string(bad.series) + ": the week of [0-9-]+ in replication " +
                 std::to_string(bad.replication + 1) + " of variant baseline is " +
                 std::regex_replace(bad.what, std::regex("[()]"), "\\$&") +
                 ", which casesim never writes for a finished replication; the file was changed or written by "
                 "another program: run again to have it whole\n")))
      << outcome.err;
  EXPECT_EQ(outcome.out, "");
  EXPECT_FALSE(fs::exists(directory / "report.html"));
  EXPECT_FALSE(fs::exists(directory / "report.html.partial"));
}

INSTANTIATE_TEST_SUITE_P(SummaryAndReport, WeekNotANumber,
                         ::testing::Combine(::testing::ValuesIn(kBadWeeks), ::testing::ValuesIn(kReaders)),
                         [](const auto& param_info) {
                           return std::string(std::get<0>(param_info.param).name) + std::get<1>(param_info.param).name;
                         });

}  // namespace
}  // namespace casesim::reliability
