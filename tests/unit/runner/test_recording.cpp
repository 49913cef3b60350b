// A Recording writes exactly what it is given, reads its metrics back from
// the file, and moves the file to its final name only when finished.
#include "engine/runner/recording.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <vector>

#include "engine/model/metrics.hpp"
#include "tests/unit/runner/small_run.hpp"

namespace casesim::runner {
namespace {

namespace fs = std::filesystem;
using testing::SmallRun;
using testing::TemporaryDirectory;

// A result whose every value says which slot it belongs to.
model::ReplicationResult result_for(const results::Layout& layout, std::size_t v, std::size_t r) {
  model::ReplicationResult result;
  for (std::size_t m = 0; m < result.summary.size(); ++m)
    result.summary[m] = 100.0 * static_cast<double>(v) + 10.0 * static_cast<double>(r) + static_cast<double>(m) + 0.5;
  const std::size_t values = layout.series.size() * layout.week_start_dates.size();
  for (std::size_t i = 0; i < values; ++i)
    result.weekly.push_back(1000.0 * static_cast<double>(v) + 100.0 * static_cast<double>(r) + static_cast<double>(i));
  for (std::size_t i = 0; i < result.durations.size(); ++i)
    result.durations[i] = static_cast<std::uint32_t>(1000 * v + 100 * r + i % 97);
  return result;
}

// out.h5 left unfinished with `pairs` recorded, as a stopped run leaves it.
void leave_unfinished_with(const TemporaryDirectory& dir, const SmallRun& run,
                           const std::vector<ExperimentPair>& pairs) {
  Recording recording = Recording::start(dir.file("out.h5"), run.metadata, run.layout);
  std::vector<model::ReplicationResult> results;
  for (const auto [v, r] : pairs) results.push_back(result_for(run.layout, v, r));
  recording.record(pairs, results);
  recording.leave_unfinished();
}

std::size_t slot(const results::ResultsData& data, std::size_t v, std::size_t r) {
  return v * data.layout.replications + r;
}

// Each result's summary, weekly values and duration histograms in the slot of its pair.
void expect_in_their_slots(const results::ResultsData& data, const std::vector<ExperimentPair>& pairs,
                           const std::vector<model::ReplicationResult>& results) {
  const std::size_t weeks = data.layout.week_start_dates.size();
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto [v, r] = pairs[i];
    for (std::size_t m = 0; m < data.summary.size(); ++m)
      EXPECT_EQ(data.summary[m][slot(data, v, r)], results[i].summary[m]) << "metric " << m;
    for (std::size_t s = 0; s < data.weekly.size(); ++s)
      for (std::size_t w = 0; w < weeks; ++w)
        EXPECT_EQ(data.weekly[s][slot(data, v, r) * weeks + w], results[i].weekly[s * weeks + w]);
    // The model's duration histograms, each in its own dataset.
    ASSERT_EQ(data.distributions.size(), model::kDurationCount);
    for (std::size_t d = 0; d < model::kDurationCount; ++d)
      for (std::size_t b = 0; b < model::kDurationBins; ++b)
        EXPECT_EQ(data.distributions[d][slot(data, v, r) * model::kDurationBins + b],
                  results[i].durations[d * model::kDurationBins + b]);
  }
}

// The metric values come from the file whether it is open, finished or left
// unfinished, and are the same in each.
TEST(Recording, ReadsItsMetricsBackFromTheFileOpenFinishedOrUnfinished) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 3, 7);
  const std::vector<ExperimentPair> pairs{{0, 1}, {1, 0}};
  const std::vector<model::ReplicationResult> results{result_for(run.layout, 0, 1), result_for(run.layout, 1, 0)};
  for (const bool finished : {true, false}) {
    Recording recording = Recording::start(dir.file(finished ? "done.h5" : "part.h5"), run.metadata, run.layout);
    recording.record(pairs, results);
    std::vector<RecordedValues> open;
    for (std::size_t m = 0; m < model::kMetricCount; ++m) open.push_back(recording.metric_values(m));
    if (finished) {
      recording.finish();
    } else {
      recording.leave_unfinished();
    }
    for (std::size_t m = 0; m < model::kMetricCount; ++m) {
      const RecordedValues closed = recording.metric_values(m);
      ASSERT_EQ(closed.size(), 2u);
      EXPECT_EQ(closed[0][1], results[0].summary[m]) << "metric " << m;
      EXPECT_EQ(closed[1][0], results[1].summary[m]) << "metric " << m;
      EXPECT_TRUE(std::isnan(closed[0][0]) && std::isnan(closed[1][2])) << "slots not recorded";
      EXPECT_EQ(closed[0][1], open[m][0][1]);
      EXPECT_EQ(closed[1][0], open[m][1][0]);
    }
  }
}

