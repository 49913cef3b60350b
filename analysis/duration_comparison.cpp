#include "analysis/duration_comparison.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>

#include "analysis/duration_histogram.hpp"
#include "engine/model/durations.hpp"

namespace casesim::analysis {

namespace {

constexpr std::array<double, 3> kQuartiles{0.25, 0.5, 0.75};

const NationalDurations* national_for(const std::string& name) {
  for (std::size_t d = 0; d < model::kDurationCount; ++d)
    if (model::kDurationDefinitions[d].name == name) return &national_durations(static_cast<model::Duration>(d));
  return nullptr;
}

// Whether every band can be formed from `bins` bins (one per day, the last open).
bool bands_fit(const NationalDurations& national, std::size_t bins) {
  for (const DurationBand& band : national.bands) {
    const bool fits = band.open_ended() ? static_cast<std::size_t>(band.first_working_day) < bins
                                        : static_cast<std::size_t>(band.last_working_day) + 1 < bins;
    if (!fits) return false;
  }
  return true;
}

}  // namespace

ShareInterval share_interval(const Summary& share) {
  if (share.n < 2) return {share.mean, share.mean};
  return {std::clamp(share.ci_low, 0.0, 1.0), std::clamp(share.ci_high, 0.0, 1.0)};
}

std::vector<DurationComparison> compare_durations(const results::ResultsData& data, std::size_t variant) {
  if (variant >= data.layout.variants.size())
    throw std::invalid_argument("compare_durations: variant " + std::to_string(variant) + " out of range");
  std::vector<DurationComparison> out;
  const results::Distributions& layout = data.layout.distributions;
  const std::size_t bins = layout.bins();
  const std::size_t replications = data.layout.replications;
  for (std::size_t d = 0; d < layout.quantities.size(); ++d) {
    const NationalDurations* national = national_for(layout.quantities[d].name);
    if (national == nullptr || !bands_fit(*national, bins)) continue;
    DurationComparison c;
    c.distribution = d;
    c.name = layout.quantities[d].name;
    c.unit = layout.quantities[d].unit;
    c.description = layout.quantities[d].description;
    c.national = national;
    std::vector<std::vector<double>> shares(national->bands.size());
    std::array<std::vector<double>, 3> quartiles;
    std::vector<double> counts;
    for (std::size_t r = 0; r < replications; ++r) {
      const std::size_t slot = variant * replications + r;
      if (data.completed[slot] == 0) continue;
      ++c.replications;
      const std::span<const std::uint32_t> histogram(data.distributions[d].data() + slot * bins, bins);
      counts.push_back(static_cast<double>(completions(histogram)));
      // With nothing completed, shares and quartiles are not applicable: NaN, left out.
      c.with_completions += counts.back() > 0;
      for (std::size_t b = 0; b < national->bands.size(); ++b)
        shares[b].push_back(share_in_band(histogram, national->bands[b]));
      for (std::size_t q = 0; q < kQuartiles.size(); ++q)
        quartiles[q].push_back(duration_quantile(histogram, kQuartiles[q]));
    }
    for (std::size_t b = 0; b < national->bands.size(); ++b)
      c.bands.push_back({national->bands[b], summarise(shares[b])});
    for (std::size_t q = 0; q < kQuartiles.size(); ++q) c.quartiles[q] = summarise(quartiles[q]);
    c.completions = summarise(counts);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace casesim::analysis
