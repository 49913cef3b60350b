// The report's first screen (the answer in plain sentences), its counted
// period, its grouping of measures, its title, and the local-only names: the
// sentence builders on hand-made levels and differences, and the whole page on
// a small file whose numbers the test computes.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/report/answer_sentences.hpp"
#include "analysis/report/charts.hpp"
#include "analysis/report/counted_period.hpp"
#include "analysis/report/html_report.hpp"
#include "analysis/report/local_names.hpp"
#include "analysis/report/measure_groups.hpp"
#include "analysis/results_summary.hpp"

namespace casesim::analysis::report {
namespace {

const MeasureWords kChildren{MeasureKind::count, "children past their visit standard",
                             "children went past their visit standard", ""};

Summary level(double mean, std::size_t n = 200) {
  Summary s;
  s.n = n;
  s.mean = mean;
  s.ci_low = mean - 1;
  s.ci_high = mean + 1;
  return s;
}

PairedDifference difference(double mean, double low, double high) {
  return {"children_past_visit_standard", 1, 0, 200, mean, low, high};
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(AnswerSentence, SaysMoreWhenTheVariantIsClearlyHigher) {
  const PairedDifference d = difference(12.0, 10.5, 13.5);
  const AnswerSentence s = comparison_sentence(kChildren, "cap-18", "cap-22", level(41.0), level(53.0), &d);
  EXPECT_EQ(s.text,
            "With cap-18 instead of cap-22, about 12 more children went past their visit standard (53 against 41, "
            "29% more).");
  // The interval is in the detail, never in the sentence.
  EXPECT_FALSE(has(s.text, "CI"));
  EXPECT_TRUE(has(s.detail, "95% CI +10.5 to +13.5")) << s.detail;
}

TEST(AnswerSentence, SaysFewerWhenTheVariantIsClearlyLower) {
  const PairedDifference d = difference(-4.2, -5.0, -3.4);
  const AnswerSentence s = comparison_sentence(kChildren, "cap-15", "cap-22", level(20.0), level(15.8), &d);
  EXPECT_EQ(s.text,
            "With cap-15 instead of cap-22, about 4.2 fewer children went past their visit standard (16 against 20, "
            "21% fewer).");
}

TEST(AnswerSentence, SaysTheDifferenceIsNotClearWhenItsIntervalIncludesZero) {
  const PairedDifference d = difference(0.6, -0.2, 1.4);
  const AnswerSentence s = comparison_sentence(kChildren, "cap-18", "cap-22", level(41.0), level(41.6), &d);
  EXPECT_EQ(s.text,
            "With cap-18 instead of cap-22, the difference in children past their visit standard is not "
            "clear (42 against 41).");
  // Without a paired difference there is nothing to claim either.
  EXPECT_TRUE(has(comparison_sentence(kChildren, "a", "b", level(41.0), level(50.0), nullptr).text, "is not clear"));
}

TEST(AnswerSentence, SaysAMeasureWithNothingToCountCannotBeCompared) {
  const PairedDifference d = difference(1.0, 0.5, 1.5);
  const MeasureWords lateness{MeasureKind::level, "the average lateness of a late visit", "", "working days"};
  EXPECT_EQ(comparison_sentence(lateness, "cap-12", "cap-22", level(4.0), level(NAN, 0), &d).text,
            "With cap-12 instead of cap-22, the average lateness of a late visit cannot be compared: there was "
            "nothing to count with cap-12.");
  EXPECT_EQ(level_sentence(lateness, level(NAN, 0), "over 26 weeks", 40, "").text,
            "Over 26 weeks, the average lateness of a late visit does not apply: there was nothing to count in any "
            "run.");
}

TEST(AnswerSentence, GivesLevelsWithTheirUnitAndSharesInPercentagePoints) {
  const MeasureWords wait{MeasureKind::level, "the average wait for a social worker", "", "working days"};
  const PairedDifference longer{"unallocated_wait_mean", 1, 0, 50, 2.0, 1.5, 2.5};
  EXPECT_EQ(comparison_sentence(wait, "cap-15", "cap-22", level(4.0), level(6.0), &longer).text,
            "With cap-15 instead of cap-22, the average wait for a social worker is 2 working days higher (6 against "
            "4 working days, 50% higher).");
  // From a base near 0 a percentage ("37079% higher") says less than the two levels: left out beyond ten times.
  const PairedDifference from_nearly_none{"unallocated_wait_mean", 1, 0, 50, 4.1, 3.5, 4.7};
  EXPECT_EQ(comparison_sentence(wait, "cap-15", "cap-22", level(0.011), level(4.1), &from_nearly_none).text,
            "With cap-15 instead of cap-22, the average wait for a social worker is 4.1 working days higher (4.1 "
            "against 0.011 working days).");
  const MeasureWords share{MeasureKind::share, "the share of assessments done within 45 working days", "", ""};
  const PairedDifference lower{"assessments_within_standard_share", 1, 0, 50, -0.05, -0.07, -0.03};
  EXPECT_EQ(comparison_sentence(share, "cap-15", "cap-22", level(0.83), level(0.78), &lower).text,
            "With cap-15 instead of cap-22, the share of assessments done within 45 working days is 5 percentage "
            "points lower (78% against 83%).");
}

TEST(AnswerSentence, ALevelSentenceNamesThePeriodAndTheRuns) {
  EXPECT_EQ(
      level_sentence(kChildren, level(41.2), "over 26 weeks, 15 January to 15 July 2027", 200, "cap-22 (the base)")
          .text,
      "Over 26 weeks, 15 January to 15 July 2027, with cap-22 (the base), about 41 children went past their "
      "visit standard, on average across 200 simulated runs.");
}

TEST(PlainNumber, RoundsToWhatASentenceNeeds) {
  EXPECT_EQ(plain_number(41.4), "41");
  EXPECT_EQ(plain_number(4.24), "4.2");
  EXPECT_EQ(plain_number(4.01), "4");
  EXPECT_EQ(plain_number(0.354), "0.35");
  EXPECT_EQ(plain_number(0.0), "0");
  EXPECT_EQ(plain_number(NAN), "n/a");
}

TEST(CountedPeriod, IsTheWeeksAfterTheWarmUpInWords) {
  results::Metadata m;
  m.start_date = "2027-01-15";
  m.horizon_weeks = 26;
  EXPECT_EQ(period_words(counted_period(m)), "over 26 weeks, 15 January to 15 July 2027");
  m.start_date = "2025-04-07";
  m.horizon_weeks = 156;
  m.warm_up_weeks = 104;
  const CountedPeriod p = counted_period(m);
  EXPECT_EQ(p.first_day, "2027-04-05");
  EXPECT_EQ(p.last_day, "2028-04-02");
  EXPECT_EQ(period_words(p), "over 52 weeks, 5 April 2027 to 2 April 2028");
  m.start_date = "not a date";
  EXPECT_EQ(period_words(counted_period(m)), "over 52 weeks");
}

TEST(MeasureGroups, PutVisitsFirstAndUnknownMeasuresLast) {
  const std::vector<results::Quantity> metrics{{"leavers", "workers", ""},
                                               {"visits_overdue", "visits", ""},
                                               {"not_in_the_catalogue", "cases", ""},
                                               {"cases_stored", "cases", ""}};
  const std::vector<QuantityGroup> groups = group_metrics(metrics);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].heading, "Statutory visits");
  EXPECT_EQ(groups[0].members, std::vector<std::size_t>{1});
  EXPECT_EQ(groups[1].heading, "Waiting for a social worker");
  EXPECT_EQ(groups[2].heading, "Workforce");
  EXPECT_EQ(groups[3].heading, "Other measures");
  EXPECT_EQ(groups[3].members, std::vector<std::size_t>{2});
}

TEST(LocalNames, ShowsANameBesideItsPseudonymOnlyWhenKnown) {
  LocalNames names;
  EXPECT_EQ(names.shown("C-00000001"), "C-00000001");
  names.add("C-00000001", "1001114");
  EXPECT_EQ(names.shown("C-00000001"), "C-00000001 (1001114)");
  EXPECT_EQ(names.shown("C-00000002"), "C-00000002");
}

// An experiment of three caps over 4 replications, every one complete; the
// base holds the fewest children past their standard.
results::ResultsData caps_experiment() {
  results::ResultsData d;
  d.format_version = results::kFormatVersion;
  d.metadata.scenario_name = "baseline";
  d.metadata.scenario_description = "The base scenario's description.";
  d.metadata.start_date = "2025-04-07";
  d.metadata.horizon_weeks = 4;
  d.metadata.warm_up_weeks = 2;
  results::ExperimentRecord e;
  e.name = "caseload-caps";
  e.description = "Caseload cap of 22 per FTE (today) against 18 and 15.";
  e.metrics = {"children_past_visit_standard", "unallocated_at_end"};
  d.metadata.experiment = e;
  d.layout.variants = {"cap-22", "cap-18", "cap-15"};
  d.layout.replications = 4;
  d.layout.metrics = {{"children_past_visit_standard", "children", "Children past their visit standard."},
                      {"unallocated_at_end", "cases", "Cases waiting at the end."}};
  d.layout.series = {{"unallocated", "cases", "Cases waiting for allocation at the end of the week."}};
  d.layout.week_start_dates = {"2025-04-07", "2025-04-14", "2025-04-21", "2025-04-28"};
  d.summary = {{40, 41, 42, 43, 40, 41, 42, 44, 60, 62, 61, 66}, {1, 2, 1, 2, 1, 2, 1, 2, 20, 22, 21, 25}};
  d.weekly = {std::vector<double>(3 * 4 * 4, 1.0)};
  d.completed.assign(12, 1);
  return d;
}

ReportInput caps_input() {
  ReportInput input;
  input.data = caps_experiment();
  for (std::size_t m = 0; m < 2; ++m)
    for (std::size_t v = 1; v < 3; ++v) {
      std::vector<double> diff;
      for (std::size_t r = 0; r < 4; ++r) diff.push_back(input.data.summary[m][v * 4 + r] - input.data.summary[m][r]);
      const Summary s = summarise(diff);
      input.differences.push_back({input.data.layout.metrics[m].name, v, 0, s.n, s.mean, s.ci_low, s.ci_high});
    }
  return input;
}

// A dated change or an answer's sentence names workers by pseudonym; the
// local-only report shows who each one is there too.
TEST(LocalNames, ShowsTheNamesOfThePseudonymsInAText) {
  LocalNames names;
  EXPECT_EQ(names.in_text("W-127378ab0969c0f0 leaves"), "W-127378ab0969c0f0 leaves");
  names.add("W-127378ab0969c0f0", "Kwame Mensah");
  names.add("W-3448ad4d396b927b", "Priya Shah");
  EXPECT_EQ(names.in_text("If W-127378ab0969c0f0 leaves on 1 March and W-3448ad4d396b927b leaves"),
            "If W-127378ab0969c0f0 (Kwame Mensah) leaves on 1 March and W-3448ad4d396b927b (Priya Shah) leaves");
  EXPECT_EQ(names.in_text("W-3448ad4d396b927b"), "W-3448ad4d396b927b (Priya Shah)");
  // A pseudonym not known, or one inside a longer word, is left as it is.
  EXPECT_EQ(names.in_text("W-00000000000000ff starts; XW-127378ab0969c0f0"),
            "W-00000000000000ff starts; XW-127378ab0969c0f0");
  EXPECT_EQ(names.in_text("caseload cap 20"), "caseload cap 20");
}

// The local-only report says, above everything, where the shareable one is:
// `casesim report` without --names on the command line, a button in the page.
TEST(LocalOnlyBanner, NamesWhereTheShareableReportIsAndOnlyWhenNamesAreShown) {
  ReportInput input = caps_input();
  EXPECT_EQ(build_report_html(input).find("id=\"local-only\""), std::string::npos);
  input.names.add("C-00000001", "1001114");
  const std::string command_line = build_report_html(input);
  EXPECT_NE(command_line.find("LOCAL ONLY"), std::string::npos);
  EXPECT_NE(command_line.find("(casesim report without --names)"), std::string::npos);
  input.shareable_report = "the <Download the report> button";
  const std::string page = build_report_html(input);
  EXPECT_NE(page.find("(the &lt;Download the report&gt; button)"), std::string::npos);
  EXPECT_EQ(page.find("casesim report without --names"), std::string::npos);
}

TEST(AnswerSentences, AnExperimentOpensWithItsMainMeasureAndComparesEachVariant) {
  const ReportInput input = caps_input();
  const std::vector<AnswerSentence> sentences = answer_sentences(input);
  ASSERT_GE(sentences.size(), 3u);
  ASSERT_LE(sentences.size(), 4u);
  const double base = summarise(metric_values(input.data, 0, 0)).mean;
  EXPECT_EQ(sentences[0].text, "Over 2 weeks, 21 April to 4 May 2025, with cap-22 (the base), about " +
                                   plain_number(base) +
                                   " children went past their visit standard, on average across 4 simulated runs.");
  // cap-18 differs by 0.25 with an interval around 0; cap-15 by about 20, clearly.
  EXPECT_EQ(sentences[1].variant, "cap-18");
  EXPECT_TRUE(has(sentences[1].text, "is not clear")) << sentences[1].text;
  EXPECT_EQ(sentences[2].variant, "cap-15");
  const double more = summarise(metric_values(input.data, 0, 2)).mean - base;
  EXPECT_TRUE(has(sentences[2].text, "about " + plain_number(more) + " more children")) << sentences[2].text;
  // The fourth: the experiment's other measure, where it changes most.
  ASSERT_EQ(sentences.size(), 4u);
  EXPECT_EQ(sentences[3].metric, "unallocated_at_end");
  EXPECT_TRUE(has(sentences[3].text, "more cases were waiting for a social worker at the end")) << sentences[3].text;
}

TEST(HtmlReport, TakesItsTitleAndDescriptionFromTheExperimentFile) {
  const std::string html = build_report_html(caps_input());
  EXPECT_TRUE(has(html, "<title>casesim report: Caseload caps</title>"));
  EXPECT_TRUE(has(html, "<h1>Caseload caps</h1>"));
  EXPECT_TRUE(has(html, "Caseload cap of 22 per FTE (today) against 18 and 15."));
  EXPECT_FALSE(has(html, "The base scenario's description."));
  // The answer first, the details folded after it.
  EXPECT_LT(html.find("id=\"in-brief\""), html.find("id=\"key-charts\""));
  EXPECT_LT(html.find("id=\"compared-measures\""), html.find("<details class=\"more\""));
  EXPECT_LT(html.find("<details class=\"more\""), html.find("id=\"every-measure\""));
  EXPECT_FALSE(has(html, "LOCAL ONLY"));
  // A plain run takes the scenario's.
  results::Metadata run;
  run.scenario_name = "high-pressure";
  run.scenario_description = "A stretched team.";
  EXPECT_EQ(report_title(run), "High pressure");
  EXPECT_EQ(report_description(run), "A stretched team.");
}

TEST(WeeklyChart, LeavesOutTheWarmUpUnlessAskedAndTitlesInWordsWithItsUnit) {
  ReportInput input = caps_input();
  const auto cropped = weekly_series_chart(input, 0);
  ASSERT_TRUE(cropped);
  EXPECT_EQ(cropped->heading, "Cases waiting for allocation, at the end of each week (cases)");
  const std::string spec = cropped->spec.dump();
  EXPECT_FALSE(has(spec, "\"week\":\"2025-04-07\""));
  EXPECT_TRUE(has(spec, "\"week\":\"2025-04-21\""));
  EXPECT_FALSE(has(spec, "warm-up (not counted)"));
  input.show_warm_up = true;
  const std::string full = weekly_series_chart(input, 0)->spec.dump();
  EXPECT_TRUE(has(full, "\"week\":\"2025-04-07\""));
  EXPECT_TRUE(has(full, "warm-up (not counted)"));
}

TEST(HtmlReport, ShowsNamesOnlyInTheLocalReportWithItsBanner) {
  ReportInput input = caps_input();
  input.data.layout.children = {"C-00000001"};
  input.data.layout.child_stages = {"CP plan"};
  input.data.layout.child_overdue_at_start = {0};
  input.data.metadata.snapshot_extract_date = "2025-04-07";
  input.data.child_visit_late.assign(12, 1);
  const std::string plain = build_report_html(input);
  EXPECT_FALSE(has(plain, "1001114"));
  input.names.add("C-00000001", "1001114");
  const std::string named = build_report_html(input);
  EXPECT_TRUE(has(named, "LOCAL ONLY"));
  EXPECT_TRUE(has(named, "C-00000001 (1001114)"));
}

}  // namespace
}  // namespace casesim::analysis::report
