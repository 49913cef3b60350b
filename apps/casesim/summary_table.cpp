#include "apps/casesim/summary_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace casesim::cli {

std::string readable_number(double v) {
  if (std::isnan(v)) return "-";
  const double a = std::fabs(v);
  if (a != 0.0 && (a >= 1e6 || a < 1e-3)) return fmt::format("{:.3g}", v);
  if (a >= 100) return fmt::format("{:.1f}", v);
  return fmt::format("{:.2f}", v);
}

std::string readable_mean(const analysis::Summary& s) {
  return s.n == 0 ? std::string(kNotApplicable) : readable_number(s.mean);
}

std::string readable_range(double low, double high, std::string_view unit) {
  // NaN stays NaN ("-"); -0.0 becomes 0, never "-0.00".
  const analysis::Interval shown = analysis::shown_interval(low, high, unit);
  return fmt::format("{} to {}", readable_number(shown.low), readable_number(shown.high));
}

std::string readable_interval(const analysis::Summary& s, std::string_view unit) {
  if (s.n == 0) return std::string(kNotApplicable);
  if (s.n < 2) return "-";
  return readable_range(s.ci_low, s.ci_high, unit);
}

std::string applicability_note(const std::vector<TableRow>& rows, std::size_t replications) {
  std::string listed;
  for (const TableRow& row : rows)
    if (row.summary.n < replications)
      listed += fmt::format("{}{} ({} of {})", listed.empty() ? "" : ", ", row.metric, row.summary.n, replications);
  if (listed.empty()) return {};
  return fmt::format(
      "Some measures had nothing to count in some replications (a share of assessments when none finished, say): "
      "each is averaged over the replications where it applies, and reads n/a where it applies in none: {}.\n",
      listed);
}

std::string format_summary_table(const std::vector<TableRow>& rows, std::size_t replications) {
  std::size_t metric_width = 6, ci_width = 6;
  std::vector<std::string> cis;
  for (const TableRow& row : rows) {
    metric_width = std::max(metric_width, row.metric.size());
    cis.push_back(readable_interval(row.summary, row.unit));
    ci_width = std::max(ci_width, cis.back().size());
  }
  std::string out =
      fmt::format("{:<{}}  {:>10}  {:<{}}  {}\n", "metric", metric_width, "mean", "95% CI", ci_width, "unit");
  out += fmt::format("{:-<{}}\n", "", metric_width + 2 + 10 + 2 + ci_width + 2 + 12);
  for (std::size_t i = 0; i < rows.size(); ++i)
    out += fmt::format("{:<{}}  {:>10}  {:<{}}  {}\n", rows[i].metric, metric_width, readable_mean(rows[i].summary),
                       cis[i], ci_width, rows[i].unit);
  if (const std::string note = applicability_note(rows, replications); !note.empty()) out += "\n" + note;
  return out;
}

}  // namespace casesim::cli
