#pragma once
// The plain-language summary at the top of a report: sentences generated from
// the numbers, each with its 95% confidence interval. A difference between
// variants is claimed only from a paired difference whose interval excludes 0;
// otherwise the text says no difference was detected, or that no paired
// comparison is available.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/proportion.hpp"
#include "analysis/ranking.hpp"
#include "analysis/report/report_input.hpp"
#include "analysis/statistics.hpp"
#include "engine/model/metrics.hpp"

namespace casesim::analysis::report {

// Metrics the summary speaks about, when the file has them, in this order.
// `phrase` has "{v}" where the value and its interval go. The wording is the
// report's; the metric is named by its catalogue enumerator, so a metric
// renamed or removed from the catalogue does not compile here.
struct HeadlineMetric {
  model::Metric metric;
  std::string_view phrase;  // e.g. "on average {v} statutory visits were overdue"
  std::string_view label;   // e.g. "overdue statutory visits"
  Better better;
};
const std::vector<HeadlineMetric>& headline_metrics();

// Risks reported as the chance, across replications, that a metric exceeds a threshold.
struct RiskDefinition {
  model::Metric metric;
  double threshold;
  std::string_view event;  // completes "the chance that ..."
};
const std::vector<RiskDefinition>& risk_definitions();

// Rounded to what the interval supports: decimals from the CI's half-width
// (none when it is 1 or more), three significant figures without an interval.
std::string readable_number(double value, double half_width);
// "36 (95% CI 35–38)"; "36" alone when there is no interval (one replication);
// "n/a" when the metric applied in no replication (nothing to count).
std::string readable_estimate(const Summary& summary);
// "41% (95% CI 36–46%)"; "n/a" with no replications to count.
std::string readable_percent(const Proportion& proportion);

// "2027-01-15" as "15 January 2027"; text that is not an ISO date is returned as it is.
std::string readable_date(const std::string& iso_date);

// A variant's name, with the parameters that differ from the base when the report has a parameter table.
std::string variant_label(const ReportInput& input, std::size_t variant);

std::vector<std::string> plain_language_summary(const ReportInput& input);

}  // namespace casesim::analysis::report
