#include "analysis/report/html_report.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analysis/duration_comparison.hpp"
#include "analysis/report/chart_libraries.hpp"
#include "analysis/report/charts.hpp"
#include "analysis/report/children_section.hpp"
#include "analysis/report/optimise_answer.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/report/what_if_section.hpp"
#include "analysis/report/worker_charts.hpp"
#include "analysis/results_summary.hpp"
#include "analysis/settling.hpp"

namespace casesim::analysis::report {

namespace {

constexpr std::string_view kStyle = R"(
:root { --ink: #1f2328; --muted: #5c6370; --rule: #d8dce2; --accent: #2f5d8a; --paper: #ffffff; --tint: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--tint); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 2rem 1.5rem 4rem; background: var(--paper); }
header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: 0.75rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78rem; color: var(--accent); margin: 0; font-weight: 600; }
h1 { font-size: 2rem; margin: 0.2rem 0 0.3rem; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.25rem; }
h3 { font-size: 1.02rem; margin: 1.6rem 0 0.2rem; }
.meta, .note { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0 0.6rem; }
.brief { background: #eef3f8; border-left: 4px solid var(--accent); padding: 0.9rem 1.2rem; border-radius: 0 6px 6px 0; }
.brief p { margin: 0.35rem 0; font-size: 1.04rem; }
.start { margin: 0.5rem 0 0; font-size: 0.98rem; }
.changes { margin: 0.3rem 0 0; padding-left: 1.2rem; font-size: 0.95rem; }
.changes time { font-weight: 600; }
code.pseudonym { font-size: 0.86rem; }
.overdue { color: #b03a2e; font-weight: 600; }
.chart { width: 100%; min-height: 60px; }
.chart.failed { color: #a11; }
.na { color: var(--muted); font-style: italic; }
.warnings { background: #fdf3e7; border-left: 4px solid #c26d00; padding: 0.7rem 1.2rem; border-radius: 0 6px 6px 0;
  margin-top: 1rem; }
.warnings p { margin: 0.3rem 0; }
table.durations { margin-top: 0.6rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.86rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
tbody tr:hover { background: var(--tint); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; font-size: 0.92rem; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
details { margin-top: 1rem; }
summary { cursor: pointer; color: var(--accent); font-weight: 600; }
pre { background: var(--tint); padding: 0.8rem; overflow-x: auto; font-size: 0.8rem; line-height: 1.4; border-radius: 4px; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.8rem; }
)";

constexpr std::string_view kRender = R"(
for (const el of document.querySelectorAll('script[type="application/json"][data-chart]')) {
  const target = document.getElementById(el.dataset.chart);
  vegaEmbed(target, JSON.parse(el.textContent), {actions: false, renderer: 'svg'})
    .then(() => { target.dataset.rendered = 'true'; })
    .catch((err) => {
      target.dataset.rendered = 'failed';
      target.classList.add('failed');
      target.textContent = 'This chart could not be drawn: ' + err.message;
      console.error(err);
    });
}
)";

constexpr std::string_view kNotApplicableCell =
    "<span class=\"na\" title=\"not applicable: nothing to count\">n/a</span>";

std::string cell(double value, double half_width) {
  return html_escape(readable_number(value, half_width));
}

std::string measures_table(const results::ResultsData& data) {
  std::string out = "<table>\n<thead><tr><th>Measure</th>";
  const bool several = data.layout.variants.size() > 1;
  if (several) out += "<th class=\"text\">Variant</th>";
  out +=
      "<th>Mean</th><th>95% CI</th><th>Median</th><th>5th pct</th><th>95th pct</th><th>n</th><th "
      "class=\"text\">Unit</th></tr></thead>\n<tbody>\n";
  for (std::size_t m = 0; m < data.layout.metrics.size(); ++m) {
    const results::Quantity& q = data.layout.metrics[m];
    for (std::size_t v = 0; v < data.layout.variants.size(); ++v) {
      const Summary s = summarise(metric_values(data, m, v));
      const double h = s.n > 1 ? s.half_width() : std::nan("");
      out += fmt::format("<tr><td title=\"{}\">{}</td>", html_escape(q.description), html_escape(q.name));
      if (several) out += fmt::format("<td class=\"text\">{}</td>", html_escape(data.layout.variants[v]));
      // Nothing to count in any replication: not applicable, never 0.
      const auto statistic = [&](double x) { return s.n == 0 ? std::string(kNotApplicableCell) : cell(x, h); };
      const std::string interval = s.n == 0  ? std::string(kNotApplicableCell)
                                   : s.n > 1 ? cell(s.ci_low, h) + "\u2013" + cell(s.ci_high, h)
                                             : "-";
      out += fmt::format(
          "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"text\">{}</td></tr>\n",
          statistic(s.mean), interval, statistic(s.median), statistic(s.p05), statistic(s.p95), s.n,
          html_escape(q.unit));
    }
  }
  return out + "</tbody>\n</table>\n";
}

// Where the run started and what changes on which date, under the title.
std::string starting_point(const results::ResultsData& data) {
  const results::Metadata& m = data.metadata;
  std::string out;
  if (!m.snapshot_extract_date.empty()) {
    std::size_t overdue = 0;
    for (const auto flag : data.layout.child_overdue_at_start) overdue += flag != 0;
    out += fmt::format(
        "<p class=\"start\" id=\"started-from\">Started from the team as it was on <strong>{}</strong>: "
        "{} open children, {} of them with a statutory visit already overdue that day.{}</p>\n",
        html_escape(readable_date(m.snapshot_extract_date)), data.layout.children.size(), overdue,
        m.snapshot_problems == 0 ? std::string()
                                 : fmt::format(" {} row{} of the snapshot had problems and {} let through (--lenient): "
                                               "check them with casesim snapshot --lenient.",
                                               m.snapshot_problems, m.snapshot_problems == 1 ? "" : "s",
                                               m.snapshot_problems == 1 ? "was" : "were"));
  }
  if (!m.timeline_dates.empty() && m.timeline_dates.size() == m.timeline_events.size()) {
    out +=
        "<p class=\"start\">Dated changes in this scenario, marked on every weekly chart:</p>\n"
        "<ul class=\"changes\" id=\"dated-changes\">\n";
    for (std::size_t i = 0; i < m.timeline_dates.size(); ++i)
      out += fmt::format("<li><time datetime=\"{}\">{}</time>: {}</li>\n", html_escape(m.timeline_dates[i]),
                         html_escape(readable_date(m.timeline_dates[i])), html_escape(m.timeline_events[i]));
    out += "</ul>\n";
  }
  return out;
}

// Weekly series that have not settled over the counted period, in plain words.
std::string settling_section(const results::ResultsData& data) {
  const std::vector<std::string> compared =
      data.metadata.experiment ? data.metadata.experiment->metrics : std::vector<std::string>{};
  const std::size_t weeks = data.layout.week_start_dates.size();
  const std::size_t counted = weeks - std::min<std::size_t>(weeks, std::max(0, data.metadata.warm_up_weeks));
  const std::size_t variants = data.layout.variants.size();
  std::string lines;
  for (std::size_t v = 0; v < variants; ++v)
    for (const UnsettledSeries& u : unsettled_series(data, v, compared))
      lines +=
          "<p>" + html_escape(settling_warning(u, counted, variants > 1 ? data.layout.variants[v] : "")) + "</p>\n";
  if (lines.empty()) return {};
  return "<section class=\"warnings\" id=\"settling-warnings\">\n" + lines +
         "<p class=\"note\">Compared: the average of the last third of the counted weeks against the first, "
         "replication by replication; a change whose 95% interval excludes 0, that is at least a fifth of "
         "the level and at least half a unit (half a case) is reported. A longer warm-up, or a run long enough "
         "to show where the queue goes, tells whether it settles.</p>\n</section>\n";
}

std::string percent_cell(const Summary& s) {
  if (s.n == 0) return std::string(kNotApplicableCell);
  if (s.n < 2) return fmt::format("{:.1f}%", 100 * s.mean);
  const ShareInterval interval = share_interval(s);
  return fmt::format("{:.1f}% ({:.1f}\u2013{:.1f}%)", 100 * s.mean, 100 * interval.low, 100 * interval.high);
}

std::string days_cell(const Summary& s) {
  if (s.n == 0) return std::string(kNotApplicableCell);
  if (s.n < 2) return fmt::format("{:.0f}", s.mean);
  return fmt::format("{:.1f} ({:.1f}\u2013{:.1f})", s.mean, s.ci_low, s.ci_high);
}

// Each duration histogram beside England's published figures: the chart, then
// the bands and quartiles as a table for the base variant.
std::string durations_section(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  if (data.layout.distributions.quantities.empty()) return {};
  std::string out;
  const std::vector<DurationComparison> base = compare_durations(data, 0);
  for (std::size_t i = 0; i < base.size(); ++i) {
    const DurationComparison& c = base[i];
    const auto chart = duration_chart(input, c.distribution);
    if (!chart) continue;
    out += chart_html(*chart);
    std::string rows;
    for (const BandComparison& b : c.bands)
      rows +=
          fmt::format("<tr><td>{}</td><td>{}</td><td>{:.1f}%</td></tr>\n", html_escape(std::string(b.national.label)),
                      percent_cell(b.simulated), 100 * b.national.share);
    static constexpr std::array<const char*, 3> kQuartileNames{"lower quartile", "median", "upper quartile"};
    for (std::size_t q = 0; q < 3; ++q)
      rows += fmt::format("<tr><td>{} (working days)</td><td>{}</td><td>{:.0f}</td></tr>\n", kQuartileNames[q],
                          days_cell(c.quartiles[q]), c.national->quartiles[q]);
    out += fmt::format(
        "<table class=\"durations\" id=\"durations-{}\">\n<thead><tr><th>Working days</th><th>Simulated, {} "
        "(mean, 95% CI)</th><th>England</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n"
        "<p class=\"note\">Over the {} of {} replications with at least one of them completed; on average {} {} a "
        "replication. England: {}.</p>\n",
        html_escape(c.name), html_escape(variant_label(input, 0)), rows, c.with_completions, c.replications,
        c.completions.n == 0 ? std::string("n/a") : fmt::format("{:.0f}", c.completions.mean), html_escape(c.unit),
        html_escape(std::string(c.national->source)));
  }
  if (out.empty()) return {};
  return "<section id=\"durations\">\n<h2>How long statutory work took, beside England</h2>\n"
         "<p class=\"note\">Working days each completed piece of work took, from the histograms the results "
         "file holds for every replication, set beside the national figures DfE publishes.</p>\n" +
         out + "</section>\n";
}

std::string settings(const ReportInput& input) {
  const results::Metadata& m = input.data.metadata;
  std::size_t completed = 0;
  for (auto c : input.data.completed) completed += c != 0;
  const std::pair<const char*, std::string> rows[] = {
      {"Results file", input.results_path},
      {"Scenario", m.scenario_name + " (" + m.scenario_file + ")"},
      {"Variants", std::to_string(input.data.layout.variants.size())},
      {"Replications", fmt::format("{} completed of {}", completed,
                                   input.data.layout.replications * input.data.layout.variants.size())},
      {"Seed", std::to_string(m.seed)},
      {"Simulated period",
       m.snapshot_extract_date.empty()
           ? fmt::format("{} weeks from {}, of which the first {} are warm-up", m.horizon_weeks, m.start_date,
                         m.warm_up_weeks)
           : fmt::format("{} weeks from the snapshot extracted on {} ({} row problems let through), no warm-up",
                         m.horizon_weeks, m.snapshot_extract_date, m.snapshot_problems)},
      {"casesim version", m.casesim_version},
      {"Random streams", fmt::format("scheme {}, Boost {}", m.stream_scheme_version, m.boost_version)},
      {"Created (UTC)", m.created_utc},
      {"Command line", m.command_line},
      {"Charts drawn with", std::string(chart_library_versions())},
  };
  std::string out = "<dl>\n";
  for (const auto& [k, v] : rows) out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", k, html_escape(v));
  out += "</dl>\n";
  if (input.parameters) {
    out += "<h3>Swept settings</h3>\n<table>\n<thead><tr><th>Variant</th>";
    for (const auto& name : input.parameters->names) out += "<th>" + html_escape(name) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t v = 0; v < input.parameters->values.size() && v < input.data.layout.variants.size(); ++v) {
      out += "<tr><td>" + html_escape(input.data.layout.variants[v]) + "</td>";
      for (double x : input.parameters->values[v]) out += fmt::format("<td>{}</td>", x);
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out +=
      "<details><summary>Scenario file, as run</summary>\n<pre>" + html_escape(m.scenario_text) + "</pre></details>\n";
  return out;
}

}  // namespace

std::string chart_html(const Chart& chart) {
  return fmt::format(
      "<h3>{}</h3>\n<p class=\"note\">{}</p>\n<div class=\"chart\" id=\"{}\"></div>\n"
      "<script type=\"application/json\" data-chart=\"{}\">{}</script>\n",
      html_escape(chart.heading), html_escape(chart.note), chart.id, chart.id, chart.spec.dump());
}

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string build_report_html(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  const results::Metadata& m = data.metadata;
  std::string html;
  html.reserve(vega_js().size() + vega_lite_js().size() + vega_embed_js().size() + 200'000);
  html +=
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += fmt::format("<title>casesim report: {}</title>\n<style>{}</style>\n", html_escape(m.scenario_name), kStyle);
  for (const std::string_view library : {vega_js(), vega_lite_js(), vega_embed_js()}) {
    html += "<script>\n";
    html += library;
    html += "</script>\n";
  }
  html += "</head>\n<body>\n<main>\n<header>\n<p class=\"kicker\">casesim report</p>\n";
  html += fmt::format("<h1>{}</h1>\n", html_escape(m.scenario_name));
  std::size_t completed = 0;
  for (auto c : data.completed) completed += c != 0;
  html += fmt::format(
      "<p class=\"meta\">{} variant{}, {} completed replications, seed {}, casesim {}, created {}</p>\n"
      "{}</header>\n",
      data.layout.variants.size(), data.layout.variants.size() == 1 ? "" : "s", completed, m.seed,
      html_escape(m.casesim_version), html_escape(m.created_utc), starting_point(data));

  if (input.optimisation) html += optimise_answer_html(*input.optimisation);
  // A what-if's first screen is its answer, the worst weeks and the children;
  // the summary in words follows.
  const std::string answer = what_if_answer_section(input);
  if (!answer.empty()) html += answer + workers_section(input) + worst_weeks_section(input) + children_section(input);
  html += "<section class=\"brief\" id=\"in-brief\">\n";
  for (const std::string& sentence : plain_language_summary(input)) html += "<p>" + html_escape(sentence) + "</p>\n";
  html += "</section>\n";
  html += settling_section(data);

  std::string caseload, workforce;
  for (std::size_t s = 0; s < data.layout.series.size(); ++s)
    if (const auto chart = weekly_series_chart(input, s))
      (is_workforce_series(data.layout.series[s].name) ? workforce : caseload) += chart_html(*chart);
  if (!caseload.empty()) html += "<section>\n<h2>Caseload and waiting, week by week</h2>\n" + caseload + "</section>\n";
  if (answer.empty()) html += children_section(input) + workers_section(input);
  if (const auto chart = overdue_by_variant_chart(input))
    html += "<section>\n<h2>Late and overdue work</h2>\n" + chart_html(*chart) + "</section>\n";
  html += durations_section(input);
  if (const auto chart = paired_difference_chart(input))
    html += "<section>\n<h2>Compared with the base</h2>\n" + chart_html(*chart) + "</section>\n";
  if (const auto chart = tornado_chart(input))
    html += "<section>\n<h2>Sensitivity</h2>\n" + chart_html(*chart) + "</section>\n";
  if (!workforce.empty()) html += "<section>\n<h2>Workforce</h2>\n" + workforce + "</section>\n";

  html += std::string("<section>\n<h2>Every measure</h2>\n<p class=\"note\">Across completed replications, ") +
          (m.snapshot_extract_date.empty() ? "after the warm-up" : "every week from the snapshot's extract date") +
          ". Hover over a measure's name for its definition.</p>\n" + measures_table(data) + "</section>\n";
  html +=
      "<section>\n<h2>Settings</h2>\n<p class=\"note\">What produced these numbers: rerunning the command line "
      "with this scenario and seed gives the same results.</p>\n" +
      settings(input) + "</section>\n";
  html +=
      "<footer>Generated by casesim. Figures are simulated estimates with 95% confidence intervals; they describe "
      "the model under the scenario's assumptions.</footer>\n</main>\n";
  html += "<script>" + std::string(kRender) + "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace casesim::analysis::report
