#include "apps/casesim/summary_command.hpp"
#include "apps/casesim/summary_table.hpp"
#include "apps/casesim/unfinished_note.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analysis/csv_cells.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/settling.hpp"
#include "apps/casesim/children_list.hpp"
#include "apps/casesim/finished_values.hpp"
#include "apps/casesim/what_if_text.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::cli {

namespace {

// A statistic of a metric that applied in no replication is "n/a"; one that
// cannot be estimated from the replications there are (an interval from one
// value) is empty.
std::string csv_number(const analysis::Summary& s, double v) {
  if (s.n == 0) return std::string(kNotApplicable);
  return analysis::csv_number(v);
}

using analysis::csv_text;

}  // namespace

std::string summary_csv(const std::vector<analysis::MetricSummary>& rows) {
  std::string out = "variant,metric,unit,n,mean,sd,ci_low,ci_high,median,p05,p95\n";
  for (const auto& r : rows) {
    const analysis::Summary& s = r.summary;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_text(r.variant), csv_text(r.metric), csv_text(r.unit),
                       s.n, csv_number(s, s.mean), csv_number(s, s.sd), csv_number(s, s.ci_low),
                       csv_number(s, s.ci_high), csv_number(s, s.median), csv_number(s, s.p05), csv_number(s, s.p95));
  }
  return out;
}

std::string summary_tables(const std::vector<analysis::MetricSummary>& rows) {
  std::string out;
  std::size_t metric_width = 6, ci_width = 6;
  for (const auto& r : rows) {
    metric_width = std::max(metric_width, r.metric.size());
    ci_width = std::max(ci_width, readable_interval(r.summary, r.unit).size());
  }
  std::string variant;
  for (const auto& r : rows) {
    if (r.variant != variant || out.empty()) {
      variant = r.variant;
      if (!out.empty()) out += '\n';
      out += fmt::format("variant {} ({} replications)\n", variant, r.replications);
      out += fmt::format("{:<{}}  {:>10}  {:<{}}  {:>10}  {:>10}  {:>10}  {:>6}  {}\n", "metric", metric_width, "mean",
                         "95% CI", ci_width, "median", "p5", "p95", "n", "unit");
      out += fmt::format("{:-<{}}\n", "", metric_width + ci_width + 2 * 8 + 10 * 4 + 6 + 12);
    }
    const analysis::Summary& s = r.summary;
    const auto statistic = [&s](double v) { return s.n == 0 ? std::string(kNotApplicable) : readable_number(v); };
    out += fmt::format("{:<{}}  {:>10}  {:<{}}  {:>10}  {:>10}  {:>10}  {:>6}  {}\n", r.metric, metric_width,
                       readable_mean(s), readable_interval(s, r.unit), ci_width, statistic(s.median), statistic(s.p05),
                       statistic(s.p95), s.n, r.unit);
  }
  const bool some_not_applicable =
      std::any_of(rows.begin(), rows.end(), [](const auto& r) { return r.summary.n < r.replications; });
  if (some_not_applicable)
    out +=
        "\nn: the replications in which the measure applies. A share or mean with nothing to count (a share of "
        "assessments when none finished) does not apply; it reads n/a when it applied in none.\n";
  return out;
}

std::string settling_text(const results::ResultsData& data) {
  const std::size_t weeks = data.layout.week_start_dates.size();
  const std::size_t counted = weeks - std::min<std::size_t>(weeks, std::max(0, data.metadata.warm_up_weeks));
  std::string out;
  const std::size_t variants = data.layout.variants.size();
  const std::vector<std::string> compared =
      data.metadata.experiment ? data.metadata.experiment->metrics : std::vector<std::string>{};
  for (std::size_t v = 0; v < variants; ++v)
    for (const analysis::UnsettledSeries& u : analysis::unsettled_series(data, v, compared))
      out += analysis::settling_warning(u, counted, variants > 1 ? data.layout.variants[v] : "") + '\n';
  if (!out.empty()) out.insert(0, 1, '\n');
  return out;
}

std::string children_at_risk_text(const results::ResultsData& data, std::size_t shown) {
  std::string out;
  for (std::size_t v = 0; v < data.layout.variants.size(); ++v) out += children_list_text(data, v, shown);
  return out;
}

void summary_command(const std::string& results_path, bool csv, std::ostream& out, std::ostream* notes) {
  const results::ResultsData data = results::read_results(results_path);
  check_finished_weeks(data, results_path);
  const auto rows = analysis::summarise_results(data);
  const std::string unfinished = unfinished_run_note(data, results_path);
  if (csv) {
    if (notes != nullptr && !unfinished.empty()) *notes << "casesim: " << unfinished;
    out << summary_csv(rows);
    return;
  }
  out << unfinished;
  if (const std::string answer = what_if_answer_text(data); !answer.empty()) out << answer << '\n';
  out << summary_tables(rows) << settling_text(data) << children_at_risk_text(data);
}

}  // namespace casesim::cli
