// The results-file statistics, `casesim summary --csv` and the report page,
// on a small file whose values are worked out by hand.
#include <cmath>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/report/html_report.hpp"
#include "analysis/report/json.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/results_summary.hpp"
#include "apps/casesim/summary_command.hpp"
#include "engine/results/results_file.hpp"
#include "tests/support/not_applicable.hpp"

namespace casesim::analysis {
namespace {

using testing::kNaN;

// Two variants x 3 replications; metrics visits_overdue and longest_visit_gap;
// one series, caseload, over 2 weeks. Variant "cap_15", replication 2 never
// finished (NaN, not completed).
results::ResultsData small_results() {
  results::ResultsData d;
  d.format_version = results::kFormatVersion;
  d.metadata.casesim_version = "0.1.0";
  d.metadata.scenario_name = "small";
  d.metadata.scenario_text = "name: small\n# <script>alert(1)</script>\n";
  d.metadata.seed = 7;
  d.metadata.horizon_weeks = 2;
  d.metadata.warm_up_weeks = 1;
  d.metadata.start_date = "2025-04-07";
  d.layout.variants = {"baseline", "cap_15"};
  d.layout.replications = 3;
  d.layout.metrics = {{"visits_overdue", "visits", "Statutory visits overdue."},
                      {"longest_visit_gap", "working days", "Longest gap."}};
  d.layout.series = {{"caseload", "cases", "Allocated cases."}};
  d.layout.week_start_dates = {"2025-04-07", "2025-04-14"};
  d.summary = {{10, 12, 14, 4, 6, kNaN}, {20, 35, 41, 18, 25, kNaN}};
  d.weekly = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, kNaN, kNaN}};
  d.completed = {1, 1, 1, 1, 1, 0};
  return d;
}

TEST(ResultsSummary, UsesCompletedReplicationsOnly) {
  const auto rows = summarise_results(small_results());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].variant, "baseline");
  EXPECT_EQ(rows[0].metric, "visits_overdue");
  EXPECT_EQ(rows[0].summary.n, 3u);
  EXPECT_DOUBLE_EQ(rows[0].summary.mean, 12.0);
  EXPECT_DOUBLE_EQ(rows[0].summary.sd, 2.0);
  EXPECT_EQ(rows[2].variant, "cap_15");
  EXPECT_EQ(rows[2].summary.n, 2u);
  EXPECT_DOUBLE_EQ(rows[2].summary.mean, 5.0);
}

