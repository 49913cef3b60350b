// The direction of effects, with common random numbers: every safety measure
// counts every child the service owes something to, allocated or waiting, so
// fewer workers never look safer, and a policy that leaves children waiting
// in a queue never looks safer than one that allocates them.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/paired.hpp"
#include "analysis/statistics.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim {
namespace {

using model::Metric;

constexpr std::size_t kReplications = 100;

std::vector<model::ReplicationResult> run(const std::vector<scenario::Override>& overrides,
                                          std::size_t replications = kReplications) {
  const scenario::ScenarioSource source = scenario::read_scenario_source("scenarios/baseline.yaml");
  const model::ModelSetup setup(scenario::parse_scenario(source, overrides));
  runner::RunPlan plan;
  plan.seed = setup.scenario().run.seed;
  plan.replications = replications;
  return runner::run_replications(setup, plan);
}

scenario::Override set(const std::string& path, const std::string& value) {
  return {path, value, "test", 0};
}

std::vector<double> values(const std::vector<model::ReplicationResult>& results, Metric m) {
  std::vector<double> out;
  for (const auto& r : results) out.push_back(r.metric(m));
  return out;
}

std::string name(Metric m) {
  return std::string(model::definition(m).name);
}

// The headline safety measures: each counts missed or late statutory work for
// every child owed it. (The late conferences, core groups and reviews are
// left out here: they count only the children who reach that stage, and with
// fewer workers fewer do; the children held back are in the late assessments
// and the risk exposure.)
const std::vector<Metric> kSafetyMeasures = {Metric::children_past_visit_standard,
                                             Metric::visits_overdue,
                                             Metric::risk_exposure_child_days,
                                             Metric::cases_stored,
                                             Metric::assessments_late,
                                             Metric::unallocated_at_end};

double mean(const std::vector<model::ReplicationResult>& results, Metric m) {
  return analysis::summarise(values(results, m)).mean;
}

// The team as in the baseline, less its last `fewer` listed workers.
std::vector<scenario::Override> fewer_workers(int fewer) {
  const scenario::Scenario base = scenario::load_scenario("scenarios/baseline.yaml");
  std::string list = "[";
  const std::size_t keep = base.team.social_workers.size() - static_cast<std::size_t>(fewer);
  for (std::size_t i = 0; i < keep; ++i) {
    const auto& w = base.team.social_workers[i];
    list += (i ? ", " : "") + std::string("{name: ") + w.name + ", fte: " + std::to_string(w.fte) +
            ", agency: " + (w.agency ? "true" : "false") +
            ", newly_qualified: " + (w.newly_qualified ? "true" : "false") + "}";
  }
  return {set("team.social_workers", list + "]")};
}

TEST(Direction, RemovingWorkersNeverMakesTheSafetyMeasuresBetter) {
  const auto base = run({});
  for (const int fewer : {1, 3}) {
    const auto smaller = run(fewer_workers(fewer));
    for (const Metric m : kSafetyMeasures) {
      // Paired, replication by replication: "better" would be a difference
      // whose whole 95% interval lies below 0.
      const analysis::Summary d = analysis::paired_difference(values(smaller, m), values(base, m));
      EXPECT_GE(d.ci_high, 0.0) << fewer << " fewer workers: " << name(m) << " fell by " << -d.mean << " (CI "
                                << d.ci_low << " to " << d.ci_high << ")";
    }
  }
}

TEST(Direction, ATeamThatCannotAllocateMissesSeveralTimesTheBaselinesVisits) {
  // One worker facing the baseline's demand: nearly every child waits, and
  // their statutory clocks run all the same. A child waiting for an
  // assessment owes one visit (within 5 working days of the decision); the
  // days past it are risk exposure.
  const auto base = run({});
  const auto alone = run({set("team.social_workers", "[{name: SW01, fte: 1.0}]")});
  const double late_share_base = mean(base, Metric::visits_overdue) / mean(base, Metric::visits_due);
  const double late_share_alone = mean(alone, Metric::visits_overdue) / mean(alone, Metric::visits_due);
  EXPECT_GT(late_share_alone, 3.0 * late_share_base)
      << "share of visits late: " << late_share_alone << " against " << late_share_base;
  for (const Metric m : {Metric::risk_exposure_child_days, Metric::assessments_late, Metric::cases_stored}) {
    EXPECT_GT(mean(alone, m), 3.0 * mean(base, m))
        << name(m) << ": one worker " << mean(alone, m) << ", baseline " << mean(base, m);
  }
  for (const Metric m : {Metric::visits_overdue, Metric::children_past_visit_standard}) {
    const analysis::Summary d = analysis::paired_difference(values(alone, m), values(base, m));
    EXPECT_GT(d.ci_low, 0.0) << name(m) << ": one worker minus baseline " << d.mean;
  }
  EXPECT_GT(mean(alone, Metric::unallocated_at_end), 100.0);
}

TEST(Direction, LeavingChildrenInAQueueNeverLooksSaferThanAllocatingThem) {
  // A lower cap without more staff leaves children waiting. With nobody
  // covering waiting children, every visit they are owed is missed, and the
  // measures must show it: the lower cap must not look safer.
  const std::vector<scenario::Override> nobody_covers = {set("policy.unallocated_cover", "none")};
  auto capped = nobody_covers;
  capped.push_back(set("policy.caseload_cap.cases", "15"));
  const auto at_22 = run(nobody_covers);
  const auto at_15 = run(capped);
  for (const Metric m : kSafetyMeasures) {
    // Paired: the lower cap is never better beyond chance ...
    const analysis::Summary d = analysis::paired_difference(values(at_15, m), values(at_22, m));
    EXPECT_GE(d.ci_high, 0.0) << name(m) << ": cap 15 minus cap 22 = " << d.mean << " (CI " << d.ci_low << " to "
                              << d.ci_high << ")";
  }
  // ... and the children it leaves waiting are plainly worse off.
  for (const Metric m :
       {Metric::children_past_visit_standard, Metric::risk_exposure_child_days, Metric::unallocated_at_end}) {
    const analysis::Summary d = analysis::paired_difference(values(at_15, m), values(at_22, m));
    EXPECT_GT(d.ci_low, 0.0) << name(m) << ": cap 15 minus cap 22 = " << d.mean;
  }
}

TEST(Direction, SicknessRaisesTurnover) {
  // Sickness raises the chance of leaving (workforce.turnover.sickness_multiplier):
  // three times the sickness must mean more leavers. A team of eight has
  // few leavers a year, so the difference needs more replications than the
  // other directions to show.
  const auto base = run({}, 3 * kReplications);
  const auto sick = run({set("workforce.sickness.episodes_per_fte_year", "6")}, 3 * kReplications);
  const analysis::Summary d =
      analysis::paired_difference(values(sick, Metric::turnover_rate), values(base, Metric::turnover_rate));
  EXPECT_GT(d.ci_low, 0.0) << "turnover: +" << d.mean << " (CI " << d.ci_low << " to " << d.ci_high << ")";
}

TEST(Direction, SwitchingSupervisionOffIsExplicitAndNoSupervisionMeansDrift) {
  // Modelled with an interval of 0, no session is ever held and due work
  // drifts more than with the baseline's monthly supervision.
  const auto base = run({});
  const auto never = run({set("supervision.interval_weeks", "0")});
  const analysis::Summary d =
      analysis::paired_difference(values(never, Metric::drifted_actions), values(base, Metric::drifted_actions));
  EXPECT_GT(d.ci_low, 0.0) << "drift: +" << d.mean;
  // Not modelled: no sessions and no drift at all.
  const auto off = run({set("supervision.modelled", "false")});
  EXPECT_EQ(analysis::summarise(values(off, Metric::drifted_actions)).mean, 0.0);
  EXPECT_EQ(analysis::summarise(values(off, Metric::supervision_due)).mean, 0.0);
}

}  // namespace
}  // namespace casesim
