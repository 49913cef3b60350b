// The one ranking of children (analysis::rank_children) over random results
// files: every child listed once, the already overdue apart and in the file's
// order, the others by rise (against a base) then chance, ties in the file's order.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "analysis/children_at_risk.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis {
namespace {

results::ResultsData random_file() {
  const auto replications = *rc::gen::inRange<std::size_t>(1, 9);
  const auto children = *rc::gen::inRange<std::size_t>(1, 13);
  results::ResultsData d;
  d.format_version = results::kFormatVersion;
  d.metadata.what_if = *rc::gen::arbitrary<bool>();
  d.metadata.snapshot_extract_date = "2027-01-15";
  d.layout.variants = {"without the changes", "with the changes"};
  d.layout.replications = replications;
  for (std::size_t c = 0; c < children; ++c) {
    d.layout.children.push_back("C-" + std::to_string(1000 + c));
    d.layout.child_stages.push_back("CIN plan");
    d.layout.child_workers.push_back(c % 3 == 0 ? "" : "W-" + std::to_string(c % 3));
  }
  // Few distinct values, so that ties are common.
  d.layout.child_overdue_at_start = *rc::gen::container<std::vector<std::uint8_t>>(children, rc::gen::inRange(0, 2));
  d.completed = *rc::gen::container<std::vector<std::uint8_t>>(2 * replications, rc::gen::inRange(0, 2));
  d.child_visit_late =
      *rc::gen::container<std::vector<std::uint8_t>>(2 * replications * children, rc::gen::inRange(0, 2));
  return d;
}

void check_ranking(const results::ResultsData& d, std::size_t variant) {
  const ChildrenRanking ranking = rank_children(d, variant);
  RC_ASSERT(ranking.variant == variant);
  RC_ASSERT(ranking.base.has_value() == (variant == 1));
  RC_ASSERT(ranking.children() == d.layout.children.size());
  std::set<std::size_t> seen;
  for (const ChildAtRisk& c : ranking.not_yet_overdue) {
    RC_ASSERT(!c.overdue_at_start);
    RC_ASSERT(d.layout.child_overdue_at_start[c.child] == 0);
    RC_ASSERT(c.pseudonym == d.layout.children[c.child]);
    RC_ASSERT(c.worker == d.layout.child_workers[c.child]);
    RC_ASSERT(seen.insert(c.child).second);
  }
  for (std::size_t i = 0; i < ranking.already_overdue.size(); ++i) {
    const ChildAtRisk& c = ranking.already_overdue[i];
    RC_ASSERT(c.overdue_at_start);
    RC_ASSERT(d.layout.child_overdue_at_start[c.child] == 1);
    if (i > 0) RC_ASSERT(ranking.already_overdue[i - 1].child < c.child);  // the file's order
    RC_ASSERT(seen.insert(c.child).second);
  }
  const auto& ranked = ranking.not_yet_overdue;
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    const ChildAtRisk &a = ranked[i - 1], &b = ranked[i];
    RC_ASSERT(a.late.trials == b.late.trials);  // the same replications for every child
    // A variant with no completed replication has no chance to compare: NaN rises, ranked by count alone.
    if (ranking.base && !std::isnan(a.rise()) && !std::isnan(b.rise())) {
      RC_ASSERT(a.rise() >= b.rise() - 1e-12);
      if (a.rise() > b.rise() + 1e-12) continue;
    }
    RC_ASSERT(a.late.events >= b.late.events);
    if (a.late.events == b.late.events) RC_ASSERT(a.child < b.child);  // ties stay in the file's order
  }
  for (const ChildAtRisk& c : ranked)
    if (c.clearly_put_at_risk()) RC_ASSERT(c.rise() > 0);
}

RC_GTEST_PROP(ChildrenRanking, ListsEveryChildOnceInTheOneOrder, ()) {
  const results::ResultsData d = random_file();
  check_ranking(d, 0);
  check_ranking(d, 1);
  // The answer is about the run with the changes only in a what-if.
  RC_ASSERT(answer_variant(d) == (d.metadata.what_if ? results::kWithTheChanges : 0u));
}

}  // namespace
}  // namespace casesim::analysis
