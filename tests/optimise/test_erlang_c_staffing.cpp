// The optimiser where the answer is known: in the M/M/c configuration the
// share of cases that wait for a worker estimates Erlang C's probability of
// waiting, so the cheapest staffing that keeps it under a target is the
// smallest c with ErlangC(c, a) <= target, computed exactly here. Each
// parameter set is chosen so that c and c - 1 are clearly on either side of
// the target; the optimiser must name exactly that c.
#include <cmath>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/model/metrics.hpp"
#include "engine/optimise/load_optimisation.hpp"
#include "engine/optimise/run_optimisation.hpp"
#include "tests/optimise/optimise_files.hpp"
#include "tests/support/erlang_c.hpp"

namespace casesim {
namespace {

using testing::erlang_c;

TEST(ErlangC, MatchesHandWorkedValues) {
  EXPECT_NEAR(erlang_c(1, 0.5), 0.5, 1e-12);        // M/M/1: P(wait) = rho
  EXPECT_NEAR(erlang_c(2, 1.0), 1.0 / 3.0, 1e-12);  // P0 = 1/3, C = (1/2 * 2) * 1/3
}

// The smallest c (more than a, so the queue is stable) with ErlangC(c, a) <= target.
int smallest_servers(double a, double target) {
  int c = static_cast<int>(std::floor(a)) + 1;
  while (erlang_c(c, a) > target) ++c;
  return c;
}

struct StaffingCase {
  double arrivals_per_working_day;
  double mean_duration_working_days;
  double target_wait_probability;
};

class CheapestStaffingIsErlangC : public ::testing::TestWithParam<StaffingCase> {};

TEST_P(CheapestStaffingIsErlangC, OptimiserNamesTheSmallestSufficientTeam) {
  const StaffingCase q = GetParam();
  const double a = q.arrivals_per_working_day * q.mean_duration_working_days;
  const int c = smallest_servers(a, q.target_wait_probability);
  // The margin that makes the answer decidable in few replications.
  ASSERT_LE(erlang_c(c, a), 0.7 * q.target_wait_probability) << "c = " << c;
  ASSERT_GE(erlang_c(c - 1, a), 1.4 * q.target_wait_probability) << "c - 1 = " << c - 1;

  const testing::TemporaryFolder folder;
  folder.write("mmc.yaml", testing::queue_scenario(q.arrivals_per_working_day, q.mean_duration_working_days, 30));
  // c = 1 listed worker + k additional ones, k = 0..7; each costs the same, so
  // the cheapest plan is the fewest workers.
  const std::string path = folder.write("staffing.yaml", fmt::format(R"(name: erlang
base_scenario: mmc.yaml
seed: 20251123
decisions:
  - field: team.additional_permanent_workers
    name: added
    values: {{from: 0, to: 7, step: 1}}
    cost_per_unit_per_year: 50000
targets:
  - metric: cases_waited_share
    mean_at_most: {}
procedure: {{confidence: 0.95, initial_replications: 10, batch_replications: 10, max_replications: 200}}
)",
                                                                     q.target_wait_probability));
  const optimise::Optimisation o = optimise::load_optimisation(path, model::metric_names());
  ASSERT_EQ(o.plans.size(), 8u);
  const optimise::SearchResult result = optimise::run_optimisation(o, {o.seed, 2, nullptr});
  ASSERT_EQ(result.selection.end(), analysis::SelectionEnd::chosen)
      << "a = " << a << ", target " << q.target_wait_probability;
  const std::size_t chosen = *result.selection.chosen();
  EXPECT_EQ(o.plans[chosen].name, fmt::format("added={}", c - 1)) << "Erlang C says c = " << c;
  EXPECT_DOUBLE_EQ(o.plans[chosen].cost_per_year, 50000.0 * (c - 1));
  // Every smaller team was shown to miss the target, every larger one dropped unrun past what was needed.
  for (int k = 0; k < c - 1; ++k)
    EXPECT_EQ(result.selection.status(static_cast<std::size_t>(k)), analysis::PlanStatus::infeasible);
  for (int k = c; k < 8; ++k)
    EXPECT_EQ(result.selection.status(static_cast<std::size_t>(k)), analysis::PlanStatus::dearer);
  // The estimate is Erlang C's within the (simultaneous) interval.
  const analysis::TargetEstimate& e = result.selection.estimates(chosen)[0];
  EXPECT_LE(e.ci_low, erlang_c(c, a));
  EXPECT_GE(e.ci_high, erlang_c(c, a));
}

INSTANTIATE_TEST_SUITE_P(Parameters, CheapestStaffingIsErlangC,
                         ::testing::Values(StaffingCase{1.0, 1.0, 0.2},     // a = 1: C(2) 0.333, C(3) 0.091 -> c = 3
                                           StaffingCase{2.0, 1.0, 0.1},     // a = 2: C(4) 0.174, C(5) 0.060 -> c = 5
                                           StaffingCase{1.5, 2.0, 0.16}));  // a = 3: C(5) 0.236, C(6) 0.099 -> c = 6

}  // namespace
}  // namespace casesim