TEST(ResultsSummary, WeeklyBandAveragesEachWeekAcrossReplications) {
  const WeeklyBand band = weekly_band(small_results(), 0, 0);
  // Week 0: 1, 3, 5; week 1: 2, 4, 6. p05 by type 7: 1 + 0.1 * (3 - 1) = 1.2.
  EXPECT_DOUBLE_EQ(band.mean[0], 3.0);
  EXPECT_DOUBLE_EQ(band.mean[1], 4.0);
  EXPECT_DOUBLE_EQ(band.p05[0], 1.2);
  EXPECT_DOUBLE_EQ(band.p95[1], 5.8);
  EXPECT_EQ(band.replications, 3u);
  EXPECT_DOUBLE_EQ(weekly_band(small_results(), 0, 1).mean[0], 8.0);  // 7 and 9
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream cells(line);
    while (std::getline(cells, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(fields);
  }
  return rows;
}

TEST(SummaryCsv, RoundTripsTheLibraryValuesThroughAResultsFile) {
  const results::ResultsData original = small_results();
  const std::string path = (std::filesystem::temp_directory_path() / "casesim_summary_csv_test.h5").string();
  {
    auto writer = results::ResultsWriter::create(path, original.metadata, original.layout);
    for (std::size_t v = 0; v < 2; ++v)
      for (std::size_t r = 0; r < 3; ++r) {
        const std::size_t slot = v * 3 + r;
        if (!original.completed[slot]) continue;
        const std::vector<double> summary{original.summary[0][slot], original.summary[1][slot]};
        const std::vector<double> weekly{original.weekly[0][slot * 2], original.weekly[0][slot * 2 + 1]};
        writer.write_replication(v, r, summary, weekly);
      }
    writer.close();
  }
  std::ostringstream out;
  cli::summary_command(path, true, out);
  const auto library = summarise_results(results::read_results(path));
  std::filesystem::remove(path);

  const auto csv = parse_csv(out.str());
  ASSERT_EQ(csv.size(), library.size() + 1);
  EXPECT_EQ(csv[0], (std::vector<std::string>{"variant", "metric", "unit", "n", "mean", "sd", "ci_low", "ci_high",
                                              "median", "p05", "p95"}));
  const auto same = [](const std::string& field, double value) {
    if (std::isnan(value)) return field.empty();
    return std::stod(field) == value;  // exact: the CSV holds the shortest text that reads back the same
  };
  for (std::size_t i = 0; i < library.size(); ++i) {
    const auto& row = csv[i + 1];
    const Summary& s = library[i].summary;
    ASSERT_EQ(row.size(), 11u);
    EXPECT_EQ(row[0], library[i].variant);
    EXPECT_EQ(row[1], library[i].metric);
    EXPECT_EQ(row[2], library[i].unit);
    EXPECT_EQ(std::stoul(row[3]), s.n);
    EXPECT_TRUE(same(row[4], s.mean)) << row[4];
    EXPECT_TRUE(same(row[5], s.sd)) << row[5];
    EXPECT_TRUE(same(row[6], s.ci_low)) << row[6];
    EXPECT_TRUE(same(row[7], s.ci_high)) << row[7];
    EXPECT_TRUE(same(row[8], s.median)) << row[8];
    EXPECT_TRUE(same(row[9], s.p05)) << row[9];
    EXPECT_TRUE(same(row[10], s.p95)) << row[10];
  }
  // And against the hand values: baseline longest_visit_gap 20, 35, 41.
  EXPECT_EQ(csv[2][4], "32");
  EXPECT_EQ(csv[2][8], "35");
}

TEST(ReportJson, EscapesSoNoStringCanCloseTheScriptElement) {
  using report::Json;
  const Json j = Json::object({{"a", "</script>\"\n"}, {"b", Json::array({1, 2.5, kNaN, true, Json()})}});
  EXPECT_EQ(j.dump(), R"({"a":"\u003c/script>\"\n","b":[1,2.5,null,true,null]})");
}

TEST(PlainLanguage, RoundsToWhatTheIntervalSupports) {
  Summary s;
  s.n = 50;
  s.mean = 36.44;
  s.ci_low = 34.9;
  s.ci_high = 37.98;
  EXPECT_EQ(report::readable_estimate(s), "36 (95% CI 35\u201338)");
  s.mean = 21.26;
  s.ci_low = 21.11;
  s.ci_high = 21.41;
  EXPECT_EQ(report::readable_estimate(s), "21.3 (95% CI 21.1\u201321.4)");
  EXPECT_EQ(report::readable_percent(wilson_interval(5, 10)), "50% (95% CI 24\u201376%)");
}

TEST(PlainLanguage, ComparesVariantsOnlyThroughPairedDifferences) {
  report::ReportInput input;
  input.data = small_results();
  // Without paired differences: each variant's own interval, no claim.
  auto sentences = report::plain_language_summary(input);
  // Baseline visits_overdue 10, 12, 14: mean 12, sd 2, t(0.975, 2) = 4.3027, half-width 4.97.
  // longest_visit_gap 20, 35, 41: mean 32, sd sqrt(117) = 10.817, half-width 26.87: 5.13 to 58.87.
  EXPECT_EQ(sentences[0],
            "Across 3 replications (1 weeks each, after a 1-week warm-up that is not counted), with "
            "baseline, on average 12 (95% CI 7\u201317) statutory visits were overdue; the longest any "
            "child on a plan went without a visit was 32 (95% CI 5\u201359) working days.");
  bool said_no_claim = false;
  for (const auto& s : sentences) said_no_claim |= s.find("no difference is claimed") != std::string::npos;
  EXPECT_TRUE(said_no_claim);

  // A paired difference whose interval excludes 0 is a change; one covering 0 is not.
  input.differences = {{"visits_overdue", 1, 0, 2, -7.0, -9.0, -5.0}, {"longest_visit_gap", 1, 0, 2, -6.0, -20.0, 8.0}};
  sentences = report::plain_language_summary(input);
  int falls = 0, not_detected = 0;
  for (const auto& s : sentences) {
    falls += s.find("With cap_15, overdue statutory visits falls from 12 (95% CI 7\u201317) to 5") != std::string::npos;
    not_detected += s.find("no difference in the longest time a child went unvisited") != std::string::npos;
  }
  EXPECT_EQ(falls, 1);
  EXPECT_EQ(not_detected, 1);
}

