#include "apps/casesim/results_metadata.hpp"

#include <chrono>

#include <boost/version.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "engine/model/metrics.hpp"

namespace casesim::cli {

namespace {
std::vector<results::Quantity> quantities(const auto& definitions) {
  std::vector<results::Quantity> out;
  for (const auto& d : definitions) out.push_back({std::string(d.name), std::string(d.unit), std::string(d.description)});
  return out;
}
}  // namespace

std::string boost_version() {
  return fmt::format("{}.{}.{}", BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100);
}

std::string utc_now() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::vector<results::Quantity> metric_quantities() { return quantities(model::metric_definitions()); }
std::vector<results::Quantity> series_quantities() { return quantities(model::series_definitions()); }

}  // namespace casesim::cli
