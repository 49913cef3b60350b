// The children most at risk in a run started from a snapshot, as the report,
// `casesim summary` and the plain-language summary show them (one ranking:
// analysis::rank_children), on a small file whose chances and Wilson
// intervals are worked out by hand.
#include <cmath>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/children_at_risk.hpp"
#include "analysis/report/html_report.hpp"
#include "analysis/report/plain_language.hpp"
#include "apps/casesim/summary_command.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis {
namespace {

// Two variants x 4 replications x 3 children, 3 weeks from the extract date
// 2027-01-15. Variant 1's replication 3 never finished: its flags (all 1) must
// not count. Late flags by (variant, replication) for children 0, 1, 2:
//   base:          r0 1 0 1, r1 1 0 0, r2 1 0 1, r3 0 0 0  -> 3/4, 0/4, 2/4
//   short_staffed: r0 0 1 0, r1 0 1 0, r2 0 0 0, (r3 1 1 1) -> 0/3, 2/3, 0/3
// Child 2 was already overdue on the extract date.
results::ResultsData snapshot_results() {
  results::ResultsData d;
  d.format_version = results::kFormatVersion;
  d.metadata.casesim_version = "0.1.0";
  d.metadata.scenario_name = "what-if";
  d.metadata.scenario_text = "name: what-if\n";
  d.metadata.seed = 5;
  d.metadata.start_date = "2027-01-15";
  d.metadata.horizon_weeks = 3;
  d.metadata.warm_up_weeks = 0;
  d.metadata.snapshot_extract_date = "2027-01-15";
  d.metadata.timeline_dates = {"2027-01-20", "2027-09-01"};
  d.metadata.timeline_events = {"2 agency workers leave", "a worker starts"};
  d.layout.variants = {"base", "short_staffed"};
  d.layout.replications = 4;
  d.layout.metrics = {{"visits_overdue", "visits", "Statutory visits overdue."}};
  d.layout.series = {{"caseload", "cases", "Allocated cases."}};
  d.layout.week_start_dates = {"2027-01-15", "2027-01-22", "2027-01-29"};
  d.layout.children = {"C-00000001", "C-00000002", "C-00000003"};
  d.layout.child_stages = {"CP plan", "CIN plan", "looked after"};
  d.layout.child_overdue_at_start = {0, 0, 1};
  d.layout.child_workers = {"W-0000000a", "", "W-0000000b"};
  d.summary = {{4, 6, 5, 5, 9, 8, 10, std::nan("")}};
  d.weekly = {std::vector<double>(2 * 4 * 3)};
  for (std::size_t i = 0; i < d.weekly[0].size(); ++i) d.weekly[0][i] = static_cast<double>(i % 5);
  for (std::size_t w = 0; w < 3; ++w) d.weekly[0][7 * 3 + w] = std::nan("");
  d.completed = {1, 1, 1, 1, 1, 1, 1, 0};
  d.child_visit_late = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0,   // base
                        0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1};  // short_staffed
  return d;
}

