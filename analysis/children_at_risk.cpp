#include "analysis/children_at_risk.hpp"

#include "analysis/paired.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace casesim::analysis {

namespace {

// Each child's late visits over the completed replications of one variant.
std::vector<Proportion> late_visits(const results::ResultsData& data, std::size_t variant) {
  const results::Layout& layout = data.layout;
  const std::size_t children = layout.children.size();
  const std::size_t replications = layout.replications;
  std::vector<std::size_t> late(children, 0);
  std::size_t completed = 0;
  for (std::size_t r = 0; r < replications; ++r) {
    const std::size_t slot = variant * replications + r;
    if (!data.completed[slot]) continue;  // an unfinished slot holds no answer, not "not late"
    ++completed;
    for (std::size_t c = 0; c < children; ++c) late[c] += data.child_visit_late[slot * children + c] != 0;
  }
  std::vector<Proportion> out;
  out.reserve(children);
  for (std::size_t c = 0; c < children; ++c) out.push_back(wilson_interval(late[c], completed));
  return out;
}

// The rise in counts scaled by both variants' trials, so that whole numbers
// compare exactly (every child has the same trials in each variant).
long long scaled_rise(const ChildAtRisk& c) {
  if (!c.base_late) return 0;
  return static_cast<long long>(c.late.events * c.base_late->trials) -
         static_cast<long long>(c.base_late->events * c.late.trials);
}

// Each child's paired rise: late with minus late without, replication by
// replication, over the replications complete in both.
void pair_rises(const results::ResultsData& data, std::size_t variant, std::size_t base,
                std::vector<ChildAtRisk>& children) {
  const std::size_t count = data.layout.children.size(), replications = data.layout.replications;
  std::vector<double> with(replications), without(replications);
  for (ChildAtRisk& child : children) {
    for (std::size_t r = 0; r < replications; ++r) {
      const std::size_t v = variant * replications + r, b = base * replications + r;
      const bool both = data.completed[v] && data.completed[b];
      with[r] = both ? data.child_visit_late[v * count + child.child] : std::nan("");
      without[r] = both ? data.child_visit_late[b * count + child.child] : std::nan("");
    }
    const Summary rise = paired_difference(with, without);
    child.rise_ci_low = rise.ci_low;
    child.rise_ci_high = rise.ci_high;
  }
}

}  // namespace

std::size_t answer_variant(const results::ResultsData& data) {
  return data.metadata.what_if && data.layout.variants.size() > results::kWithTheChanges ? results::kWithTheChanges : 0;
}

std::optional<std::size_t> base_of(const results::ResultsData& data, std::size_t variant) {
  if (variant == 0 || variant >= data.layout.variants.size()) return std::nullopt;
  return 0;
}

ChildrenRanking rank_children(const results::ResultsData& data, std::size_t variant) {
  const results::Layout& layout = data.layout;
  if (variant >= layout.variants.size()) throw std::invalid_argument("rank_children: no such variant");
  ChildrenRanking ranking;
  ranking.variant = variant;
  ranking.base = base_of(data, variant);
  const std::size_t children = layout.children.size();
  if (children == 0) return ranking;
  if (data.child_visit_late.size() != layout.variants.size() * layout.replications * children)
    throw std::invalid_argument("rank_children: child_visit_late does not match the layout");

  const std::vector<Proportion> late = late_visits(data, variant);
  const std::vector<Proportion> base_late = ranking.base ? late_visits(data, *ranking.base) : std::vector<Proportion>{};
  for (std::size_t c = 0; c < children; ++c) {
    ChildAtRisk child;
    child.child = c;
    child.pseudonym = layout.children[c];
    child.stage = c < layout.child_stages.size() ? layout.child_stages[c] : std::string();
    child.worker_known = c < layout.child_workers.size();
    if (child.worker_known) child.worker = layout.child_workers[c];
    child.overdue_at_start = c < layout.child_overdue_at_start.size() && layout.child_overdue_at_start[c] != 0;
    child.late = late[c];
    if (ranking.base) child.base_late = base_late[c];
    (child.overdue_at_start ? ranking.already_overdue : ranking.not_yet_overdue).push_back(std::move(child));
  }
  if (ranking.base) pair_rises(data, variant, *ranking.base, ranking.not_yet_overdue);
  std::stable_sort(ranking.not_yet_overdue.begin(), ranking.not_yet_overdue.end(),
                   [](const ChildAtRisk& a, const ChildAtRisk& b) {
                     if (scaled_rise(a) != scaled_rise(b)) return scaled_rise(a) > scaled_rise(b);
                     return a.late.events > b.late.events;
                   });
  return ranking;
}

std::size_t children_with_any_risk(const std::vector<ChildAtRisk>& children) {
  return static_cast<std::size_t>(
      std::count_if(children.begin(), children.end(), [](const ChildAtRisk& c) { return c.late.events > 0; }));
}

std::size_t children_put_at_risk(const std::vector<ChildAtRisk>& children) {
  return static_cast<std::size_t>(
      std::count_if(children.begin(), children.end(), [](const ChildAtRisk& c) { return c.clearly_put_at_risk(); }));
}

}  // namespace casesim::analysis
