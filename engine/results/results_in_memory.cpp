#include "engine/results/results_in_memory.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "engine/results/layout_checks.hpp"

namespace casesim::results {

namespace {

constexpr const char* kWhere = "results in memory";

void check_size(std::size_t given, std::size_t expected, const std::string& what) {
  if (given != expected)
    throw std::invalid_argument(std::string(kWhere) + ": " + std::to_string(given) + " " + what + ", expected " +
                                std::to_string(expected));
}

}  // namespace

ResultsData start_in_memory(const Metadata& metadata, const Layout& layout) {
  validate_layout(kWhere, metadata, layout);
  const std::size_t slots = layout.variants.size() * layout.replications;
  const std::size_t weeks = layout.week_start_dates.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  ResultsData data;
  data.format_version = kFormatVersion;
  data.metadata = metadata;
  data.layout = layout;
  data.summary.assign(layout.metrics.size(), std::vector<double>(slots, nan));
  data.weekly.assign(layout.series.size(), std::vector<double>(slots * weeks, nan));
  data.distributions.assign(layout.distributions.quantities.size(),
                            std::vector<std::uint32_t>(slots * layout.distributions.bins(), 0));
  data.completed.assign(slots, 0);
  data.child_visit_late.assign(slots * layout.children.size(), 0);
  data.worker_weekly.assign(layout.worker_series.size(),
                            std::vector<double>(slots * weeks * layout.workers.size(), nan));
  return data;
}

void write_in_memory(ResultsData& data, std::size_t variant, std::size_t replication, std::span<const double> summary,
                     std::span<const double> weekly, std::span<const std::uint32_t> durations,
                     std::span<const std::uint8_t> child_visit_late, std::span<const double> worker_weekly) {
  const Layout& layout = data.layout;
  const std::size_t weeks = layout.week_start_dates.size();
  const std::size_t bins = layout.distributions.bins();
  const std::size_t children = layout.children.size();
  if (variant >= layout.variants.size())
    throw std::invalid_argument(std::string(kWhere) + ": variant " + std::to_string(variant) + " out of range");
  if (replication >= layout.replications)
    throw std::invalid_argument(std::string(kWhere) + ": replication " + std::to_string(replication) + " out of range");
  check_size(summary.size(), layout.metrics.size(), "summary values");
  check_size(weekly.size(), layout.series.size() * weeks, "weekly values");
  check_size(durations.size(), layout.distributions.quantities.size() * bins, "duration counts");
  check_size(child_visit_late.size(), children, "child flags");
  check_size(worker_weekly.size(), layout.worker_values(), "worker series values");

  const std::size_t slot = variant * layout.replications + replication;
  for (std::size_t m = 0; m < summary.size(); ++m) data.summary[m][slot] = summary[m];
  for (std::size_t s = 0; s < layout.series.size(); ++s)
    std::copy_n(weekly.begin() + static_cast<std::ptrdiff_t>(s * weeks), weeks,
                data.weekly[s].begin() + static_cast<std::ptrdiff_t>(slot * weeks));
  for (std::size_t d = 0; d < layout.distributions.quantities.size(); ++d)
    std::copy_n(durations.begin() + static_cast<std::ptrdiff_t>(d * bins), bins,
                data.distributions[d].begin() + static_cast<std::ptrdiff_t>(slot * bins));
  std::copy(child_visit_late.begin(), child_visit_late.end(),
            data.child_visit_late.begin() + static_cast<std::ptrdiff_t>(slot * children));
  const std::size_t per_series = weeks * layout.workers.size();
  for (std::size_t q = 0; q < layout.worker_series.size(); ++q)
    std::copy_n(worker_weekly.begin() + static_cast<std::ptrdiff_t>(q * per_series), per_series,
                data.worker_weekly[q].begin() + static_cast<std::ptrdiff_t>(slot * per_series));
  data.completed[slot] = 1;
}

}  // namespace casesim::results