TEST(HtmlReport, HasTheSummaryChartsAndSettingsWithTextEscaped) {
  report::ReportInput input;
  input.data = small_results();
  input.results_path = "small.h5";
  input.parameters = report::ParameterTable{{"team.cap_per_fte"}, {{18}, {15}}};
  const std::string html = report::build_report_html(input);
  EXPECT_NE(html.find("<section class=\"brief\""), std::string::npos);
  EXPECT_NE(html.find("id=\"series-caseload\""), std::string::npos);
  EXPECT_NE(html.find("id=\"overdue-by-variant\""), std::string::npos);
  EXPECT_NE(html.find("cap_15 (team.cap_per_fte = 15)"), std::string::npos);
  EXPECT_EQ(html.find("id=\"paired-differences\""), std::string::npos);  // none given
  EXPECT_NE(html.find("# &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("vegaEmbed"), std::string::npos);
  // Nothing to fetch: the libraries are inline.
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

// Three replications: a t interval 4.3 standard errors wide each side reaches
// below 0 for a count that is 0 in two of them, and above 1 for a share. The
// report shows each where the measure can go, as the terminal tables do.
TEST(HtmlReport, ShowsEachIntervalWhereItsMeasureCanGo) {
  report::ReportInput input;
  input.data = small_results();
  input.data.layout.variants = {"baseline"};
  input.data.layout.metrics = {{"visits_overdue", "visits", "Statutory visits overdue."},
                               {"assessments_within_standard_share", "share", "Assessments within 45 working days."}};
  input.data.summary = {{0, 0, 5}, {1.0, 1.0, 0.4}};
  input.data.weekly = {{1, 2, 3, 4, 5, 6}};
  input.data.completed = {1, 1, 1};
  ASSERT_LT(summarise(std::vector<double>{0, 0, 5}).ci_low, 0.0);
  ASSERT_GT(summarise(std::vector<double>{1.0, 1.0, 0.4}).ci_high, 1.0);
  const std::string html = report::build_report_html(input);
  std::string measures;  // every group's table of measures
  for (std::size_t table = html.find("<table class=\"measures\">"); table != std::string::npos;
       table = html.find("<table class=\"measures\">", table + 1))
    measures += html.substr(table, html.find("</table>", table) - table);
  const std::regex interval("<td>([-0-9.]+)\u2013([-0-9.]+)</td>");
  std::size_t shown = 0;
  for (auto it = std::sregex_iterator(measures.begin(), measures.end(), interval); it != std::sregex_iterator();
       ++it, ++shown) {
    EXPECT_GE(std::stod((*it)[1]), 0.0) << (*it)[0];
    EXPECT_NE((*it)[1].str().front(), '-') << (*it)[0];
  }
  EXPECT_EQ(shown, 2u) << measures;
  // The match points into the text searched: it lives as long as the match.
  const std::size_t at = measures.find("assessments_within_standard_share");
  ASSERT_NE(at, std::string::npos) << measures;
  const std::string row = measures.substr(at);
  std::smatch share;
  std::regex_search(row, share, interval);
  ASSERT_FALSE(share.empty());
  EXPECT_LE(std::stod(share[2]), 1.0) << share[0];
  // The late-work chart's data starts no bar below 0 either.
  EXPECT_EQ(html.find("\"ci_low\":-"), std::string::npos);
}

}  // namespace
}  // namespace casesim::analysis
