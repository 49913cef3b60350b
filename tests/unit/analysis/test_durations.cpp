// Duration histograms against the national figures: the figures themselves,
// shares in DfE's bands and quartiles of one histogram, and a results file's
// histograms summarised across replications, worked out by hand.
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/duration_comparison.hpp"
#include "analysis/duration_histogram.hpp"
#include "analysis/national_figures.hpp"
#include "engine/model/durations.hpp"

namespace casesim::analysis {
namespace {

using model::Duration;
using model::kDurationBins;

// A histogram of the model's shape: one bin per working day 0..90, then more than 90.
std::vector<std::uint32_t> histogram(std::initializer_list<std::pair<std::size_t, std::uint32_t>> counts) {
  std::vector<std::uint32_t> h(kDurationBins, 0);
  for (const auto& [day, count] : counts) h[day] = count;
  return h;
}

TEST(NationalFigures, AreDfEsPublishedBandsInOrderAndAddToAWhole) {
  for (const Duration d : {Duration::assessment_working_days, Duration::icpc_working_days}) {
    const NationalDurations& n = national_durations(d);
    EXPECT_EQ(n.duration, d);
    ASSERT_FALSE(n.bands.empty());
    // Contiguous from 0 working days, the last open-ended.
    EXPECT_EQ(n.bands.front().first_working_day, 0);
    for (std::size_t b = 1; b < n.bands.size(); ++b)
      EXPECT_EQ(n.bands[b].first_working_day, n.bands[b - 1].last_working_day + 1) << n.bands[b].label;
    EXPECT_TRUE(n.bands.back().open_ended());
    double total = 0;
    for (const DurationBand& b : n.bands) total += b.share;
    // As published, rounded to 0.1%: 100.0% and 99.9%.
    EXPECT_NEAR(total, 1.0, 0.0015) << n.source;
    EXPECT_LE(n.quartiles[0], n.quartiles[1]);
    EXPECT_LE(n.quartiles[1], n.quartiles[2]);
  }
  const NationalDurations& a = national_durations(Duration::assessment_working_days);
  EXPECT_EQ(a.bands.size(), 9u);
  EXPECT_EQ(a.bands[0].label, "same day");
  EXPECT_DOUBLE_EQ(a.bands[5].share, 0.189);  // 41-45 working days
  EXPECT_EQ(a.quartiles, (std::array<double, 3>{17, 33, 43}));
  EXPECT_EQ(a.completions, 648'830u);
  const NationalDurations& c = national_durations(Duration::icpc_working_days);
  EXPECT_EQ(c.bands.size(), 4u);
  EXPECT_DOUBLE_EQ(c.bands[1].share, 0.692);  // 11-15 working days
  EXPECT_EQ(c.quartiles, (std::array<double, 3>{13, 14, 15}));
}

TEST(DurationHistogram, SharesInBandsCountTheirDaysAndTheOpenBandTheLastBin) {
  // 10 completions: 2 on day 0, 3 on day 12, 4 on day 45, 1 after more than 90 days.
  const auto h = histogram({{0, 2}, {12, 3}, {45, 4}, {91, 1}});
  EXPECT_EQ(completions(std::span<const std::uint32_t>(h)), 10u);
  const auto& bands = national_durations(Duration::assessment_working_days).bands;
  EXPECT_DOUBLE_EQ(share_in_band(h, bands[0]), 0.2);  // same day
  EXPECT_DOUBLE_EQ(share_in_band(h, bands[1]), 0.0);  // 1-10
  EXPECT_DOUBLE_EQ(share_in_band(h, bands[2]), 0.3);  // 11-20
  EXPECT_DOUBLE_EQ(share_in_band(h, bands[5]), 0.4);  // 41-45
  EXPECT_DOUBLE_EQ(share_in_band(h, bands[8]), 0.1);  // 61+, including more than 90
  double total = 0;
  for (const DurationBand& b : bands) total += share_in_band(h, b);
  EXPECT_DOUBLE_EQ(total, 1.0);
}

TEST(DurationHistogram, NothingCompletedIsNotApplicableNotZero) {
  const auto empty = histogram({});
  EXPECT_TRUE(std::isnan(share_in_band(empty, national_durations(Duration::icpc_working_days).bands[1])));
  EXPECT_TRUE(std::isnan(duration_quantile(std::span<const std::uint32_t>(empty), 0.5)));
}

TEST(DurationHistogram, QuartilesAreTheFewestDaysWithinWhichThatShareWasDone) {
  // 8 completions on days 3, 3, 5, 5, 5, 9, 20, 20: a quarter (2) within 3
  // days, a half (4) within 5, three quarters (6) within 9.
  const auto h = histogram({{3, 2}, {5, 3}, {9, 1}, {20, 2}});
  const std::span<const std::uint32_t> s(h);
  EXPECT_EQ(duration_quantile(s, 0.25), 3.0);
  EXPECT_EQ(duration_quantile(s, 0.5), 5.0);
  EXPECT_EQ(duration_quantile(s, 0.75), 9.0);
  EXPECT_EQ(duration_quantile(s, 1.0), 20.0);
  // In the open bin the quantile is its index: more than 90.
  EXPECT_EQ(duration_quantile(std::span<const std::uint32_t>(histogram({{91, 1}})), 0.5), 91.0);
  EXPECT_THROW(duration_quantile(s, 0.0), std::invalid_argument);
}

TEST(DurationHistogram, PooledReplicationsAddBinByBin) {
  const auto a = histogram({{12, 3}});
  const auto b = histogram({{14, 1}, {30, 4}});
  std::vector<std::uint64_t> pooled(kDurationBins, 0);
  add_histogram(pooled, a);
  add_histogram(pooled, b);
  EXPECT_EQ(completions(std::span<const std::uint64_t>(pooled)), 8u);
  EXPECT_DOUBLE_EQ(share_in_band(pooled, national_durations(Duration::icpc_working_days).bands[1]), 0.5);  // 11-15
  EXPECT_EQ(duration_quantile(std::span<const std::uint64_t>(pooled), 0.5), 14.0);
  std::vector<std::uint64_t> short_total(3, 0);
  EXPECT_THROW(add_histogram(short_total, a), std::invalid_argument);
}

TEST(DurationHistogram, ABandThatTheBinsCannotFormIsRefused) {
  const std::vector<std::uint32_t> three_bins{1, 1, 1};  // 0, 1, more than 1
  const DurationBand two_to_five{"2-5", 2, 5, 0.0};
  EXPECT_THROW(share_in_band(three_bins, two_to_five), std::invalid_argument);
}

// 1 variant x 3 replications, replication 2 unfinished; replication 1
// completed no assessments (its shares are not applicable).
results::ResultsData file_with_histograms() {
  results::ResultsData d;
  d.format_version = results::kFormatVersion;
  d.layout.variants = {"baseline"};
  d.layout.replications = 3;
  d.layout.distributions.quantities = {{"assessment_working_days", "assessments", "Assessments."},
                                       {"icpc_working_days", "conferences", "Conferences."},
                                       {"unknown_working_days", "things", "No national figures."}};
  for (std::size_t b = 0; b < kDurationBins; ++b) {
    d.layout.distributions.bin_edges.push_back(static_cast<double>(b));
    d.layout.distributions.bin_labels.push_back(std::to_string(b));
  }
  d.layout.distributions.bin_edges.push_back(INFINITY);
  std::vector<std::uint32_t> assessments;
  for (const auto& h : {histogram({{5, 1}, {43, 3}}), histogram({}), histogram({{43, 9}})})
    assessments.insert(assessments.end(), h.begin(), h.end());
  std::vector<std::uint32_t> icpcs;
  for (const auto& h : {histogram({{14, 4}}), histogram({{14, 2}, {25, 2}}), histogram({})})
    icpcs.insert(icpcs.end(), h.begin(), h.end());
  d.distributions = {assessments, icpcs, std::vector<std::uint32_t>(3 * kDurationBins, 1)};
  d.completed = {1, 1, 0};
  return d;
}

TEST(DurationComparison, SummarisesEachReplicationsSharesWhereTheyApply) {
  const std::vector<DurationComparison> c = compare_durations(file_with_histograms(), 0);
  ASSERT_EQ(c.size(), 2u);  // the third has no national figures
  const DurationComparison& a = c[0];
  EXPECT_EQ(a.name, "assessment_working_days");
  EXPECT_EQ(a.unit, "assessments");
  EXPECT_EQ(a.national, &national_durations(Duration::assessment_working_days));
  EXPECT_EQ(a.replications, 2u);      // the unfinished one is left out
  EXPECT_EQ(a.with_completions, 1u);  // replication 1 completed none
  ASSERT_EQ(a.bands.size(), 9u);
  // 41-45: 3 of 4 in replication 0; replication 1 does not apply.
  EXPECT_EQ(a.bands[5].simulated.n, 1u);
  EXPECT_DOUBLE_EQ(a.bands[5].simulated.mean, 0.75);
  EXPECT_EQ(a.quartiles[1].n, 1u);
  EXPECT_EQ(a.quartiles[1].mean, 43.0);
  EXPECT_DOUBLE_EQ(a.completions.mean, 2.0);  // 4 and 0

  const DurationComparison& i = c[1];
  EXPECT_EQ(i.with_completions, 2u);
  // 11-15: 1 and 0.5; 21+: 0 and 0.5.
  EXPECT_DOUBLE_EQ(i.bands[1].simulated.mean, 0.75);
  EXPECT_DOUBLE_EQ(i.bands[3].simulated.mean, 0.25);
  EXPECT_EQ(i.quartiles[0].mean, 14.0);
  EXPECT_EQ(i.quartiles[2].mean, (14.0 + 25.0) / 2);
  EXPECT_THROW(compare_durations(file_with_histograms(), 1), std::invalid_argument);
}

TEST(DurationComparison, AFileWithoutHistogramsHasNothingToCompare) {
  results::ResultsData d = file_with_histograms();
  d.layout.distributions = {};
  d.distributions.clear();
  EXPECT_TRUE(compare_durations(d, 0).empty());
}

TEST(DurationComparison, ShareIntervalsStayWithinNoneAndAll) {
  Summary s;
  s.n = 5;
  s.mean = 0.02;
  s.ci_low = -0.01;
  s.ci_high = 0.05;
  EXPECT_EQ(share_interval(s).low, 0.0);
  EXPECT_EQ(share_interval(s).high, 0.05);
  s.n = 1;
  EXPECT_EQ(share_interval(s).low, 0.02);
}

}  // namespace
}  // namespace casesim::analysis
