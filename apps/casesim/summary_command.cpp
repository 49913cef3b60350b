#include "apps/casesim/summary_command.hpp"
#include "apps/casesim/summary_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/results/results_file.hpp"

namespace casesim::cli {

namespace {

std::string csv_number(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }

std::string csv_text(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string summary_csv(const std::vector<analysis::MetricSummary>& rows) {
  std::string out = "variant,metric,unit,n,mean,sd,ci_low,ci_high,median,p05,p95\n";
  for (const auto& r : rows) {
    const analysis::Summary& s = r.summary;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_text(r.variant), csv_text(r.metric), csv_text(r.unit),
                       s.n, csv_number(s.mean), csv_number(s.sd), csv_number(s.ci_low), csv_number(s.ci_high),
                       csv_number(s.median), csv_number(s.p05), csv_number(s.p95));
  }
  return out;
}

std::string summary_tables(const std::vector<analysis::MetricSummary>& rows) {
  std::string out;
  std::size_t metric_width = 6, ci_width = 6;
  for (const auto& r : rows) {
    metric_width = std::max(metric_width, r.metric.size());
    ci_width = std::max(ci_width, readable_number(r.summary.ci_low).size() + 4 + readable_number(r.summary.ci_high).size());
  }
  std::string variant;
  for (const auto& r : rows) {
    if (r.variant != variant || out.empty()) {
      variant = r.variant;
      if (!out.empty()) out += '\n';
      out += fmt::format("variant {} ({} replications)\n", variant, r.summary.n);
      out += fmt::format("{:<{}}  {:>10}  {:<{}}  {:>10}  {:>10}  {:>10}  {:>6}  {}\n", "metric", metric_width, "mean",
                         "95% CI", ci_width, "median", "p5", "p95", "n", "unit");
      out += fmt::format("{:-<{}}\n", "", metric_width + ci_width + 2 * 8 + 10 * 4 + 6 + 12);
    }
    const analysis::Summary& s = r.summary;
    const std::string ci = s.n > 1 ? readable_number(s.ci_low) + " to " + readable_number(s.ci_high) : "-";
    out += fmt::format("{:<{}}  {:>10}  {:<{}}  {:>10}  {:>10}  {:>10}  {:>6}  {}\n", r.metric, metric_width,
                       readable_number(s.mean), ci, ci_width, readable_number(s.median), readable_number(s.p05), readable_number(s.p95), s.n, r.unit);
  }
  return out;
}

void summary_command(const std::string& results_path, bool csv, std::ostream& out) {
  const results::ResultsData data = results::read_results(results_path);
  const auto rows = analysis::summarise_results(data);
  out << (csv ? summary_csv(rows) : summary_tables(rows));
}

}  // namespace casesim::cli
