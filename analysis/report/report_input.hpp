#pragma once
// What a report is built from: the results file's contents, and two things
// other parts of casesim supply when they have them.
//
// Paired differences are computed by analysis/paired.hpp (being written
// separately); the report only displays them, through PairedDifference below,
// so it does not compute comparisons of its own. With none, the report shows
// each variant's own interval and makes no claim about the difference.
//
// The parameter table is the experiment's swept parameters (/parameters in
// the results file, being added); without it there is no sensitivity chart.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analysis/report/local_names.hpp"
#include "engine/results/optimisation_record.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis::report {

// variant minus base on one metric, across paired replications.
struct PairedDifference {
  std::string metric;
  std::size_t variant = 0;
  std::size_t base = 0;
  std::size_t pairs = 0;
  double mean = 0.0;
  double ci_low = 0.0;  // 95% confidence interval of the mean difference
  double ci_high = 0.0;
};

struct ParameterTable {
  std::vector<std::string> names;           // dotted scenario paths, e.g. "team.caseload_cap_per_fte"
  std::vector<std::vector<double>> values;  // values[variant][parameter]
};

struct ReportInput {
  results::ResultsData data;
  std::string results_path;                   // shown in the settings
  std::vector<PairedDifference> differences;  // empty: no paired comparisons available
  std::optional<ParameterTable> parameters;   // absent: not a sweep
  // Real names beside pseudonyms: only in the local-only report (casesim report --names); empty otherwise.
  LocalNames names;
  // Where the local-only report tells its reader to find the shareable one.
  std::string shareable_report = "casesim report without --names";
  // Weekly charts start after the warm-up unless this is set (the warm-up is not counted in any figure).
  bool show_warm_up = false;
  // casesim optimise's /optimise group: the report opens with its answer.
  std::optional<results::OptimisationRecord> optimisation;
};

}  // namespace casesim::analysis::report
