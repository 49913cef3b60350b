// What `casesim run` and `casesim experiment` print about results that need
// care: a queue that has not settled over the counted period (a warning in
// plain words), and a metric with nothing to count (n/a, never 0). The queues
// are the M/M/c configuration of tests/optimise, overloaded or comfortably
// staffed, and the shipped baseline under a cap of 12.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "apps/casesim/experiment_command.hpp"
#include "apps/casesim/run_command.hpp"
#include "apps/casesim/summary_command.hpp"
#include "tests/experiments/experiment_files.hpp"
#include "tests/optimise/optimise_files.hpp"

namespace casesim::cli {
namespace {

using testing::TemporaryDirectory;

std::string run_scenario(const TemporaryDirectory& dir, const std::string& yaml, std::uint64_t replications) {
  RunOptions options;
  options.scenario_path = dir.write("queue.yaml", yaml);
  options.replications = replications;
  options.output = dir.file("queue.h5");
  options.force = true;
  options.command_line = "casesim run queue.yaml";
  std::ostringstream out;
  run_command(options, out);
  return out.str();
}

// Ten workers taking 8 referrals a working day, each a day's work: busy (80%)
// but settled, with a caseload of about 8 and a short queue.
std::string settled_queue() {
  std::string yaml = testing::queue_scenario(8.0, 1.0, 30);
  std::string workers;
  for (int w = 1; w <= 10; ++w) workers += "    - {name: SW" + std::to_string(w) + ", fte: 1.0}\n";
  const std::string one = "    - {name: SW1, fte: 1.0}\n";
  return yaml.replace(yaml.find(one), one.size(), workers);
}

TEST(SettlingWarnings, AnOverloadedQueueIsFlaggedInPlainWords) {
  const TemporaryDirectory dir;
  // One worker, two referrals a working day, a day's work each: the queue
  // grows by about a case a working day, week after week.
  const std::string out = run_scenario(dir, testing::queue_scenario(2.0, 1.0, 30), 8);
  EXPECT_NE(out.find("Warning: the unallocated queue grows through the counted 26 weeks (from "), std::string::npos)
      << out;
  EXPECT_NE(out.find("cases): results such as cases_allocated, unallocated_wait_mean and unallocated_wait_max depend "
                     "on the run's length."),
            std::string::npos)
      << out;
}

TEST(SettlingWarnings, SummaryWarnsFromTheFileAsTheRunDid) {
  const TemporaryDirectory dir;
  run_scenario(dir, testing::queue_scenario(2.0, 1.0, 30), 8);
  std::ostringstream text, csv;
  summary_command(dir.file("queue.h5"), false, text);
  EXPECT_NE(text.str().find("Warning: the unallocated queue grows through the counted 26 weeks (from "),
            std::string::npos)
      << text.str();
  summary_command(dir.file("queue.h5"), true, csv);
  EXPECT_EQ(csv.str().find("Warning"), std::string::npos);  // the CSV stays one table
}

TEST(SettlingWarnings, ASettledQueueIsNotFlagged) {
  const TemporaryDirectory dir;
  const std::string out = run_scenario(dir, settled_queue(), 8);
  EXPECT_EQ(out.find("Warning"), std::string::npos) << out;
}

// The issue's example, the shipped baseline under a tight cap, where cases
// pile up waiting for a worker all through the counted year: 10 cases (at
// 12, with agency cover taking cases, the queue now settles).
TEST(SettlingWarnings, TheExperimentWarnsForTheVariantWhoseQueueGrows) {
  const TemporaryDirectory dir;
  ExperimentOptions options;
  options.experiment_path = dir.write("cap10.yaml", std::string("name: cap10\nbase_scenario: ") + CASESIM_SOURCE_DIR +
                                                        "/scenarios/baseline.yaml\n"
                                                        "replications: 10\nseed: 5\n"
                                                        "metrics: [cases_stored, visits_overdue]\n"
                                                        "variants:\n"
                                                        "  - name: cap-22\n"
                                                        "  - name: cap-10\n"
                                                        "    overrides: {policy.caseload_cap.cases: 10}\n");
  options.output = dir.file("cap10.h5");
  options.command_line = "casesim experiment cap10.yaml";
  std::ostringstream out, err;
  experiment_command(options, out, err);
  // The compared metric that depends on the queue is named first.
  EXPECT_NE(out.str().find("Warning (cap-10): the unallocated queue grows through the counted year (from "),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("cases): results such as cases_stored, cases_allocated and unallocated_wait_mean depend on "
                           "the run's length."),
            std::string::npos)
      << out.str();
}

// The queue has no statutory visits: their mean lateness has nothing to count.
TEST(NotApplicable, TheExperimentTableWritesNaForAMetricWithNothingToCount) {
  const TemporaryDirectory dir;
  dir.write("queue.yaml", settled_queue());
  ExperimentOptions options;
  options.experiment_path = dir.write("visits.yaml", R"(name: visits
base_scenario: queue.yaml
replications: 4
seed: 3
metrics: [visit_days_overdue_mean, cases_waited_share]
variants:
  - name: ten
  - name: eleven
    overrides: {team.additional_permanent_workers: 1}
)");
  options.output = dir.file("visits.h5");
  options.command_line = "casesim experiment visits.yaml";
  std::ostringstream out, err;
  experiment_command(options, out, err);
  const std::string text = out.str();
  const auto block = text.substr(text.find("visit_days_overdue_mean (working days)"));
  const auto table = block.substr(0, block.find("cases_waited_share ("));
  EXPECT_NE(table.find("  ten       n/a  n/a         (base)\n"), std::string::npos) << table;
  // The variant's mean and interval, then the difference and its interval.
  EXPECT_NE(table.find("  eleven    n/a  n/a            n/a  n/a\n"), std::string::npos) << table;
  EXPECT_NE(table.find("nothing to count in some replications"), std::string::npos) << table;
  EXPECT_NE(table.find("ten 0 of 4; eleven 0 of 4 (0 pairs)"), std::string::npos) << table;
  EXPECT_EQ(table.find("0.00"), std::string::npos) << table;
  // A share that applies in every replication has no such note.
  const auto shares = block.substr(block.find("cases_waited_share ("));
  EXPECT_EQ(shares.substr(0, shares.find("Common random numbers")).find("nothing to count"), std::string::npos)
      << shares;
}

}  // namespace
}  // namespace casesim::cli