TEST(ChildrenAtRisk, ListsTheAlreadyOverdueApartAndRanksTheOthersWithWilsonIntervals) {
  const ChildrenRanking base = rank_children(snapshot_results(), 0);
  EXPECT_FALSE(base.base.has_value());
  ASSERT_EQ(base.not_yet_overdue.size(), 2u);
  ASSERT_EQ(base.already_overdue.size(), 1u);
  const ChildAtRisk& first = base.not_yet_overdue[0];
  EXPECT_EQ(first.pseudonym, "C-00000001");
  EXPECT_EQ(first.stage, "CP plan");
  EXPECT_EQ(first.worker, "W-0000000a");
  EXPECT_TRUE(first.worker_known);
  EXPECT_EQ(first.late.events, 3u);
  EXPECT_EQ(first.late.trials, 4u);
  EXPECT_DOUBLE_EQ(first.late.estimate, 0.75);
  // Wilson, z = 1.959964: centre (0.75 + z^2/8) / (1 + z^2/4), half-width
  // z / (1 + z^2/4) * sqrt(0.75 * 0.25 / 4 + z^2 / 64).
  EXPECT_NEAR(first.late.ci_low, 0.300642, 1e-6);
  EXPECT_NEAR(first.late.ci_high, 0.954413, 1e-6);
  EXPECT_EQ(base.not_yet_overdue[1].child, 1u);
  EXPECT_EQ(base.not_yet_overdue[1].late.events, 0u);
  EXPECT_EQ(base.not_yet_overdue[1].worker, "");  // waiting for allocation
  // Already overdue: late in 2 of 4 here, but listed apart whatever its chance.
  EXPECT_EQ(base.already_overdue[0].child, 2u);
  EXPECT_TRUE(base.already_overdue[0].overdue_at_start);
  EXPECT_NEAR(base.already_overdue[0].late.ci_low, 0.150039, 1e-6);
  EXPECT_NEAR(base.already_overdue[0].late.ci_high, 0.849961, 1e-6);
  EXPECT_EQ(children_with_any_risk(base.not_yet_overdue), 1u);

  // Against the base: the rise first. The unfinished replication is left out: three trials, not four.
  const ChildrenRanking short_staffed = rank_children(snapshot_results(), 1);
  ASSERT_EQ(short_staffed.base, std::optional<std::size_t>(0));
  ASSERT_EQ(short_staffed.not_yet_overdue.size(), 2u);
  const ChildAtRisk& risen = short_staffed.not_yet_overdue[0];
  EXPECT_EQ(risen.child, 1u);
  EXPECT_EQ(risen.late.events, 2u);
  EXPECT_EQ(risen.late.trials, 3u);
  EXPECT_NEAR(risen.late.ci_low, 0.207660, 1e-6);
  EXPECT_NEAR(risen.late.ci_high, 0.938508, 1e-6);
  ASSERT_TRUE(risen.base_late.has_value());
  EXPECT_EQ(risen.base_late->events, 0u);
  EXPECT_DOUBLE_EQ(risen.rise(), 2.0 / 3.0);
  EXPECT_EQ(short_staffed.not_yet_overdue[1].child, 0u);
  EXPECT_DOUBLE_EQ(short_staffed.not_yet_overdue[1].rise(), -0.75);
  // Late in 2 of 3 pairs against none: a rise, but not a clear one from three pairs.
  EXPECT_LT(risen.rise_ci_low, 0.0);
  EXPECT_GT(risen.rise_ci_high, 2.0 / 3.0);
  EXPECT_EQ(children_put_at_risk(short_staffed.not_yet_overdue), 0u);
  EXPECT_EQ(short_staffed.already_overdue[0].child, 2u);
}

TEST(ChildrenAtRisk, IsEmptyWithoutASnapshotAndRefusesAMissingVariant) {
  results::ResultsData d = snapshot_results();
  EXPECT_THROW(rank_children(d, 2), std::invalid_argument);
  d.layout.children.clear();
  d.layout.child_stages.clear();
  d.layout.child_workers.clear();
  d.layout.child_overdue_at_start.clear();
  d.child_visit_late.clear();
  EXPECT_EQ(rank_children(d, 0).children(), 0u);
}

TEST(ChildrenAtRisk, AFileWithoutWorkersSaysTheWorkerIsNotKnown) {
  results::ResultsData d = snapshot_results();
  d.layout.child_workers.clear();  // a version 2 file
  const ChildrenRanking ranking = rank_children(d, 0);
  EXPECT_FALSE(ranking.not_yet_overdue[0].worker_known);
  EXPECT_NE(
      cli::children_at_risk_text(d).find("   1  C-00000001          CP plan       -       75% (95% CI 30\u201395%)\n"),
      std::string::npos)
      << cli::children_at_risk_text(d);
}

TEST(ChildrenAtRisk, AWhatIfIsAnsweredForTheRunWithTheChanges) {
  results::ResultsData d = snapshot_results();
  EXPECT_EQ(answer_variant(d), 0u);
  d.metadata.what_if = true;
  EXPECT_EQ(answer_variant(d), results::kWithTheChanges);
}

