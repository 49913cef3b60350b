// A share or mean with nothing to count is NaN in the results file: "not
// applicable". Downstream it is left out, counted in n, and written "n/a",
// never 0: the statistics, `casesim summary` (tables and CSV), the run's
// table and the report.
#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/report/charts.hpp"
#include "analysis/report/html_report.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/results_summary.hpp"
#include "apps/casesim/summary_command.hpp"
#include "apps/casesim/summary_table.hpp"
#include "engine/results/results_file.hpp"
#include "tests/support/not_applicable.hpp"

namespace casesim::analysis {
namespace {

using testing::kNaN;

// Two variants x 3 replications, all finished. visits_overdue always applies;
// assessments_within_standard_share has nothing to count in replication 1 of
// the base and in every replication of cap_12; visit_days_overdue_mean applies
// in only one replication of the base.
results::ResultsData file_with_gaps() {
  results::ResultsData d;
  d.format_version = results::kFormatVersion;
  d.metadata.casesim_version = "0.1.0";
  d.metadata.scenario_name = "gaps";
  d.metadata.scenario_text = "name: gaps\n";
  d.metadata.seed = 3;
  d.metadata.horizon_weeks = 2;
  d.metadata.warm_up_weeks = 1;
  d.metadata.start_date = "2025-04-07";
  d.layout.variants = {"base", "cap_12"};
  d.layout.replications = 3;
  d.layout.metrics = {{"visits_overdue", "visits", "Statutory visits overdue."},
                      {"assessments_within_standard_share", "share", "Share of assessments on time."},
                      {"visit_days_overdue_mean", "working days", "Mean lateness of overdue visits."}};
  d.layout.series = {{"caseload", "cases", "Allocated cases."}};
  d.layout.week_start_dates = {"2025-04-07", "2025-04-14"};
  d.summary = {{10, 12, 14, 30, 32, 34}, {0.75, kNaN, 0.25, kNaN, kNaN, kNaN}, {kNaN, 4.0, kNaN, 6, 7, 8}};
  d.weekly = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}};
  d.completed = {1, 1, 1, 1, 1, 1};
  return d;
}

const MetricSummary& row(const std::vector<MetricSummary>& rows, const std::string& variant,
                         const std::string& metric) {
  for (const MetricSummary& r : rows)
    if (r.variant == variant && r.metric == metric) return r;
  throw std::logic_error("no row " + variant + " " + metric);
}

TEST(NotApplicable, SummariesUseTheReplicationsWhereTheMetricAppliesAndSayHowMany) {
  const auto rows = summarise_results(file_with_gaps());
  const MetricSummary& some = row(rows, "base", "assessments_within_standard_share");
  EXPECT_EQ(some.replications, 3u);
  EXPECT_EQ(some.summary.n, 2u);
  EXPECT_DOUBLE_EQ(some.summary.mean, 0.5);  // never (0.75 + 0 + 0.25) / 3
  const MetricSummary& none = row(rows, "cap_12", "assessments_within_standard_share");
  EXPECT_EQ(none.replications, 3u);
  EXPECT_EQ(none.summary.n, 0u);
  EXPECT_TRUE(std::isnan(none.summary.mean));
  EXPECT_EQ(row(rows, "base", "visit_days_overdue_mean").summary.n, 1u);
}

std::vector<std::string> csv_row(const std::string& csv, const std::string& starts) {
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(starts, 0) == 0) {
      std::vector<std::string> fields;
      std::string field;
      std::istringstream cells(line);
      while (std::getline(cells, field, ',')) fields.push_back(field);
      if (line.back() == ',') fields.emplace_back();
      return fields;
    }
  return {};
}

TEST(NotApplicable, SummaryCsvWritesNaWhereAMetricAppliedInNoReplication) {
  const std::string csv = cli::summary_csv(summarise_results(file_with_gaps()));
  // Applied in none: every statistic n/a, n 0.
  EXPECT_EQ(csv_row(csv, "cap_12,assessments_within_standard_share,"),
            (std::vector<std::string>{"cap_12", "assessments_within_standard_share", "share", "0", "n/a", "n/a", "n/a",
                                      "n/a", "n/a", "n/a", "n/a"}));
  // Applied in two of three: a mean over those two.
  const auto some = csv_row(csv, "base,assessments_within_standard_share,");
  ASSERT_EQ(some.size(), 11u);
  EXPECT_EQ(some[3], "2");
  EXPECT_EQ(some[4], "0.5");
  // Applied in one: the value, and no sd or interval (one value cannot give them).
  const auto one = csv_row(csv, "base,visit_days_overdue_mean,");
  ASSERT_EQ(one.size(), 11u);
  EXPECT_EQ(one[3], "1");
  EXPECT_EQ(one[4], "4");
  EXPECT_EQ(one[5], "");
  EXPECT_EQ(one[6], "");
  EXPECT_EQ(one[8], "4");
}

