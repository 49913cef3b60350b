#include "apps/casesim/results_metadata.hpp"

#include <chrono>

#include <boost/version.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "apps/casesim/run_command.hpp"
#include "engine/kernel/random_streams.hpp"
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

results::Metadata results_metadata(const scenario::Scenario& scenario, const scenario::ScenarioSource& source,
                                   std::uint64_t seed, const std::string& command_line) {
  results::Metadata metadata;
  metadata.casesim_version = casesim_version();
  metadata.scenario_name = scenario.name;
  metadata.scenario_file = source.path;
  metadata.scenario_text = source.text;
  metadata.seed = seed;
  metadata.start_date = kernel::format_iso_date(scenario.run.start_date);
  metadata.horizon_weeks = scenario.run.horizon_weeks;
  metadata.warm_up_weeks = scenario.run.warm_up_weeks;
  metadata.stream_scheme_version = kernel::kStreamSchemeVersion;
  metadata.boost_version = boost_version();
  metadata.command_line = command_line;
  metadata.created_utc = utc_now();
  for (const auto& event : scenario.timeline) {
    metadata.timeline_dates.push_back(kernel::format_iso_date(event.date));
    metadata.timeline_events.push_back(scenario::describe(event));
  }
  return metadata;
}

}  // namespace casesim::cli
