#pragma once
// Compares two results files' contents: every dataset and attribute except
// created_utc and command_line (which name when and how a run was started).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "engine/results/results_file.hpp"

namespace casesim::testing {

// Bitwise, so NaN equals NaN and 0.0 differs from -0.0.
inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

inline void expect_same_results(const results::ResultsData& a, const results::ResultsData& b) {
  EXPECT_EQ(a.format_version, b.format_version);
  const results::Metadata &ma = a.metadata, &mb = b.metadata;
  EXPECT_EQ(ma.casesim_version, mb.casesim_version);
  EXPECT_EQ(ma.scenario_name, mb.scenario_name);
  EXPECT_EQ(ma.scenario_file, mb.scenario_file);
  EXPECT_EQ(ma.scenario_text, mb.scenario_text);
  EXPECT_EQ(ma.seed, mb.seed);
  EXPECT_EQ(ma.start_date, mb.start_date);
  EXPECT_EQ(ma.horizon_weeks, mb.horizon_weeks);
  EXPECT_EQ(ma.warm_up_weeks, mb.warm_up_weeks);
  EXPECT_EQ(ma.stream_scheme_version, mb.stream_scheme_version);
  EXPECT_EQ(ma.boost_version, mb.boost_version);
  ASSERT_EQ(ma.experiment.has_value(), mb.experiment.has_value());
  if (ma.experiment) {
    const results::ExperimentRecord &ea = *ma.experiment, &eb = *mb.experiment;
    EXPECT_EQ(ea.name, eb.name);
    EXPECT_EQ(ea.file, eb.file);
    EXPECT_EQ(ea.text, eb.text);
    EXPECT_EQ(ea.metrics, eb.metrics);
    EXPECT_EQ(ea.variant_overrides, eb.variant_overrides);
    EXPECT_EQ(ea.parameter_names, eb.parameter_names);
    EXPECT_TRUE(same_bits(ea.parameter_values, eb.parameter_values));
    EXPECT_EQ(ea.initial_replications, eb.initial_replications);
    EXPECT_EQ(ea.precision, eb.precision);
    EXPECT_EQ(ea.precision_metric, eb.precision_metric);
    EXPECT_EQ(ea.max_replications, eb.max_replications);
  }
  EXPECT_EQ(a.layout.variants, b.layout.variants);
  EXPECT_EQ(a.layout.replications, b.layout.replications);
  EXPECT_EQ(a.layout.week_start_dates, b.layout.week_start_dates);
  ASSERT_EQ(a.layout.metrics.size(), b.layout.metrics.size());
  for (std::size_t m = 0; m < a.layout.metrics.size(); ++m) {
    EXPECT_EQ(a.layout.metrics[m].name, b.layout.metrics[m].name);
    EXPECT_TRUE(same_bits(a.summary[m], b.summary[m])) << "summary of " << a.layout.metrics[m].name;
  }
  ASSERT_EQ(a.layout.series.size(), b.layout.series.size());
  for (std::size_t s = 0; s < a.layout.series.size(); ++s)
    EXPECT_TRUE(same_bits(a.weekly[s], b.weekly[s])) << "series " << a.layout.series[s].name;
  ASSERT_EQ(a.layout.distributions.quantities.size(), b.layout.distributions.quantities.size());
  EXPECT_EQ(a.layout.distributions.bin_labels, b.layout.distributions.bin_labels);
  EXPECT_TRUE(same_bits(a.layout.distributions.bin_edges, b.layout.distributions.bin_edges));
  for (std::size_t d = 0; d < a.layout.distributions.quantities.size(); ++d) {
    EXPECT_EQ(a.layout.distributions.quantities[d].name, b.layout.distributions.quantities[d].name);
    EXPECT_EQ(a.distributions[d], b.distributions[d]) << "distribution " << a.layout.distributions.quantities[d].name;
  }
  EXPECT_EQ(a.completed, b.completed);
}

}  // namespace casesim::testing
