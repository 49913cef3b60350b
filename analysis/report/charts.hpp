#pragma once
// The report's charts as Vega-Lite specifications with their data inlined.
// Each returns nothing (std::nullopt) when the file lacks what it needs, so a
// report shows only the charts it can draw.
#include <optional>
#include <string>
#include <vector>

#include "analysis/report/json.hpp"
#include "analysis/report/report_input.hpp"

namespace casesim::analysis::report {

struct Chart {
  std::string id;       // HTML element id
  std::string heading;  // shown above the chart
  std::string note;     // how to read it, one or two sentences
  Json spec;
};

// Weekly series: the mean across replications as a line and the 5th-95th
// percentile band, one colour per variant, the warm-up shaded, and each of
// the scenario's dated changes (Metadata::timeline_*) inside the charted weeks
// as a dashed vertical rule labelled with its date and description.
std::optional<Chart> weekly_series_chart(const ReportInput& input, std::size_t series);

// The metrics the catalogue marks as late work, by variant, with 95% CI error bars.
std::optional<Chart> overdue_by_variant_chart(const ReportInput& input);

// One duration histogram of the file (its index in Layout::distributions)
// beside England's published figures: the share of completions in each of
// DfE's bands, the mean over replications with its 95% CI, for the base variant
// (and the others when there are at most kDurationChartVariants), and DfE's
// share. Nothing for a histogram without national figures.
inline constexpr std::size_t kDurationChartVariants = 4;
std::optional<Chart> duration_chart(const ReportInput& input, std::size_t distribution);

// Paired differences from the base variant, with 95% CIs and a line at 0.
std::optional<Chart> paired_difference_chart(const ReportInput& input);
// The same for the measures an experiment compares (its `metrics:`) only: an
// experiment report's first chart. Nothing for a plain run.
std::optional<Chart> compared_measures_chart(const ReportInput& input);

// Standardised metamodel coefficients of the headline metrics on the swept parameters.
std::optional<Chart> tornado_chart(const ReportInput& input);

// Series the catalogue files under workforce, drawn in the workforce section
// rather than with caseload; a series it does not know stays with caseload.
bool is_workforce_series(const std::string& name);

// A weekly chart's title in plain words with its unit, from the catalogue's
// description in the file: "Cases waiting for allocation, at the end of each
// week (cases)".
std::string weekly_chart_title(const results::Quantity& series);

}  // namespace casesim::analysis::report
