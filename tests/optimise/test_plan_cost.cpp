// A plan's cost over the question's period, each option counted from its
// start, worked by hand; the search ranking plans by it; a plan whose workers
// start after a lead time giving the bits of the same dated starters written
// by hand; and the plan in words.
#include <gtest/gtest.h>

#include "engine/model/metrics.hpp"
#include "engine/model/replication.hpp"
#include "engine/optimise/load_optimisation.hpp"
#include "engine/optimise/plan_cost.hpp"
#include "engine/optimise/plan_words.hpp"
#include "engine/optimise/run_optimisation.hpp"
#include "tests/optimise/optimise_files.hpp"
#include "tests/support/same_bits.hpp"

namespace casesim::optimise {
namespace {

using kernel::Date;
using Kind = scenario::TimelineEvent::Kind;

Date date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// 26 weeks from Friday 15 January 2027, no warm-up: a snapshot's question.
scenario::Scenario half_year() {
  scenario::Scenario s;
  s.run.start_date = date(2027, 1, 15);
  s.run.horizon_weeks = 26;
  s.run.warm_up_weeks = 0;
  return s;
}

Decision permanent(Start start) {
  Decision d;
  d.field = "team.additional_permanent_workers";
  d.name = "permanent";
  d.start = start;
  return d;
}

// One worker at 52,000 a year: 1,000 a week.
const DecisionValue kOneWorker{"1", "1", 52000.0, std::nullopt};

TEST(PlanCost, TheCountedPeriodRunsFromTheEndOfTheWarmUp) {
  const Period p = counted_period(half_year());
  EXPECT_EQ(p.first_day, date(2027, 1, 15));
  EXPECT_EQ(p.end, date(2027, 7, 16));
  EXPECT_EQ(p.weeks, 26.0);
  scenario::Scenario warm = half_year();
  warm.run.horizon_weeks = 60;
  warm.run.warm_up_weeks = 8;
  EXPECT_EQ(counted_period(warm).first_day, date(2027, 3, 12));
  EXPECT_EQ(counted_period(warm).weeks, 52.0);
}

TEST(PlanCost, AnOptionCostsFromItsStart) {
  const scenario::Scenario s = half_year();
  // From the first day: half a year.
  EXPECT_DOUBLE_EQ(option_cost_over_period(permanent({}), kOneWorker, s), 26000.0);
  // Starting in week 8 of 26: 18 weeks.
  EXPECT_DOUBLE_EQ(option_cost_over_period(permanent({Start::Kind::after_weeks, 8}), kOneWorker, s), 18000.0);
  // Starting after the period: nothing.
  EXPECT_DOUBLE_EQ(option_cost_over_period(permanent({Start::Kind::after_weeks, 30}), kOneWorker, s), 0.0);
}

TEST(PlanCost, ARecruitedPostCostsFromWhenItIsFilled) {
  scenario::Scenario s = half_year();
  // A fixed lag of 10 weeks: filled for 16 of the 26.
  s.workforce.turnover.recruitment_lag_weeks = {scenario::DurationDistribution::Kind::fixed, 10.0, 0.0};
  const Decision recruited = permanent({Start::Kind::recruitment, 0});
  EXPECT_DOUBLE_EQ(option_cost_over_period(recruited, kOneWorker, s), 16000.0);
  // The shipped lag (lognormal, mean 60, sd 30 weeks) seldom fills a post
  // within 26 weeks: a little, and far less than from the first day.
  s.workforce.turnover.recruitment_lag_weeks = {scenario::DurationDistribution::Kind::lognormal, 60.0, 30.0};
  const double cost = option_cost_over_period(recruited, kOneWorker, s);
  EXPECT_GT(cost, 0.0);
  EXPECT_LT(cost, 2000.0);
  EXPECT_EQ(cost, option_cost_over_period(recruited, kOneWorker, s));  // the same draws every time
}

TEST(PlanCost, KeepingLeaversCostsFromTheirLeavingDateToTheDateKept) {
  scenario::Scenario s = half_year();
  scenario::TimelineEvent agency;
  agency.kind = Kind::agency_workers_leave;
  agency.date = date(2027, 3, 1);
  agency.count = 2;
  scenario::TimelineEvent one;
  one.kind = Kind::worker_leaves;
  one.date = date(2027, 4, 5);
  one.worker = "SW3";
  s.timeline = {agency, one};
  EXPECT_EQ(scenario::timeline_leavers(s.timeline), 3);
  Decision keep;
  keep.name = "keep";
  keep.cost_per_worker_per_week = 1000.0;
  const auto until = [](Date d) { return DecisionValue{"", "", 0.0, d}; };
  keep.retain_leavers = 1;  // 1 March to 26 April: 8 weeks
  EXPECT_DOUBLE_EQ(option_cost_over_period(keep, until(date(2027, 4, 26)), s), 8000.0);
  keep.retain_leavers = 2;  // both agency workers
  EXPECT_DOUBLE_EQ(option_cost_over_period(keep, until(date(2027, 4, 26)), s), 16000.0);
  keep.retain_leavers = 3;  // and the third from 5 April: 3 weeks
  EXPECT_DOUBLE_EQ(option_cost_over_period(keep, until(date(2027, 4, 26)), s), 19000.0);
  // Kept past the period: counted to its end (1 March to 16 July, 137 days).
  keep.retain_leavers = 1;
  EXPECT_DOUBLE_EQ(option_cost_over_period(keep, until(date(2027, 12, 31)), s), 137000.0 / 7.0);
  // Not kept (`no`), or kept to before the leaving: nothing.
  EXPECT_DOUBLE_EQ(option_cost_over_period(keep, DecisionValue{"no", "no", 0.0, std::nullopt}, s), 0.0);
  EXPECT_DOUBLE_EQ(option_cost_over_period(keep, until(date(2027, 2, 1)), s), 0.0);
}

std::vector<std::string> catalogue() {
  std::vector<std::string> names;
  for (const auto& d : model::metric_definitions()) names.emplace_back(d.name);
  return names;
}

// The queue team with a 26-week counted period (30 weeks, 4 of warm-up, from
// Monday 7 April 2025): a permanent worker from week 8 costs 18 of 26 weeks
// of 52,000 a year, an agency worker from the first day half of 40,000.
constexpr const char* kLeadFile = R"(name: leads
base_scenario: mmc.yaml
seed: 3
decisions:
  - field: team.additional_permanent_workers
    name: permanent
    values: [0, 1]
    start: {after_weeks: 8}
    cost_per_unit_per_year: 52000
  - field: team.additional_agency_workers
    name: agency
    values: [0, 1]
    cost_per_unit_per_year: 40000
targets:
  - {metric: cases_waited_share, mean_at_most: 1}
procedure: {initial_replications: 2, batch_replications: 2, max_replications: 2}
)";

TEST(PlanCost, TheSearchRanksPlansByTheirCostOverThePeriod) {
  const testing::TemporaryFolder folder;
  folder.write("mmc.yaml", testing::queue_scenario(1.0, 1.0, 30));
  const Optimisation o = load_optimisation(folder.write("leads.yaml", kLeadFile), catalogue());
  ASSERT_EQ(o.plans.size(), 4u);
  EXPECT_EQ(o.plans[2].name, "permanent=1,agency=0");
  EXPECT_DOUBLE_EQ(o.plans[2].cost_per_year, 52000.0);
  EXPECT_DOUBLE_EQ(o.plans[2].cost_over_period, 18000.0);
  EXPECT_DOUBLE_EQ(o.plans[1].cost_per_year, 40000.0);
  EXPECT_DOUBLE_EQ(o.plans[1].cost_over_period, 20000.0);
  EXPECT_DOUBLE_EQ(o.plans[3].cost_over_period, 38000.0);
  EXPECT_EQ(o.plans[2].overrides_yaml,
            "{team.additional_permanent_workers: 1, team.additional_permanent_start_after_weeks: 8, "
            "team.additional_agency_workers: 0}");
  // Dearer a year, cheaper over the period: the permanent worker is ranked first.
  const SearchResult r = run_optimisation(o, {3, 1, nullptr});
  const std::vector<std::size_t> expected{0, 2, 1, 3};
  EXPECT_EQ(r.selection.cost_order(), expected);
  EXPECT_EQ(plan_in_words(o, o.plans[3]),
            "Add one permanent worker starting 30 June 2025 (after 8 weeks) and bring in one agency worker from the "
            "first day");
  EXPECT_EQ(plan_in_words(o, o.plans[0]), "Change nothing");
  EXPECT_EQ(period_in_words(o.period), "26 weeks, 5 May to 2 November 2025");
}

// The plan's worker starts on 30 June 2025 (4 weeks of warm-up and 8 more);
// the base with that start written as a dated change by hand is the same team.
TEST(PlanCost, APlanWithALeadTimeIsTheScenarioWithTheDatedStartWrittenByHand) {
  const testing::TemporaryFolder folder;
  const std::string base = testing::queue_scenario(1.0, 1.0, 30);
  folder.write("mmc.yaml", base);
  const Optimisation o = load_optimisation(folder.write("leads.yaml", kLeadFile), catalogue());
  const scenario::Scenario by_hand = scenario::parse_scenario(
      {"by-hand.yaml", base + "timeline:\n  - {date: 2025-06-30, event: worker_starts, name: Extra}\n"});
  const model::ModelSetup plan(o.plans[2].scenario), hand(by_hand), without(o.plans[0].scenario);
  bool the_worker_matters = false;
  for (std::uint64_t replication = 0; replication < 5; ++replication) {
    const model::ReplicationResult a = model::run_replication(plan, 3, replication);
    EXPECT_TRUE(testing::same_bits(a.summary, model::run_replication(hand, 3, replication).summary));
    the_worker_matters =
        the_worker_matters || !testing::same_bits(a.summary, model::run_replication(without, 3, replication).summary);
  }
  EXPECT_TRUE(the_worker_matters);
}

}  // namespace
}  // namespace casesim::optimise