// Beyond kSummaryValuesKept the values are read from the file instead of
// memory; either way, and across a growth from one to the other, they are
// the values written.
TEST(Recording, ReadsTheSameMetricsBackWhetherFewOrMany) {
  const TemporaryDirectory dir;
  const SmallRun few(dir, 3, 7);
  const SmallRun many(dir, kSummaryValuesKept / few.layout.metrics.size() / 2 + 1, 7);
  ASSERT_GT(many.layout.variants.size() * many.layout.replications * many.layout.metrics.size(), kSummaryValuesKept);
  const std::vector<ExperimentPair> pairs{{0, 1}, {1, 0}};
  for (const SmallRun* run : {&few, &many}) {
    const std::vector<model::ReplicationResult> results{result_for(run->layout, 0, 1), result_for(run->layout, 1, 0)};
    Recording recording = Recording::start(dir.file("r.h5"), run->metadata, run->layout);
    recording.record(pairs, results);
    for (const bool finished : {false, true}) {
      if (finished) recording.finish();
      for (std::size_t m = 0; m < run->layout.metrics.size(); ++m) {
        const RecordedValues values = recording.metric_values(m);
        ASSERT_EQ(values.size(), 2u);
        ASSERT_EQ(values[0].size(), run->layout.replications);
        EXPECT_EQ(values[0][1], results[0].summary[m]) << "metric " << m;
        EXPECT_EQ(values[1][0], results[1].summary[m]) << "metric " << m;
        EXPECT_TRUE(std::isnan(values[0][0]) && std::isnan(values[1][2])) << "slots not recorded";
      }
    }
  }
  Recording grown = Recording::start(dir.file("grown.h5"), few.metadata, few.layout);
  grown.record(pairs,
               std::vector<model::ReplicationResult>{result_for(few.layout, 0, 1), result_for(few.layout, 1, 0)});
  const std::size_t last = many.layout.replications - 1;
  const std::vector<ExperimentPair> beyond{{1, last}};
  const std::vector<model::ReplicationResult> last_result{result_for(many.layout, 1, last)};
  grown.record(beyond, last_result);
  ASSERT_EQ(grown.replications(), many.layout.replications);
  for (std::size_t m = 0; m < few.layout.metrics.size(); ++m) {
    const RecordedValues values = grown.metric_values(m);
    EXPECT_EQ(values[0][1], result_for(few.layout, 0, 1).summary[m]) << "metric " << m;
    EXPECT_EQ(values[1][0], result_for(few.layout, 1, 0).summary[m]) << "metric " << m;
    EXPECT_EQ(values[1][last], last_result[0].summary[m]) << "metric " << m;
    EXPECT_TRUE(std::isnan(values[0][2]) && std::isnan(values[1][1])) << "slots not recorded";
  }
}

