// The statutory actions table and the caseload cap in force: the rows the
// model loops over say what the scenario says.
#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/model/caseload_cap.hpp"
#include "engine/model/statutory_actions.hpp"

namespace casesim::model {
namespace {

using Unit = Interval::Unit;

scenario::PathwaySettings pathways() {
  scenario::PathwaySettings p;
  p.assessment.hours = 12.0;
  p.assessment.visit_hours = 2.0;
  p.assessment.standard_working_days = 45;
  p.assessment.visit_within_working_days = 5;
  p.section_47.icpc_standard_working_days = 15;
  p.section_47.icpc_hours = 6.0;
  p.section_47.visit_within_working_days = 0;  // the same day
  p.cp_plan.visits = {10, 1.5};
  p.cp_plan.first_core_group_working_days = 10;
  p.cp_plan.core_group_interval_working_days = 0;  // switched off after the first
  p.cp_plan.first_review_months = 3;
  p.cp_plan.review_interval_months = 6;
  p.cp_plan.review_hours = 4.0;
  p.cin_plan.visits = {20, 1.25};
  p.cin_plan.review_interval_working_days = 0;  // no reviews
  p.cin_plan.review_hours = 3.0;
  p.looked_after.first_visit_working_days = 5;
  p.looked_after.visit_interval_first_year_working_days = 30;
  p.looked_after.visit_interval_later_working_days = 60;
  p.looked_after.visit_hours = 2.5;
  return p;
}

void expect_interval(const Interval& i, Unit unit, int count, int after_first_year = 0) {
  EXPECT_EQ(i.unit, unit);
  EXPECT_EQ(i.count, count);
  EXPECT_EQ(i.count_after_first_year, after_first_year);
}

TEST(StatutoryStandards, EachStageOwesItsOwnActionsAtItsOwnIntervals) {
  const StatutoryStandards s(pathways());
  // The assessment's deadline runs from the referral; its one visit within 5 working days.
  expect_interval(s.of(Stage::assessment, Action::assessment).first, Unit::working_days, 45);
  EXPECT_EQ(s.of(Stage::assessment, Action::assessment).hours, 12.0);
  expect_interval(s.of(Stage::assessment, Action::visit).first, Unit::working_days, 5);
  expect_interval(s.of(Stage::assessment, Action::visit).next, Unit::none, 0);
  // A deadline of 0 working days is the same day, not "off".
  expect_interval(s.of(Stage::section_47, Action::visit).first, Unit::working_days, 0);
  expect_interval(s.of(Stage::section_47, Action::visit).next, Unit::working_days, 10);
  expect_interval(s.of(Stage::section_47, Action::icpc).first, Unit::working_days, 15);
  EXPECT_EQ(s.of(Stage::section_47, Action::icpc).hours, 6.0);
  // A child protection plan: reviews in months, core groups off after the first.
  expect_interval(s.of(Stage::cp_plan, Action::review).first, Unit::months, 3);
  expect_interval(s.of(Stage::cp_plan, Action::review).next, Unit::months, 6);
  expect_interval(s.of(Stage::cp_plan, Action::core_group).first, Unit::working_days, 10);
  expect_interval(s.of(Stage::cp_plan, Action::core_group).next, Unit::none, 0);
  EXPECT_EQ(s.of(Stage::cp_plan, Action::visit).hours, 1.5);
  // A local interval of 0 switches the action off.
  expect_interval(s.of(Stage::cin_plan, Action::review).first, Unit::none, 0);
  EXPECT_EQ(s.of(Stage::cin_plan, Action::visit).hours, 1.25);
  // Regulation 28: one interval in the placement's first year, another after.
  expect_interval(s.of(Stage::looked_after, Action::visit).next, Unit::by_placement_year, 30, 60);
  // Actions a stage never owes have no standard.
  for (const Stage stage : {Stage::cin_plan, Stage::looked_after, Stage::assessment})
    expect_interval(s.of(stage, Action::core_group).first, Unit::none, 0);
  expect_interval(s.of(Stage::looked_after, Action::icpc).first, Unit::none, 0);
}

TEST(StatutoryActions, EveryActionRecordedByItsDueDateHasItsOwnMetrics) {
  std::set<Metric> metrics;
  std::set<std::string_view> names;
  for (const Action a : kActions) {
    const ActionKind& kind = kind_of(a);
    EXPECT_TRUE(names.insert(kind.name).second) << kind.name;
    if (!kind.recorded_by_due_date) continue;
    EXPECT_TRUE(metrics.insert(kind.due_metric).second) << kind.name;
    EXPECT_TRUE(metrics.insert(kind.late_metric).second) << kind.name;
  }
  EXPECT_EQ(kind_of(Action::visit).due_metric, Metric::visits_due);
  EXPECT_EQ(kind_of(Action::visit).late_metric, Metric::visits_overdue);
  // Only the assessment is worked on over days rather than planned.
  EXPECT_TRUE(kind_of(Action::assessment).split_over_days);
  EXPECT_FALSE(kind_of(Action::assessment).planned);
  for (const Action a : {Action::visit, Action::icpc, Action::core_group, Action::review})
    EXPECT_TRUE(kind_of(a).planned && !kind_of(a).split_over_days);
}

TEST(StatutoryActions, TheMasksAnswerAsTheActionsRowsDo) {
  for (const Action a : kActions) {
    EXPECT_EQ(is_planned(a), kind_of(a).planned) << kind_of(a).name;
    EXPECT_EQ(is_split_over_days(a), kind_of(a).split_over_days) << kind_of(a).name;
  }
}

TEST(StatutoryClocks, OnlyOwedActionsAreVisitedInActionOrderAndAStoppedClockKeepsItsDate) {
  StatutoryClocks clocks;
  EXPECT_FALSE(clocks.any_owed());
  clocks.start(Action::review, 30);
  clocks.start(Action::visit, 12);
  clocks.start(Action::icpc, 20);
  clocks.stop(Action::icpc);
  std::vector<std::pair<Action, kernel::Day>> seen;
  clocks.for_each_owed([&](Action a, kernel::Day due) { seen.emplace_back(a, due); });
  EXPECT_EQ(seen, (std::vector<std::pair<Action, kernel::Day>>{{Action::visit, 12}, {Action::review, 30}}));
  EXPECT_FALSE(clocks.owed(Action::icpc));
  EXPECT_EQ(clocks.due(Action::icpc), 20);
  clocks.move(Action::icpc, 25);  // a stopped clock stays stopped when moved
  EXPECT_FALSE(clocks.owed(Action::icpc));
  clocks.move(Action::visit, 14);
  EXPECT_TRUE(clocks.owed(Action::visit));
  EXPECT_EQ(clocks.due(Action::visit), 14);
  EXPECT_EQ(clocks.earliest_planned_due(), 14);
  clocks.start(Action::assessment, 3);  // worked on from the decision, not planned
  EXPECT_TRUE(clocks.owes_unplanned());
  EXPECT_EQ(clocks.earliest_planned_due(), 14);
  EXPECT_EQ(clocks.earliest_due(), 3);
  clocks.stop(Action::visit);
  EXPECT_EQ(clocks.earliest_planned_due(), 30);
  clocks.stop_all();
  EXPECT_FALSE(clocks.any_owed());
  EXPECT_FALSE(clocks.owes_unplanned());
  EXPECT_EQ(clocks.earliest_planned_due(), std::numeric_limits<kernel::Day>::max());
  EXPECT_EQ(clocks.due(Action::review), 30);
}

// The earliest dates as a walk over every clock finds them, from what the
// clocks answer one by one.
void expect_earliest_dates_as_walked(const StatutoryClocks& clocks, std::uint32_t seed, int step) {
  constexpr kernel::Day kNoDate = std::numeric_limits<kernel::Day>::max();
  kernel::Day due = kNoDate, planned_due = kNoDate, booked = StatutoryClocks::kNotBooked;
  for (const Action a : kActions) {
    if (!clocks.owed(a)) continue;
    due = std::min(due, clocks.due(a));
    if (kind_of(a).planned) planned_due = std::min(planned_due, clocks.due(a));
    booked = std::min(booked, clocks.booked(a));
  }
  ASSERT_EQ(clocks.earliest_due(), due) << "seed " << seed << " step " << step;
  ASSERT_EQ(clocks.earliest_planned_due(), planned_due) << "seed " << seed << " step " << step;
  ASSERT_EQ(clocks.earliest_booked(), booked) << "seed " << seed << " step " << step;
  ASSERT_EQ(clocks.any_booked(), booked != StatutoryClocks::kNotBooked) << "seed " << seed << " step " << step;
}

// Restarting a running clock walks the others only when its old date or
// booking may have set an earliest date: an earlier and a later date, the
// clock alone or beside others, the earliest or not.
TEST(StatutoryClocks, RestartingARunningClockKeepsTheEarliestDates) {
  StatutoryClocks clocks;
  clocks.start(Action::visit, 10);
  clocks.start(Action::visit, 20);  // alone, later
  EXPECT_EQ(clocks.earliest_due(), 20);
  EXPECT_EQ(clocks.earliest_planned_due(), 20);
  clocks.start(Action::visit, 15);  // alone, earlier
  EXPECT_EQ(clocks.earliest_planned_due(), 15);
  clocks.start(Action::review, 30);
  clocks.start(Action::visit, 40);  // was the earliest, now after the review
  EXPECT_EQ(clocks.earliest_planned_due(), 30);
  EXPECT_EQ(clocks.earliest_due(), 30);
  clocks.start(Action::visit, 50);  // not the earliest: the review stays
  EXPECT_EQ(clocks.earliest_planned_due(), 30);
  clocks.start(Action::visit, 25);  // not the earliest, now it
  EXPECT_EQ(clocks.earliest_planned_due(), 25);
  clocks.start(Action::assessment, 5);  // unplanned: only the earliest due
  clocks.start(Action::assessment, 60);
  EXPECT_EQ(clocks.earliest_due(), 25);
  EXPECT_EQ(clocks.earliest_planned_due(), 25);
  clocks.book(Action::review, 28);
  clocks.start(Action::review, 35);  // its booking cleared
  EXPECT_FALSE(clocks.any_booked());
  EXPECT_EQ(clocks.earliest_booked(), StatutoryClocks::kNotBooked);
  clocks.stop(Action::review);
  clocks.stop(Action::assessment);
  clocks.book(Action::visit, 24);
  clocks.start(Action::visit, 27);  // alone and booked
  EXPECT_FALSE(clocks.any_booked());
  EXPECT_EQ(clocks.earliest_due(), 27);
  clocks.stop(Action::visit);
  clocks.start(Action::assessment, 8);
  clocks.start(Action::assessment, 9);  // alone and unplanned
  EXPECT_EQ(clocks.earliest_due(), 9);
  EXPECT_EQ(clocks.earliest_planned_due(), std::numeric_limits<kernel::Day>::max());
}

// start keeps the earliest dates up to date without walking the clocks, for
// a clock running or stopped: after any sequence of changes (a stopped clock
// booked before it starts included) they must answer what a walk over every
// clock answers.
TEST(StatutoryClocks, AfterAnyChangesTheEarliestDatesAreAWalksOverEveryClock) {
  for (std::uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    auto draw = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    StatutoryClocks clocks;
    for (int step = 0; step < 40; ++step) {
      const auto a = static_cast<Action>(draw(0, static_cast<int>(kActionCount) - 1));
      const kernel::Day day = draw(0, 50);
      switch (draw(0, 4)) {
        case 0:
        case 1: clocks.start(a, day); break;
        case 2: clocks.stop(a); break;
        case 3: clocks.book(a, day); break;
        default:
          if (draw(0, 3) == 0)
            clocks.stop_all();
          else
            clocks.move(a, day);
      }
      expect_earliest_dates_as_walked(clocks, seed, step);
    }
  }
}

scenario::Scenario capped(double cases, bool weighted) {
  scenario::Scenario s;
  s.policy.caseload_cap = {scenario::CaseloadCap::Basis::per_fte, cases, scenario::CaseloadCap::Kind::hard, weighted};
  s.workforce.newly_qualified_cap_share = 0.8;
  s.pathways.assessment.weight = 1.0;
  s.pathways.cp_plan.weight = 2.0;
  s.pathways.cin_plan.weight = 1.5;
  s.pathways.looked_after.weight = 1.25;
  return s;
}

TEST(CaseloadCapInForce, NewlyQualifiedWorkersHaveAProtectedShareInTheirFirstYear) {
  const CaseloadCapInForce cap(capped(18, false));
  EXPECT_EQ(cap.for_worker(1.0, false), 18);
  EXPECT_EQ(cap.for_worker(1.0, true), 14);  // 14.4
  EXPECT_EQ(cap.for_worker(0.5, true), 7);   // 9 * 0.8 = 7.2
}

TEST(CaseloadCapInForce, WeightsCountOnlyUnderAWeightedCap) {
  const CaseloadCapInForce plain(capped(18, false));
  const CaseloadCapInForce weighted(capped(18, true));
  for (const Stage stage : {Stage::assessment, Stage::section_47, Stage::cp_plan, Stage::cin_plan, Stage::looked_after})
    EXPECT_EQ(plain.weight(stage), 1.0);
  EXPECT_EQ(weighted.weight(Stage::section_47), 1.0);  // an enquiry counts as the assessment it came from
  EXPECT_EQ(weighted.weight(Stage::cp_plan), 2.0);
  EXPECT_EQ(weighted.weight(Stage::cin_plan), 1.5);
  EXPECT_EQ(weighted.weight(Stage::looked_after), 1.25);
}

TEST(CaseloadCapInForce, RoomUnderAHardCapGrowsWithTheEscalationAllowanceAndMovesWithDatedChanges) {
  CaseloadCapInForce cap(capped(18, true));
  EXPECT_TRUE(cap.has_room(16.0, 2.0, 1.0, false));
  EXPECT_FALSE(cap.has_room(16.5, 2.0, 1.0, false));
  cap.allow_over_cap(1.0);
  EXPECT_TRUE(cap.has_room(16.5, 2.0, 1.0, false));
  EXPECT_EQ(cap.over_cap_allowance(), 1.0);
  cap.allow_over_cap(0.0);
  cap.change_cases(15);
  EXPECT_FALSE(cap.has_room(14.0, 2.0, 1.0, false));
  EXPECT_EQ(cap.for_worker(1.0, false), 15);

  scenario::Scenario soft = capped(18, false);
  soft.policy.caseload_cap.kind = scenario::CaseloadCap::Kind::soft;
  EXPECT_TRUE(CaseloadCapInForce(soft).has_room(40.0, 1.0, 1.0, false));
}

}  // namespace
}  // namespace casesim::model
