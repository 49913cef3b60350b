#include "analysis/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace casesim::analysis {

std::vector<RankedVariant> rank_variants(const std::vector<std::string>& names,
                                         const std::vector<std::vector<double>>& values, Better better) {
  if (names.size() != values.size()) throw std::invalid_argument("rank_variants: one list of values per variant");
  std::vector<RankedVariant> ranked;
  for (std::size_t v = 0; v < names.size(); ++v) ranked.push_back({0, v, names[v], summarise(values[v])});
  const auto before = [better](const RankedVariant& a, const RankedVariant& b) {
    const bool a_missing = std::isnan(a.summary.mean), b_missing = std::isnan(b.summary.mean);
    if (a_missing || b_missing) return !a_missing && b_missing;
    return better == Better::lower ? a.summary.mean < b.summary.mean : a.summary.mean > b.summary.mean;
  };
  std::stable_sort(ranked.begin(), ranked.end(), before);
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const bool tied = i > 0 && !before(ranked[i - 1], ranked[i]) && !before(ranked[i], ranked[i - 1]);
    ranked[i].rank = tied ? ranked[i - 1].rank : i + 1;
  }
  return ranked;
}

}  // namespace casesim::analysis
