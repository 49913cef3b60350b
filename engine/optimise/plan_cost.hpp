#pragma once
// A plan's cost over the question's period. Costs are given a year, but a
// manager asks about a period (26 weeks from the extract date) and a plan is
// carried out over time: an option is paid only from its start (a worker who
// starts in week 8 of 26 costs 18 weeks), a post being recruited to only once
// filled, and keeping leaving workers only from their original leaving date
// to the date they are kept until. The search ranks plans by this cost.
#include <vector>

#include "engine/optimise/optimisation.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::optimise {

inline constexpr double kWeeksPerYear = 52.0;

// From the end of the warm-up to the horizon.
Period counted_period(const scenario::Scenario& scenario);

// The expected weeks of a period of `period_weeks` in which a post advertised
// at its start is filled, E[max(0, period - lag)], over a fixed set of draws
// of the model's recruitment lag (the same for every plan and run).
double expected_filled_weeks(const scenario::DurationDistribution& lag_weeks, double period_weeks);

// Worker-weeks of keeping the timeline's first `workers` leavers (in date
// order) from their leaving dates until `until`, within the period.
double retained_worker_weeks(const std::vector<scenario::TimelineEvent>& timeline, int workers, kernel::Date until,
                             const Period& period);

// One decision's chosen value, over the period of this plan's scenario.
double option_cost_over_period(const Decision& decision, const DecisionValue& value,
                               const scenario::Scenario& scenario);

// Sets each plan's cost_over_period, and the optimisation's period, from the
// plans' scenarios (again after start_from_snapshot moves their run).
void price_plans(Optimisation& optimisation);

}  // namespace casesim::optimise
