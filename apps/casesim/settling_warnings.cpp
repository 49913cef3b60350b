#include "apps/casesim/settling_warnings.hpp"

#include "analysis/settling.hpp"

namespace casesim::cli {

std::string settling_warnings(const runner::Recording& recording, const std::vector<std::string>& compared) {
  std::string out;
  const runner::RecordedThirds& thirds = recording.series_thirds();
  const std::vector<std::string>& variants = recording.layout().variants;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    std::vector<std::vector<analysis::ThirdMeans>> of_variant;
    for (const auto& series : thirds) of_variant.push_back(series[v]);
    for (const analysis::UnsettledSeries& u :
         analysis::unsettled_series(recording.layout().series, of_variant, compared))
      out += analysis::settling_warning(u, recording.counted_weeks(), variants.size() > 1 ? variants[v] : "") + '\n';
  }
  if (!out.empty()) out.insert(0, 1, '\n');
  return out;
}

}  // namespace casesim::cli
