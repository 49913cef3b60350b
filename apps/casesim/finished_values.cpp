#include "apps/casesim/finished_values.hpp"

#include <cmath>

#include <fmt/format.h>

#include "apps/casesim/usage_error.hpp"

namespace casesim::cli {

void check_finished_weeks(const results::ResultsData& data, const std::string& path) {
  const results::Layout& layout = data.layout;
  const std::size_t weeks = layout.week_start_dates.size();
  const std::size_t replications = layout.replications;
  for (std::size_t slot = 0; slot < data.completed.size(); ++slot) {
    if (data.completed[slot] == 0) continue;
    for (std::size_t s = 0; s < data.weekly.size() && s < layout.series.size(); ++s)
      for (std::size_t w = 0; w < weeks; ++w) {
        const double value = data.weekly[s][slot * weeks + w];
        if (std::isfinite(value)) continue;
        throw UsageError(fmt::format(
            "{}: /series/{}: the week of {} in replication {} of variant {} is {}, which casesim never writes for a "
            "finished replication; the file was changed or written by another program: run again to have it whole",
            path, layout.series[s].name, layout.week_start_dates[w], slot % replications + 1,
            layout.variants[slot / replications], std::isnan(value) ? "not a number (NaN)" : "infinite"));
      }
  }
}

}  // namespace casesim::cli
