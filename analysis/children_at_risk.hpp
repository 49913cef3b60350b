#pragma once
// The children a manager should look at first, for a run started from a
// team's snapshot: one ranking, the same in `casesim run`, `casesim summary`
// and the report. Children already overdue on the extract date are listed
// apart (a visit of theirs is late in every future: the manager can act on
// that today, and they would otherwise fill the top of the list); the others
// are ranked by their chance across replications of having a statutory visit
// made late (or still owed past its date at the end), and, against a base
// (a what-if's run without its changes, an experiment's first variant), by
// how much that chance rises because of the change first. Children are named
// only by the pseudonyms the results file holds.
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis/proportion.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis {

struct ChildAtRisk {
  std::size_t child = 0;  // index into Layout::children
  std::string pseudonym;  // e.g. "C-1a2b3c4d"
  std::string stage;      // on the extract date, e.g. "CP plan"
  // The allocated worker's pseudonym on the extract date; empty: waiting for
  // allocation, or not known (a file before format version 3: worker_known false).
  std::string worker;
  bool worker_known = false;
  bool overdue_at_start = false;        // a visit already overdue on the extract date
  Proportion late;                      // replications with a late visit, of the variant's completed ones
  std::optional<Proportion> base_late;  // the same in the base, when ranked against one

  // The paired 95% interval of the rise (replication k with the change against
  // replication k without, over the replications complete in both); NaN
  // without a base or with fewer than two pairs.
  double rise_ci_low = std::numeric_limits<double>::quiet_NaN();
  double rise_ci_high = std::numeric_limits<double>::quiet_NaN();

  // The rise in the chance of a late visit because of the change (variant
  // minus base); 0 without a base.
  double rise() const { return base_late ? late.estimate - base_late->estimate : 0.0; }
  // Put at risk by the change: the rise's interval lies above 0, and so does
  // the rise itself. The interval pairs the replications complete in both
  // variants, the rise takes each variant's own; they differ only where a
  // stopped run finished a replication of one variant and not the other.
  bool clearly_put_at_risk() const { return base_late && rise_ci_low > 0 && rise() > 0; }
};

struct ChildrenRanking {
  std::size_t variant = 0;
  std::optional<std::size_t> base;  // the variant the rise is measured from
  // Not overdue on the extract date, highest risk first: against a base, the
  // largest rise first, then the highest chance; otherwise the highest
  // chance; equal ones in the file's order.
  std::vector<ChildAtRisk> not_yet_overdue;
  // Overdue on the extract date, in the file's order.
  std::vector<ChildAtRisk> already_overdue;
  std::size_t children() const { return not_yet_overdue.size() + already_overdue.size(); }
};

// The variant a manager's answer is about: a what-if's run with the changes,
// otherwise the first (a plain run's only variant, an experiment's base).
std::size_t answer_variant(const results::ResultsData& data);

// The variant `variant` is compared with: none for the first variant of a
// file, otherwise the first (a what-if's run without the changes, an
// experiment's base).
std::optional<std::size_t> base_of(const results::ResultsData& data, std::size_t variant);

// Every child of the file, for one variant over its completed replications,
// ranked as above against base_of(variant). Empty when the file has no
// children (not started from a snapshot). A variant out of range, or
// per-child flags that do not match the layout, is std::invalid_argument.
ChildrenRanking rank_children(const results::ResultsData& data, std::size_t variant);

// How many of `children` had a late visit in at least one replication.
std::size_t children_with_any_risk(const std::vector<ChildAtRisk>& children);
// How many of `children` the change clearly puts at risk (clearly_put_at_risk).
std::size_t children_put_at_risk(const std::vector<ChildAtRisk>& children);

}  // namespace casesim::analysis
