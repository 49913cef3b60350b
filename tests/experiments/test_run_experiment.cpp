// Running experiments through the command's library entry point: the same
// results whatever the thread count and on a rerun, common random numbers,
// the precision target, stopping and resuming.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>

#include "analysis/paired.hpp"
#include "analysis/statistics.hpp"
#include "apps/casesim/experiment_command.hpp"
#include "apps/casesim/usage_error.hpp"
#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"
#include "tests/experiments/experiment_files.hpp"
#include "tests/experiments/results_equal.hpp"

namespace casesim::cli {
namespace {

using testing::TemporaryDirectory;

// same-as-base sets the cap to the value the base already has.
const char* const kExperiment = R"(name: caps
base_scenario: small.yaml
replications: 6
seed: 11
metrics: [unallocated_wait_mean, visits_overdue]
variants:
  - name: cap-18
  - name: cap-12
    overrides: {policy.caseload_cap.cases: 12}
  - name: same-as-base
    overrides: {policy.caseload_cap.cases: 18}
)";

struct CommandRun {
  ExperimentOutcome outcome;
  std::string out;
  std::string err;
};

CommandRun run(const TemporaryDirectory& dir, ExperimentOptions options) {
  dir.write("small.yaml", testing::kSmallScenario);
  if (options.experiment_path.empty()) options.experiment_path = dir.write("caps.yaml", kExperiment);
  options.command_line = "casesim experiment caps.yaml";
  std::ostringstream out, err;
  CommandRun r{experiment_command(options, out, err), "", ""};
  r.out = out.str();
  r.err = err.str();
  return r;
}

ExperimentOptions to(const std::string& output, int threads) {
  ExperimentOptions options;
  options.output = output;
  options.threads = threads;
  return options;
}

TEST(RunExperiment, ResultsDoNotDependOnThreadsAndRepeatExactly) {
  const TemporaryDirectory dir;
  run(dir, to(dir.file("one.h5"), 1));
  run(dir, to(dir.file("two.h5"), 2));
  run(dir, to(dir.file("again.h5"), 2));
  const results::ResultsData one = results::read_results(dir.file("one.h5"));
  ASSERT_EQ(one.layout.variants, (std::vector<std::string>{"cap-18", "cap-12", "same-as-base"}));
  EXPECT_EQ(one.layout.replications, 6u);
  EXPECT_EQ(one.completed, std::vector<std::uint8_t>(18, 1));
  testing::expect_same_results(one, results::read_results(dir.file("two.h5")));
  testing::expect_same_results(one, results::read_results(dir.file("again.h5")));
}

TEST(RunExperiment, FileRecordsTheExperimentVariantsAndParameters) {
  const TemporaryDirectory dir;
  const CommandRun r = run(dir, to(dir.file("caps.h5"), 2));
  EXPECT_FALSE(r.outcome.interrupted);
  EXPECT_FALSE(std::filesystem::exists(dir.file("caps.h5.partial")));
  const results::ResultsData data = results::read_results(dir.file("caps.h5"));
  ASSERT_TRUE(data.metadata.experiment.has_value());
  const results::ExperimentRecord& e = *data.metadata.experiment;
  EXPECT_EQ(e.name, "caps");
  EXPECT_EQ(e.text, kExperiment);
  EXPECT_EQ(data.metadata.scenario_text, testing::kSmallScenario);
  EXPECT_EQ(data.metadata.seed, 11u);
  EXPECT_EQ(e.metrics, (std::vector<std::string>{"unallocated_wait_mean", "visits_overdue"}));
  EXPECT_EQ(e.variant_overrides,
            (std::vector<std::string>{"{}", "{policy.caseload_cap.cases: 12}", "{policy.caseload_cap.cases: 18}"}));
  EXPECT_EQ(e.parameter_names, std::vector<std::string>{"policy.caseload_cap.cases"});
  EXPECT_EQ(e.parameter_values, (std::vector<double>{18, 12, 18}));
  EXPECT_EQ(e.initial_replications, 6u);
  EXPECT_EQ(e.precision, 0.0);
  // The comparison table names the base and prints the paired differences.
  EXPECT_NE(r.out.find("Differences are variant minus base (cap-18)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unallocated_wait_mean (working days)  [main metric]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Common random numbers on unallocated_wait_mean"), std::string::npos) << r.out;
}

TEST(RunExperiment, AVariantIdenticalToTheBaseDiffersByExactlyZero) {
  const TemporaryDirectory dir;
  const CommandRun r = run(dir, to(dir.file("caps.h5"), 2));
  const results::ResultsData data = results::read_results(dir.file("caps.h5"));
  const std::size_t reps = data.layout.replications;
  for (std::size_t m = 0; m < data.summary.size(); ++m)
    for (std::size_t k = 0; k < reps; ++k) {
      // Not applicable (NaN) in one exactly where it is in the other.
      ASSERT_EQ(std::isnan(data.summary[m][2 * reps + k]), std::isnan(data.summary[m][k]))
          << data.layout.metrics[m].name << " rep " << k;
      if (!std::isnan(data.summary[m][k])) {
        ASSERT_EQ(data.summary[m][2 * reps + k] - data.summary[m][k], 0.0)
            << data.layout.metrics[m].name << " rep " << k;
      }
    }
  for (std::size_t d = 0; d < data.distributions.size(); ++d)
    for (std::size_t i = 0; i < reps * data.layout.distributions.bins(); ++i)
      ASSERT_EQ(data.distributions[d][2 * reps * data.layout.distributions.bins() + i], data.distributions[d][i]);
  for (std::size_t s = 0; s < data.weekly.size(); ++s)
    for (std::size_t i = 0; i < reps * data.layout.week_start_dates.size(); ++i)
      ASSERT_EQ(data.weekly[s][2 * reps * data.layout.week_start_dates.size() + i], data.weekly[s][i]);
  // Common random numbers: a different cap sees the very same referrals.
  const std::size_t received = model::index(model::Metric::referrals_received);
  for (std::size_t k = 0; k < reps; ++k) EXPECT_EQ(data.summary[received][reps + k], data.summary[received][k]);
  // ... and the table says the identical variant's difference does not vary.
  EXPECT_NE(r.out.find("same-as-base  paired 0.00, unpaired"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("the difference is exactly the same in every replication"), std::string::npos) << r.out;
}

TEST(RunExperiment, PrecisionTargetAddsReplicationsUntilMet) {
  const TemporaryDirectory dir;
  ExperimentOptions options = to(dir.file("caps.h5"), 2);
  options.replications = 3;
  options.precision = 0.01;
  options.precision_metric = "caseload_per_fte_mean";
  const CommandRun r = run(dir, options);
  ASSERT_TRUE(r.outcome.precision_met) << r.out;
  const results::ResultsData data = results::read_results(dir.file("caps.h5"));
  const std::size_t reps = data.layout.replications;
  EXPECT_GT(reps, 3u);
  EXPECT_EQ(reps, r.outcome.replications);
  EXPECT_EQ(data.completed, std::vector<std::uint8_t>(3 * reps, 1));
  const std::size_t m = model::index(model::Metric::caseload_per_fte_mean);
  for (std::size_t v = 0; v < 3; ++v) {
    const std::vector<double> values(data.summary[m].begin() + static_cast<std::ptrdiff_t>(v * reps),
                                     data.summary[m].begin() + static_cast<std::ptrdiff_t>((v + 1) * reps));
    const analysis::Summary s = analysis::summarise(values);
    EXPECT_LT(s.half_width(), 0.01 * s.mean) << "variant " << v;
  }
  EXPECT_NE(r.out.find("precision target met"), std::string::npos) << r.out;
}

TEST(RunExperiment, PrecisionTargetStopsAtTheMaximum) {
  const TemporaryDirectory dir;
  ExperimentOptions options = to(dir.file("caps.h5"), 2);
  options.replications = 3;
  options.precision = 0.0001;
  options.precision_metric = "caseload_per_fte_mean";
  options.max_replications = 5;
  const CommandRun r = run(dir, options);
  EXPECT_FALSE(r.outcome.precision_met);
  EXPECT_EQ(r.outcome.replications, 5u);
  EXPECT_EQ(results::read_results(dir.file("caps.h5")).layout.replications, 5u);
  EXPECT_NE(r.out.find("precision target NOT met: stopped at --max-replications 5"), std::string::npos) << r.out;
}

TEST(RunExperiment, StoppedRunResumesToTheUninterruptedResult) {
  const TemporaryDirectory dir;
  run(dir, to(dir.file("whole.h5"), 2));
  const std::atomic<bool> stop{true};
  ExperimentOptions stopped = to(dir.file("caps.h5"), 1);
  stopped.stop = &stop;
  const CommandRun first = run(dir, stopped);
  EXPECT_TRUE(first.outcome.interrupted);
  EXPECT_EQ(first.outcome.output, dir.file("caps.h5.partial"));
  EXPECT_FALSE(std::filesystem::exists(dir.file("caps.h5")));
  EXPECT_NE(first.err.find("--resume --output " + dir.file("caps.h5")), std::string::npos) << first.err;
  // Starting again without --resume or --force is refused.
  EXPECT_THROW(run(dir, to(dir.file("caps.h5"), 2)), UsageError);
  ExperimentOptions resumed = to(dir.file("caps.h5"), 2);
  resumed.resume = true;
  const CommandRun second = run(dir, resumed);
  EXPECT_FALSE(second.outcome.interrupted);
  EXPECT_FALSE(std::filesystem::exists(dir.file("caps.h5.partial")));
  testing::expect_same_results(results::read_results(dir.file("whole.h5")), results::read_results(dir.file("caps.h5")));
}

TEST(RunExperiment, ResumeRefusesAnotherSeed) {
  const TemporaryDirectory dir;
  const std::atomic<bool> stop{true};
  ExperimentOptions stopped = to(dir.file("caps.h5"), 1);
  stopped.stop = &stop;
  run(dir, stopped);
  ExperimentOptions resumed = to(dir.file("caps.h5"), 1);
  resumed.resume = true;
  resumed.seed = 12;
  try {
    run(dir, resumed);
    FAIL() << "resumed with another seed";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "--resume: " + dir.file("caps.h5.partial") +
                                         " is not this experiment's unfinished run: the seed (11 there, 12 now) "
                                         "differs; use --force to start again");
  }
}

}  // namespace
}  // namespace casesim::cli
