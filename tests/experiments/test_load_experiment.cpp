// Experiment files: what a good one gives, the grid and Latin hypercube
// designs' size and coverage, and the exact error for each kind of bad file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/scenario/experiment.hpp"
#include "engine/scenario/load_experiment.hpp"
#include "tests/experiments/experiment_files.hpp"

namespace casesim::scenario {
namespace {

using testing::kSmallScenario;
using testing::TemporaryDirectory;

const std::vector<std::string> kMetrics{"unallocated_wait_mean", "visits_overdue", "caseload_mean"};

const char* const kHeader = R"(name: exp
base_scenario: small.yaml
replications: 4
seed: 7
metrics: [unallocated_wait_mean, visits_overdue]
)";

Experiment load(const TemporaryDirectory& dir, const std::string& body) {
  dir.write("small.yaml", kSmallScenario);
  return load_experiment(dir.write("exp.yaml", std::string(kHeader) + body), kMetrics);
}

std::string error_of(const TemporaryDirectory& dir, const std::string& text) {
  dir.write("small.yaml", kSmallScenario);
  try {
    load_experiment(dir.write("exp.yaml", text), kMetrics);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

TEST(LoadExperiment, ExplicitVariantsApplyTheirOverridesToTheBase) {
  const TemporaryDirectory dir;
  const Experiment e = load(dir, R"(variants:
  - name: cap-18
  - name: cap-15
    overrides:
      policy.caseload_cap.cases: 15
      pathways.cin_plan.visits.hours: 3
  - name: cap-22
    overrides: {policy.caseload_cap.cases: 22}
)");
  EXPECT_EQ(e.name, "exp");
  EXPECT_EQ(e.replications, 4);
  EXPECT_EQ(e.seed, 7u);
  EXPECT_EQ(e.metrics, (std::vector<std::string>{"unallocated_wait_mean", "visits_overdue"}));
  EXPECT_EQ(e.base_source.path, dir.file("small.yaml"));
  EXPECT_EQ(e.base_source.text, kSmallScenario);
  ASSERT_EQ(e.variants.size(), 3u);
  EXPECT_EQ(e.variants[0].name, "cap-18");
  EXPECT_EQ(e.variants[1].name, "cap-15");
  EXPECT_EQ(e.variants[2].name, "cap-22");
  EXPECT_EQ(e.variants[0].scenario.policy.caseload_cap.cases, 18.0);
  EXPECT_EQ(e.variants[1].scenario.policy.caseload_cap.cases, 15.0);
  EXPECT_EQ(e.variants[1].scenario.pathways.cin_plan.visits.hours, 3.0);
  EXPECT_EQ(e.variants[2].scenario.policy.caseload_cap.cases, 22.0);
  EXPECT_EQ(e.variants[2].scenario.pathways.cin_plan.visits.hours, 3.5);
  EXPECT_EQ(e.variants[0].overrides_yaml, "{}");
  EXPECT_EQ(e.variants[1].overrides_yaml, "{policy.caseload_cap.cases: 15, pathways.cin_plan.visits.hours: 3}");
  EXPECT_EQ(e.variants[1].overrides[0].origin_line, 10);
  // The parameter table: every overridden field, each variant's value, the
  // base's own from the base file.
  EXPECT_EQ(e.parameter_names,
            (std::vector<std::string>{"policy.caseload_cap.cases", "pathways.cin_plan.visits.hours"}));
  EXPECT_EQ(e.parameter_values, (std::vector<double>{18, 3.5, 15, 3, 22, 3.5}));
}

TEST(LoadExperiment, WithoutVariantsTheBaseUnchangedIsVariantBase) {
  const TemporaryDirectory dir;
  const Experiment e = load(dir, "");
  ASSERT_EQ(e.variants.size(), 1u);
  EXPECT_EQ(e.variants[0].name, "base");
  EXPECT_TRUE(e.variants[0].overrides.empty());
  EXPECT_EQ(e.variants[0].scenario.name, "small");
  EXPECT_TRUE(e.parameter_names.empty());
}

TEST(LoadExperiment, GridHasOneVariantPerCombinationEachExactlyOnce) {
  const TemporaryDirectory dir;
  const Experiment e = load(dir, R"(grid:
  fields:
    policy.caseload_cap.cases: [15, 18, 22]
    pathways.cin_plan.visits.hours: [3, 4.5]
)");
  ASSERT_EQ(e.variants.size(), 1u + 3 * 2);
  EXPECT_EQ(e.variants[0].name, "base");
  EXPECT_EQ(e.variants[1].name, "cases=15,hours=3");
  EXPECT_EQ(e.variants[6].name, "cases=22,hours=4.5");
  std::multiset<std::pair<double, double>> seen;
  for (std::size_t v = 1; v < e.variants.size(); ++v)
    seen.insert(
        {e.variants[v].scenario.policy.caseload_cap.cases, e.variants[v].scenario.pathways.cin_plan.visits.hours});
  const std::multiset<std::pair<double, double>> expected{{15, 3}, {15, 4.5}, {18, 3}, {18, 4.5}, {22, 3}, {22, 4.5}};
  EXPECT_EQ(seen, expected);
}

TEST(GridCombinations, LastAxisChangesFastest) {
  const std::vector<std::vector<std::size_t>> expected{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}};
  EXPECT_EQ(grid_combinations({2, 3}), expected);
  EXPECT_EQ(grid_combinations({}), std::vector<std::vector<std::size_t>>{{}});
  EXPECT_TRUE(grid_combinations({4, 0}).empty());
}

// Which of n equal strata of [low, high) holds x.
std::size_t stratum(double x, double low, double high, std::size_t n) {
  return static_cast<std::size_t>(std::floor((x - low) / (high - low) * static_cast<double>(n)));
}

TEST(LatinHypercube, EveryStratumOfEveryRangeIsHitExactlyOnce) {
  const std::vector<SampleRange> ranges{{0.5, 1.0, false}, {-3.0, 7.0, false}, {100.0, 100.5, false}};
  for (const std::size_t n : {1u, 2u, 7u, 50u}) {
    const auto design = latin_hypercube(n, ranges, 42);
    ASSERT_EQ(design.size(), n);
    for (std::size_t r = 0; r < ranges.size(); ++r) {
      std::vector<int> hits(n, 0);
      for (const auto& sample : design) {
        ASSERT_GE(sample[r], ranges[r].low);
        ASSERT_LT(sample[r], ranges[r].high);
        ++hits[stratum(sample[r], ranges[r].low, ranges[r].high, n)];
      }
      EXPECT_EQ(hits, std::vector<int>(n, 1)) << "range " << r << ", " << n << " samples";
    }
  }
}

TEST(LatinHypercube, IsTheSameForASeedAndDiffersBetweenSeeds) {
  const std::vector<SampleRange> ranges{{0.0, 1.0, false}, {14, 22, true}};
  EXPECT_EQ(latin_hypercube(9, ranges, 5), latin_hypercube(9, ranges, 5));
  EXPECT_NE(latin_hypercube(9, ranges, 5), latin_hypercube(9, ranges, 6));
}

TEST(LatinHypercube, IntegerRangeWithOneSamplePerValueUsesEveryValueOnce) {
  // 9 samples over 14..22: strata of width 1, so each whole number exactly once.
  const auto design = latin_hypercube(9, {{14, 22, true}}, 3);
  std::multiset<double> values;
  for (const auto& sample : design) values.insert(sample[0]);
  EXPECT_EQ(values, (std::multiset<double>{14, 15, 16, 17, 18, 19, 20, 21, 22}));
}

TEST(LoadExperiment, LatinHypercubeVariantsCoverEachRangeAndKeepIntegersWhole) {
  const TemporaryDirectory dir;
  const std::string body = R"(latin_hypercube:
  samples: 10
  ranges:
    referrals.rate_per_working_day: [0.5, 1.0]
    pathways.cin_plan.visits.hours: [2, 4]
    policy.caseload_cap.cases: [14, 22]
  integer: [policy.caseload_cap.cases]
)";
  const Experiment e = load(dir, body);
  ASSERT_EQ(e.variants.size(), 11u);
  EXPECT_EQ(e.variants[1].name, "lhs-01");
  EXPECT_EQ(e.variants[10].name, "lhs-10");
  std::vector<int> rate_hits(10, 0), hours_hits(10, 0);
  for (std::size_t v = 1; v < e.variants.size(); ++v) {
    const Scenario& s = e.variants[v].scenario;
    ++rate_hits[stratum(s.referrals.rate_per_working_day, 0.5, 1.0, 10)];
    ++hours_hits[stratum(s.pathways.cin_plan.visits.hours, 2, 4, 10)];
    const double cap = s.policy.caseload_cap.cases;
    EXPECT_EQ(cap, std::floor(cap));
    EXPECT_GE(cap, 14);
    EXPECT_LE(cap, 22);
    // The parameter table holds exactly the values the scenario was given.
    EXPECT_EQ(e.parameter_values[v * 3 + 0], s.referrals.rate_per_working_day);
    EXPECT_EQ(e.parameter_values[v * 3 + 1], s.pathways.cin_plan.visits.hours);
    EXPECT_EQ(e.parameter_values[v * 3 + 2], cap);
  }
  EXPECT_EQ(rate_hits, std::vector<int>(10, 1));
  EXPECT_EQ(hours_hits, std::vector<int>(10, 1));
  // Drawn from the experiment's seed: the same file gives the same design.
  const Experiment again = load(dir, body);
  EXPECT_EQ(again.parameter_values, e.parameter_values);
}

struct BadExperiment {
  std::string name;
  std::string text;
  std::string error;  // after "<dir>/exp.yaml"
};

class BadExperimentFile : public ::testing::TestWithParam<BadExperiment> {};

TEST_P(BadExperimentFile, IsRefusedWithFileLineFieldAndReason) {
  const TemporaryDirectory dir;
  std::string expected = dir.file("exp.yaml") + GetParam().error;
  if (const auto at = expected.find("{dir}"); at != std::string::npos) expected.replace(at, 5, dir.path());
  EXPECT_EQ(error_of(dir, GetParam().text), expected);
}

const std::string kTop = "name: exp\nbase_scenario: small.yaml\nreplications: 4\nseed: 7\n";
const std::string kMetricsLine = "metrics: [unallocated_wait_mean]\n";

INSTANTIATE_TEST_SUITE_P(
    Experiments, BadExperimentFile,
    ::testing::Values(
        BadExperiment{"override_path_unknown",
                      kTop + kMetricsLine +
                          "variants:\n  - name: a\n  - name: b\n    overrides: {policy.caseload_cap.casez: 15}\n",
                      ":9: policy.caseload_cap.casez: no such field; allowed here: basis, cases, kind, weighted"},
        BadExperiment{
            "override_value_out_of_range",
            kTop + kMetricsLine +
                "variants:\n  - name: a\n  - name: b\n    overrides:\n      pathways.cin_plan.visits.hours: -2\n",
            ":10: pathways.cin_plan.visits.hours: must be in [0, 24], got -2"},
        BadExperiment{"override_of_run_settings",
                      kTop + kMetricsLine + "variants:\n  - name: a\n    overrides: {run.horizon_weeks: 30}\n",
                      ":8: run.horizon_weeks: run settings cannot vary between variants: replications and seed are "
                      "set by the experiment, and start date, horizon and warm-up by the base scenario"},
        BadExperiment{"unknown_metric", kTop + "metrics: [unallocated_wait_mean, waiting_time]\n",
                      ":5: metrics[1]: unknown metric 'waiting_time'; allowed: unallocated_wait_mean, visits_overdue, "
                      "caseload_mean"},
        BadExperiment{"metric_twice", kTop + "metrics: [visits_overdue, visits_overdue]\n",
                      ":5: metrics[1]: metric 'visits_overdue' is listed twice"},
        BadExperiment{"no_metrics", kTop + "metrics: []\n",
                      ":5: metrics: must name at least one metric (the first is the main metric)"},
        BadExperiment{"base_scenario_missing",
                      "name: exp\nbase_scenario: nowhere.yaml\nreplications: 4\nseed: 7\n" + kMetricsLine,
                      ":2: base_scenario: cannot read scenario {dir}/nowhere.yaml: No such file or directory"},
        BadExperiment{"variants_empty", kTop + kMetricsLine + "variants: []\n",
                      ":6: variants: must list at least one variant (the first is the base)"},
        BadExperiment{"variant_name_twice", kTop + kMetricsLine + "variants:\n  - name: a\n  - name: b\n  - name: a\n",
                      ":9: variants[2].name: duplicate variant name 'a' (also variants[0])"},
        BadExperiment{"variant_without_name",
                      kTop + kMetricsLine + "variants:\n  - overrides: {pathways.cin_plan.visits.hours: 3}\n",
                      ":7: variants[0].name: required field missing"},
        BadExperiment{"replications_missing", "name: exp\nbase_scenario: small.yaml\nseed: 7\n" + kMetricsLine,
                      ":1: replications: required field missing"},
        BadExperiment{"replications_zero",
                      "name: exp\nbase_scenario: small.yaml\nreplications: 0\nseed: 7\n" + kMetricsLine,
                      ":3: replications: must be in 1..1000000, got 0"},
        BadExperiment{"unknown_top_level_field", kTop + kMetricsLine + "variant: []\n",
                      ":6: variant: unknown field; allowed: name, description, base_scenario, replications, seed, "
                      "metrics, variants, grid, latin_hypercube"},
        BadExperiment{"grid_value_list_empty",
                      kTop + kMetricsLine + "grid:\n  fields:\n    pathways.cin_plan.visits.hours: []\n",
                      ":8: grid.fields.pathways.cin_plan.visits.hours: must list at least one value"},
        BadExperiment{"grid_bad_value",
                      kTop + kMetricsLine + "grid:\n  fields:\n    pathways.cin_plan.visits.hours: [3, ten]\n",
                      ":8: pathways.cin_plan.visits.hours: must be a number, got \"ten\""},
        BadExperiment{"lhs_low_not_below_high",
                      kTop + kMetricsLine +
                          "latin_hypercube:\n  samples: 4\n  ranges:\n    pathways.cin_plan.visits.hours: [4, 2]\n",
                      ":9: latin_hypercube.ranges.pathways.cin_plan.visits.hours: high must be greater than low"},
        BadExperiment{"lhs_integer_not_a_range",
                      kTop + kMetricsLine +
                          "latin_hypercube:\n  samples: 4\n  ranges:\n    pathways.cin_plan.visits.hours: [2, 4]\n  "
                          "integer: [policy.caseload_cap.cases]\n",
                      ":10: latin_hypercube.integer[0]: 'policy.caseload_cap.cases' is not one of the ranges"},
        BadExperiment{"lhs_range_path_unknown",
                      kTop + kMetricsLine +
                          "latin_hypercube:\n  samples: 4\n  ranges:\n    pathways.cin_plan.visits.minutes: [2, 4]\n",
                      ":9: pathways.cin_plan.visits.minutes: no such field; allowed here: "
                      "interval_working_days, hours"}),
    [](const ::testing::TestParamInfo<BadExperiment>& param) { return param.param.name; });

}  // namespace
}  // namespace casesim::scenario
