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

std::string format_summary_table(const std::vector<TableRow>& rows) {
  std::size_t metric_width = 6, ci_width = 6;
  std::vector<std::string> cis;
  for (const TableRow& row : rows) {
    metric_width = std::max(metric_width, row.metric.size());
    cis.push_back(row.summary.n > 1 ? fmt::format("{} to {}", readable_number(row.summary.ci_low),
                                                  readable_number(row.summary.ci_high))
                                    : std::string("-"));
    ci_width = std::max(ci_width, cis.back().size());
  }
  std::string out =
      fmt::format("{:<{}}  {:>10}  {:<{}}  {}\n", "metric", metric_width, "mean", "95% CI", ci_width, "unit");
  out += fmt::format("{:-<{}}\n", "", metric_width + 2 + 10 + 2 + ci_width + 2 + 12);
  for (std::size_t i = 0; i < rows.size(); ++i)
    out += fmt::format("{:<{}}  {:>10}  {:<{}}  {}\n", rows[i].metric, metric_width,
                       readable_number(rows[i].summary.mean), cis[i], ci_width, rows[i].unit);
  return out;
}

}  // namespace casesim::cli
