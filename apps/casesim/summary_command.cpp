#include "apps/casesim/summary_command.hpp"
#include "apps/casesim/summary_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analysis/children_at_risk.hpp"
#include "analysis/report/plain_language.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::cli {

namespace {

std::string csv_number(double v) {
  return std::isnan(v) ? std::string() : fmt::format("{}", v);
}

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
    ci_width =
        std::max(ci_width, readable_number(r.summary.ci_low).size() + 4 + readable_number(r.summary.ci_high).size());
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
                       readable_number(s.mean), ci, ci_width, readable_number(s.median), readable_number(s.p05),
                       readable_number(s.p95), s.n, r.unit);
  }
  return out;
}

std::string children_at_risk_text(const results::ResultsData& data, std::size_t shown) {
  if (data.layout.children.empty()) return {};
  const std::string extract_date = analysis::report::readable_date(data.metadata.snapshot_extract_date);
  std::string out;
  for (std::size_t v = 0; v < data.layout.variants.size(); ++v) {
    const auto ranked = analysis::children_at_risk(data, v);
    const std::size_t any = analysis::children_with_any_risk(ranked);
    const std::size_t listed = std::min(shown, any);
    const std::size_t replications = ranked.front().late.trials;
    out += fmt::format(
        "\nChildren most likely to have a statutory visit late, variant {} (pseudonymous ids; chance "
        "across {} replications, 95% Wilson interval):\n",
        data.layout.variants[v], replications);
    std::size_t stage_width = 5;
    for (std::size_t i = 0; i < listed; ++i) stage_width = std::max(stage_width, ranked[i].stage.size());
    for (std::size_t i = 0; i < listed; ++i) {
      const analysis::ChildAtRisk& c = ranked[i];
      out += fmt::format("{:>4}  {}  {:<{}}  {}{}\n", i + 1, c.pseudonym, c.stage, stage_width,
                         analysis::report::readable_percent(c.late),
                         c.overdue_at_start ? "  visit already overdue on " + extract_date : "");
    }
    if (any == 0)
      out += fmt::format("  none of the {} children in any replication\n", ranked.size());
    else
      out += fmt::format("  {} more with a late visit in at least one replication; {} of the {} children in none\n",
                         any - listed, ranked.size() - any, ranked.size());
  }
  return out;
}

void summary_command(const std::string& results_path, bool csv, std::ostream& out) {
  const results::ResultsData data = results::read_results(results_path);
  const auto rows = analysis::summarise_results(data);
  if (csv) {
    out << summary_csv(rows);
    return;
  }
  out << summary_tables(rows) << children_at_risk_text(data);
}

}  // namespace casesim::cli
