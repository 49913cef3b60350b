// The allocation queue against queueing theory. With a cap of `cap` cases per
// worker, exponential case durations and no other work, the wait for
// allocation is the wait in an M/M/c queue with c = workers * cap: its mean is
// given by the Erlang C formula, and Little's law links waits to queue length.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/statistics.hpp"
#include "engine/model/replication.hpp"
#include "engine/runner/run_replications.hpp"
#include "tests/support/erlang_c.hpp"
#include "tests/support/test_scenarios.hpp"

namespace casesim {
namespace {

using model::Metric;

using testing::erlang_c;

double erlang_c_mean_wait(int c, double lambda, double mu) {
  return erlang_c(c, lambda / mu) / (c * mu - lambda);
}

TEST(ErlangC, MatchesHandWorkedValues) {
  // M/M/1 with rho = 0.5: P(wait) = rho, Wq = rho / (mu - lambda) = 1.
  EXPECT_NEAR(erlang_c(1, 0.5), 0.5, 1e-12);
  EXPECT_NEAR(erlang_c_mean_wait(1, 0.5, 1.0), 1.0, 1e-12);
  // c = 2, a = 1: P0 = 1/3, C = (a^2/2! * 2/(2-1)) * P0 = 1/3.
  EXPECT_NEAR(erlang_c(2, 1.0), 1.0 / 3.0, 1e-12);
}

struct QueueCase {
  int workers;
  int cap;
  double lambda;         // referrals per working day
  double mean_duration;  // working days
};

class AllocationQueueIsMMc : public ::testing::TestWithParam<QueueCase> {};

std::vector<double> metric_values(const std::vector<model::ReplicationResult>& results, Metric m) {
  std::vector<double> v;
  for (const auto& r : results) v.push_back(r.metric(m));
  return v;
}

TEST_P(AllocationQueueIsMMc, MeanWaitMatchesErlangCAndLittlesLawHolds) {
  const QueueCase q = GetParam();
  const int c = q.workers * q.cap;
  const double mu = 1.0 / q.mean_duration;
  const double theory_wait = erlang_c_mean_wait(c, q.lambda, mu);

  const model::ModelSetup setup(testing::queue_only_scenario(q.workers, q.cap, q.lambda, q.mean_duration, 260, 8));
  runner::RunPlan plan;
  plan.seed = 20251123;
  plan.replications = 40;
  const auto results = runner::run_replications(setup, plan);

  const auto wait = analysis::summarise(metric_values(results, Metric::unallocated_wait_mean));
  const double se = wait.sd / std::sqrt(static_cast<double>(wait.n));
  EXPECT_LT(std::fabs(wait.mean - theory_wait), 4 * se)
      << "c=" << c << " lambda=" << q.lambda << " mu=" << mu << ": simulated " << wait.mean << " +/- " << se
      << ", Erlang C " << theory_wait;

  // Mean busy servers (the caseload) is the offered load a = lambda / mu.
  const auto caseload = analysis::summarise(metric_values(results, Metric::caseload_mean));
  EXPECT_LT(std::fabs(caseload.mean - q.lambda * q.mean_duration), 4 * caseload.sd / std::sqrt(double(caseload.n)));

  // Little's law: mean queue length = accepted rate * mean wait. Per replication
  // the two differ only by the waits cut by the window's edges, so their paired
  // difference averages to zero within its standard error.
  const double window_working_days =
      setup.calendar().working_time_at(setup.horizon_days()) - setup.calendar().working_time_at(setup.warm_up_days());
  std::vector<double> differences;
  for (const auto& r : results) {
    const double rate = r.metric(Metric::cases_allocated) / window_working_days;
    differences.push_back(r.metric(Metric::unallocated_queue_mean) - rate * r.metric(Metric::unallocated_wait_mean));
  }
  const auto little = analysis::summarise(differences);
  EXPECT_LT(std::fabs(little.mean), 4 * little.sd / std::sqrt(static_cast<double>(little.n)) + 1e-9)
      << "queue length minus rate x wait: " << little.mean << " (sd " << little.sd << ")";
}

INSTANTIATE_TEST_SUITE_P(Parameters, AllocationQueueIsMMc,
                         ::testing::Values(QueueCase{1, 1, 0.5, 1.0},    // M/M/1, rho 0.5
                                           QueueCase{3, 1, 2.4, 1.0},    // c = 3, rho 0.8
                                           QueueCase{5, 1, 4.0, 1.0},    // c = 5, rho 0.8
                                           QueueCase{2, 3, 5.0, 1.0},    // cap 3 per worker: c = 6, rho 0.83
                                           QueueCase{4, 2, 1.4, 5.0}));  // long cases: c = 8, rho 0.875

}  // namespace
}  // namespace casesim