TEST(NotApplicable, SummaryTablesWriteNaAndExplainN) {
  const std::string text = cli::summary_tables(summarise_results(file_with_gaps()));
  EXPECT_NE(text.find("variant base (3 replications)"), std::string::npos) << text;
  EXPECT_NE(text.find("variant cap_12 (3 replications)"), std::string::npos) << text;
  std::istringstream in(text);
  std::string line, none;
  while (std::getline(in, line))
    if (line.rfind("assessments_within_standard_share", 0) == 0) none = line;  // the last: cap_12's
  EXPECT_NE(none.find("n/a"), std::string::npos) << none;
  EXPECT_EQ(none.find(" 0.00"), std::string::npos) << none;
  EXPECT_NE(text.find("n: the replications in which the measure applies"), std::string::npos) << text;
}

TEST(NotApplicable, TheRunTableWritesNaAndNamesTheMeasuresThatApplyInFewer) {
  const auto rows = summarise_results(file_with_gaps());
  std::vector<cli::TableRow> table;
  for (const MetricSummary& r : rows)
    if (r.variant == "base") table.push_back({r.metric, r.unit, r.summary});
  Summary nothing;
  nothing.n = 0;
  nothing.mean = nothing.ci_low = nothing.ci_high = kNaN;
  table.push_back({"nothing_counted_share", "share", nothing});
  const std::string text = cli::format_summary_table(table, 3);
  std::istringstream in(text);
  std::string line;
  bool saw_na = false;
  while (std::getline(in, line))
    if (line.rfind("nothing_counted_share", 0) == 0) {
      saw_na = true;
      EXPECT_NE(line.find("n/a"), std::string::npos) << line;
    }
  EXPECT_TRUE(saw_na) << text;
  EXPECT_NE(text.find("assessments_within_standard_share (2 of 3), visit_days_overdue_mean (1 of 3), "
                      "nothing_counted_share (0 of 3)"),
            std::string::npos)
      << text;
  EXPECT_EQ(cli::readable_mean(nothing), "n/a");
  EXPECT_EQ(cli::readable_interval(nothing), "n/a");
}

TEST(NotApplicable, TheReportWritesNaAndNeverDrawsItAsZero) {
  report::ReportInput input;
  input.data = file_with_gaps();
  input.results_path = "gaps.h5";
  const std::string html = report::build_report_html(input);
  EXPECT_NE(html.find(">n/a</span>"), std::string::npos);
  // The late-work chart marks the row as not applicable and does not plot it.
  input.data.layout.metrics[1].name = "visit_days_overdue_max";  // a late-work metric of the catalogue
  const auto chart = report::overdue_by_variant_chart(input);
  ASSERT_TRUE(chart.has_value());
  const std::string spec = chart->spec.dump();
  EXPECT_NE(spec.find("\"mean\":null"), std::string::npos) << spec;
  EXPECT_NE(spec.find("\"applies\":false"), std::string::npos) << spec;
  EXPECT_NE(spec.find("\"filter\":\"datum.applies\""), std::string::npos) << spec;
  EXPECT_NE(spec.find("n/a (nothing to count)"), std::string::npos) << spec;
}

TEST(NotApplicable, ThePlainLanguageSummarySaysAHeadlineDoesNotApply) {
  report::ReportInput input;
  input.data = file_with_gaps();
  // Only cap_12, where the share applied in no replication.
  input.data.layout.variants = {"cap_12"};
  for (auto& values : input.data.summary) values.erase(values.begin(), values.begin() + 3);
  input.data.weekly[0].erase(input.data.weekly[0].begin(), input.data.weekly[0].begin() + 6);
  input.data.completed = {1, 1, 1};
  std::string all;
  for (const std::string& s : report::plain_language_summary(input)) all += s + "\n";
  EXPECT_NE(all.find("the share of assessments completed within 45 working days does not apply (nothing to count "
                     "in any replication)"),
            std::string::npos)
      << all;
  // With some replications: said over how many.
  input.data = file_with_gaps();
  all.clear();
  for (const std::string& s : report::plain_language_summary(input)) all += s + "\n";
  EXPECT_NE(all.find("(in the 2 of 3 replications where it applies)"), std::string::npos) << all;
}

// Through a real file and `casesim summary`: NaN survives as "not applicable".
TEST(NotApplicable, ACompletedNaNReadsBackAsNotApplicableInTheSummaryCommand) {
  const results::ResultsData original = file_with_gaps();
  const std::string path = (std::filesystem::temp_directory_path() / "casesim_not_applicable_test.h5").string();
  {
    auto writer = results::ResultsWriter::create(path, original.metadata, original.layout);
    for (std::size_t slot = 0; slot < 6; ++slot) {
      const std::vector<double> summary{original.summary[0][slot], original.summary[1][slot],
                                        original.summary[2][slot]};
      const std::vector<double> weekly{original.weekly[0][slot * 2], original.weekly[0][slot * 2 + 1]};
      writer.write_replication(slot / 3, slot % 3, summary, weekly);
    }
    writer.close();
  }
  std::ostringstream out;
  cli::summary_command(path, true, out);
  std::filesystem::remove(path);
  EXPECT_EQ(csv_row(out.str(), "cap_12,assessments_within_standard_share,")[4], "n/a") << out.str();
  EXPECT_EQ(csv_row(out.str(), "base,assessments_within_standard_share,")[3], "2") << out.str();
}

}  // namespace
}  // namespace casesim::analysis