TEST(Recording, WritesWhatItIsGivenAndRenamesOnlyWhenFinished) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 3, 7);
  const std::string output = dir.file("out.h5");
  Recording recording = Recording::start(output, run.metadata, run.layout);
  EXPECT_TRUE(fs::exists(output + ".partial"));
  EXPECT_FALSE(fs::exists(output));

  const std::vector<ExperimentPair> pairs{{0, 0}, {1, 2}};
  const std::vector<model::ReplicationResult> results{result_for(run.layout, 0, 0), result_for(run.layout, 1, 2)};
  recording.record(pairs, results);
  EXPECT_EQ(recording.completed(), (std::vector<std::uint8_t>{1, 0, 0, 0, 0, 1}));
  EXPECT_EQ(recording.completed_count(), 2u);
  EXPECT_EQ(recording.metric_values(3)[1][2], results[1].summary[3]);
  EXPECT_TRUE(std::isnan(recording.metric_values(3)[1][1]));

  // Flushed as recorded: the unfinished file already reads back what was given.
  const results::ResultsData part = results::read_results(output + ".partial");
  EXPECT_EQ(part.completed, recording.completed());
  EXPECT_FALSE(fs::exists(output));

  recording.finish();
  EXPECT_TRUE(fs::exists(output));
  EXPECT_FALSE(fs::exists(output + ".partial"));
  const results::ResultsData data = results::read_results(output);
  EXPECT_EQ(data.metadata.seed, 7u);
  EXPECT_EQ(data.layout.variants, (std::vector<std::string>{"cap-18", "cap-12"}));
  EXPECT_EQ(data.completed, (std::vector<std::uint8_t>{1, 0, 0, 0, 0, 1}));
  expect_in_their_slots(data, pairs, results);
  EXPECT_TRUE(std::isnan(data.summary[0][slot(data, 0, 1)]));
  EXPECT_EQ(data.distributions[0][slot(data, 0, 1) * model::kDurationBins], 0u);
  EXPECT_EQ(data.layout.distributions.quantities[0].name, "assessment_working_days");
  EXPECT_EQ(data.layout.distributions.quantities[1].unit, "conferences");
  EXPECT_EQ(data.layout.distributions.bin_labels.back(), "more than 90");
}

// An experiment's chunk comes replication-major (every variant's r, then
// every variant's r + 1) and may skip a replication; each variant's runs of
// consecutive replications are written as blocks, every value in its slot.
TEST(Recording, AnExperimentsChunkLandsInItsSlotsWhateverItsOrder) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 5, 7);
  Recording recording = Recording::start(dir.file("out.h5"), run.metadata, run.layout);
  const std::vector<ExperimentPair> pairs{{0, 0}, {1, 0}, {0, 1}, {1, 1}, {1, 2}, {0, 3}, {1, 3}, {0, 4}};
  std::vector<model::ReplicationResult> results;
  for (const auto [v, r] : pairs) results.push_back(result_for(run.layout, v, r));
  recording.record(pairs, results);
  recording.leave_unfinished();

  const results::ResultsData data = results::read_results(dir.file("out.h5.partial"));
  EXPECT_EQ(data.completed, (std::vector<std::uint8_t>{1, 1, 0, 1, 1, 1, 1, 1, 1, 0}));
  expect_in_their_slots(data, pairs, results);
  for (const auto& [v, r] : {std::pair<std::size_t, std::size_t>{0, 2}, {1, 4}})
    for (std::size_t m = 0; m < data.summary.size(); ++m) EXPECT_TRUE(std::isnan(data.summary[m][slot(data, v, r)]));
}

TEST(Recording, KeepsEachSeriesThirdsOfTheCountedWeeksForTheSettlingCheck) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 3, 7);  // 20 weeks, 8 of warm-up: thirds of 4 counted weeks
  Recording recording = Recording::start(dir.file("out.h5"), run.metadata, run.layout);
  EXPECT_EQ(recording.counted_weeks(), 12u);
  const std::vector<ExperimentPair> pairs{{1, 2}};
  recording.record(pairs, std::vector<model::ReplicationResult>{result_for(run.layout, 1, 2)});
  // Series s, week w holds 1000 + 200 + 20 s + w: weeks 8-11 and 16-19.
  const analysis::ThirdMeans t = recording.series_thirds()[1][1][2];
  EXPECT_DOUBLE_EQ(t.first, 1200.0 + 20.0 + 9.5);
  EXPECT_DOUBLE_EQ(t.last, 1200.0 + 20.0 + 17.5);
  EXPECT_TRUE(std::isnan(recording.series_thirds()[1][0][2].first));  // not recorded
  recording.leave_unfinished();
  // Resumed: worked out again from the file.
  const Recording resumed = Recording::resume(dir.file("out.h5"), run.metadata, run.layout);
  EXPECT_DOUBLE_EQ(resumed.series_thirds()[1][1][2].last, t.last);
}

