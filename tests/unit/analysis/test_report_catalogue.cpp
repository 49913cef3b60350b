// The report takes what it knows about each metric and series from the
// model's catalogue (engine/model/metrics.hpp), never from the shape of a
// name: the late-work chart, the workforce section and the metrics the
// plain-language summary speaks about.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "analysis/report/charts.hpp"
#include "analysis/report/html_report.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/results_summary.hpp"
#include "engine/model/metrics.hpp"

namespace casesim::analysis {
namespace {

// One variant, two replications, two weeks: every catalogue metric and series,
// and one of each that the catalogue does not know, named so that guessing
// from the name would file them as late work and as workforce.
results::ResultsData whole_catalogue_results() {
  results::ResultsData d;
  d.format_version = results::kFormatVersion;
  d.metadata.scenario_name = "whole catalogue";
  d.metadata.horizon_weeks = 2;
  d.metadata.start_date = "2025-04-07";
  d.layout.variants = {"baseline"};
  d.layout.replications = 2;
  for (const auto& q : model::metric_definitions())
    d.layout.metrics.push_back({std::string(q.name), std::string(q.unit), std::string(q.description)});
  d.layout.metrics.push_back({"visits_overdue_by_region", "visits", "Not in the catalogue."});
  for (const auto& q : model::series_definitions())
    d.layout.series.push_back({std::string(q.name), std::string(q.unit), std::string(q.description)});
  d.layout.series.push_back({"leavers_per_week", "workers", "Not in the catalogue."});
  d.layout.week_start_dates = {"2025-04-07", "2025-04-14"};
  d.summary.assign(d.layout.metrics.size(), {1.0, 3.0});
  d.weekly.assign(d.layout.series.size(), {1.0, 2.0, 3.0, 4.0});
  d.completed = {1, 1};
  return d;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

TEST(ReportCatalogue, LateWorkChartHasTheMetricsTheCatalogueMarksAsLateWork) {
  report::ReportInput input;
  input.data = whole_catalogue_results();
  const auto chart = report::overdue_by_variant_chart(input);
  ASSERT_TRUE(chart);
  const std::string spec = chart->spec.dump();
  std::size_t late = 0;
  for (const auto& q : model::metric_definitions()) late += q.late_work;
  EXPECT_EQ(count(spec, "\"label\":"), late);  // one row per late-work metric, one variant
  EXPECT_EQ(count(spec, "\"label\":\"Visits overdue (visits)\""), 1u);
  EXPECT_EQ(count(spec, "\"label\":\"Cases stored (cases)\""), 1u);
  EXPECT_EQ(count(spec, "Visits overdue by region"), 0u);
  EXPECT_EQ(count(spec, "Supervision missed"), 0u);
}

TEST(ReportCatalogue, WorkforceSeriesAreThoseTheCatalogueFilesUnderWorkforce) {
  for (const auto& q : model::series_definitions())
    EXPECT_EQ(report::is_workforce_series(std::string(q.name)), q.group == model::MetricGroup::workforce) << q.name;
  EXPECT_TRUE(report::is_workforce_series("staff_fte"));
  EXPECT_FALSE(report::is_workforce_series("caseload_per_fte"));
  EXPECT_FALSE(report::is_workforce_series("leavers_per_week"));  // unknown: stays with caseload

  report::ReportInput input;
  input.data = whole_catalogue_results();
  const std::string html = report::build_report_html(input);
  const auto workforce = html.find("<h2>Workforce</h2>");
  ASSERT_NE(workforce, std::string::npos);
  EXPECT_GT(html.find("id=\"series-agency_fte\""), workforce);
  EXPECT_LT(html.find("id=\"series-caseload_per_fte\""), workforce);
  EXPECT_LT(html.find("id=\"series-leavers_per_week\""), workforce);
}

TEST(ReportCatalogue, FindsCatalogueMetricsAndSeriesInAFileByName) {
  const results::ResultsData data = whole_catalogue_results();
  EXPECT_EQ(find_metric(data, model::Metric::longest_visit_gap), model::index(model::Metric::longest_visit_gap));
  EXPECT_EQ(find_series(data, model::Series::absent_fte), model::index(model::Series::absent_fte));
  results::ResultsData fewer = data;
  fewer.layout.metrics.erase(fewer.layout.metrics.begin());
  EXPECT_EQ(find_metric(fewer, model::Metric::referrals_received), kNotInFile);
  EXPECT_EQ(find_metric(fewer, model::Metric::re_referrals), 0u);
}

TEST(ReportCatalogue, SummarySpeaksAboutEveryHeadlineAndRiskMetricOfAWholeFile) {
  report::ReportInput input;
  input.data = whole_catalogue_results();
  std::string text;
  for (const std::string& sentence : report::plain_language_summary(input)) text += sentence + "\n";
  for (const report::HeadlineMetric& h : report::headline_metrics()) {
    // The phrase around its value, less its first letter: a phrase may open a sentence.
    const std::size_t value = h.phrase.find("{v}");
    const std::string before_value(h.phrase.substr(value == 0 ? 0 : 1, value == 0 ? 0 : value - 1));
    const std::string after_value(h.phrase.substr(value + 3));
    EXPECT_TRUE(text.find(before_value) != std::string::npos && text.find(after_value) != std::string::npos)
        << model::definition(h.metric).name;
  }
  for (const report::RiskDefinition& r : report::risk_definitions())
    EXPECT_EQ(count(text, std::string(r.event)), 1u) << model::definition(r.metric).name;
}

}  // namespace
}  // namespace casesim::analysis
