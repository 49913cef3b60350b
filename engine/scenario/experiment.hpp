#pragma once
// An experiment: one base scenario and named variants of it, each a list of
// overrides, all validated into Scenarios before anything runs. Built by
// load_experiment (YAML); the runner and the results file read it.
//
// The two sweep designs are here as plain functions, so they can be tested
// without YAML: a full-factorial grid and a Latin hypercube sample.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::scenario {

struct ExperimentVariant {
  std::string name;
  std::vector<Override> overrides;
  // The overrides as one YAML flow mapping, "{policy.caseload_cap.cases: 15}"
  // ("{}" for none): with the base scenario's text it reproduces `scenario`.
  std::string overrides_yaml;
  Scenario scenario;  // the base with the overrides applied, validated
};

struct Experiment {
  std::string name;
  std::string description;     // may be empty
  ScenarioSource source;       // the experiment file, verbatim
  ScenarioSource base_source;  // the base scenario file, verbatim (path resolved)
  int replications = 1;
  std::uint64_t seed = 1;
  // Names from the model's metric catalogue; the first is the main metric.
  std::vector<std::string> metrics;
  // The first is the base that the others are compared with.
  std::vector<ExperimentVariant> variants;
  // Every field any variant overrides, in order of first appearance, and each
  // variant's resolved value of it: parameter_values[v * parameter_names.size() + p].
  // NaN where the value is not a single number (text, a mapping), or where
  // the base file leaves the field to its default and the variant does not set it.
  std::vector<std::string> parameter_names;
  std::vector<double> parameter_values;
};

// Every combination of one index per axis (axis i has sizes[i] values), the
// last axis changing fastest: sizes {2, 3} gives {0,0} {0,1} {0,2} {1,0} ...
// The product of the sizes; no axes gives one empty combination.
std::vector<std::vector<std::size_t>> grid_combinations(const std::vector<std::size_t>& sizes);

struct SampleRange {
  double low = 0.0;
  double high = 1.0;
  bool integer = false;  // whole numbers low..high inclusive, each equally likely
};

// A Latin hypercube sample: each range is cut into `samples` equal strata and
// every stratum of every range holds exactly one sample, placed uniformly at
// random within it; the strata are paired across ranges by independent random
// permutations. Deterministic for a seed. Result[s][r]: sample s, range r.
// Integer ranges map the continuous draw u in [0, 1) to low + floor(u * (high - low + 1)).
std::vector<std::vector<double>> latin_hypercube(std::size_t samples, const std::vector<SampleRange>& ranges,
                                                 std::uint64_t seed);

}  // namespace casesim::scenario