// A file grows in a copy renamed over it (docs/reliability.md): the grown
// file is the one the recording goes on writing and finishes, and no copy
// is left, nor one a killed run left before.
TEST(Recording, GrowsInACopyRenamedOverTheFileAndLeavesNoCopy) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 2, 7);
  const std::string output = dir.file("out.h5");
  Recording recording = Recording::start(output, run.metadata, run.layout);
  const std::vector<ExperimentPair> first{{1, 1}};
  recording.record(first, std::vector<model::ReplicationResult>{result_for(run.layout, 1, 1)});
  std::ofstream(output + ".partial.growing") << "a copy a killed run left";
  recording.extend_replications(4);
  EXPECT_FALSE(fs::exists(output + ".partial.growing"));
  EXPECT_EQ(results::read_results(output + ".partial").layout.replications, 4u);
  const std::vector<ExperimentPair> later{{0, 3}};
  recording.record(later, std::vector<model::ReplicationResult>{result_for(run.layout, 0, 3)});
  std::ofstream(output + ".partial.growing") << "a copy a killed run left";
  recording.finish();  // the partial is still the file it writes: renamed, not refused
  EXPECT_FALSE(fs::exists(output + ".partial.growing"));
  const results::ResultsData data = results::read_results(output);
  EXPECT_EQ(data.completed, (std::vector<std::uint8_t>{0, 0, 0, 1, 0, 1, 0, 0}));
  EXPECT_EQ(data.summary[0][slot(data, 1, 1)], result_for(run.layout, 1, 1).summary[0]);
  EXPECT_EQ(data.summary[0][slot(data, 0, 3)], result_for(run.layout, 0, 3).summary[0]);
}

TEST(Recording, AReplicationBeyondTheSlotsGrowsEveryVariantAndKeepsWhatWasThere) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 2, 7);
  Recording recording = Recording::start(dir.file("out.h5"), run.metadata, run.layout);
  const std::vector<ExperimentPair> first{{1, 1}};
  recording.record(first, std::vector<model::ReplicationResult>{result_for(run.layout, 1, 1)});
  const std::vector<ExperimentPair> beyond{{0, 4}};
  recording.record(beyond, std::vector<model::ReplicationResult>{result_for(run.layout, 0, 4)});
  EXPECT_EQ(recording.replications(), 5u);
  EXPECT_EQ(recording.completed(), (std::vector<std::uint8_t>{0, 0, 0, 0, 1, 0, 1, 0, 0, 0}));
  EXPECT_EQ(recording.metric_values(0)[1][1], result_for(run.layout, 1, 1).summary[0]);
  recording.finish();
  const results::ResultsData data = results::read_results(dir.file("out.h5"));
  EXPECT_EQ(data.layout.replications, 5u);
  EXPECT_EQ(data.completed, recording.completed());
  EXPECT_EQ(data.summary[0][slot(data, 1, 1)], result_for(run.layout, 1, 1).summary[0]);
  EXPECT_EQ(data.summary[0][slot(data, 0, 4)], result_for(run.layout, 0, 4).summary[0]);
}

TEST(Recording, LeftUnfinishedItStaysUnderThePartialName) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 3, 7);
  leave_unfinished_with(dir, run, {{0, 0}, {1, 0}});
  EXPECT_FALSE(fs::exists(dir.file("out.h5")));
  EXPECT_EQ(results::read_results(dir.file("out.h5.partial")).completed, (std::vector<std::uint8_t>{1, 0, 0, 1, 0, 0}));
}

