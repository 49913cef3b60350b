// Every file in tests/bad_input/experiments/ is an experiment file that must be
// refused with exactly the message below; the first line of each says why.
// (The experiment loader's other refusals are tested with inline files in
// tests/experiments/test_load_experiment.cpp.) These are values within the
// documented ranges that broke the arithmetic: a range too wide for its
// width to be a number, and integer samples too large for a long long.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/model/metrics.hpp"
#include "engine/scenario/load_experiment.hpp"
#include "tests/bad_input/yaml_corpus.hpp"

namespace casesim::scenario {
namespace {

const std::string kDir = "tests/bad_input/experiments/";

using BadCase = bad_input::BadYaml;

const BadCase kCases[] = {
    {"lhs_range_too_wide",
     ":9: latin_hypercube.ranges.policy.caseload_cap.cases: the range is too wide to sample (high - low is not a "
     "finite number)"},
    {"lhs_integer_beyond_whole_numbers",
     ":10: latin_hypercube.ranges.team.additional_agency_workers: an integer range needs bounds within "
     "-2^53..2^53 (9007199254740992)"},
};

class BadExperiment : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadExperiment, IsRefusedWithExactMessage) {
  const BadCase& bad = GetParam();
  const std::string path = kDir + bad.file + ".yaml";
  try {
    load_experiment(path, model::metric_names());
    FAIL() << path << " was accepted";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()), path + bad.expected);
    EXPECT_EQ(error.file(), path);
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadExperiment, ::testing::ValuesIn(kCases), bad_input::case_name);

TEST(BadExperimentCorpus, EveryFileHasAnExpectedMessageAndEveryCaseAFile) {
  bad_input::expect_one_case_per_file(kDir, kCases, 2);
}

}  // namespace
}  // namespace casesim::scenario
