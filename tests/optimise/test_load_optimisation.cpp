// Loading optimise files: the plans (full factorial, last decision fastest),
// their costs and overrides, targets and the procedure's settings. Refused
// files, each with its exact message, are in tests/bad_input/optimise/.
#include <gtest/gtest.h>

#include "engine/model/metrics.hpp"
#include "engine/optimise/load_optimisation.hpp"
#include "tests/optimise/optimise_files.hpp"

namespace casesim {
namespace {

constexpr const char* kFile = R"(name: mix
base_scenario: mmc.yaml
seed: 7
currency: "EUR "
decisions:
  - field: team.additional_agency_workers
    name: agency
    values: {from: 0, to: 2, step: 1}
    cost_per_unit_per_year: 80000
  - field: policy.absence_cover
    values: [none, duty]
    cost_per_year: {none: 0, duty: 6000}
  - field: pathways.assessment.duration_working_days.mean
    name: days
    values: {from: 0.5, to: 1.5, step: 0.5}
    cost_per_year: {0.5: 1000, 1: 0, 1.5: 0}
targets:
  - {metric: cp_children_unvisited_6_weeks, probability_above: {threshold: 0, at_most: 0.05}}
  - {metric: assessments_within_standard_share, mean_at_least: 0.9}
  - {metric: visits_overdue, mean_at_most: 12.5}
)";

TEST(LoadOptimisation, MakesEveryCombinationWithItsCostAndOverrides) {
  const testing::TemporaryFolder folder;
  folder.write("mmc.yaml", testing::queue_scenario(1.0, 1.0, 10));
  const optimise::Optimisation o = optimise::load_optimisation(folder.write("mix.yaml", kFile), model::metric_names());
  EXPECT_EQ(o.name, "mix");
  EXPECT_EQ(o.seed, 7u);
  EXPECT_EQ(o.currency, "EUR ");
  ASSERT_EQ(o.decisions.size(), 3u);
  EXPECT_EQ(o.decisions[1].name, "absence_cover");  // the path's last segment by default
  ASSERT_EQ(o.plans.size(), 3u * 2u * 3u);
  // The last decision changes fastest.
  EXPECT_EQ(o.plans[0].name, "agency=0,absence_cover=none,days=0.5");
  EXPECT_EQ(o.plans[1].name, "agency=0,absence_cover=none,days=1");
  EXPECT_EQ(o.plans[3].name, "agency=0,absence_cover=duty,days=0.5");
  const optimise::Plan& last = o.plans.back();
  EXPECT_EQ(last.name, "agency=2,absence_cover=duty,days=1.5");
  EXPECT_DOUBLE_EQ(last.cost_per_year, 2 * 80000.0 + 6000.0 + 0.0);
  EXPECT_DOUBLE_EQ(o.plans[3].cost_per_year, 0.0 + 6000.0 + 1000.0);
  EXPECT_EQ(last.overrides_yaml,
            "{team.additional_agency_workers: 2, policy.absence_cover: duty, "
            "pathways.assessment.duration_working_days.mean: 1.5}");
  // The overrides are applied to the base and validated.
  EXPECT_EQ(last.scenario.team.additional_agency_workers, 2);
  EXPECT_EQ(last.scenario.policy.absence_cover, scenario::AbsenceCover::duty);
  EXPECT_DOUBLE_EQ(last.scenario.pathways.assessment.duration_working_days.mean, 1.5);
  EXPECT_EQ(o.plans[0].scenario.team.additional_agency_workers, 0);
  // An override names the optimise file and the line of its value.
  EXPECT_EQ(last.overrides[1].origin_line, 11);
  EXPECT_EQ(last.overrides[0].origin_line, 8);  // a range: the line of `values`

  ASSERT_EQ(o.targets.size(), 3u);
  EXPECT_EQ(o.targets[0].description, "P(cp_children_unvisited_6_weeks > 0) <= 0.05");
  EXPECT_EQ(o.targets[0].bound.kind, analysis::TargetKind::probability_above_at_most);
  EXPECT_DOUBLE_EQ(o.targets[0].bound.bound, 0.05);
  EXPECT_EQ(o.targets[1].description, "mean assessments_within_standard_share >= 0.9");
  EXPECT_EQ(o.targets[2].description, "mean visits_overdue <= 12.5");
  // Without a procedure section, the defaults.
  EXPECT_DOUBLE_EQ(o.schedule.confidence, 0.95);
  EXPECT_EQ(o.schedule.initial_replications, 20u);
  EXPECT_EQ(o.schedule.batch_replications, 20u);
  EXPECT_EQ(o.schedule.max_replications, 200u);
}

TEST(LoadOptimisation, ReadsTheProcedureAndResolvesTheBaseBesideTheFile) {
  const testing::TemporaryFolder folder;
  folder.write("mmc.yaml", testing::queue_scenario(1.0, 1.0, 10));
  const optimise::Optimisation o = optimise::load_optimisation(folder.write("p.yaml", R"(name: p
base_scenario: mmc.yaml
seed: 1
decisions:
  - {field: team.additional_permanent_workers, values: [0, 3], cost_per_unit_per_year: 10}
targets:
  - {metric: cases_waited_share, mean_at_most: 0.2}
procedure: {confidence: 0.9, initial_replications: 8, batch_replications: 4, max_replications: 30}
)"),
                                                               model::metric_names());
  EXPECT_EQ(o.base_source.path, folder.file("mmc.yaml"));
  EXPECT_DOUBLE_EQ(o.schedule.confidence, 0.9);
  EXPECT_EQ(o.schedule.initial_replications, 8u);
  EXPECT_EQ(o.schedule.batch_replications, 4u);
  EXPECT_EQ(o.schedule.max_replications, 30u);
  ASSERT_EQ(o.plans.size(), 2u);
  EXPECT_DOUBLE_EQ(o.plans[1].cost_per_year, 30.0);
  EXPECT_EQ(o.plans[1].scenario.team.additional_permanent_workers, 3);
}

TEST(LoadOptimisation, ShippedStaffingFileLoads) {
  const optimise::Optimisation o =
      optimise::load_optimisation("scenarios/optimise/staffing.yaml", model::metric_names());
  EXPECT_EQ(o.name, "staffing");
  EXPECT_EQ(o.base_source.path, "scenarios/baseline.yaml");
  EXPECT_EQ(o.plans.size(), 12u);
  EXPECT_EQ(o.targets.size(), 2u);
}

}  // namespace
}  // namespace casesim
