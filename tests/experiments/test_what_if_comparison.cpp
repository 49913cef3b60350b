// Every what-if answers "because of the change": `casesim run` of a scenario
// with a timeline also runs the team without it, paired, and its numbers are
// those of the equivalent two-variant experiment, bit for bit; `run`,
// `summary` and the report list the same children in the same order; and the
// answer's sentences carry the file's numbers.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/paired.hpp"
#include "analysis/report/what_if_answer.hpp"
#include "apps/casesim/experiment_command.hpp"
#include "apps/casesim/report_command.hpp"
#include "apps/casesim/run_command.hpp"
#include "apps/casesim/summary_command.hpp"
#include "engine/results/results_file.hpp"
#include "tests/experiments/experiment_files.hpp"
#include "tests/experiments/results_equal.hpp"

namespace casesim::cli {
namespace {

namespace fs = std::filesystem;
using testing::same_bits;
using testing::TemporaryDirectory;

const fs::path kSource = CASESIM_SOURCE_DIR;
const std::string kWhatIf = (kSource / "scenarios/what-if/agency-leave.yaml").string();
const std::string kExample = (kSource / "scenarios/snapshots/example").string();
constexpr std::uint64_t kReplications = 6;

std::string run_what_if(const std::string& output, bool comparison = true) {
  RunOptions options;
  options.scenario_path = kWhatIf;
  options.replications = kReplications;
  options.threads = 2;
  options.output = output;
  options.start_from = kExample;
  options.no_comparison = !comparison;
  options.command_line = "casesim run agency-leave.yaml";
  std::ostringstream out;
  run_command(options, out);
  return out.str();
}

// The equivalent experiment: the same file as base, without and with its timeline.
std::string run_equivalent_experiment(const TemporaryDirectory& dir, const std::string& output) {
  const std::string experiment = dir.write("paired.yaml", fmt::format(R"(name: paired
base_scenario: {}
replications: {}
seed: 20270115
metrics: [visits_overdue]
variants:
  - name: without the changes
    overrides: {{timeline: []}}
  - name: with the changes
)",
                                                                      kWhatIf, kReplications));
  ExperimentOptions options;
  options.experiment_path = experiment;
  options.threads = 1;
  options.output = output;
  options.start_from = kExample;
  options.command_line = "casesim experiment paired.yaml";
  std::ostringstream out, err;
  experiment_command(options, out, err);
  return out.str();
}

// What one test run writes, shared by the tests below (each run takes a second or two).
struct WhatIfFiles {
  TemporaryDirectory dir;
  std::string run_text;
  results::ResultsData run;
  results::ResultsData experiment;
  WhatIfFiles() {
    run_text = run_what_if(dir.file("what-if.h5"));
    run = results::read_results(dir.file("what-if.h5"));
    run_equivalent_experiment(dir, dir.file("paired.h5"));
    experiment = results::read_results(dir.file("paired.h5"));
  }
};

const WhatIfFiles& files() {
  static const WhatIfFiles shared;
  return shared;
}

TEST(WhatIfComparison, RunHoldsTheTeamWithoutAndWithTheChangesPaired) {
  const results::ResultsData& d = files().run;
  EXPECT_TRUE(d.metadata.what_if);
  EXPECT_EQ(d.format_version, results::kFormatVersion);
  EXPECT_EQ(d.layout.variants, (std::vector<std::string>{"without the changes", "with the changes"}));
  EXPECT_EQ(d.layout.replications, kReplications);
  EXPECT_EQ(std::count(d.completed.begin(), d.completed.end(), 1), static_cast<long>(2 * kReplications));
  EXPECT_FALSE(d.metadata.timeline_events.empty());
  ASSERT_EQ(d.layout.child_workers.size(), d.layout.children.size());
  std::size_t allocated = 0;
  for (const std::string& worker : d.layout.child_workers) {
    if (worker.empty()) continue;  // waiting for allocation
    EXPECT_EQ(worker.rfind("W-", 0), 0u) << worker;
    ++allocated;
  }
  EXPECT_GT(allocated, d.layout.children.size() / 2);
}

TEST(WhatIfComparison, EqualsTheTwoVariantExperimentBitForBit) {
  const results::ResultsData &run = files().run, &experiment = files().experiment;
  EXPECT_EQ(run.layout.variants, experiment.layout.variants);
  ASSERT_EQ(run.layout.metrics.size(), experiment.layout.metrics.size());
  for (std::size_t m = 0; m < run.layout.metrics.size(); ++m)
    EXPECT_TRUE(same_bits(run.summary[m], experiment.summary[m])) << run.layout.metrics[m].name;
  for (std::size_t s = 0; s < run.layout.series.size(); ++s)
    EXPECT_TRUE(same_bits(run.weekly[s], experiment.weekly[s])) << run.layout.series[s].name;
  EXPECT_EQ(run.distributions, experiment.distributions);
  EXPECT_EQ(run.completed, experiment.completed);
  // The experiment from a snapshot now keeps its children too.
  EXPECT_EQ(run.layout.children, experiment.layout.children);
  EXPECT_EQ(run.layout.child_workers, experiment.layout.child_workers);
  EXPECT_EQ(run.layout.child_overdue_at_start, experiment.layout.child_overdue_at_start);
  EXPECT_EQ(run.child_visit_late, experiment.child_visit_late);
}

TEST(WhatIfComparison, WithTheChangesIsWhatARunWithoutTheComparisonGives) {
  TemporaryDirectory dir;
  run_what_if(dir.file("alone.h5"), false);
  const results::ResultsData alone = results::read_results(dir.file("alone.h5"));
  EXPECT_FALSE(alone.metadata.what_if);
  ASSERT_EQ(alone.layout.variants.size(), 1u);
  const results::ResultsData& paired = files().run;
  const std::size_t r = kReplications, with = results::kWithTheChanges;
  for (std::size_t m = 0; m < alone.layout.metrics.size(); ++m)
    EXPECT_TRUE(same_bits(alone.summary[m], std::vector<double>(paired.summary[m].begin() + static_cast<long>(with * r),
                                                                paired.summary[m].end())))
        << alone.layout.metrics[m].name;
  const std::size_t c = alone.layout.children.size();
  EXPECT_EQ(alone.child_visit_late,
            std::vector<std::uint8_t>(paired.child_visit_late.begin() + static_cast<long>(with * r * c),
                                      paired.child_visit_late.end()));
}

// The pseudonyms of children in `text` from `from` on, in order, up to `until`.
std::vector<std::string> children_in(const std::string& text, std::size_t from, std::size_t until) {
  static const std::regex kChild("C-[0-9a-f]{16}");
  std::vector<std::string> out;
  const std::string part = text.substr(from, until == std::string::npos ? std::string::npos : until - from);
  for (auto it = std::sregex_iterator(part.begin(), part.end(), kChild); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

TEST(WhatIfComparison, RunSummaryAndReportListTheSameChildrenInTheSameOrder) {
  const WhatIfFiles& f = files();
  // run: the list for the run with the changes (the only one it prints).
  const std::size_t run_list = f.run_text.find("\nChildren not yet overdue on");
  ASSERT_NE(run_list, std::string::npos) << f.run_text;
  const std::vector<std::string> from_run = children_in(f.run_text, run_list, f.run_text.find("\nresults: "));

  // summary: the same variant's list, among every variant's.
  std::ostringstream summary;
  summary_command(f.dir.file("what-if.h5"), false, summary);
  const std::string s = summary.str();
  const std::size_t with = s.find("most likely to have a statutory visit late, with the changes");
  ASSERT_NE(with, std::string::npos) << s;
  const std::vector<std::string> from_summary = children_in(s, with, std::string::npos);

  // report: the first children's tables (the run with the changes comes first).
  ReportOptions options;
  options.results_path = f.dir.file("what-if.h5");
  options.output = f.dir.file("what-if.html");
  options.force = true;
  std::ostringstream said;
  report_command(options, said);
  std::ifstream in(options.output);
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t ranked = html.find("<table class=\"children-at-risk\" data-variant=\"1\"");
  const std::size_t overdue = html.find("<table class=\"children-overdue\" data-variant=\"1\"");
  ASSERT_NE(ranked, std::string::npos);
  ASSERT_NE(overdue, std::string::npos);
  std::vector<std::string> from_report = children_in(html, ranked, html.find("</table>", ranked));
  const std::vector<std::string> overdue_in_report = children_in(html, overdue, html.find("</table>", overdue));

  // run and summary show the first 10 ranked, the report 20; all list every
  // child already overdue, apart, after them.
  ASSERT_GE(from_report.size(), 10u);
  from_report.resize(std::min<std::size_t>(from_report.size(), from_run.size() - overdue_in_report.size()));
  from_report.insert(from_report.end(), overdue_in_report.begin(), overdue_in_report.end());
  EXPECT_EQ(from_run, from_report);
  EXPECT_EQ(std::vector<std::string>(from_summary.begin(), from_summary.begin() + static_cast<long>(from_run.size())),
            from_run);
  EXPECT_FALSE(overdue_in_report.empty());
}

TEST(WhatIfComparison, TheAnswerCarriesTheFilesNumbers) {
  const results::ResultsData& d = files().run;
  // The file's numbers, worked out here from the raw datasets.
  std::size_t m = 0;
  while (d.layout.metrics[m].name != "visits_overdue") ++m;
  const std::size_t r = d.layout.replications;
  double with = 0, without = 0;
  std::vector<double> with_values, without_values;
  for (std::size_t k = 0; k < r; ++k) {
    without_values.push_back(d.summary[m][k]);
    with_values.push_back(d.summary[m][r + k]);
    without += d.summary[m][k] / static_cast<double>(r);
    with += d.summary[m][r + k] / static_cast<double>(r);
  }
  const analysis::Summary difference = analysis::paired_difference(with_values, without_values);
  ASSERT_TRUE(difference.ci_low > 0) << "the example's leaving workers add late visits";
  const auto about = [](double x) {
    return std::abs(x) >= 10 ? fmt::format("{:.0f}", std::abs(x)) : fmt::format("{:.1f}", std::abs(x));
  };
  const analysis::report::WhatIfAnswer answer = analysis::report::what_if_answer(d);
  ASSERT_GE(answer.sentences.size(), 3u);
  const std::string& first = answer.sentences.front();
  EXPECT_NE(first.find(fmt::format("about {} more statutory visits will be late", about(with - without))),
            std::string::npos)
      << first;
  EXPECT_NE(first.find(fmt::format("({} against {}, {:.0f}% more)", about(with), about(without),
                                   100 * (with - without) / without)),
            std::string::npos)
      << first;
  EXPECT_NE(first.find("leaves on 1 March 2027"), std::string::npos) << first;  // the timeline, in words
  EXPECT_NE(first.find("by mid-July 2027"), std::string::npos) << first;
  // Intervals in the footnotes, not the sentences.
  for (const std::string& sentence : answer.sentences) EXPECT_EQ(sentence.find("CI"), std::string::npos) << sentence;
  EXPECT_NE(
      answer.footnotes.front().find(fmt::format("(95% CI {:+.1f} to {:+.1f})", difference.ci_low, difference.ci_high)),
      std::string::npos)
      << answer.footnotes.front();
  // run prints the answer first, after the header.
  EXPECT_NE(files().run_text.find(first), std::string::npos);
  EXPECT_LT(files().run_text.find(first), files().run_text.find("referrals_received"));
}

// A what-if whose dated change changes nothing: the same replications both ways.
TEST(WhatIfComparison, AChangeThatChangesNothingMakesNoClearDifference) {
  TemporaryDirectory dir;
  const std::string scenario =
      dir.write("nothing.yaml", std::string(testing::kSmallScenario) +
                                    "timeline:\n  - {date: 2025-06-02, event: referral_rate, factor: 1.0}\n");
  RunOptions options;
  options.scenario_path = scenario;
  options.threads = 1;
  options.output = dir.file("nothing.h5");
  std::ostringstream out;
  run_command(options, out);
  const results::ResultsData d = results::read_results(options.output);
  ASSERT_TRUE(d.metadata.what_if);
  const analysis::report::WhatIfAnswer answer = analysis::report::what_if_answer(d);
  ASSERT_FALSE(answer.sentences.empty());
  EXPECT_NE(answer.sentences.front().find("the change makes no clear difference to late statutory visits"),
            std::string::npos)
      << answer.sentences.front();
  EXPECT_NE(out.str().find("the change makes no clear difference"), std::string::npos);
}

}  // namespace
}  // namespace casesim::cli
