#include "analysis/report/html_report.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "analysis/duration_comparison.hpp"
#include "analysis/report/answer_sentences.hpp"
#include "analysis/report/chart_libraries.hpp"
#include "analysis/report/charts.hpp"
#include "analysis/report/children_section.hpp"
#include "analysis/report/counted_period.hpp"
#include "analysis/report/measure_groups.hpp"
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
.warnings summary { color: #8a4b00; }
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
.lede { font-size: 1.08rem; margin: 0.2rem 0 0.4rem; }
.answer { font-size: 1.12rem; line-height: 1.5; }
.answer sup a { text-decoration: none; font-size: 0.75rem; }
.footnotes { color: var(--muted); font-size: 0.8rem; margin: 0.6rem 0 0; padding-left: 1.2rem; }
details.more { margin-top: 2.5rem; border-top: 3px solid var(--accent); padding-top: 0.6rem; }
details.more > summary { font-size: 1.2rem; }
.local-only { background: #8a1c1c; color: #fff; padding: 0.8rem 1.2rem; border-radius: 6px; margin-bottom: 1rem;
  font-weight: 600; }
.local-only p { margin: 0.2rem 0; }
.shown-name { font-weight: 600; }
/* A phone: the page to the edge, charts the full width, every table a list of cards. */
@media (max-width: 600px) {
  main { padding: 1rem 0.75rem 3rem; }
  h1 { font-size: 1.5rem; }
  header { margin-bottom: 0.8rem; padding-bottom: 0.4rem; }
  .lede { font-size: 0.96rem; line-height: 1.4; }
  .meta { font-size: 0.8rem; line-height: 1.35; }
  dl { grid-template-columns: 1fr; }
  dd { margin-bottom: 0.4rem; }
  table, thead, tbody, tr, td { display: block; width: 100%; }
  thead { display: none; }
  tr { border: 1px solid var(--rule); border-radius: 6px; margin: 0 0 0.6rem; padding: 0.3rem 0.6rem; }
  td, td:first-child { text-align: right; border-bottom: 1px dotted var(--rule); padding: 0.25rem 0;
    overflow-wrap: anywhere; }
  td:last-child { border-bottom: none; }
  td[data-label]::before { content: attr(data-label); float: left; color: var(--muted); text-align: left;
    padding-right: 0.6rem; max-width: 55%; }
  tr.group-heading td::before { content: none; }
}
)";

// Charts are drawn at the width they have: a chart folded inside a closed
// <details> is drawn when it is opened (drawn hidden it would have no width),
// and a panelled (faceted) chart, which Vega-Lite cannot size to its
// container, is drawn once, measured, and drawn again with its panels widened
// or narrowed by what its labels left over or took beyond the container. Each
// table cell carries its column's heading, which a phone shows on its card.
constexpr std::string_view kRender = R"(
// A panel's heading is cut (with an ellipsis) at the panel's width.
function panelWidth(spec, width) {
  spec.spec.width = Math.max(60, width);
  if (spec.facet.row && spec.facet.row.header) spec.facet.row.header.labelLimit = spec.spec.width;
}
function embed(target, spec, fit) {
  return vegaEmbed(target, spec, {actions: false, renderer: 'svg'}).then((result) => {
    const svg = target.querySelector('svg');
    if (!fit || !svg) return;
    const spare = target.clientWidth - svg.getBoundingClientRect().width;
    if (Math.abs(spare) < 4) return;
    result.finalize();
    panelWidth(spec, spec.spec.width + spare - 4);
    return embed(target, spec, false);
  });
}
function draw(el) {
  const target = document.getElementById(el.dataset.chart);
  if (target.dataset.rendered) return;
  const spec = JSON.parse(el.textContent);
  const width = target.clientWidth || document.querySelector('main').clientWidth;
  const panelled = !!(spec.facet && spec.spec && typeof spec.spec.width === 'number');
  if (panelled) panelWidth(spec, width - 130);
  target.dataset.rendered = 'drawing';
  embed(target, spec, panelled)
    .then(() => { target.dataset.rendered = 'true'; })
    .catch((err) => {
      target.dataset.rendered = 'failed';
      target.classList.add('failed');
      target.textContent = 'This chart could not be drawn: ' + err.message;
      console.error(err);
    });
}
function drawVisible() {
  for (const el of document.querySelectorAll('script[type="application/json"][data-chart]'))
    if (!el.closest('details:not([open])')) draw(el);
}
for (const details of document.querySelectorAll('details')) details.addEventListener('toggle', drawVisible);
for (const table of document.querySelectorAll('table')) {
  const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  for (const row of table.querySelectorAll('tbody tr'))
    [...row.cells].forEach((cell, i) => { if (headings[i] && cell.colSpan === 1) cell.dataset.label = headings[i]; });
}
drawVisible();
)";

