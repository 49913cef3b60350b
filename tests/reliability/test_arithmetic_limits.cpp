// Values inside a field's old documented range that broke the arithmetic,
// through the real program: each was an "internal error" (status 3), a NaN
// in the results or a five-digit year, and is now refused at load with status
// 2 and its file:line: field: message. (Every bad scenario file, these
// included, also goes through the program in test_command_line.cpp.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;

struct ArithmeticCase {
  const char* name;
  std::vector<std::string> arguments;  // "{src}" stands for the source directory
  const char* message;                 // after "casesim: {src}/"
};

const ArithmeticCase kArithmeticCases[] = {
    {"lognormal_whose_mean_squared_overflows",
     {"run", "{src}/tests/bad_input/scenarios/duration_mean_overflows_lognormal.yaml"},
     "tests/bad_input/scenarios/duration_mean_overflows_lognormal.yaml:13: "
     "pathways.assessment.duration_working_days.mean: must be in [0.001, 2600], got 1e200"},
    {"sickness_longer_than_the_calendar",
     {"run", "{src}/tests/bad_input/scenarios/sickness_longer_than_a_year.yaml"},
     "tests/bad_input/scenarios/sickness_longer_than_a_year.yaml:21: "
     "workforce.sickness.duration_working_days.mean: must be in [0.001, 260], got 5000"},
    {"run_into_five_digit_years",
     {"run", "{src}/tests/bad_input/scenarios/run_past_year_9989.yaml"},
     "tests/bad_input/scenarios/run_past_year_9989.yaml:4: run.start_date: a run of 10 weeks from 9999-06-01 ends "
     "after 9989-12-31, the last day a run may reach: dates are written as YYYY-MM-DD, and clocks are counted up to "
     "five years past the run"},
    {"snapshot_taken_in_year_9999",
     {"run", "{src}/scenarios/what-if/agency-leave.yaml", "--start-from", "far-future"},
     "scenarios/what-if/agency-leave.yaml: run.horizon_weeks: a run of 26 weeks from 9999-06-01 ends after "
     "9989-12-31, the last day a run may reach: dates are written as YYYY-MM-DD, and clocks are counted up to five "
     "years past the run (the run starts on the snapshot's date)"},
    {"interval_confidence_rounding_to_one",
     {"optimise", "{src}/tests/bad_input/optimise/confidence_rounds_to_one_per_interval.yaml"},
     "tests/bad_input/optimise/confidence_rounds_to_one_per_interval.yaml:17: procedure.confidence: is too close to "
     "1: shared over every interval the search judges (4 plans x 2 targets x 10 looks), each interval's confidence "
     "rounds to 1; lower it (0.99 or 0.999 is usual)"},
    {"integer_samples_beyond_a_long_long",
     {"experiment", "{src}/tests/bad_input/experiments/lhs_integer_beyond_whole_numbers.yaml"},
     "tests/bad_input/experiments/lhs_integer_beyond_whole_numbers.yaml:10: "
     "latin_hypercube.ranges.team.additional_agency_workers: an integer range needs bounds within -2^53..2^53 "
     "(9007199254740992)"},
};

// A copy of a small bad snapshot's team, extracted in the year 9999.
void write_far_future_snapshot(const fs::path& directory) {
  fs::copy(kSource / "tests/bad_input/snapshots/unknown_worker", directory);
  std::ofstream(directory / "snapshot.yaml") << "extract_date: 9999-06-01\nlists: {referrals: none, assessments: "
                                                "none, section_47: none, cin: none, cp: none, looked_after: none}\n";
}

class ArithmeticLimit : public ::testing::TestWithParam<ArithmeticCase> {};

TEST_P(ArithmeticLimit, IsRefusedAtLoadWithStatus2) {
  const ArithmeticCase& limit = GetParam();
  const TemporaryDirectory directory;
  write_far_future_snapshot(directory / "far-future");
  std::vector<std::string> argv{casesim_program()};
  for (std::string argument : limit.arguments) {
    if (argument.rfind("{src}", 0) == 0) argument = kSource.string() + argument.substr(5);
    argv.push_back(argument);
  }
  argv.insert(argv.end(), {"-o", "out.h5", "--threads", "1"});
  const ProgramOutcome outcome = run_program(argv, in(directory));
  EXPECT_EQ(outcome.exit_status, kBadInput) << outcome.err;
  EXPECT_EQ(outcome.err, "casesim: " + kSource.string() + "/" + limit.message + "\n");
  EXPECT_FALSE(fs::exists(directory / "out.h5"));
  EXPECT_FALSE(fs::exists(directory / "out.h5.partial"));
}

std::string arithmetic_case_name(const ::testing::TestParamInfo<ArithmeticCase>& param_info) {
  return param_info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, ArithmeticLimit, ::testing::ValuesIn(kArithmeticCases), arithmetic_case_name);

}  // namespace
}  // namespace casesim::reliability
