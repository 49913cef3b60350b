#include "engine/optimise/plan_cost.hpp"

#include <algorithm>
#include <chrono>

#include "engine/kernel/random_streams.hpp"
#include "engine/model/duration_sampler.hpp"

namespace casesim::optimise {

namespace {

// Enough draws that the expectation's Monte Carlo error is a small fraction
// of a week for the lags the scenarios use; fixed, so a plan's cost is the
// same number in every run.
constexpr int kLagDraws = 20000;
constexpr std::uint64_t kLagDrawSeed = 0x6c61672d636f7374;  // "lag-cost"

double weeks_between(std::chrono::sys_days from, std::chrono::sys_days to) {
  return to > from ? static_cast<double>((to - from).count()) / 7.0 : 0.0;
}

}  // namespace

Period counted_period(const scenario::Scenario& scenario) {
  using namespace std::chrono;
  const sys_days start(scenario.run.start_date);
  Period period;
  period.first_day = kernel::Date(start + days(7 * scenario.run.warm_up_weeks));
  period.end = kernel::Date(start + days(7 * scenario.run.horizon_weeks));
  period.weeks = static_cast<double>(scenario.run.horizon_weeks - scenario.run.warm_up_weeks);
  return period;
}

double expected_filled_weeks(const scenario::DurationDistribution& lag_weeks, double period_weeks) {
  model::DurationSampler lag(lag_weeks);
  kernel::StreamEngine engine = kernel::make_stream(kLagDrawSeed, 0, 0);
  double sum = 0.0;
  for (int i = 0; i < kLagDraws; ++i) sum += std::max(0.0, period_weeks - lag(engine));
  return sum / kLagDraws;
}

double retained_worker_weeks(const std::vector<scenario::TimelineEvent>& timeline, int workers, kernel::Date until,
                             const Period& period) {
  using Kind = scenario::TimelineEvent::Kind;
  using std::chrono::sys_days;
  const sys_days first(period.first_day), end(period.end);
  const sys_days kept_to = std::min(sys_days(until), end);
  double weeks = 0.0;
  // The timeline is in date order, as the model applies it.
  for (const scenario::TimelineEvent& e : timeline) {
    if (workers == 0) break;
    if (e.kind != Kind::worker_leaves && e.kind != Kind::agency_workers_leave) continue;
    // The model keeps a leaver only when the date kept to is after the leaving.
    if (sys_days(until) <= sys_days(e.date)) continue;
    const int kept = std::min(workers, e.kind == Kind::worker_leaves ? 1 : e.count);
    workers -= kept;
    weeks += kept * weeks_between(std::max(sys_days(e.date), first), kept_to);
  }
  return weeks;
}

double option_cost_over_period(const Decision& decision, const DecisionValue& value,
                               const scenario::Scenario& scenario) {
  const Period period = counted_period(scenario);
  if (decision.is_retention())
    return value.retain_until
               ? decision.cost_per_worker_per_week *
                     retained_worker_weeks(scenario.timeline, decision.retain_leavers, *value.retain_until, period)
               : 0.0;
  switch (decision.start.kind) {
    case Start::Kind::first_day: break;
    case Start::Kind::after_weeks:
      return value.cost_per_year * std::max(0.0, period.weeks - decision.start.weeks) / kWeeksPerYear;
    case Start::Kind::recruitment:
      return value.cost_per_year == 0.0
                 ? 0.0
                 : value.cost_per_year *
                       expected_filled_weeks(scenario.workforce.turnover.recruitment_lag_weeks, period.weeks) /
                       kWeeksPerYear;
  }
  return value.cost_per_year * period.weeks / kWeeksPerYear;
}

void price_plans(Optimisation& o) {
  for (Plan& plan : o.plans) {
    // Options paid for the whole period are summed first and scaled once, so
    // plans without dated options keep exactly the order of their yearly
    // costs (equal costs stay equal, and ties keep the file's order).
    double lasting = 0.0, dated = 0.0;
    for (std::size_t d = 0; d < o.decisions.size(); ++d) {
      const Decision& decision = o.decisions[d];
      const DecisionValue& value = decision.values[plan.choice[d]];
      if (!decision.is_retention() && decision.start.kind == Start::Kind::first_day)
        lasting += value.cost_per_year;
      else
        dated += option_cost_over_period(decision, value, plan.scenario);
    }
    const Period period = counted_period(plan.scenario);
    plan.cost_over_period = lasting * (period.weeks / kWeeksPerYear) + dated;
  }
  if (!o.plans.empty()) o.period = counted_period(o.plans.front().scenario);
}

}  // namespace casesim::optimise
