#include "engine/runner/results_metadata.hpp"
#include "engine/runner/snapshot_fingerprint.hpp"

#include <chrono>
#include <limits>
#include <utility>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <boost/version.hpp>

#include "engine/kernel/date.hpp"
#include "engine/kernel/random_streams.hpp"
#include "engine/model/metrics.hpp"
#include "engine/model/replication.hpp"
#include "engine/model/worker_series.hpp"
#include "engine/runner/version.hpp"
#include "engine/scenario/scenario_bases.hpp"
#include "engine/scenario/timeline.hpp"
#include "engine/snapshot/load_snapshot.hpp"

namespace casesim::runner {

namespace {

std::vector<results::Quantity> quantities(const auto& definitions) {
  std::vector<results::Quantity> out;
  for (const auto& d : definitions)
    out.push_back({std::string(d.name), std::string(d.unit), std::string(d.description)});
  return out;
}

// What each duration histogram counts: its unit in the results file.
std::string counted(model::Duration duration) {
  switch (duration) {
    case model::Duration::assessment_working_days: return "assessments";
    case model::Duration::icpc_working_days: return "conferences";
  }
  return "completions";
}

}  // namespace

std::string boost_version() {
  return fmt::format("{}.{}.{}", BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100);
}

std::string utc_now() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::vector<results::Quantity> metric_quantities() {
  return quantities(model::metric_definitions());
}
std::vector<results::Quantity> series_quantities() {
  return quantities(model::series_definitions());
}

results::Distributions duration_distributions() {
  results::Distributions out;
  for (std::size_t d = 0; d < model::kDurationCount; ++d) {
    const model::DurationDefinition& definition = model::kDurationDefinitions[d];
    out.quantities.push_back(
        {std::string(definition.name), counted(static_cast<model::Duration>(d)), std::string(definition.description)});
  }
  // One bin per working day, the last open-ended: [0, 1), [1, 2), ..., [91, inf).
  for (std::size_t b = 0; b < model::kDurationBins; ++b) {
    out.bin_edges.push_back(static_cast<double>(b));
    out.bin_labels.push_back(b + 1 < model::kDurationBins ? std::to_string(b) : "more than " + std::to_string(b - 1));
  }
  out.bin_edges.push_back(std::numeric_limits<double>::infinity());
  return out;
}

results::Metadata results_metadata(const scenario::Scenario& scenario, const scenario::ScenarioSource& source,
                                   std::uint64_t seed, const std::string& command_line) {
  results::Metadata metadata;
  metadata.casesim_version = casesim_version();
  metadata.scenario_name = scenario.name;
  metadata.scenario_description = scenario.description;
  metadata.scenario_file = source.path;
  metadata.scenario_text = scenario::recorded_text(source, scenario);
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

void record_start_snapshot(results::Metadata& metadata, const snapshot::Snapshot& start) {
  metadata.snapshot_extract_date = kernel::format_iso_date(start.extract_date);
  metadata.snapshot_problems = start.problems.size();
  metadata.snapshot_fingerprint = snapshot_fingerprint(start);
}

results::Layout results_layout(const scenario::Scenario& scenario, std::vector<std::string> variants,
                               std::size_t replications) {
  results::Layout layout;
  layout.variants = std::move(variants);
  layout.replications = replications;
  layout.metrics = metric_quantities();
  layout.series = series_quantities();
  layout.distributions = duration_distributions();
  for (int w = 0; w < scenario.run.horizon_weeks; ++w)
    layout.week_start_dates.push_back(kernel::format_iso_date(
        kernel::Date(std::chrono::sys_days(scenario.run.start_date) + std::chrono::days(7 * w))));
  return layout;
}

void record_children(results::Layout& layout, const model::ModelSetup& setup) {
  const snapshot::Snapshot* start = setup.snapshot();
  if (start == nullptr) return;
  for (const auto& child : start->children) {
    layout.children.push_back(child.pseudonym);
    layout.child_stages.push_back(snapshot::stage_name(child.stage));
    layout.child_workers.push_back(child.worker < 0 ? std::string()
                                                    : start->workers[static_cast<std::size_t>(child.worker)].pseudonym);
  }
  layout.child_overdue_at_start = model::snapshot_visits_overdue_at_start(setup);
}

void record_workers(results::Layout& layout, const model::ModelSetup& setup) {
  const snapshot::Snapshot* start = setup.snapshot();
  if (start == nullptr || model::worker_columns(setup) == 0) return;
  // Never a name: the snapshot's pseudonyms, and words for the others.
  for (const auto& worker : start->workers) layout.workers.push_back(worker.pseudonym);
  const scenario::TeamSettings& team = setup.scenario().team;
  for (int k = 1; k <= team.additional_permanent_workers; ++k)
    layout.workers.push_back(fmt::format("additional permanent {}", k));
  for (int k = 1; k <= team.additional_agency_workers; ++k)
    layout.workers.push_back(fmt::format("additional agency {}", k));
  for (const auto& event : setup.scenario().timeline)
    if (event.kind == scenario::TimelineEvent::Kind::worker_starts)
      layout.workers.push_back("new worker from " + kernel::format_iso_date(event.date));
  layout.workers.resize(model::worker_columns(setup));
  for (const auto& series : model::kWorkerSeries)
    layout.worker_series.push_back(
        {std::string(series.name), std::string(series.unit), std::string(series.description)});
}

}  // namespace casesim::runner