TEST(ReadableDate, SpellsTheMonth) {
  EXPECT_EQ(report::readable_date("2027-01-15"), "15 January 2027");
  EXPECT_EQ(report::readable_date("2027-03-01"), "1 March 2027");
  EXPECT_EQ(report::readable_date("2027-13-01"), "2027-13-01");
  EXPECT_EQ(report::readable_date("15/01/2027"), "15/01/2027");
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(HtmlReport, StartsFromTheSnapshotMarksDatedChangesAndListsChildrenAtRisk) {
  report::ReportInput input;
  input.data = snapshot_results();
  input.results_path = "what-if.h5";
  const std::string html = report::build_report_html(input);
  EXPECT_NE(html.find("Started from the team as it was on <strong>15 January 2027</strong>: 3 open children, 1 of "
                      "them with a statutory visit already overdue that day."),
            std::string::npos);
  EXPECT_NE(html.find("<li><time datetime=\"2027-01-20\">20 January 2027</time>: 2 agency workers leave</li>"),
            std::string::npos);
  EXPECT_NE(html.find("<li><time datetime=\"2027-09-01\">1 September 2027</time>: a worker starts</li>"),
            std::string::npos);
  // The weekly chart marks the change inside its weeks, with a rule and a
  // label, and leaves out the one after its last week.
  EXPECT_EQ(count(html, "\"label\":\"20 Jan: 2 agency workers leave\""), 2u);  // the rule's data and the label's
  EXPECT_EQ(count(html, "\"strokeDash\":[5,3]"), 1u);
  EXPECT_EQ(html.find("\"label\":\"1 Sep"), std::string::npos);
  EXPECT_NE(html.find("Dashed red lines mark the scenario&#39;s dated changes."), std::string::npos);

  // The brief: the base variant's children, the already overdue apart, and
  // no warm-up advice for a run with none by design.
  EXPECT_NE(html.find("1 of the 3 children open on 15 January 2027 had a statutory visit already overdue. Of the "
                      "other 2, 1 had a statutory visit late in at least half of the replications and 1 in at least "
                      "one; the first on the list below, C-00000001 (CP plan), in 75% (95% CI 30\u201395%)."),
            std::string::npos);
  const auto brief = html.find("<section class=\"brief\"");
  EXPECT_EQ(html.substr(brief, html.find("</section>", brief) - brief).find("warm-up"), std::string::npos);
  EXPECT_NE(html.find("Across completed replications, every week from the snapshot's extract date (over "),
            std::string::npos);

  // The base's tables open, the other variant's folded; ranked rows only for
  // children with any risk, and the already overdue apart in each.
  const auto section = html.find("<section id=\"children-at-risk\">");
  ASSERT_NE(section, std::string::npos);
  const std::string children = html.substr(section, html.find("</section>", section) - section);
  EXPECT_EQ(count(children, "<table class=\"children-at-risk\""), 2u);
  EXPECT_EQ(count(children, "<table class=\"children-overdue\""), 2u);
  EXPECT_NE(children.find("<tr><td>1</td><td class=\"text\"><code class=\"pseudonym\">C-00000001</code></td><td "
                          "class=\"text\">CP plan</td><td class=\"text\"><code class=\"pseudonym\">W-0000000a</code>"
                          "</td><td>75% (95% CI 30\u201395%)</td><td>3 of 4</td></tr>"),
            std::string::npos);
  EXPECT_NE(children.find("<h4>Already overdue on 15 January 2027: 1 children</h4>"), std::string::npos);
  EXPECT_NE(children.find("<details><summary>short_staffed, against base</summary>"), std::string::npos);
  EXPECT_NE(children.find(">66.7%</td><td>0.0%</td><td>+66.7 points</td>"), std::string::npos);
  EXPECT_NE(children.find("Of the 2 children not yet overdue, 1 had a late visit in at least one replication."),
            std::string::npos);
}

TEST(HtmlReport, HasNoSnapshotPartsForAPlainRun) {
  report::ReportInput input;
  input.data = snapshot_results();
  input.data.metadata.snapshot_extract_date.clear();
  input.data.metadata.timeline_dates.clear();
  input.data.metadata.timeline_events.clear();
  input.data.layout.children.clear();
  input.data.layout.child_stages.clear();
  input.data.layout.child_overdue_at_start.clear();
  input.data.layout.child_workers.clear();
  input.data.child_visit_late.clear();
  const std::string html = report::build_report_html(input);
  EXPECT_NE(html.find("id=\"series-caseload\""), std::string::npos);
  for (const char* absent :
       {"id=\"started-from\"", "id=\"dated-changes\"", "id=\"children-at-risk\"", "strokeDash\":[5,3]"})
    EXPECT_EQ(html.find(absent), std::string::npos) << absent;
}

TEST(SummaryCommand, ListsTheChildrenAtRiskAfterTheTablesButNotInTheCsv) {
  const results::ResultsData original = snapshot_results();
  const std::string path = (std::filesystem::temp_directory_path() / "casesim_children_at_risk_test.h5").string();
  {
    auto writer = results::ResultsWriter::create(path, original.metadata, original.layout);
    for (std::size_t slot = 0; slot < 8; ++slot) {
      if (!original.completed[slot]) continue;
      const std::vector<double> summary{original.summary[0][slot]};
      const std::vector<double> weekly(original.weekly[0].begin() + static_cast<std::ptrdiff_t>(slot * 3),
                                       original.weekly[0].begin() + static_cast<std::ptrdiff_t>(slot * 3 + 3));
      const std::vector<std::uint8_t> late(
          original.child_visit_late.begin() + static_cast<std::ptrdiff_t>(slot * 3),
          original.child_visit_late.begin() + static_cast<std::ptrdiff_t>(slot * 3 + 3));
      writer.write_replication(slot / 4, slot % 4, summary, weekly, {}, late);
    }
    writer.close();
  }
  std::ostringstream tables, csv;
  cli::summary_command(path, false, tables);
  cli::summary_command(path, true, csv);
  std::filesystem::remove(path);

  const std::string expected =
      "\nChildren not yet overdue on 15 January 2027, most likely to have a statutory visit late, base (pseudonymous "
      "ids; chance across 4 replications, 95% Wilson interval):\n"
      "   #  child               stage         worker      chance\n"
      "   1  C-00000001          CP plan       W-0000000a  75% (95% CI 30\u201395%)\n"
      "Already overdue on 15 January 2027 (a visit late in every replication): 1 children\n"
      "      C-00000003          looked after  W-0000000b\n"
      "\nChildren not yet overdue on 15 January 2027, most likely to have a statutory visit late, short_staffed, the "
      "rise against base first (pseudonymous ids; chance across 3 replications):\n"
      "   #  child               stage         worker       chance  without     rise\n"
      "   1  C-00000002          CIN plan      (waiting)     66.7%     0.0%   +66.7%\n"
      "Already overdue on 15 January 2027 (a visit late in every replication): 1 children\n"
      "      C-00000003          looked after  W-0000000b\n";
  const std::string out = tables.str();
  ASSERT_GE(out.size(), expected.size());
  EXPECT_EQ(out.substr(out.size() - expected.size()), expected);
  // The tables come first (after the note that not every replication finished: this file's second variant has
  // fewer).
  const std::size_t tables_at = out.find("variant base (4 replications)\n");
  ASSERT_NE(tables_at, std::string::npos);
  EXPECT_LT(tables_at, out.find("Children not yet overdue"));
  EXPECT_TRUE(tables_at == 0 || out.rfind("unfinished run:", 0) == 0) << out.substr(0, tables_at);
  // The CSV stays one table: header and a row per variant and metric.
  EXPECT_EQ(csv.str().find("C-0000"), std::string::npos);
  EXPECT_EQ(count(csv.str(), "\n"), 3u);
}

TEST(SummaryCommand, TopTenAndHowManyMore) {
  results::ResultsData d = snapshot_results();
  d.layout.variants = {"base"};
  d.layout.replications = 1;
  d.summary = {{4}};
  d.weekly = {{1, 2, 3}};
  d.completed = {1};
  d.layout.children.clear();
  d.layout.child_stages.assign(12, "CIN plan");
  d.layout.child_overdue_at_start.assign(12, 0);
  d.layout.child_workers.assign(12, "W-0000000a");
  for (int c = 0; c < 12; ++c) d.layout.children.push_back("C-0000000" + std::string(1, "0123456789ab"[c]));
  d.child_visit_late.assign(12, 1);
  d.child_visit_late[11] = 0;
  const std::string text = cli::children_at_risk_text(d);
  EXPECT_EQ(count(text, "C-0000000"), 10u);
  EXPECT_NE(text.find("  10  C-00000009          CIN plan  W-0000000a  100% (95% CI 21\u2013100%)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  1 more with a late visit in at least one replication; 1 of the 12 in none\n"),
            std::string::npos);
}

}  // namespace
}  // namespace casesim::analysis
