#include "apps/casesim/what_if_text.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "analysis/report/what_if_answer.hpp"
#include "analysis/results_summary.hpp"
#include "analysis/what_if_effect.hpp"
#include "apps/casesim/summary_table.hpp"

namespace casesim::cli {

namespace {

std::string signed_number(double v) {
  return fmt::format("{}{}", v > 0 ? "+" : "", readable_number(v));
}

// Each safety measure with and without the changes and the paired difference.
std::string effect_table(const results::ResultsData& data) {
  std::vector<std::array<std::string, 6>> rows;
  std::size_t pairs = 0;
  for (const model::Metric metric : analysis::safety_metrics()) {
    const std::size_t m = analysis::find_metric(data, metric);
    if (m == analysis::kNotInFile) continue;
    const analysis::ChangeEffect e = analysis::change_effect(data, m);
    const analysis::Summary& d = e.difference;
    pairs = std::max(pairs, d.n);
    rows.push_back({data.layout.metrics[m].name, readable_mean(e.with), readable_mean(e.without),
                    d.n == 0 ? std::string(kNotApplicable) : signed_number(d.mean),
                    d.n < 2 ? (d.n == 0 ? std::string(kNotApplicable) : "-")
                            : fmt::format("{} to {}", signed_number(d.ci_low), signed_number(d.ci_high)),
                    data.layout.metrics[m].unit});
  }
  std::array<std::size_t, 6> width{6, 4, 7, 10, 6, 4};
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  std::string out = fmt::format(
      "Because of the change: with minus without, paired replication by replication ({} pairs, the same "
      "referrals, sickness and resignations both ways)\n",
      pairs);
  out += fmt::format("  {:<{}}  {:>{}}  {:>{}}  {:>{}}  {:<{}}  {}\n", "metric", width[0], "with", width[1], "without",
                     width[2], "difference", width[3], "95% CI", width[4], "unit");
  for (const auto& row : rows)
    out += fmt::format("  {:<{}}  {:>{}}  {:>{}}  {:>{}}  {:<{}}  {}\n", row[0], width[0], row[1], width[1], row[2],
                       width[2], row[3], width[3], row[4], width[4], row[5]);
  return out;
}

}  // namespace

std::string what_if_answer_text(const results::ResultsData& data) {
  if (!data.metadata.what_if) return {};
  const analysis::report::WhatIfAnswer answer = analysis::report::what_if_answer(data);
  std::string out;
  for (const std::string& sentence : answer.sentences) out += sentence + '\n';
  out += '\n';
  for (std::size_t i = 0; i < answer.footnotes.size(); ++i) out += fmt::format("[{}] {}\n", i + 1, answer.footnotes[i]);
  out += '\n' + effect_table(data);
  return out;
}

}  // namespace casesim::cli
