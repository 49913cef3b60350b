#include "analysis/children_at_risk.hpp"

#include <algorithm>
#include <stdexcept>

namespace casesim::analysis {

std::vector<ChildAtRisk> children_at_risk(const results::ResultsData& data, std::size_t variant) {
  const results::Layout& layout = data.layout;
  if (variant >= layout.variants.size()) throw std::invalid_argument("children_at_risk: no such variant");
  const std::size_t children = layout.children.size();
  if (children == 0) return {};
  const std::size_t replications = layout.replications;
  if (data.child_visit_late.size() != layout.variants.size() * replications * children)
    throw std::invalid_argument("children_at_risk: child_visit_late does not match the layout");

  std::vector<std::size_t> late(children, 0);
  std::size_t completed = 0;
  for (std::size_t r = 0; r < replications; ++r) {
    const std::size_t slot = variant * replications + r;
    if (!data.completed[slot]) continue;  // an unfinished slot holds no answer, not "not late"
    ++completed;
    for (std::size_t c = 0; c < children; ++c) late[c] += data.child_visit_late[slot * children + c] != 0;
  }

  std::vector<ChildAtRisk> out(children);
  for (std::size_t c = 0; c < children; ++c) {
    out[c].child = c;
    out[c].pseudonym = layout.children[c];
    out[c].stage = c < layout.child_stages.size() ? layout.child_stages[c] : std::string();
    out[c].overdue_at_start = c < layout.child_overdue_at_start.size() && layout.child_overdue_at_start[c] != 0;
    out[c].late = wilson_interval(late[c], completed);
  }
  // Counts, not shares: every child has the same number of trials, and whole
  // numbers compare exactly. On equal chances a child already overdue comes
  // first: the manager can act on that today.
  std::stable_sort(out.begin(), out.end(), [](const ChildAtRisk& a, const ChildAtRisk& b) {
    if (a.late.events != b.late.events) return a.late.events > b.late.events;
    return a.overdue_at_start && !b.overdue_at_start;
  });
  return out;
}

std::size_t children_with_any_risk(const std::vector<ChildAtRisk>& ranked) {
  return static_cast<std::size_t>(
      std::count_if(ranked.begin(), ranked.end(), [](const ChildAtRisk& c) { return c.late.events > 0; }));
}

}  // namespace casesim::analysis