constexpr std::string_view kNotApplicableCell =
    "<span class=\"na\" title=\"not applicable: nothing to count\">n/a</span>";

std::string cell(double value, double half_width) {
  return html_escape(readable_number(value, half_width));
}

// One group's measures (see measure_groups.hpp), bounds of counts kept at 0 or above.
std::string measures_table(const results::ResultsData& data, const std::vector<std::size_t>& metrics) {
  std::string out = "<table class=\"measures\">\n<thead><tr><th>Measure</th>";
  const bool several = data.layout.variants.size() > 1;
  if (several) out += "<th class=\"text\">Variant</th>";
  out +=
      "<th>Mean</th><th>95% CI</th><th>Median</th><th>5th pct</th><th>95th pct</th><th>n</th><th "
      "class=\"text\">Unit</th></tr></thead>\n<tbody>\n";
  for (const std::size_t m : metrics) {
    const results::Quantity& q = data.layout.metrics[m];
    for (std::size_t v = 0; v < data.layout.variants.size(); ++v) {
      const Summary computed = summarise(metric_values(data, m, v));
      // The decimals follow the computed interval's width, the bounds are shown where the measure can go.
      const double h = computed.n > 1 ? computed.half_width() : std::nan("");
      const Summary s = with_shown_interval(computed, q.unit);
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

// Where the run started and what changes on which date, under the title; the
// workers a change names, by name as well in the local-only report.
std::string starting_point(const results::ResultsData& data, const LocalNames& names) {
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
                         html_escape(readable_date(m.timeline_dates[i])),
                         html_escape(names.in_text(m.timeline_events[i])));
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
  std::string lines, affected;
  std::size_t count = 0;
  for (std::size_t v = 0; v < variants; ++v) {
    const std::vector<UnsettledSeries> unsettled = unsettled_series(data, v, compared);
    for (const UnsettledSeries& u : unsettled)
      lines +=
          "<p>" + html_escape(settling_warning(u, counted, variants > 1 ? data.layout.variants[v] : "")) + "</p>\n";
    count += unsettled.size();
    if (!unsettled.empty() && variants > 1) affected += (affected.empty() ? "" : ", ") + data.layout.variants[v];
  }
  if (lines.empty()) return {};
  // One line on the first screen; each warning when opened, so the answer and the charts stay in view.
  return fmt::format(
             "<details class=\"warnings\" id=\"settling-warnings\"><summary>Warning: {} weekly figure{} still "
             "{} through the counted period{}, so some results depend on how long the run is.</summary>\n",
             count, count == 1 ? "" : "s", count == 1 ? "grows or falls" : "grow or fall",
             affected.empty() ? "" : " (" + html_escape(affected) + ")") +
         lines +
         "<p class=\"note\">Compared: the average of the last third of the counted weeks against the first, "
         "replication by replication; a change whose 95% interval excludes 0, that is at least a fifth of "
         "the level and at least half a unit (half a case) is reported. A longer warm-up, or a run long enough "
         "to show where the queue goes, tells whether it settles.</p>\n</details>\n";
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
  const Interval shown = shown_interval(s.ci_low, s.ci_high, "working days");
  return fmt::format("{:.1f} ({:.1f}\u2013{:.1f})", s.mean, shown.low, shown.high);
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
           ? fmt::format("{} weeks from {}, of which the first {} are warm-up", m.horizon_weeks,
                         readable_date(m.start_date), m.warm_up_weeks)
           : fmt::format("{} weeks from the snapshot extracted on {} ({} row problems let through), no warm-up",
                         m.horizon_weeks, readable_date(m.snapshot_extract_date), m.snapshot_problems)},
      {"casesim version", m.casesim_version},
      {"Random streams", fmt::format("scheme {}, Boost {}", m.stream_scheme_version, m.boost_version)},
      {"Created (UTC)", m.created_utc},
      {"Command line", m.command_line},
      {"Charts drawn with", std::string(chart_library_versions())},
  };
  std::string out = "<dl>\n";
  if (m.experiment)
    out += fmt::format("<dt>Experiment</dt><dd>{} ({})</dd>\n", html_escape(m.experiment->name),
                       html_escape(m.experiment->file));
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
  if (m.experiment)
    out += "<details><summary>Experiment file, as run</summary>\n<pre>" + html_escape(m.experiment->text) +
           "</pre></details>\n";
  out +=
      "<details><summary>Scenario file, as run</summary>\n<pre>" + html_escape(m.scenario_text) + "</pre></details>\n";
  return out;
}

