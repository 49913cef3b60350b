#include "engine/runner/worker_columns.hpp"

#include <algorithm>

namespace casesim::runner {

std::vector<double> worker_columns_of(const results::Layout& layout, const model::ReplicationResult& result) {
  const std::size_t workers = layout.workers.size();
  if (workers == 0) return {};
  const std::size_t rows = layout.worker_series.size() * layout.week_start_dates.size();
  const std::size_t own = result.worker_weekly.size() / rows;
  std::vector<double> out(rows * workers, 0.0);
  for (std::size_t row = 0; row < rows; ++row)
    std::copy_n(result.worker_weekly.begin() + static_cast<std::ptrdiff_t>(row * own), std::min(own, workers),
                out.begin() + static_cast<std::ptrdiff_t>(row * workers));
  return out;
}

}  // namespace casesim::runner
