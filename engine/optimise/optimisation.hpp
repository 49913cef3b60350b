#pragma once
// An optimise file, loaded and validated: staffing decisions with their
// candidate values and costs, safety targets on the model's metrics, the
// settings of the search, and every candidate plan (the full factorial of the
// decisions) built into a validated Scenario. Built by
// optimise::load_optimisation; run by optimise::run_optimisation.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/constrained_selection.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::optimise {

struct DecisionValue {
  std::string text;        // as written in the file ("2", "duty"), or made from a range
  std::string value_yaml;  // the override's value
  double cost_per_year = 0.0;
};

struct Decision {
  std::string field;  // a scenario field's dotted path: team.additional_agency_workers
  std::string name;   // short label for plan names: agency (default: the path's last segment)
  std::vector<DecisionValue> values;
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
  std::vector<Plan> plans;  // every combination of the decisions' values, the last decision changing fastest
};

}  // namespace casesim::optimise
