// The constrained selection's decisions on made-up replication values, each
// worked out by hand: intervals, verdicts, dropping, stopping and the budget.
#include <cmath>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/constrained_selection.hpp"

namespace casesim::analysis {
namespace {

using Values = std::vector<std::vector<std::vector<double>>>;  // [plan][target][replication]

TEST(ClopperPearson, MatchesClosedFormsAtZeroAndAllEvents) {
  // No events in 10: the upper bound solves (1 - p)^10 = 0.025; all 10: p^10 = 0.025.
  const BinomialInterval none = clopper_pearson(0, 10, 0.95);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_NEAR(none.high, 1.0 - std::pow(0.025, 0.1), 1e-12);  // 0.3085
  const BinomialInterval all = clopper_pearson(10, 10, 0.95);
  EXPECT_NEAR(all.low, std::pow(0.025, 0.1), 1e-12);  // 0.6915
  EXPECT_EQ(all.high, 1.0);
}

TEST(ClopperPearson, MatchesPublishedValueForFiveInTen) {
  // The exact 95% interval for 5 of 10 is (0.1871, 0.8129), symmetric about 1/2.
  const BinomialInterval half = clopper_pearson(5, 10, 0.95);
  EXPECT_NEAR(half.low, 0.187086, 1e-6);
  EXPECT_NEAR(half.high, 1.0 - half.low, 1e-12);
  EXPECT_THROW(clopper_pearson(3, 2, 0.95), std::invalid_argument);
  EXPECT_THROW(clopper_pearson(0, 0, 0.95), std::invalid_argument);
}

TEST(SelectionSchedule, CountsLooksAndCapsTheLastOne) {
  const SelectionSchedule even{0.95, 20, 20, 200};
  EXPECT_EQ(even.looks(), 10u);  // 20, 40, ..., 200
  EXPECT_EQ(even.replications_at_look(0), 20u);
  EXPECT_EQ(even.replications_at_look(9), 200u);
  const SelectionSchedule uneven{0.95, 20, 30, 100};
  EXPECT_EQ(uneven.looks(), 4u);  // 20, 50, 80, 100
  EXPECT_EQ(uneven.replications_at_look(3), 100u);
  EXPECT_EQ((SelectionSchedule{0.95, 50, 10, 50}.looks()), 1u);
}

TEST(IntervalConfidence, SplitsTheErrorOverPlansTargetsAndLooks) {
  // 10 plans x 2 targets x 5 looks = 100 intervals share the 5%.
  EXPECT_NEAR(interval_confidence(0.95, 10, 2, 5), 0.9995, 1e-12);
  EXPECT_NEAR(interval_confidence(0.9, 1, 1, 1), 0.9, 1e-12);
}

TEST(JudgeTarget, MeanIntervalIsStudentTAndVerdictsFollowTheBound) {
  // 1..5: mean 3, sd sqrt(2.5), t(0.975, 4) = 2.776445: half-width 1.963243.
  const std::vector<double> values{1, 2, 3, 4, 5};
  const TargetEstimate e = judge_target({TargetKind::mean_at_most, 5.0, 0.0}, values, 0.95);
  EXPECT_EQ(e.n, 5u);
  EXPECT_DOUBLE_EQ(e.estimate, 3.0);
  EXPECT_NEAR(e.ci_low, 3.0 - 1.963243, 1e-5);
  EXPECT_NEAR(e.ci_high, 3.0 + 1.963243, 1e-5);
  EXPECT_EQ(e.verdict, Verdict::met);                                                                     // 4.963 <= 5
  EXPECT_EQ(judge_target({TargetKind::mean_at_most, 1.0, 0.0}, values, 0.95).verdict, Verdict::not_met);  // 1.037 > 1
  EXPECT_EQ(judge_target({TargetKind::mean_at_most, 3.0, 0.0}, values, 0.95).verdict, Verdict::undecided);
  EXPECT_EQ(judge_target({TargetKind::mean_at_least, 1.0, 0.0}, values, 0.95).verdict, Verdict::met);
  EXPECT_EQ(judge_target({TargetKind::mean_at_least, 5.0, 0.0}, values, 0.95).verdict, Verdict::not_met);  // 4.963 < 5
}

TEST(JudgeTarget, ProbabilityCountsReplicationsAboveTheThreshold) {
  // Values above 2 in 0 of 10 replications; NaN (unfinished) is left out.
  std::vector<double> values{0, 1, 2, 2, 1, 0, 1, 2, 0, 1, std::nan("")};
  const TargetEstimate e = judge_target({TargetKind::probability_above_at_most, 0.5, 2.0}, values, 0.95);
  EXPECT_EQ(e.n, 10u);
  EXPECT_EQ(e.estimate, 0.0);
  EXPECT_NEAR(e.ci_high, 0.3085, 1e-4);
  EXPECT_EQ(e.verdict, Verdict::met);
  EXPECT_EQ(judge_target({TargetKind::probability_above_at_most, 0.3, 2.0}, values, 0.95).verdict, Verdict::undecided);
  // Above 0 in 7 of 10: the interval's low end (0.348) is above 0.3.
  const TargetEstimate high = judge_target({TargetKind::probability_above_at_most, 0.3, 0.0}, values, 0.95);
  EXPECT_DOUBLE_EQ(high.estimate, 0.7);
  EXPECT_NEAR(high.ci_low, 0.347547, 1e-5);
  EXPECT_EQ(high.verdict, Verdict::not_met);
}

TEST(JudgeTarget, TooFewValuesLeaveAMeanUndecided) {
  const TargetEstimate e = judge_target({TargetKind::mean_at_most, 10.0, 0.0}, std::vector<double>{1.0}, 0.95);
  EXPECT_EQ(e.verdict, Verdict::undecided);
  EXPECT_TRUE(std::isnan(e.ci_low));
}

// NaN in a finished replication: the metric does not apply there (nothing to
// count). Left out of the mean and of the probability, and n says how many applied.
TEST(JudgeTarget, NotApplicableReplicationsAreLeftOutAndCounted) {
  const double na = std::nan("");
  const std::vector<double> shares{0.9, na, 0.8, 1.0, na};
  const TargetEstimate mean = judge_target({TargetKind::mean_at_least, 0.5, 0.0}, shares, 0.95);
  EXPECT_EQ(mean.n, 3u);
  EXPECT_DOUBLE_EQ(mean.estimate, 0.9);  // never (0.9 + 0.8 + 1.0) / 5
  const TargetEstimate above = judge_target({TargetKind::probability_above_at_most, 0.5, 0.85}, shares, 0.95);
  EXPECT_EQ(above.n, 3u);
  EXPECT_DOUBLE_EQ(above.estimate, 2.0 / 3.0);
  // Applying in no replication: nothing to judge, undecided, never met.
  const std::vector<double> none{na, na, na};
  for (const TargetKind kind :
       {TargetKind::mean_at_most, TargetKind::mean_at_least, TargetKind::probability_above_at_most}) {
    const TargetEstimate e = judge_target({kind, 0.5, 0.0}, none, 0.95);
    EXPECT_EQ(e.n, 0u);
    EXPECT_TRUE(std::isnan(e.estimate));
    EXPECT_EQ(e.verdict, Verdict::undecided);
  }
}

// n values alternating centre - spread and centre + spread: mean centre,
// sd about spread, so the interval narrows as 1/sqrt(n).
std::vector<double> alternating(double centre, double spread, std::size_t n) {
  std::vector<double> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(i % 2 == 0 ? centre - spread : centre + spread);
  return v;
}

TEST(ConstrainedSelection, DropsInfeasibleAndDearerPlansAndChoosesTheCheapestFeasible) {
  // Costs 300, 100, 200; target mean <= 0.5. Plan 1 (cheapest) is clearly
  // above, plans 2 and 0 clearly below: after one look plan 2 is the answer.
  ConstrainedSelection s({300, 100, 200}, {{TargetKind::mean_at_most, 0.5, 0.0}}, {0.95, 10, 10, 100});
  EXPECT_EQ(s.cost_order(), (std::vector<std::size_t>{1, 2, 0}));
  EXPECT_EQ(s.plans_to_run(), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(s.next_replications(), 10u);
  s.record_look(Values{{alternating(0.1, 0.01, 10)}, {alternating(0.9, 0.01, 10)}, {alternating(0.2, 0.01, 10)}});
  EXPECT_EQ(s.end(), SelectionEnd::chosen);
  EXPECT_EQ(s.chosen(), 2u);
  EXPECT_EQ(s.status(1), PlanStatus::infeasible);
  EXPECT_EQ(s.status(2), PlanStatus::feasible);
  EXPECT_EQ(s.status(0), PlanStatus::dearer);
  EXPECT_TRUE(s.plans_to_run().empty());
  EXPECT_EQ(s.looks_taken(), 1u);
}

TEST(ConstrainedSelection, SpendsFurtherReplicationsOnlyOnCheaperPlansInDoubt) {
  // Plan 0 (cost 1): mean 0.4 against a bound of 0.45, spread 0.1: undecided
  // at 10 replications (half-width about 0.07 at 99.9%), met by 40.
  // Plan 1 (cost 2): clearly met at once; it waits as the fallback.
  const SelectionSchedule schedule{0.95, 10, 10, 100};
  ConstrainedSelection s({1, 2}, {{TargetKind::mean_at_most, 0.45, 0.0}}, schedule);
  EXPECT_NEAR(s.interval_confidence(), 1 - 0.05 / (2 * 1 * 10), 1e-12);
  std::size_t looks = 0;
  while (s.end() == SelectionEnd::running) {
    const std::size_t n = s.next_replications();
    s.record_look(Values{{alternating(0.4, 0.1, n)}, {alternating(0.0, 0.01, n)}});
    ++looks;
    if (looks == 1) {
      EXPECT_EQ(s.status(0), PlanStatus::undecided);
      EXPECT_EQ(s.status(1), PlanStatus::feasible);
      EXPECT_EQ(s.plans_to_run(), (std::vector<std::size_t>{0}));
    }
  }
  EXPECT_EQ(s.end(), SelectionEnd::chosen);
  EXPECT_EQ(s.chosen(), 0u);
  EXPECT_EQ(s.status(1), PlanStatus::dearer);
  EXPECT_EQ(s.replications(1), 10u);  // never run again once shown feasible
  // Half-width t(0.99875, n-1) * 0.1 * sqrt(n/(n-1)) / sqrt(n) must fall to 0.05:
  // at n = 30 it is 0.0595, at n = 40 0.0507, at n = 50 0.0447.
  EXPECT_EQ(s.replications(0), 50u);
  EXPECT_EQ(looks, 5u);
}

TEST(ConstrainedSelection, ReportsTheBudgetSpentWhenACheaperPlanSitsOnTheBound) {
  // Plan 0's mean is exactly the bound: no number of replications decides it.
  ConstrainedSelection s({1, 2}, {{TargetKind::mean_at_most, 0.5, 0.0}}, {0.95, 4, 4, 12});
  while (s.end() == SelectionEnd::running) {
    const std::size_t n = s.next_replications();
    s.record_look(Values{{alternating(0.5, 0.1, n)}, {alternating(0.0, 0.01, n)}});
  }
  EXPECT_EQ(s.end(), SelectionEnd::budget_spent);
  EXPECT_EQ(s.looks_taken(), 3u);
  EXPECT_EQ(s.status(0), PlanStatus::undecided);
  EXPECT_EQ(s.replications(0), 12u);
  EXPECT_FALSE(s.chosen().has_value());
  EXPECT_EQ(s.cheapest_shown_feasible(), 1u);
}

TEST(ConstrainedSelection, APlanWhoseTargetNeverAppliesIsNeverChosenNorRuledOut) {
  // Plan 0 (cheapest): its metric applies in no replication; plan 1 clearly meets the target.
  ConstrainedSelection s({1, 2}, {{TargetKind::mean_at_most, 0.5, 0.0}}, {0.95, 4, 4, 12});
  while (s.end() == SelectionEnd::running) {
    const std::size_t n = s.next_replications();
    s.record_look(Values{{std::vector<double>(n, std::nan(""))}, {alternating(0.0, 0.01, n)}});
  }
  EXPECT_EQ(s.end(), SelectionEnd::budget_spent);
  EXPECT_EQ(s.status(0), PlanStatus::undecided);
  EXPECT_EQ(s.estimates(0)[0].n, 0u);
  EXPECT_FALSE(s.chosen().has_value());
  EXPECT_EQ(s.cheapest_shown_feasible(), 1u);
}

TEST(ConstrainedSelection, EndsWithNoneFeasibleWhenEveryPlanMisses) {
  // Two targets; each plan misses one of them clearly.
  ConstrainedSelection s({1, 2},
                         {{TargetKind::mean_at_most, 0.5, 0.0}, {TargetKind::probability_above_at_most, 0.1, 0.0}},
                         {0.95, 20, 20, 100});
  s.record_look(Values{{alternating(0.9, 0.01, 20), std::vector<double>(20, 0.0)},
                       {alternating(0.1, 0.01, 20), std::vector<double>(20, 1.0)}});
  EXPECT_EQ(s.end(), SelectionEnd::none_feasible);
  EXPECT_EQ(s.status(0), PlanStatus::infeasible);
  EXPECT_EQ(s.status(1), PlanStatus::infeasible);
  EXPECT_EQ(s.estimates(1)[1].verdict, Verdict::not_met);
  EXPECT_EQ(s.estimates(1)[0].verdict, Verdict::met);
}

TEST(ConstrainedSelection, AnEqualCostPlanInDoubtDoesNotHoldUpTheAnswer) {
  // Plans 0 and 1 cost the same; 0 is in doubt, 1 is feasible: 1 is the answer
  // (nothing of equal cost can be cheaper) and 0 is dropped as no cheaper.
  ConstrainedSelection s({5, 5}, {{TargetKind::mean_at_most, 0.5, 0.0}}, {0.95, 10, 10, 100});
  s.record_look(Values{{alternating(0.5, 0.1, 10)}, {alternating(0.0, 0.01, 10)}});
  EXPECT_EQ(s.end(), SelectionEnd::chosen);
  EXPECT_EQ(s.chosen(), 1u);
  EXPECT_EQ(s.status(0), PlanStatus::dearer);
}

TEST(ConstrainedSelection, RefusesSettingsWithoutAGuarantee) {
  const std::vector<SafetyTarget> one{{TargetKind::mean_at_most, 1.0, 0.0}};
  EXPECT_THROW(ConstrainedSelection({}, one, {}), std::invalid_argument);
  EXPECT_THROW(ConstrainedSelection({1}, {}, {}), std::invalid_argument);
  EXPECT_THROW(ConstrainedSelection({1}, one, {0.95, 1, 1, 10}), std::invalid_argument);
  EXPECT_THROW(ConstrainedSelection({1}, one, {0.95, 20, 0, 30}), std::invalid_argument);
  EXPECT_THROW(ConstrainedSelection({1}, one, {0.95, 20, 10, 10 - 1}), std::invalid_argument);
  EXPECT_THROW(ConstrainedSelection({1}, one, {1.0, 20, 10, 40}), std::invalid_argument);
  ConstrainedSelection s({1}, one, {0.95, 4, 4, 8});
  EXPECT_THROW(s.record_look(Values{{std::vector<double>(3, 0.0)}}), std::invalid_argument);  // 3, not 4
}

}  // namespace
}  // namespace casesim::analysis
