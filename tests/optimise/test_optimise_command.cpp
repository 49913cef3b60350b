// `casesim optimise` as the program runs it, on the M/M/c configuration whose
// answer is known (Erlang C): what it prints, the results file it writes
// (readable by `casesim summary`), common random numbers between plans, and
// the same answer and replications whatever the number of threads.
#include <algorithm>
#include <cmath>
#include <sstream>

#include <gtest/gtest.h>

#include "apps/casesim/optimise_command.hpp"
#include "apps/casesim/summary_command.hpp"
#include "apps/casesim/usage_error.hpp"
#include "engine/results/optimisation_record.hpp"
#include "engine/results/results_file.hpp"
#include "tests/optimise/optimise_files.hpp"

namespace casesim {
namespace {

// a = 1: Erlang C gives P(wait) 0.333 with 2 workers and 0.091 with 3, so the
// answer is 2 added workers; absence cover does nothing here (no absence) but
// costs, so the answer leaves it off.
const std::string kStaffing = testing::queue_staffing(R"(  - field: policy.absence_cover
    name: cover
    values: [none, duty]
    cost_per_year: {none: 0, duty: 500}
targets:
  - metric: cases_waited_share
    mean_at_most: 0.2
procedure: {confidence: 0.95, initial_replications: 10, batch_replications: 10, max_replications: 100}
)");

struct OptimiseRun {
  cli::OptimiseOutcome outcome;
  std::string printed;
};

OptimiseRun optimise(const testing::TemporaryFolder& folder, const std::string& output, int threads) {
  cli::OptimiseOptions options;
  options.optimise_path = folder.file("staffing.yaml");
  options.output = folder.file(output);
  options.threads = threads;
  options.command_line = "casesim optimise staffing.yaml";
  std::ostringstream out;
  OptimiseRun run{cli::optimise_command(options, out), ""};
  run.printed = out.str();
  return run;
}

class OptimiseCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_.write("mmc.yaml", testing::queue_scenario(1.0, 1.0, 20));
    folder_.write("staffing.yaml", kStaffing);
  }
  testing::TemporaryFolder folder_;
};

TEST_F(OptimiseCommand, NamesTheErlangCAnswerAndWritesAFileSummaryReads) {
  const OptimiseRun run = optimise(folder_, "staffing.h5", 2);
  EXPECT_EQ(run.outcome.end, "chosen");
  EXPECT_EQ(run.outcome.chosen_plan, "added=2,cover=none");
  EXPECT_DOUBLE_EQ(run.outcome.chosen_cost_per_year, 20000.0);
  // The answer first, in words, with its cost over the 16 counted weeks.
  EXPECT_EQ(run.printed.find("Recommended plan: Add two permanent workers from the first day and set cover to none.\n"
                             "It costs £6,154 over the 16 weeks, 5 May to 24 August 2025 (£20,000 a year at the full "
                             "rate of its options).\n"),
            run.printed.find('\n') + 1)
      << run.printed;
  EXPECT_DOUBLE_EQ(run.outcome.chosen_cost_over_period, 20000.0 * 16 / 52);
  EXPECT_NE(run.printed.find("answer: added=2,cover=none at £6,154 over the 16 weeks, 5 May to 24 August 2025 "
                             "(£20,000 a year)\n"
                             "  team.additional_permanent_workers: 2\n"
                             "  policy.absence_cover: none\n"
                             "With 95% confidence this is the cheapest of the 8 plans that meets every target.\n"),
            std::string::npos)
      << run.printed;
  EXPECT_NE(run.printed.find("cheaper plans, each shown to miss a target (4 of 4, nearest in cost first):"),
            std::string::npos)
      << run.printed;
  EXPECT_NE(run.printed.find("  added=2,cover=duty  £6,308  £154 more over the period: not needed"), std::string::npos)
      << run.printed;

  const results::ResultsData data = results::read_results(folder_.file("staffing.h5"));
  ASSERT_EQ(data.layout.variants.size(), 8u);
  EXPECT_EQ(data.layout.variants[4], "added=2,cover=none");
  ASSERT_TRUE(data.metadata.experiment.has_value());
  EXPECT_EQ(data.metadata.experiment->name, "queue-staffing");
  EXPECT_EQ(data.metadata.experiment->parameter_names,
            (std::vector<std::string>{"team.additional_permanent_workers", "policy.absence_cover"}));
  EXPECT_EQ(data.metadata.experiment->parameter_values[4 * 2], 2.0);
  EXPECT_TRUE(std::isnan(data.metadata.experiment->parameter_values[4 * 2 + 1]));  // a word, not a number

  const results::OptimisationRecord record = results::read_optimisation_record(folder_.file("staffing.h5"));
  EXPECT_EQ(record.end, "chosen");
  EXPECT_EQ(record.chosen_plan, 4);
  EXPECT_EQ(record.status[4], "feasible");
  EXPECT_EQ(record.status[5], "dearer");
  EXPECT_EQ(record.cost_per_year[5], 20500.0);
  EXPECT_DOUBLE_EQ(record.cost_over_period[5], 20500.0 * 16 / 52);
  EXPECT_EQ(record.period_weeks, 16.0);
  EXPECT_EQ(record.period, "16 weeks, 5 May to 24 August 2025");
  EXPECT_EQ(record.plan_words[4], "Add two permanent workers from the first day and set cover to none");
  EXPECT_EQ(record.target_verdict[4], "met");
  EXPECT_EQ(record.nearest_plan, -1);
  EXPECT_EQ(record.targets, (std::vector<std::string>{"mean cases_waited_share <= 0.2"}));
  EXPECT_DOUBLE_EQ(record.confidence, 0.95);
  EXPECT_NEAR(record.interval_confidence, 1 - 0.05 / (8 * 1 * 10), 1e-12);

  // Each plan's completed replications are exactly those the search gave it; the rest are NaN.
  const std::size_t slots = data.layout.replications;
  std::size_t metric = 0;
  while (data.layout.metrics[metric].name != "cases_waited_share") ++metric;
  for (std::size_t v = 0; v < 8; ++v) {
    std::size_t completed = 0;
    for (std::size_t r = 0; r < slots; ++r) {
      completed += data.completed[v * slots + r];
      EXPECT_EQ(std::isnan(data.summary[metric][v * slots + r]), data.completed[v * slots + r] == 0);
    }
    EXPECT_EQ(completed, record.replications[v]) << data.layout.variants[v];
  }
  EXPECT_EQ(slots, *std::max_element(record.replications.begin(), record.replications.end()));
  // Common random numbers: absence cover changes nothing without absence, so
  // the plans that differ only in it have identical replications.
  for (std::size_t r = 0; r < std::min(record.replications[4], record.replications[5]); ++r)
    EXPECT_EQ(data.summary[metric][4 * slots + r], data.summary[metric][5 * slots + r]);

  std::ostringstream summary;
  cli::summary_command(folder_.file("staffing.h5"), true, summary);
  EXPECT_NE(summary.str().find("\"added=2,cover=none\",cases_waited_share,share,"), std::string::npos) << summary.str();
}