// In the local-only report: what it is, above everything, so it cannot be mistaken for the shareable one.
std::string local_only_banner(const ReportInput& input) {
  if (input.names.empty()) return {};
  return "<div class=\"local-only\" id=\"local-only\" role=\"alert\">\n<p>LOCAL ONLY: this page shows real child "
         "ids and worker names beside their pseudonyms.</p>\n<p>Keep it on this machine: do not e-mail, upload, "
         "print or attach it. Share the ordinary report (" +
         html_escape(input.shareable_report) + "), which holds pseudonyms only.</p>\n</div>\n";
}

// The first screen: the answer in a few plain sentences, each sentence's intervals on hover and as a footnote.
std::string answer_section(const ReportInput& input) {
  std::vector<AnswerSentence> sentences = answer_sentences(input);
  if (sentences.empty())
    for (std::string& text : plain_language_summary(input)) sentences.push_back({std::move(text), "", "", "", false});
  std::string out = "<section class=\"brief\" id=\"in-brief\">\n", notes;
  std::size_t note = 0;
  for (const AnswerSentence& s : sentences) {
    std::string marker;
    if (!s.detail.empty()) {
      ++note;
      marker = fmt::format("<sup><a href=\"#answer-note-{}\">{}</a></sup>", note, note);
      notes += fmt::format("<li id=\"answer-note-{}\">{}</li>\n", note, html_escape(s.detail));
    }
    out += fmt::format("<p class=\"answer\" data-metric=\"{}\" data-variant=\"{}\"{} title=\"{}\">{}{}</p>\n",
                       html_escape(s.metric), html_escape(s.variant), s.chance ? " data-chance=\"true\"" : "",
                       html_escape(s.detail), html_escape(s.text), marker);
  }
  if (!notes.empty()) out += "<ol class=\"footnotes\" id=\"answer-notes\">\n" + notes + "</ol>\n";
  return out + "</section>\n";
}

std::string chart_section(std::string_view heading, const std::optional<Chart>& chart) {
  if (!chart) return {};
  return fmt::format("<section>\n<h2>{}</h2>\n", heading) + chart_html(*chart) + "</section>\n";
}

// The weekly charts a manager reads first: late visits, the queue for a worker and caseloads.
constexpr std::array<model::Series, 3> kKeySeries{model::Series::overdue_visits, model::Series::unallocated,
                                                  model::Series::caseload_per_fte};

bool is_key_series(const std::string& name) {
  const auto series = model::series_named(name);
  return series && std::find(kKeySeries.begin(), kKeySeries.end(), *series) != kKeySeries.end();
}

std::string key_charts_section(const ReportInput& input) {
  std::string charts;
  if (const auto chart = compared_measures_chart(input)) charts += chart_html(*chart);
  for (const model::Series series : kKeySeries)
    if (const std::size_t s = find_series(input.data, series); s != kNotInFile)
      if (const auto chart = weekly_series_chart(input, s)) charts += chart_html(*chart);
  if (charts.empty()) return {};
  return "<section id=\"key-charts\">\n<h2>Week by week</h2>\n" + charts + "</section>\n";
}

// Every headline figure with its interval, for the reader who checks.
std::string in_numbers_section(const ReportInput& input) {
  std::string out =
      "<section class=\"numbers\" id=\"in-numbers\">\n<h2>In numbers</h2>\n<p class=\"note\">The headline "
      "measures with their 95% confidence intervals, " +
      html_escape(period_words(counted_period(input.data.metadata))) + ".</p>\n";
  for (const std::string& sentence : plain_language_summary(input)) out += "<p>" + html_escape(sentence) + "</p>\n";
  return out + "</section>\n";
}

// The other weekly series, by the part of the work they are about.
std::string weekly_sections(const ReportInput& input) {
  std::string out;
  for (const QuantityGroup& group : group_series(input.data.layout.series)) {
    std::string charts;
    for (const std::size_t s : group.members)
      if (!is_key_series(input.data.layout.series[s].name))
        if (const auto chart = weekly_series_chart(input, s)) charts += chart_html(*chart);
    if (!charts.empty()) out += fmt::format("<section>\n<h2>{}</h2>\n", group.heading) + charts + "</section>\n";
  }
  return out;
}

std::string late_work_section(const ReportInput& input) {
  return chart_section("Late and overdue work", overdue_by_variant_chart(input));
}

