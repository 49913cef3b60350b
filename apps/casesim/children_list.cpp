#include "apps/casesim/children_list.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/children_at_risk.hpp"
#include "analysis/report/plain_language.hpp"

namespace casesim::cli {

namespace {

std::string worker_text(const analysis::ChildAtRisk& c) {
  if (!c.worker_known) return "-";
  return c.worker.empty() ? "(waiting)" : c.worker;
}

std::string percent(const analysis::Proportion& p) {
  return p.trials == 0 ? "n/a" : fmt::format("{:.1f}%", 100 * p.estimate);
}

}  // namespace

std::string children_list_text(const results::ResultsData& data, std::size_t variant, std::size_t shown) {
  if (data.layout.children.empty()) return {};
  const analysis::ChildrenRanking ranking = analysis::rank_children(data, variant);
  const std::string extract_date = analysis::report::readable_date(data.metadata.snapshot_extract_date);
  const std::vector<analysis::ChildAtRisk>& ranked = ranking.not_yet_overdue;
  const std::size_t any = analysis::children_with_any_risk(ranked);
  const std::size_t listed = std::min(shown, any);
  const std::size_t replications =
      ranked.empty() ? ranking.already_overdue.front().late.trials : ranked.front().late.trials;
  const std::string& name = data.layout.variants[variant];
  std::string out = fmt::format(
      "\nChildren not yet overdue on {}, most likely to have a statutory visit late{}{} (pseudonymous ids; chance "
      "across {} replications{}):\n",
      extract_date, data.layout.variants.size() > 1 ? ", " + name : "",
      ranking.base ? fmt::format(", the rise against {} first", data.layout.variants[*ranking.base]) : "", replications,
      ranking.base ? "" : ", 95% Wilson interval");
  std::size_t stage_width = 5, worker_width = 6;
  const auto widen = [&](const analysis::ChildAtRisk& c) {
    stage_width = std::max(stage_width, c.stage.size());
    worker_width = std::max(worker_width, worker_text(c).size());
  };
  for (std::size_t i = 0; i < listed; ++i) widen(ranked[i]);
  for (const analysis::ChildAtRisk& c : ranking.already_overdue) widen(c);
  if (listed > 0) {
    out += fmt::format("{:>4}  {:<18}  {:<{}}  {:<{}}  ", "#", "child", "stage", stage_width, "worker", worker_width);
    out += ranking.base ? fmt::format("{:>7}  {:>7}  {:>7}\n", "chance", "without", "rise") : "chance\n";
  }
  for (std::size_t i = 0; i < listed; ++i) {
    const analysis::ChildAtRisk& c = ranked[i];
    out += fmt::format("{:>4}  {:<18}  {:<{}}  {:<{}}  ", i + 1, c.pseudonym, c.stage, stage_width, worker_text(c),
                       worker_width);
    out += ranking.base
               ? fmt::format("{:>7}  {:>7}  {:>+6.1f}%\n", percent(c.late), percent(*c.base_late), 100 * c.rise())
               : analysis::report::readable_percent(c.late) + "\n";
  }
  if (any == 0)
    out += fmt::format("  none of the {} in any replication\n", ranked.size());
  else if (any > listed)
    out += fmt::format("  {} more with a late visit in at least one replication; {} of the {} in none\n", any - listed,
                       ranked.size() - any, ranked.size());
  if (!ranking.already_overdue.empty()) {
    out += fmt::format("Already overdue on {} (a visit late in every replication): {} children\n", extract_date,
                       ranking.already_overdue.size());
    for (const analysis::ChildAtRisk& c : ranking.already_overdue)
      out += fmt::format("      {:<18}  {:<{}}  {}\n", c.pseudonym, c.stage, stage_width, worker_text(c));
  }
  return out;
}

}  // namespace casesim::cli