// The queue has no statutory visits, so the mean lateness of overdue visits
// has nothing to count in any replication: not applicable (docs/optimise.md).
TEST_F(OptimiseCommand, ATargetWhoseMetricNeverAppliesDecidesNothingAndSaysSo) {
  folder_.write("staffing.yaml", R"(name: never-applies
base_scenario: mmc.yaml
seed: 11
decisions:
  - field: team.additional_permanent_workers
    name: added
    values: [0, 1]
    cost_per_unit_per_year: 10000
targets:
  - metric: visit_days_overdue_mean
    mean_at_most: 5
procedure: {confidence: 0.95, initial_replications: 4, batch_replications: 4, max_replications: 8}
)");
  const OptimiseRun run = optimise(folder_, "never.h5", 2);
  EXPECT_EQ(run.outcome.end, "budget_spent");
  EXPECT_TRUE(run.outcome.chosen_plan.empty());
  EXPECT_NE(run.printed.find("no answer with 95% confidence"), std::string::npos) << run.printed;
  EXPECT_NE(run.printed.find("mean visit_days_overdue_mean <= 5: applies in 0 of its 8 replications, too few to judge"),
            std::string::npos)
      << run.printed;
  const results::OptimisationRecord record = results::read_optimisation_record(folder_.file("never.h5"));
  EXPECT_EQ(record.status, (std::vector<std::string>{"undecided", "undecided"}));
  for (const double estimate : record.target_estimate) EXPECT_TRUE(std::isnan(estimate));
}

TEST_F(OptimiseCommand, SameAnswerAndReplicationsWhateverTheThreads) {
  optimise(folder_, "one.h5", 1);
  optimise(folder_, "two.h5", 2);
  const results::OptimisationRecord one = results::read_optimisation_record(folder_.file("one.h5"));
  const results::OptimisationRecord two = results::read_optimisation_record(folder_.file("two.h5"));
  EXPECT_EQ(one.replications, two.replications);
  EXPECT_EQ(one.status, two.status);
  EXPECT_EQ(one.chosen_plan, two.chosen_plan);
  ASSERT_EQ(one.target_estimate.size(), two.target_estimate.size());
  for (std::size_t i = 0; i < one.target_estimate.size(); ++i) {
    if (std::isnan(one.target_estimate[i])) {
      EXPECT_TRUE(std::isnan(two.target_estimate[i]));
      continue;
    }
    EXPECT_EQ(one.target_estimate[i], two.target_estimate[i]);
    EXPECT_EQ(one.target_ci_high[i], two.target_ci_high[i]);
  }
}

TEST_F(OptimiseCommand, RefusesToReplaceAResultsFileWithoutForce) {
  folder_.write("taken.h5", "not results");
  EXPECT_THROW(optimise(folder_, "taken.h5", 1), cli::UsageError);
}

}  // namespace
}  // namespace casesim
