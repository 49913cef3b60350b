#pragma once
// An optimise file, loaded and validated: staffing decisions with their
// candidate values and costs, safety targets on the model's metrics, the
// settings of the search, and every candidate plan (the full factorial of the
// decisions) built into a validated Scenario. Built by
// optimise::load_optimisation; run by optimise::run_optimisation.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/constrained_selection.hpp"
#include "engine/kernel/date.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::optimise {

struct DecisionValue {
  std::string text;        // as written in the file ("2", "duty"), or made from a range
  std::string value_yaml;  // the override's value
  // For a lasting option, its cost a year; for a retention, what it costs a
  // year while the workers are kept (cost_per_worker_per_week x 52 x workers).
  double cost_per_year = 0.0;
  std::optional<kernel::Date> retain_until;  // a retention decision's date (none: `no`)
};

// When a staffing decision's workers start (the decision's `start:`).
struct Start {
  enum class Kind {
    first_day,    // from the first day of the run (no `start:`)
    after_weeks,  // `start: {after_weeks: N}`: N weeks after the counted period starts
    recruitment,  // `start: recruitment`: after the model's recruitment lag, drawn
  };
  Kind kind = Kind::first_day;
  int weeks = 0;
};

struct Decision {
  std::string field;  // a scenario field's dotted path: team.additional_agency_workers; empty for a retention
  std::string name;   // short label for plan names: agency (default: the path's last segment)
  std::vector<DecisionValue> values;
  Start start;  // team.additional_permanent_workers and team.additional_agency_workers only
  // A retention decision (`retain_leavers: K`): keep the timeline's first K
  // leavers until each value's date, at this cost per worker per week kept.
  int retain_leavers = 0;
  double cost_per_worker_per_week = 0.0;
  bool is_retention() const { return retain_leavers > 0; }
};

// The counted period of a plan's run, the question's period: costs are
// reported over it, from the end of any warm-up to the horizon.
struct Period {
  kernel::Date first_day;
  kernel::Date end;  // the day after the last
  double weeks = 0.0;
};

struct Target {
  std::string metric;  // from the model's metric catalogue
  analysis::SafetyTarget bound;
  // How the file's words read in output: "P(cp_children_unvisited_6_weeks > 0) <= 0.05".
  std::string description;
};

struct Plan {
  std::string name;                 // "agency=1,permanent=0,cases=18"
  std::vector<std::size_t> choice;  // choice[d]: the index of decision d's value
  double cost_per_year = 0.0;       // the sum of its values' costs
  // Its cost over the counted period, each option counted from its start
  // (engine/optimise/plan_cost.hpp): what the search ranks plans by.
  double cost_over_period = 0.0;
  std::vector<scenario::Override> overrides;
  std::string overrides_yaml;   // "{team.additional_agency_workers: 1, ...}"
  scenario::Scenario scenario;  // the base with the overrides applied, validated
};

struct Optimisation {
  std::string name;
  std::string description;
  scenario::ScenarioSource source;       // the optimise file, verbatim
  scenario::ScenarioSource base_source;  // the base scenario file, verbatim (path resolved)
  std::uint64_t seed = 1;
  std::string currency = "£";
  std::vector<Decision> decisions;
  std::vector<Target> targets;
  analysis::SelectionSchedule schedule;
  Period period;            // the counted period (of the first plan: every plan keeps the base's run)
  std::vector<Plan> plans;  // every combination of the decisions' values, the last decision changing fastest
};

}  // namespace casesim::optimise
