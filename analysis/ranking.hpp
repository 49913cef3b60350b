#pragma once
// Variants ranked on one metric by their mean across replications. Ranks are
// shared on equal means (1, 2, 2, 4). A ranking says nothing about whether the
// gaps are real: read it with the confidence intervals and paired differences.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/statistics.hpp"

namespace casesim::analysis {

enum class Better { lower, higher };

struct RankedVariant {
  std::size_t rank = 0;     // 1 is best
  std::size_t variant = 0;  // index into the names given
  std::string name;
  Summary summary;
};

// values[v]: the metric's values for variant v, one per replication (NaN left
// out). A variant with no values ranks last. names and values must be the same
// size (std::invalid_argument).
std::vector<RankedVariant> rank_variants(const std::vector<std::string>& names,
                                         const std::vector<std::vector<double>>& values, Better better = Better::lower);

}  // namespace casesim::analysis