TEST(Recording, ResumeCopiesTheFinishedSlotsAndKeepsTheFilesOwnMetadata) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 3, 7);
  leave_unfinished_with(dir, run, {{0, 1}, {1, 2}});
  results::Metadata later = run.metadata;
  later.command_line = "runner test, resumed";
  later.created_utc = "2099-01-01T00:00:00Z";
  Recording resumed = Recording::resume(dir.file("out.h5"), later, run.layout);
  EXPECT_FALSE(fs::exists(dir.file("out.h5.partial.resuming")));
  EXPECT_EQ(resumed.completed(), (std::vector<std::uint8_t>{0, 1, 0, 0, 0, 1}));
  EXPECT_EQ(resumed.metric_values(2)[1][2], result_for(run.layout, 1, 2).summary[2]);
  EXPECT_EQ(resumed.metadata().command_line, "runner test");
  EXPECT_EQ(resumed.metadata().created_utc, run.metadata.created_utc);
  // The fresh file already holds the copied slots, under the partial name.
  const results::ResultsData part = results::read_results(dir.file("out.h5.partial"));
  EXPECT_EQ(part.completed, resumed.completed());
  EXPECT_EQ(part.weekly[1][slot(part, 0, 1) * part.layout.week_start_dates.size()],
            result_for(run.layout, 0, 1).weekly[part.layout.week_start_dates.size()]);
  // And their duration histograms.
  const std::vector<std::uint32_t>& wanted = result_for(run.layout, 1, 2).durations;
  for (std::size_t b = 0; b < model::kDurationBins; ++b)
    EXPECT_EQ(part.distributions[1][slot(part, 1, 2) * model::kDurationBins + b], wanted[model::kDurationBins + b]);
}

// A file of format version 1 (before the histograms) is not resumed into version 2.
TEST(Recording, ResumeOfAnOlderFormatIsRefusedNamingTheVersion) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 3, 7);
  leave_unfinished_with(dir, run, {{0, 0}});
  const hid_t file = H5Fopen(dir.file("out.h5.partial").c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  const hid_t attribute = H5Aopen(file, "format_version", H5P_DEFAULT);
  const int one = 1;
  ASSERT_GE(H5Awrite(attribute, H5T_NATIVE_INT, &one), 0);
  H5Aclose(attribute);
  H5Fclose(file);
  try {
    Recording::resume(dir.file("out.h5"), run.metadata, run.layout);
    FAIL() << "resumed a version 1 file";
  } catch (const ResumeRefused& refused) {
    EXPECT_EQ(refused.difference(),
              "the results file's format (version 1 there, " + std::to_string(results::kFormatVersion) + " now)");
  }
}

TEST(Recording, ResumeOfAnotherExperimentIsRefusedNamingWhatDiffersAndLeavesItsFile) {
  const TemporaryDirectory dir;
  const SmallRun run(dir, 3, 11);
  leave_unfinished_with(dir, run, {{0, 0}});
  results::Metadata other_seed = run.metadata;
  other_seed.seed = 12;
  try {
    Recording::resume(dir.file("out.h5"), other_seed, run.layout);
    FAIL() << "resumed with another seed";
  } catch (const ResumeRefused& refused) {
    EXPECT_EQ(refused.partial(), dir.file("out.h5.partial"));
    EXPECT_EQ(refused.difference(), "the seed (11 there, 12 now)");
    EXPECT_EQ(
        std::string(refused.what()),
        dir.file("out.h5.partial") + " is not this experiment's unfinished run: the seed (11 there, 12 now) differs");
  }
  results::Layout other_variants = run.layout;
  other_variants.variants[1] = "cap-15";
  EXPECT_THROW(Recording::resume(dir.file("out.h5"), run.metadata, other_variants), ResumeRefused);
  results::Metadata other_text = run.metadata;
  other_text.experiment->text = "name: caps\n# edited\n";
  try {
    Recording::resume(dir.file("out.h5"), other_text, run.layout);
    FAIL() << "resumed another experiment file";
  } catch (const ResumeRefused& refused) {
    EXPECT_EQ(refused.difference(), "the experiment file's text");
  }
  EXPECT_EQ(results::read_results(dir.file("out.h5.partial")).completed, (std::vector<std::uint8_t>{1, 0, 0, 0, 0, 0}));
  EXPECT_FALSE(fs::exists(dir.file("out.h5.partial.resuming")));
}

TEST(Recording, OnlyAnExperimentsFileCanBeResumed) {
  const TemporaryDirectory dir;
  SmallRun run(dir, 3, 11);
  results::Metadata plain = run.metadata;
  plain.experiment.reset();
  Recording::start(dir.file("plain.h5"), plain, run.layout).leave_unfinished();
  try {
    Recording::resume(dir.file("plain.h5"), run.metadata, run.layout);
    FAIL() << "resumed a plain run's file as an experiment";
  } catch (const ResumeRefused& refused) {
    EXPECT_EQ(refused.difference(), "it is not an experiment's file, so everything");
  }
}

}  // namespace
}  // namespace casesim::runner
