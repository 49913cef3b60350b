// Every file in tests/bad_input/optimise/ is an optimise file that must be
// refused with exactly the message below. Each is one small valid file with
// one change, which its first line names. In that file: line 2 name, 3
// base_scenario, 4 seed, 5 decisions, 6-8 decisions[0] (field, values, cost per
// unit), 9-11 decisions[1] (field, values, cost per value), 12 targets, 13-14
// targets[0] (metric, probability_above), 15-16 targets[1] (metric,
// mean_at_least), 17 procedure.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "engine/model/metrics.hpp"
#include "engine/optimise/load_optimisation.hpp"
#include "tests/bad_input/yaml_corpus.hpp"

namespace casesim::scenario {
namespace {

const std::string kDir = "tests/bad_input/optimise/";

// what() after the path; {METRICS} stands for the metric catalogue.
using BadCase = bad_input::BadYaml;

const BadCase kCases[] = {
    {"unknown_metric", ":13: targets[0].metric: unknown metric 'waiting_time'; allowed: {METRICS}"},
    // The scenario's own check of the override, at the line of the value.
    {"field_not_in_scenario",
     ":7: team.extra_workers: no such field; allowed here: full_time_hours_per_week, non_case_share, social_workers, "
     "additional_permanent_workers, additional_agency_workers, additional_permanent_start_after_weeks, "
     "additional_agency_start_after_weeks, retained_leavers, retained_until, manager"},
    {"field_is_run_setting",
     ":6: decisions[0].field: run settings cannot be a decision: the replications and seed are the search's, and "
     "every plan keeps the base scenario's start date, horizon and warm-up"},
    {"values_empty", ":7: decisions[0].values: must list at least one value"},
    {"cost_negative", ":8: decisions[0].cost_per_unit_per_year: must be in [0, 1e+12], got -5"},
    {"probability_above_one", ":14: targets[0].probability_above.at_most: must be in [0, 1], got 1.5"},
    {"confidence_one", ":17: procedure.confidence: must be in (0, 1), got 1"},
    {"too_many_plans", ":9: decisions[1]: the decisions make more than 500 plans; list fewer values"},
    // Values in range that broke the arithmetic: an interval confidence of 1
    // ("internal error" in the search), a value no long long holds, an
    // infinite cost.
    {"confidence_rounds_to_one_per_interval",
     ":17: procedure.confidence: is too close to 1: shared over every interval the search judges (4 plans x 2 "
     "targets x 10 looks), each interval's confidence rounds to 1; lower it (0.99 or 0.999 is usual)"},
    {"range_value_beyond_whole_numbers", ":7: team.additional_agency_workers: must be a whole number, got 1e+300"},
    {"cost_per_unit_over_the_limit",
     ":8: decisions[0].cost_per_unit_per_year: gives value 2 a cost of 2e+12 a year, more than the 1e+12 a value "
     "may cost"},
    {"cost_missing",
     ":6: decisions[0]: give its cost as exactly one of cost_per_unit_per_year (numbers: the cost of each unit of "
     "the value) or cost_per_year (a cost for each value)"},
    {"cost_given_twice",
     ":6: decisions[0]: give its cost as exactly one of cost_per_unit_per_year (numbers: the cost of each unit of "
     "the value) or cost_per_year (a cost for each value)"},
    {"target_two_bounds", ":15: targets[1]: give exactly one bound: mean_at_most, mean_at_least or probability_above"},
    {"cost_for_unknown_value", ":11: decisions[1].cost_per_year.dut: not one of the values: none, duty"},
    {"cost_missing_for_value", ":11: decisions[1].cost_per_year: no cost given for value 'duty'"},
    {"cost_per_unit_of_words",
     ":11: decisions[1].cost_per_unit_per_year: needs numbers as values, got 'none'; price each value with "
     "cost_per_year instead"},
    {"range_step_zero", ":7: decisions[0].values.step: must be greater than 0, got 0"},
    {"range_backwards", ":7: decisions[0].values.to: must be at least from (3), got 1"},
    {"value_out_of_range", ":10: policy.absence_cover: must be one of: none, duty, got sometimes"},
    {"value_listed_twice", ":7: decisions[0].values[2]: value '1' is listed twice"},
    {"decision_field_twice", ":9: decisions[1].field: field 'team.additional_agency_workers' is already decisions[0]"},
    {"max_below_initial",
     ":17: procedure.max_replications: must be at least procedure.initial_replications (20), got 10"},
    {"initial_replications_one", ":17: procedure.initial_replications: must be in 2..1000000, got 1"},
    {"targets_empty", ":12: targets: must list at least one safety target"},
    {"decisions_empty", ":5: decisions: must list at least one decision"},
    {"base_scenario_missing_file",
     ":3: base_scenario: cannot read scenario tests/bad_input/optimise/nowhere.yaml: No such file or directory"},
    // When workers start, and keeping leavers on.
    {"start_on_a_policy",
     ":11: decisions[1].start: only team.additional_permanent_workers and team.additional_agency_workers have a "
     "start, not policy.absence_cover"},
    {"start_recruitment_for_agency", ":8: decisions[0].start: must be {after_weeks: N}, got \"recruitment\""},
    {"start_weeks_negative", ":8: decisions[0].start.after_weeks: must be in 0..520, got -1"},
    {"retention_date_misspelt",
     ":10: decisions[1].values[1]: must be a date (YYYY-MM-DD) to keep the workers until, or no, got \"30-04-2025\""},
    {"retention_of_more_leavers_than_the_timeline",
     ":9: decisions[1].retain_leavers: keeps 2 leavers, but the base scenario's timeline has 0 (by worker_leaves "
     "and agency_workers_leave)"},
    {"retention_with_a_field",
     ":10: decisions[1].field: not used by a retention decision (retain_leavers: it sets team.retained_leavers and "
     "team.retained_until, and is priced by cost_per_worker_per_week)"},
    {"retention_priced_by_the_year",
     ":11: decisions[1].cost_per_year: not used by a retention decision (retain_leavers: it sets "
     "team.retained_leavers and team.retained_until, and is priced by cost_per_worker_per_week)"},
    {"weekly_cost_without_retention",
     ":8: decisions[0].cost_per_worker_per_week: only a retention decision (retain_leavers) has it"},
    {"unknown_key",
     ":17: procedur: unknown field; allowed: name, description, base_scenario, seed, currency, decisions, targets, "
     "procedure"},
};

std::vector<std::string> catalogue() {
  std::vector<std::string> names;
  for (const auto& d : model::metric_definitions()) names.emplace_back(d.name);
  return names;
}

std::string expected_message(const BadCase& bad) {
  std::string text = kDir + bad.file + ".yaml" + bad.expected;
  if (const auto at = text.find("{METRICS}"); at != std::string::npos) {
    std::string metrics;
    for (const std::string& name : catalogue()) metrics += (metrics.empty() ? "" : ", ") + name;
    text.replace(at, 9, metrics);
  }
  return text;
}

class BadOptimisation : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadOptimisation, IsRefusedWithExactMessage) {
  const BadCase& bad = GetParam();
  const std::string path = kDir + bad.file + ".yaml";
  try {
    optimise::load_optimisation(path, catalogue());
    FAIL() << path << " was accepted";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()), expected_message(bad));
    EXPECT_EQ(error.file(), path);
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadOptimisation, ::testing::ValuesIn(kCases), bad_input::case_name);

TEST(BadOptimisationCorpus, EveryFileHasAnExpectedMessageAndEveryCaseAFile) {
  bad_input::expect_one_case_per_file(kDir, kCases, 20);
}

}  // namespace
}  // namespace casesim::scenario
