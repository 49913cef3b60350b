#pragma once
// The children a manager should look at first: for a run started from a
// team's snapshot, each child's chance across replications of having a
// statutory visit made late (or still owed past its date at the end), with a
// Wilson 95% interval, highest first. Children are named only by the
// pseudonyms the results file holds.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/proportion.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis {

struct ChildAtRisk {
  std::size_t child = 0;          // index into Layout::children
  std::string pseudonym;          // e.g. "C-1a2b3c4d"
  std::string stage;              // on the extract date, e.g. "CP plan"
  bool overdue_at_start = false;  // a visit already overdue on the extract date
  Proportion late;                // replications with a late visit, of the completed ones
};

// Every child of the file, for one variant, over its completed replications:
// the highest chance first; on equal chances, those already overdue on the
// extract date first, then the file's order. Empty when
// the file has no children (not started from a snapshot). A variant out of
// range is std::invalid_argument.
std::vector<ChildAtRisk> children_at_risk(const results::ResultsData& data, std::size_t variant);

// How many of `ranked` had a late visit in at least one replication.
std::size_t children_with_any_risk(const std::vector<ChildAtRisk>& ranked);

}  // namespace casesim::analysis