std::string every_measure_section(const results::ResultsData& data) {
  const results::Metadata& m = data.metadata;
  std::string out = fmt::format(
      "<section id=\"every-measure\">\n<h2>Every measure</h2>\n<p class=\"note\">Across completed replications, "
      "{} ({}). Counts are over that whole period. Hover over a measure's name for its definition.</p>\n",
      m.snapshot_extract_date.empty() ? "after the warm-up" : "every week from the snapshot's extract date",
      html_escape(period_words(counted_period(m))));
  for (const QuantityGroup& group : group_metrics(data.layout.metrics))
    out += fmt::format("<h3>{}</h3>\n", group.heading) + measures_table(data, group.members);
  return out + "</section>\n";
}

std::string settings_section(const ReportInput& input) {
  return "<section>\n<h2>Settings</h2>\n<p class=\"note\">What produced these numbers: rerunning the command line "
         "with this scenario and seed gives the same results.</p>\n" +
         settings(input) + "</section>\n";
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

std::string report_title(const results::Metadata& m) {
  std::string title = m.experiment && !m.experiment->name.empty() ? m.experiment->name : m.scenario_name;
  // A file's name is an identifier ("caseload-caps"); the title reads as words ("Caseload caps").
  std::replace(title.begin(), title.end(), '-', ' ');
  std::replace(title.begin(), title.end(), '_', ' ');
  if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  return title;
}

std::string report_description(const results::Metadata& m) {
  return m.experiment ? m.experiment->description : m.scenario_description;
}

std::string build_report_html(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  const results::Metadata& m = data.metadata;
  const std::string title = report_title(m);
  std::string html;
  html.reserve(vega_js().size() + vega_lite_js().size() + vega_embed_js().size() + 200'000);
  html +=
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += fmt::format("<title>{}casesim report: {}</title>\n<style>{}</style>\n",
                      input.names.empty() ? "" : "LOCAL ONLY, with names: ", html_escape(title), kStyle);
  for (const std::string_view library : {vega_js(), vega_lite_js(), vega_embed_js()}) {
    html += "<script>\n";
    html += library;
    html += "</script>\n";
  }
  html += "</head>\n<body>\n<main>\n" + local_only_banner(input) + "<header>\n<p class=\"kicker\">casesim report</p>\n";
  html += fmt::format("<h1>{}</h1>\n", html_escape(title));
  if (const std::string description = report_description(m); !description.empty())
    html += fmt::format("<p class=\"lede\" id=\"description\">{}</p>\n", html_escape(description));
  std::size_t completed = 0;
  for (auto c : data.completed) completed += c != 0;
  html += fmt::format(
      "<p class=\"meta\">{}{} variant{}, {} completed replications, seed {}, casesim {}, created {}</p>\n"
      "{}</header>\n",
      m.experiment ? fmt::format("Experiment {} on the scenario {}; ", html_escape(m.experiment->file),
                                 html_escape(m.scenario_name))
                   : std::string(),
      data.layout.variants.size(), data.layout.variants.size() == 1 ? "" : "s", completed, m.seed,
      html_escape(m.casesim_version), html_escape(m.created_utc), starting_point(data, input.names));

  // The page in order: the answer, the charts a manager reads, then everything else folded under "Details".
  // Each part is a self-contained section, so another part of the report can be put in its place in a list.
  // A what-if's first screen is its own answer (because of the change), then its workers and worst weeks.
  const std::string what_if = what_if_answer_section(input);
  const std::vector<std::string> first_screen{
      input.optimisation ? optimise_answer_html(*input.optimisation) : std::string(),
      what_if.empty() ? answer_section(input) : what_if, settling_section(data)};
  const std::vector<std::string> main_part{
      what_if.empty() ? std::string() : workers_section(input) + worst_weeks_section(input), key_charts_section(input),
      children_section(input), what_if.empty() ? workers_section(input) : std::string()};
  const std::vector<std::string> details{in_numbers_section(input),
                                         weekly_sections(input),
                                         late_work_section(input),
                                         durations_section(input),
                                         chart_section("Compared with the base", paired_difference_chart(input)),
                                         chart_section("Sensitivity", tornado_chart(input)),
                                         every_measure_section(data),
                                         settings_section(input)};
  for (const auto* part : {&first_screen, &main_part})
    for (const std::string& section : *part) html += section;
  html +=
      "<details class=\"more\" id=\"details\"><summary>Details: every chart, every measure with its interval, "
      "and the settings</summary>\n";
  for (const std::string& section : details) html += section;
  html += "</details>\n";
  html +=
      "<footer>Generated by casesim. Figures are simulated estimates with 95% confidence intervals; they describe "
      "the model under the scenario's assumptions.</footer>\n</main>\n";
  html += "<script>" + std::string(kRender) + "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace casesim::analysis::report
