// Replays what the fuzz targets start from (fuzz/corpus/) and every input
// they have failed on (tests/reliability/fuzz_regressions/TARGET/) with the
// targets' own contract, in the ordinary and the sanitizer builds, so a
// finding stays fixed without running the fuzzer. The targets: fuzz/*.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "engine/model/metrics.hpp"
#include "engine/model/model_setup.hpp"
#include "engine/scenario/bank_holidays.hpp"
#include "engine/scenario/load_experiment.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "fuzz/override_input.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const std::vector<fs::path>& directories) {
  std::vector<fs::path> files;
  for (const fs::path& directory : directories) {
    if (!fs::is_directory(kSource / directory)) continue;
    for (const auto& entry : fs::directory_iterator(kSource / directory))
      if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The fuzz targets' contract: accepted and the model can be set up from it,
// or refused with a ScenarioError that names the given file first.
void expect_accepted_or_clearly_refused(const scenario::ScenarioSource& source,
                                        const std::vector<scenario::Override>& overrides, const fs::path& input) {
  try {
    const model::ModelSetup setup(scenario::parse_scenario(source, overrides));
    EXPECT_GT(setup.weeks(), 0) << input;
    EXPECT_FALSE(setup.scenario().team.social_workers.empty()) << input;
  } catch (const scenario::ScenarioError& error) {
    const std::string expected_file =
        overrides.empty() || error.file() == source.path ? source.path : overrides.front().origin_file;
    EXPECT_EQ(error.file(), expected_file) << input;
    EXPECT_EQ(std::string(error.what()).rfind(expected_file, 0), 0u) << input;
    EXPECT_FALSE(error.message().empty()) << input;
  }
}

TEST(FuzzRegressions, ScenarioInputsAreAcceptedOrClearlyRefused) {
  const auto inputs = files_in({"tests/reliability/fuzz_regressions/fuzz_scenario"});
  ASSERT_GE(inputs.size(), 2u);
  for (const fs::path& input : inputs) expect_accepted_or_clearly_refused({"fuzz.yaml", read_file(input)}, {}, input);
}

TEST(FuzzRegressions, OverrideInputsAreAcceptedOrClearlyRefused) {
  const auto baseline = scenario::read_scenario_source((kSource / "scenarios/baseline.yaml").string());
  const auto inputs = files_in({"fuzz/corpus/overrides", "tests/reliability/fuzz_regressions/fuzz_overrides"});
  ASSERT_GE(inputs.size(), 10u);
  for (const fs::path& input : inputs)
    expect_accepted_or_clearly_refused(baseline, {fuzz::override_from_input(read_file(input))}, input);
}

// As fuzz/fuzz_experiment.cpp: placed beside the shipped experiments, so their
// relative base_scenario paths resolve.
TEST(FuzzRegressions, ExperimentInputsAreAcceptedOrClearlyRefused) {
  std::vector<std::string> metric_names;
  for (const auto& metric : model::metric_definitions()) metric_names.emplace_back(metric.name);
  const auto inputs = files_in({"scenarios/experiments", "tests/reliability/fuzz_regressions/fuzz_experiment"});
  ASSERT_GE(inputs.size(), 4u);
  const std::string path = (kSource / "scenarios/experiments/fuzz.yaml").string();
  for (const fs::path& input : inputs) {
    try {
      const scenario::Experiment experiment = scenario::parse_experiment({path, read_file(input)}, metric_names);
      ASSERT_FALSE(experiment.variants.empty()) << input;
      const model::ModelSetup setup(experiment.variants.front().scenario);
      EXPECT_GT(setup.weeks(), 0) << input;
    } catch (const scenario::ScenarioError& error) {
      EXPECT_EQ(std::string(error.what()).rfind(error.file(), 0), 0u) << input;
      EXPECT_FALSE(error.message().empty()) << input;
    }
  }
}

TEST(FuzzRegressions, HolidayListInputsParseSortedOrAreRefused) {
  const auto inputs = files_in(
      {"data/bank-holidays", "fuzz/corpus/holiday_list", "tests/reliability/fuzz_regressions/fuzz_holiday_list"});
  ASSERT_GE(inputs.size(), 5u);
  for (const fs::path& input : inputs) {
    try {
      const scenario::HolidayList list = scenario::parse_holiday_list(read_file(input));
      EXPECT_LE(list.first_year, list.last_year) << input;
      EXPECT_TRUE(std::adjacent_find(list.dates.begin(), list.dates.end(), std::greater_equal<>()) == list.dates.end())
          << input;
    } catch (const std::invalid_argument& error) {
      EXPECT_EQ(std::string(error.what()).rfind("bank holiday list", 0), 0u) << input << ": " << error.what();
    }
  }
}

// The seed corpus's hand-written cases, with the outcome worked out by hand.
TEST(FuzzRegressions, HandWrittenHolidayListsGiveTheExpectedOutcome) {
  const fs::path dir = kSource / "fuzz/corpus/holiday_list";
  const scenario::HolidayList valid = scenario::parse_holiday_list(read_file(dir / "valid"));
  EXPECT_EQ(valid.first_year, 2025);
  EXPECT_EQ(valid.last_year, 2025);
  EXPECT_EQ(valid.dates.size(), 2u);
  const auto error_of = [&](const char* name) {
    try {
      scenario::parse_holiday_list(read_file(dir / name));
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(error_of("backwards"), "bank holiday list, line 1: covered years run backwards: 2025-2024");
  EXPECT_EQ(error_of("duplicate"), "bank holiday list, line 3: 2025-12-25 is already listed on line 2");
  EXPECT_EQ(error_of("no_covers"), "bank holiday list: no '# covers: FIRST-LAST' line naming the complete years");
}

// Found by fuzz_scenario and fuzz_overrides: a key holding a line break is
// refused at its own line, naming the file (a lone carriage return, which
// YAML 1.1 reads as a line break of its own, before the key is read)...
TEST(FuzzRegressions, KeyWithALineBreakIsRefusedAtItsLine) {
  const fs::path dir = kSource / "tests/reliability/fuzz_regressions/fuzz_scenario";
  for (const auto& [name, line, problem] :
       {std::tuple{"quoted_key_with_newline.yaml", 1, "unknown field"},
        std::tuple{"unknown_key_with_carriage_return.yaml", 7, "a carriage return without a line feed"}}) {
    try {
      scenario::parse_scenario({"fuzz.yaml", read_file(dir / name)});
      ADD_FAILURE() << name << " accepted";
    } catch (const scenario::ScenarioError& error) {
      EXPECT_EQ(error.file(), "fuzz.yaml") << name;
      EXPECT_EQ(error.line(), line) << name;
      EXPECT_NE(error.message().find(problem), std::string::npos) << name << ": " << error.what();
    }
  }
}

// ...but today its message is echoed with the line break in it, so a user
// sees two lines, or (with "\r") one line overwritten. Known gap, reported to
// the lead: enable when the loader escapes keys as it escapes values ("a\x0Ab").
TEST(FuzzRegressions, KeyWithALineBreakGivesAOneLineMessage) {
  const fs::path dir = kSource / "tests/reliability/fuzz_regressions/fuzz_scenario";
  for (const char* name : {"quoted_key_with_newline.yaml", "unknown_key_with_carriage_return.yaml"}) {
    try {
      scenario::parse_scenario({"fuzz.yaml", read_file(dir / name)});
      ADD_FAILURE() << name << " accepted";
    } catch (const scenario::ScenarioError& error) {
      const std::string what = error.what();
      EXPECT_EQ(what.find_first_of("\r\n"), std::string::npos) << name << ": " << what;
    }
  }
}

}  // namespace
}  // namespace casesim::reliability
