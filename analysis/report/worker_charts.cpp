#include "analysis/report/worker_charts.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include <fmt/format.h>

#include "analysis/report/html_report.hpp"

namespace casesim::analysis::report {

namespace {

// means[v][w * workers + k]: the mean over variant v's completed replications.
std::vector<std::vector<double>> worker_means(const results::ResultsData& data, std::size_t series) {
  const std::size_t weeks = data.layout.week_start_dates.size(), workers = data.layout.workers.size();
  const std::size_t replications = data.layout.replications, cells = weeks * workers;
  std::vector<std::vector<double>> means(data.layout.variants.size(), std::vector<double>(cells, std::nan("")));
  for (std::size_t v = 0; v < means.size(); ++v) {
    std::vector<double> sum(cells, 0.0);
    std::size_t n = 0;
    for (std::size_t r = 0; r < replications; ++r) {
      const std::size_t slot = v * replications + r;
      if (!data.completed[slot]) continue;
      ++n;
      for (std::size_t i = 0; i < cells; ++i) sum[i] += data.worker_weekly[series][slot * cells + i];
    }
    if (n > 0)
      for (std::size_t i = 0; i < cells; ++i) means[v][i] = sum[i] / static_cast<double>(n);
  }
  return means;
}

}  // namespace

std::optional<Chart> worker_series_chart(const ReportInput& input, std::size_t series) {
  const results::ResultsData& data = input.data;
  const auto& workers = data.layout.workers;
  const auto& weeks = data.layout.week_start_dates;
  if (workers.empty() || series >= data.layout.worker_series.size() || weeks.empty()) return std::nullopt;
  const results::Quantity& q = data.layout.worker_series[series];
  const std::vector<std::vector<double>> means = worker_means(data, series);

  // Order the panels: by how far the variants' lines lie apart over the run
  // (the change's effect on that worker), then by the highest line.
  std::vector<double> apart(workers.size(), 0.0), highest(workers.size(), 0.0);
  for (std::size_t k = 0; k < workers.size(); ++k)
    for (std::size_t w = 0; w < weeks.size(); ++w) {
      const std::size_t i = w * workers.size() + k;
      for (std::size_t v = 0; v < means.size(); ++v) {
        if (std::isnan(means[v][i])) continue;
        highest[k] = std::max(highest[k], means[v][i]);
        if (v > 0 && !std::isnan(means[0][i])) apart[k] += std::abs(means[v][i] - means[0][i]);
      }
    }
  std::vector<std::size_t> order(workers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (apart[a] != apart[b]) return apart[a] > apart[b];
    return highest[a] > highest[b];
  });
  Json sort = Json::array();
  for (const std::size_t k : order) sort.push(workers[k]);

  Json rows = Json::array();
  for (std::size_t v = 0; v < means.size(); ++v)
    for (std::size_t k = 0; k < workers.size(); ++k)
      for (std::size_t w = 0; w < weeks.size(); ++w)
        rows.push(Json::object({{"worker", workers[k]},
                                {"variant", data.layout.variants[v]},
                                {"week", weeks[w]},
                                {"mean", means[v][w * workers.size() + k]}}));
  Json domain = Json::array();
  for (const auto& v : data.layout.variants) domain.push(v);
  const Json line = Json::object(
      {{"mark", Json::object({{"type", "line"}, {"strokeWidth", 1.5}})},
       {"encoding",
        Json::object(
            {{"x", Json::object({{"field", "week"},
                                 {"type", "temporal"},
                                 {"title", Json()},
                                 {"axis", Json::object({{"format", "%b"}, {"labelOverlap", true}})}})},
             {"y", Json::object({{"field", "mean"}, {"type", "quantitative"}, {"title", q.unit}})},
             {"color", Json::object({{"field", "variant"},
                                     {"type", "nominal"},
                                     {"title", Json()},
                                     {"scale", Json::object({{"domain", domain}, {"scheme", "tableau10"}})},
                                     {"legend", Json::object({{"orient", "top"}})}})},
             {"tooltip",
              Json::array({Json::object({{"field", "worker"}, {"type", "nominal"}}),
                           Json::object({{"field", "variant"}, {"type", "nominal"}}),
                           Json::object({{"field", "week"}, {"type", "temporal"}, {"title", "week of"}}),
                           Json::object({{"field", "mean"}, {"type", "quantitative"}, {"format", ".1f"}})})}})}});
  Json spec = Json::object({{"$schema", "https://vega.github.io/schema/vega-lite/v5.json"}});
  spec.set("data", Json::object({{"values", std::move(rows)}}));
  spec.set("columns", 3);
  spec.set("facet", Json::object({{"field", "worker"},
                                  {"type", "nominal"},
                                  {"title", Json()},
                                  {"sort", std::move(sort)},
                                  {"header", Json::object({{"labelFontSize", 11}})}}));
  spec.set("spec", Json::object({{"width", 120}, {"height", 70}, {"layer", Json::array({line})}}));

  Chart chart;
  chart.id = "workers-" + q.name;
  chart.heading = q.name == "caseload"
                      ? "Each worker's caseload at the end of each week (cases)"
                      : "Each worker's children with a visit overdue at the end of each week (children)";
  chart.note = fmt::format(
      "{} One panel per worker (by pseudonym), the average week across the simulated futures{}; the workers the "
      "change moves most come first. A worker who leaves drops to 0 from their last day; a post's panel then "
      "follows whoever fills it.",
      q.description, data.metadata.what_if ? ", with and without the changes" : "");
  chart.spec = std::move(spec);
  return chart;
}

std::string workers_section(const ReportInput& input) {
  std::string charts;
  for (std::size_t q = 0; q < input.data.layout.worker_series.size(); ++q)
    if (const auto chart = worker_series_chart(input, q)) charts += chart_html(*chart);
  if (charts.empty()) return {};
  return "<section id=\"workers\">\n<h2>Worker by worker</h2>\n" + charts + "</section>\n";
}

}  // namespace casesim::analysis::report
