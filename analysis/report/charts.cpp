#include "analysis/report/charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "analysis/duration_comparison.hpp"
#include "analysis/metamodel.hpp"
#include "analysis/report/counted_period.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/results_summary.hpp"
#include "engine/model/metrics.hpp"

namespace casesim::analysis::report {

namespace {

using Object = Json::Object;

std::string spaced(const std::string& name) {
  std::string s = name;
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string metric_label(const results::Quantity& q) {
  return fmt::format("{} ({})", spaced(q.name), q.unit);
}

// One colour per variant, the same in every chart.
Json variant_colour(const ReportInput& input) {
  Json domain = Json::array();
  for (const auto& v : input.data.layout.variants) domain.push(v);
  return Json::object(
      {{"field", "variant"},
       {"type", "nominal"},
       {"title", "Variant"},
       {"scale", Json::object({{"domain", domain}, {"scheme", "tableau10"}})},
       {"legend", input.data.layout.variants.size() > 1 ? Json(Json::object({{"orient", "bottom"}})) : Json()}});
}

Json base_spec() {
  return Json::object({{"$schema", "https://vega.github.io/schema/vega-lite/v5.json"}});
}

// Interval rows for a facet of metrics by variant: error bars and points.
Json interval_facet(const ReportInput& input, Json rows, bool zero_rule) {
  Json layers = Json::array();
  if (zero_rule)
    layers.push(Json::object(
        {{"mark", Json::object({{"type", "rule"}, {"color", "#555"}, {"strokeDash", Json::array({4, 3})}})},
         {"encoding", Json::object({{"x", Json::object({{"datum", 0}})}})}}));
  const Json tooltip = Json::array(
      {Json::object({{"field", "variant"}, {"type", "nominal"}}),
       Json::object({{"field", "mean"}, {"type", "quantitative"}, {"format", ".3~f"}}),
       Json::object({{"field", "ci_low"}, {"type", "quantitative"}, {"title", "95% CI low"}, {"format", ".3~f"}}),
       Json::object({{"field", "ci_high"}, {"type", "quantitative"}, {"title", "95% CI high"}, {"format", ".3~f"}}),
       Json::object({{"field", "n"}, {"type", "quantitative"}, {"title", "replications"}})});
  const Json y = Json::object({{"field", "variant"}, {"type", "nominal"}, {"title", Json()}, {"sort", Json()}});
  // A row with nothing to count in any replication is written, never drawn as 0.
  const Json applies = Json::array({Json::object({{"filter", "datum.applies"}})});
  layers.push(
      Json::object({{"transform", applies},
                    {"mark", Json::object({{"type", "errorbar"}, {"ticks", true}, {"thickness", 2}})},
                    {"encoding", Json::object({{"x", Json::object({{"field", "ci_low"},
                                                                   {"type", "quantitative"},
                                                                   {"title", Json()},
                                                                   {"scale", Json::object({{"zero", false}})}})},
                                               {"x2", Json::object({{"field", "ci_high"}})},
                                               {"y", y},
                                               {"color", variant_colour(input)}})}}));
  layers.push(
      Json::object({{"transform", applies},
                    {"mark", Json::object({{"type", "point"}, {"filled", true}, {"size", 70}})},
                    {"encoding", Json::object({{"x", Json::object({{"field", "mean"}, {"type", "quantitative"}})},
                                               {"y", y},
                                               {"color", variant_colour(input)},
                                               {"tooltip", tooltip}})}}));
  layers.push(Json::object(
      {{"transform", Json::array({Json::object({{"filter", "!datum.applies"}})})},
       {"mark",
        Json::object({{"type", "text"}, {"align", "left"}, {"x", 4}, {"color", "#5c6370"}, {"fontStyle", "italic"}})},
       {"encoding", Json::object({{"y", y}, {"text", Json::object({{"value", "n/a (nothing to count)"}})}})}}));
  Json spec = base_spec();
  spec.set("data", Json::object({{"values", std::move(rows)}}));
  spec.set("facet", Json::object({{"row", Json::object({{"field", "label"},
                                                        {"type", "nominal"},
                                                        {"title", Json()},
                                                        {"sort", Json()},
                                                        {"header", Json::object({{"labelAngle", 0},
                                                                                 {"labelOrient", "top"},
                                                                                 {"labelAnchor", "start"},
                                                                                 {"labelFontSize", 13},
                                                                                 {"labelFontWeight", "bold"}})}})}}));
  spec.set("spec",
           Json::object({{"width", 560}, {"height", Json::object({{"step", 26}})}, {"layer", std::move(layers)}}));
  spec.set("resolve", Json::object({{"scale", Json::object({{"x", "independent"}})}}));
  return spec;
}

// A metric the catalogue does not know (a file from another version of
// casesim) is left out of the late-work chart, not guessed at; it is still in
// the table of every measure.
bool marks_late_work(const std::string& name) {
  const auto metric = model::metric_named(name);
  return metric && model::definition(*metric).late_work;
}

constexpr const char* kEventColour = "#b03a2e";

// The scenario's dated changes inside the charted weeks, as dashed vertical
// rules with their descriptions. Labels step down in three rows so that
// changes a few weeks apart do not print over each other, and those in the
// last third of the chart read leftwards so they stay inside it. Returns how
// many were marked.
std::size_t add_dated_changes(const results::ResultsData& data, std::size_t first_week, Json& layers) {
  const std::vector<std::string> weeks(data.layout.week_start_dates.begin() + static_cast<std::ptrdiff_t>(first_week),
                                       data.layout.week_start_dates.end());
  const auto& dates = data.metadata.timeline_dates;
  const auto& events = data.metadata.timeline_events;
  if (weeks.empty() || dates.empty() || dates.size() != events.size()) return 0;
  std::size_t marked = 0;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    // ISO dates order as text. A change after the last week's start, or before the first, is off the chart.
    if (dates[i] < weeks.front() || dates[i] > weeks.back()) continue;
    const auto week = static_cast<std::size_t>(std::lower_bound(weeks.begin(), weeks.end(), dates[i]) - weeks.begin());
    const bool late_in_chart = 3 * week > 2 * weeks.size();
    std::string day_month = readable_date(dates[i]);  // "1 March 2027" -> "1 Mar"
    if (const auto space = day_month.find(' '); space != std::string::npos && day_month.size() > space + 4)
      day_month = day_month.substr(0, space + 4);
    const Json value = Json::array(
        {Json::object({{"date", dates[i]}, {"event", events[i]}, {"label", day_month + ": " + events[i]}})});
    layers.push(Json::object(
        {{"data", Json::object({{"values", value}})},
         {"mark",
          Json::object(
              {{"type", "rule"}, {"color", kEventColour}, {"strokeWidth", 1.5}, {"strokeDash", Json::array({5, 3})}})},
         {"encoding",
          Json::object(
              {{"x", Json::object({{"field", "date"}, {"type", "temporal"}})},
               {"tooltip",
                Json::array(
                    {Json::object({{"field", "date"}, {"type", "temporal"}, {"title", "date"}, {"format", "%e %B %Y"}}),
                     Json::object({{"field", "event"}, {"type", "nominal"}, {"title", "change"}})})}})}}));
    layers.push(Json::object(
        {{"data", Json::object({{"values", value}})},
         {"mark", Json::object({{"type", "text"},
                                {"align", late_in_chart ? "right" : "left"},
                                {"baseline", "top"},
                                {"dx", late_in_chart ? -4 : 4},
                                {"y", 4 + 14 * static_cast<int>(marked % 3)},
                                {"color", kEventColour},
                                {"fontSize", 11}})},
         {"encoding", Json::object({{"x", Json::object({{"field", "date"}, {"type", "temporal"}})},
                                    {"text", Json::object({{"field", "label"}, {"type", "nominal"}})}})}}));
    ++marked;
  }
  return marked;
}

}  // namespace

std::string weekly_chart_title(const results::Quantity& series) {
  // The catalogue's descriptions read "Cases waiting for allocation at the end of the week."
  std::string title = series.description;
  while (!title.empty() && (title.back() == '.' || title.back() == ' ')) title.pop_back();
  if (title.empty()) title = spaced(series.name);
  constexpr std::string_view kWeekEnd = " at the end of the week";
  if (title.ends_with(kWeekEnd)) title.resize(title.size() - kWeekEnd.size());
  return fmt::format("{}, at the end of each week ({})", title, series.unit);
}

bool is_workforce_series(const std::string& name) {
  const auto series = model::series_named(name);
  return series && model::definition(*series).group == model::MetricGroup::workforce;
}

std::optional<Chart> weekly_series_chart(const ReportInput& input, std::size_t series) {
  const results::ResultsData& data = input.data;
  const auto& weeks = data.layout.week_start_dates;
  if (series >= data.layout.series.size() || weeks.empty()) return std::nullopt;
  const results::Quantity& q = data.layout.series[series];

  // The warm-up is an empty office filling up: not counted, and by default not drawn either, so the
  // counted weeks fill the axis.
  const auto warm_up = static_cast<std::size_t>(std::max(0, data.metadata.warm_up_weeks));
  const std::size_t first_week = input.show_warm_up || warm_up >= weeks.size() ? 0 : warm_up;
  Json rows = Json::array();
  std::size_t replications = 0;
  for (std::size_t v = 0; v < data.layout.variants.size(); ++v) {
    const WeeklyBand band = weekly_band(data, series, v);
    replications = std::max(replications, band.replications);
    for (std::size_t w = first_week; w < weeks.size(); ++w)
      rows.push(Json::object({{"variant", data.layout.variants[v]},
                              {"week", weeks[w]},
                              {"mean", band.mean[w]},
                              {"p05", band.p05[w]},
                              {"p95", band.p95[w]}}));
  }
  if (replications == 0) return std::nullopt;

  // Ticks on the first of the month (every third month over longer runs), so
  // a label and a dated change's rule line up with the calendar.
  const Json ticks = Json::object({{"interval", "month"}, {"step", weeks.size() - first_week <= 60 ? 1 : 3}});
  const Json x =
      Json::object({{"field", "week"},
                    {"type", "temporal"},
                    {"title", Json()},
                    {"axis", Json::object({{"format", "%b %Y"}, {"labelOverlap", true}, {"tickCount", ticks}})}});
  Json layers = Json::array();
  if (first_week == 0 && warm_up > 0 && warm_up < weeks.size()) {
    const Json warm = Json::array(
        {Json::object({{"start", weeks.front()}, {"end", weeks[warm_up]}, {"label", "warm-up (not counted)"}})});
    layers.push(
        Json::object({{"data", Json::object({{"values", warm}})},
                      {"mark", Json::object({{"type", "rect"}, {"color", "#f0ede6"}})},
                      {"encoding", Json::object({{"x", Json::object({{"field", "start"}, {"type", "temporal"}})},
                                                 {"x2", Json::object({{"field", "end"}})}})}}));
    layers.push(
        Json::object({{"data", Json::object({{"values", warm}})},
                      {"mark", Json::object({{"type", "text"},
                                             {"align", "left"},
                                             {"baseline", "top"},
                                             {"dx", 4},
                                             {"dy", 4},
                                             {"y", 0},
                                             {"color", "#6b6457"},
                                             {"fontStyle", "italic"}})},
                      {"encoding", Json::object({{"x", Json::object({{"field", "start"}, {"type", "temporal"}})},
                                                 {"text", Json::object({{"field", "label"}})}})}}));
  }
  layers.push(Json::object(
      {{"mark", Json::object({{"type", "area"}, {"opacity", 0.22}})},
       {"encoding", Json::object({{"x", x},
                                  {"y", Json::object({{"field", "p05"}, {"type", "quantitative"}, {"title", q.unit}})},
                                  {"y2", Json::object({{"field", "p95"}})},
                                  {"color", variant_colour(input)}})}}));
  layers.push(Json::object(
      {{"mark", Json::object({{"type", "line"}, {"strokeWidth", 2}})},
       {"encoding",
        Json::object(
            {{"x", x},
             {"y", Json::object({{"field", "mean"}, {"type", "quantitative"}})},
             {"color", variant_colour(input)},
             {"tooltip",
              Json::array(
                  {Json::object({{"field", "variant"}, {"type", "nominal"}}),
                   Json::object(
                       {{"field", "week"}, {"type", "temporal"}, {"title", "week of"}, {"format", "%e %B %Y"}}),
                   Json::object({{"field", "mean"}, {"type", "quantitative"}, {"format", ".2f"}}),
                   Json::object(
                       {{"field", "p05"}, {"type", "quantitative"}, {"title", "5th percentile"}, {"format", ".2f"}}),
                   Json::object({{"field", "p95"},
                                 {"type", "quantitative"},
                                 {"title", "95th percentile"},
                                 {"format", ".2f"}})})}})}}));
  const std::size_t marked = add_dated_changes(data, first_week, layers);
  Json spec = base_spec();
  spec.set("width", "container");
  spec.set("height", 240);
  spec.set("data", Json::object({{"values", std::move(rows)}}));
  spec.set("layer", std::move(layers));

  Chart chart;
  chart.id = "series-" + q.name;
  chart.heading = weekly_chart_title(q);
  const bool warm_up_drawn = first_week == 0 && warm_up > 0 && warm_up < weeks.size();
  chart.note = fmt::format(
      "Line: the average week across {} simulated runs; shaded band: where the middle 90 in every 100 runs "
      "fell that week (5th to 95th percentile), the spread of what could happen rather than doubt about the "
      "average.{}{}",
      replications,
      warm_up_drawn ? " The shaded start is the warm-up, left out of every other figure."
      : first_week > 0
          ? fmt::format(" From {}, after the {}-week warm-up (not counted in any figure; casesim report --show-warm-up "
                        "draws it).",
                        readable_date(weeks[first_week]), warm_up)
          : "",
      marked > 0 ? " Dashed red lines mark the scenario's dated changes." : "");
  chart.spec = std::move(spec);
  return chart;
}

std::optional<Chart> overdue_by_variant_chart(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  Json rows = Json::array();
  std::size_t count = 0;
  for (std::size_t m = 0; m < data.layout.metrics.size(); ++m) {
    if (!marks_late_work(data.layout.metrics[m].name)) continue;
    ++count;
    for (std::size_t v = 0; v < data.layout.variants.size(); ++v) {
      const Summary s = with_shown_interval(summarise(metric_values(data, m, v)), data.layout.metrics[m].unit);
      rows.push(Json::object({{"label", metric_label(data.layout.metrics[m])},
                              {"variant", data.layout.variants[v]},
                              {"mean", s.mean},
                              {"ci_low", s.n > 1 ? s.ci_low : s.mean},
                              {"ci_high", s.n > 1 ? s.ci_high : s.mean},
                              {"n", s.n},
                              {"applies", s.n > 0}}));
    }
  }
  if (count == 0) return std::nullopt;
  Chart chart;
  chart.id = "overdue-by-variant";
  chart.heading = "Late and overdue work, " + period_words(counted_period(data.metadata));
  chart.note =
      "Each dot is the mean across replications; the bar is its 95% confidence interval. Scales differ "
      "between panels, and do not start at zero. A measure with nothing to count in any replication reads n/a.";
  chart.spec = interval_facet(input, std::move(rows), false);
  return chart;
}

std::optional<Chart> duration_chart(const ReportInput& input, std::size_t distribution) {
  const results::ResultsData& data = input.data;
  if (distribution >= data.layout.distributions.quantities.size()) return std::nullopt;
  const std::size_t variants = data.layout.variants.size() <= kDurationChartVariants ? data.layout.variants.size() : 1;
  static constexpr std::string_view kEngland = "England (DfE)";
  Json rows = Json::array();
  Json domain = Json::array();
  Json range = Json::array();
  // The report's variant colours (tableau10, in order), England in grey.
  static constexpr std::array<std::string_view, 10> kTableau10{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                                               "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  std::vector<std::string> not_applicable;
  const DurationComparison* first = nullptr;
  std::vector<DurationComparison> kept;
  for (std::size_t v = 0; v < variants; ++v) {
    for (DurationComparison& c : compare_durations(data, v))
      if (c.distribution == distribution) kept.push_back(std::move(c));
    if (kept.size() != v + 1) return std::nullopt;  // no national figures for it
  }
  first = &kept.front();
  for (std::size_t v = 0; v < variants; ++v) {
    const DurationComparison& c = kept[v];
    const std::string& name = data.layout.variants[v];
    domain.push(name);
    range.push(std::string(kTableau10[v % kTableau10.size()]));
    // A variant that completed none has no shares: said in the note, never drawn as 0.
    if (c.with_completions == 0) {
      not_applicable.push_back(name);
      continue;
    }
    for (std::size_t b = 0; b < c.bands.size(); ++b) {
      const Summary& s = c.bands[b].simulated;
      const ShareInterval interval = share_interval(s);
      rows.push(Json::object({{"band", std::string(c.bands[b].national.label)},
                              {"order", b},
                              {"source", name},
                              {"share", s.mean},
                              {"ci_low", interval.low},
                              {"ci_high", interval.high},
                              {"n", s.n}}));
    }
  }
  domain.push(std::string(kEngland));
  range.push("#8c8c8c");
  for (std::size_t b = 0; b < first->bands.size(); ++b)
    rows.push(Json::object({{"band", std::string(first->bands[b].national.label)},
                            {"order", b},
                            {"source", std::string(kEngland)},
                            {"share", first->bands[b].national.share}}));

  const Json x = Json::object({{"field", "band"},
                               {"type", "ordinal"},
                               {"title", "working days"},
                               {"sort", Json::object({{"field", "order"}, {"op", "min"}})},
                               {"axis", Json::object({{"labelAngle", 0}})}});
  const Json offset = Json::object({{"field", "source"}, {"type", "nominal"}, {"sort", domain}});
  const Json colour = Json::object({{"field", "source"},
                                    {"type", "nominal"},
                                    {"title", Json()},
                                    {"scale", Json::object({{"domain", domain}, {"range", range}})},
                                    {"legend", Json::object({{"orient", "bottom"}})}});
  const Json tooltip = Json::array(
      {Json::object({{"field", "source"}, {"type", "nominal"}, {"title", "from"}}),
       Json::object({{"field", "band"}, {"type", "ordinal"}, {"title", "working days"}}),
       Json::object({{"field", "share"}, {"type", "quantitative"}, {"format", ".1%"}}),
       Json::object({{"field", "ci_low"}, {"type", "quantitative"}, {"title", "95% CI low"}, {"format", ".1%"}}),
       Json::object({{"field", "ci_high"}, {"type", "quantitative"}, {"title", "95% CI high"}, {"format", ".1%"}}),
       Json::object({{"field", "n"}, {"type", "quantitative"}, {"title", "replications"}})});
  const std::string y_title = "share of " + first->unit;
  Json layers = Json::array(
      {Json::object({{"mark", Json::object({{"type", "bar"}})},
                     {"encoding", Json::object({{"y", Json::object({{"field", "share"},
                                                                    {"type", "quantitative"},
                                                                    {"title", y_title},
                                                                    {"axis", Json::object({{"format", "%"}})}})},
                                                {"color", colour},
                                                {"tooltip", tooltip}})}}),
       Json::object(
           {{"transform", Json::array({Json::object({{"filter", "isValid(datum.ci_low)"}})})},
            {"mark", Json::object({{"type", "errorbar"}, {"ticks", true}, {"color", "#1f2328"}})},
            {"encoding",
             Json::object({{"y", Json::object({{"field", "ci_low"}, {"type", "quantitative"}, {"title", y_title}})},
                           {"y2", Json::object({{"field", "ci_high"}})}})}})});
  Json spec = base_spec();
  spec.set("width", "container");
  spec.set("height", 240);
  spec.set("data", Json::object({{"values", std::move(rows)}}));
  spec.set("encoding", Json::object({{"x", x}, {"xOffset", offset}}));
  spec.set("layer", std::move(layers));

  Chart chart;
  chart.id = "duration-" + first->name;
  chart.heading = std::string(first->national->title);
  std::string missing;
  for (const std::string& name : not_applicable) missing += (missing.empty() ? "" : ", ") + name;
  chart.note = fmt::format(
      "{} Bars: the share of {} in each of DfE's bands, per replication and then averaged across replications, "
      "with its 95% confidence interval; grey: England's published share (its source under the table).{}{}",
      first->description, first->unit, variants < data.layout.variants.size() ? " Shown for the base variant." : "",
      missing.empty()
          ? ""
          : fmt::format(" n/a for {}: none completed in any replication, so there are no shares.", missing));
  chart.spec = std::move(spec);
  return chart;
}

namespace {

// Paired differences from the base, of every metric or of `only` (in the file's order).
Json difference_rows(const ReportInput& input, const std::vector<std::string>* only) {
  const results::ResultsData& data = input.data;
  Json rows = Json::array();
  for (const PairedDifference& d : input.differences) {
    const std::size_t m = find_metric(data, d.metric);
    if (m == kNotInFile || d.variant >= data.layout.variants.size() || d.base != 0) continue;
    if (only && std::find(only->begin(), only->end(), d.metric) == only->end()) continue;
    rows.push(Json::object({{"label", metric_label(data.layout.metrics[m])},
                            {"variant", data.layout.variants[d.variant]},
                            {"mean", d.mean},
                            {"ci_low", d.ci_low},
                            {"ci_high", d.ci_high},
                            {"n", d.pairs},
                            {"applies", d.pairs > 0}}));
  }
  return rows;
}

}  // namespace

namespace {

Chart difference_chart(const ReportInput& input, Json rows, std::string id, std::string heading, std::string note) {
  Chart chart;
  chart.id = std::move(id);
  chart.heading = std::move(heading);
  chart.note = std::move(note);
  chart.spec = interval_facet(input, std::move(rows), true);
  return chart;
}

}  // namespace

std::optional<Chart> compared_measures_chart(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  if (data.layout.variants.size() < 2 || input.differences.empty() || !data.metadata.experiment) return std::nullopt;
  Json rows = difference_rows(input, &data.metadata.experiment->metrics);
  if (rows.dump() == "[]") return std::nullopt;
  return difference_chart(
      input, std::move(rows), "compared-measures",
      "What each variant changes, against " + data.layout.variants[0] + ", " +
          period_words(counted_period(data.metadata)),
      "The measures the experiment compares: each variant minus the base, run by run with the same chance events, "
      "with the 95% confidence interval of the difference. An interval crossing the dashed zero line means the "
      "difference is not clear.");
}

std::optional<Chart> paired_difference_chart(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  if (data.layout.variants.size() < 2 || input.differences.empty()) return std::nullopt;
  return difference_chart(input, difference_rows(input, nullptr), "paired-differences",
                          "Differences from " + data.layout.variants[0],
                          "Each variant minus the base, replication by replication (common random numbers), with "
                          "the 95% confidence interval of the mean difference. An interval crossing the dashed zero "
                          "line means no difference was detected.");
}

std::optional<Chart> tornado_chart(const ReportInput& input) {
  if (!input.parameters) return std::nullopt;
  const results::ResultsData& data = input.data;
  const ParameterTable& table = *input.parameters;
  const std::size_t variants = data.layout.variants.size();
  if (table.values.size() != variants || table.names.empty()) return std::nullopt;

  // Only parameters that the sweep varies can be separated.
  std::vector<std::size_t> varied;
  for (std::size_t p = 0; p < table.names.size(); ++p)
    for (std::size_t v = 1; v < variants; ++v)
      if (table.values[v][p] != table.values[0][p]) {
        varied.push_back(p);
        break;
      }
  if (varied.empty()) return std::nullopt;
  std::vector<std::string> names;
  for (std::size_t p : varied) names.push_back(table.names[p]);

  Json rows = Json::array();
  std::size_t fitted = 0;
  for (const HeadlineMetric& h : headline_metrics()) {
    const std::size_t m = find_metric(data, h.metric);
    if (m == kNotInFile) continue;
    std::vector<double> y;
    std::vector<std::size_t> variant_of;
    for (std::size_t v = 0; v < variants; ++v)
      for (double value : metric_values(data, m, v)) {
        if (std::isnan(value)) continue;  // not applicable in that replication
        y.push_back(value);
        variant_of.push_back(v);
      }
    Eigen::MatrixXd x(static_cast<Eigen::Index>(y.size()), static_cast<Eigen::Index>(varied.size()));
    for (std::size_t i = 0; i < y.size(); ++i)
      for (std::size_t j = 0; j < varied.size(); ++j)
        x(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = table.values[variant_of[i]][varied[j]];
    try {
      const Metamodel model =
          fit_metamodel(x, Eigen::Map<const Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size())), names);
      ++fitted;
      for (std::size_t j = 0; j < names.size(); ++j)
        rows.push(Json::object(
            {{"label", fmt::format("{} (R\u00b2 = {:.2f})", metric_label(data.layout.metrics[m]), model.r_squared)},
             {"parameter", names[j]},
             {"standardised", model.standardised[j]},
             {"magnitude", std::fabs(model.standardised[j])},
             {"coefficient", model.coefficients[j]},
             {"direction", model.standardised[j] < 0 ? "lowers it" : "raises it"}}));
    } catch (const std::invalid_argument&) {
      // A sweep too small, or with levers moved together, has nothing to rank for this metric.
    }
  }
  if (fitted == 0) return std::nullopt;
  Json spec = base_spec();
  spec.set("data", Json::object({{"values", std::move(rows)}}));
  spec.set("facet", Json::object({{"row", Json::object({{"field", "label"},
                                                        {"type", "nominal"},
                                                        {"title", Json()},
                                                        {"sort", Json()},
                                                        {"header", Json::object({{"labelAngle", 0},
                                                                                 {"labelOrient", "top"},
                                                                                 {"labelAnchor", "start"},
                                                                                 {"labelFontSize", 13},
                                                                                 {"labelFontWeight", "bold"}})}})}}));
  spec.set(
      "spec",
      Json::object(
          {{"width", 560},
           {"height", Json::object({{"step", 24}})},
           {"layer",
            Json::array(
                {Json::object(
                     {{"mark", "bar"},
                      {"encoding",
                       Json::object(
                           {{"x", Json::object({{"field", "standardised"},
                                                {"type", "quantitative"},
                                                {"title", "standardised effect"}})},
                            {"y",
                             Json::object({{"field", "parameter"},
                                           {"type", "nominal"},
                                           {"title", Json()},
                                           {"sort", Json::object({{"field", "magnitude"}, {"order", "descending"}})}})},
                            {"color",
                             Json::object({{"field", "direction"},
                                           {"type", "nominal"},
                                           {"title", Json()},
                                           {"scale", Json::object({{"domain", Json::array({"lowers it", "raises it"})},
                                                                   {"range", Json::array({"#3b7ea1", "#c4603b"})}})},
                                           {"legend", Json::object({{"orient", "bottom"}})}})},
                            {"tooltip",
                             Json::array({Json::object({{"field", "parameter"}, {"type", "nominal"}}),
                                          Json::object(
                                              {{"field", "standardised"}, {"type", "quantitative"}, {"format", ".3f"}}),
                                          Json::object({{"field", "coefficient"},
                                                        {"type", "quantitative"},
                                                        {"title", "per unit of lever"},
                                                        {"format", ".4g"}})})}})}}),
                 Json::object({{"mark", Json::object({{"type", "rule"}, {"color", "#555"}})},
                               {"encoding", Json::object({{"x", Json::object({{"datum", 0}})}})}})})}}));
  Chart chart;
  chart.id = "sensitivity";
  chart.heading = "Which lever matters most";
  chart.note =
      "A straight-line model of each measure on the swept settings, fitted over every replication. Bars "
      "are standardised coefficients: how many standard deviations the measure moves when a setting moves "
      "by one of its own standard deviations across the sweep. Longer bars matter more; R\u00b2 says how "
      "much of the variation the straight-line model explains.";
  chart.spec = std::move(spec);
  return chart;
}

}  // namespace casesim::analysis::report
