#include "apps/casesim/run_command.hpp"

#include <algorithm>
#include <chrono>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "analysis/statistics.hpp"
#include "apps/casesim/results_destination.hpp"
#include "apps/casesim/settling_warnings.hpp"
#include "apps/casesim/shipped_files.hpp"
#include "apps/casesim/start_options.hpp"
#include "apps/casesim/summary_table.hpp"
#include "apps/casesim/usage_error.hpp"
#include "apps/casesim/whole_number_option.hpp"
#include "engine/model/metrics.hpp"
#include "engine/runner/pair_runner.hpp"
#include "engine/runner/recording.hpp"
#include "engine/runner/results_metadata.hpp"
#include "engine/runner/run_and_record.hpp"
#include "engine/runner/version.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/start_from_snapshot.hpp"

namespace casesim::cli {

namespace {

// The children whose visits were most often late across replications, for the
// manager's list: (share of replications, child index), highest first.
std::vector<std::pair<double, std::size_t>> children_most_at_risk(const std::vector<std::uint32_t>& late_counts,
                                                                  std::size_t replications) {
  std::vector<std::pair<double, std::size_t>> ranked;
  for (std::size_t c = 0; c < late_counts.size(); ++c)
    ranked.emplace_back(static_cast<double>(late_counts[c]) / static_cast<double>(replications), c);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return ranked;
}

}  // namespace

void run_command(const RunOptions& options, std::ostream& out) {
  const std::string scenario_path = options.scenario_path.empty() ? baseline_scenario_path() : options.scenario_path;
  const scenario::ScenarioSource source = scenario::read_scenario_source(scenario_path);
  scenario::Scenario scenario = scenario::parse_scenario(source);

  if (options.replications) {
    if (*options.replications < 1 || *options.replications > kMaxReplications)
      throw UsageError(
          fmt::format("--replications: must be between 1 and {}, got {}", kMaxReplications, *options.replications));
    scenario.run.replications = static_cast<int>(*options.replications);
  }
  if (options.seed) scenario.run.seed = *options.seed;
  if (options.threads < 0)
    throw UsageError(fmt::format("--threads: must be 0 (all cores) or more, got {}", options.threads));

  const std::string output = options.output.empty() ? scenario.name + ".h5" : options.output;
  const OutputLock lock = claim_results_destination(
      {output, options.force, {{"the scenario", scenario_path}, {"the --salt-file", options.salt_file}}});

  const auto start = start_snapshot(options.start_from, options.lenient, options.salt_file);
  if (start) scenario = scenario::start_from_snapshot(std::move(scenario), *start, source.path);
  const model::ModelSetup setup(scenario, start);
  const auto replications = static_cast<std::size_t>(scenario.run.replications);

  results::Metadata metadata = runner::results_metadata(scenario, source, scenario.run.seed, options.command_line);
  results::Layout layout = runner::results_layout(scenario, {scenario.name}, replications);
  if (start) {
    runner::record_start_snapshot(metadata, *start);
    runner::record_children(layout, setup);
  }
  runner::Recording recording = runner::Recording::start(output, metadata, layout);

  // Beside what the file records: each child's late visits over the
  // replications, for the manager's list, and the events, for the speed.
  std::vector<std::uint32_t> late_counts(layout.children.size(), 0);
  std::uint64_t events = 0;
  runner::RecordSettings tallies;
  tallies.also = [&](std::span<const runner::ExperimentPair>, std::span<const model::ReplicationResult> results) {
    for (const model::ReplicationResult& result : results) {
      for (std::size_t c = 0; c < late_counts.size(); ++c) late_counts[c] += result.child_visit_late[c];
      events += result.events;
    }
  };
  const runner::PairRunner here = runner::run_here({&setup, 1}, scenario.run.seed, options.threads, nullptr);
  const auto started = std::chrono::steady_clock::now();
  runner::run_and_record(recording, here, tallies);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const runner::RecordedSummaries& metric_values = recording.summaries();

  std::vector<TableRow> rows;
  const auto& definitions = model::metric_definitions();
  for (std::size_t m = 0; m < model::kMetricCount; ++m)
    rows.push_back(
        {std::string(definitions[m].name), std::string(definitions[m].unit), analysis::summarise(metric_values[m][0])});

  out << fmt::format("casesim {} | scenario {} ({})\n", runner::casesim_version(), scenario.name, scenario_path);
  if (start) {
    out << fmt::format(
        "{} replications, seed {}, {} weeks from the snapshot of {} ({} workers, {} open children{}), {}\n",
        replications, scenario.run.seed, scenario.run.horizon_weeks, metadata.start_date, start->workers.size(),
        start->children.size(),
        start->problems.empty() ? "" : fmt::format(", {} bad rows let through", start->problems.size()),
        here.describe());
  } else {
    out << fmt::format("{} replications, seed {}, {} weeks from {} ({} weeks warm-up, not counted), {}\n", replications,
                       scenario.run.seed, scenario.run.horizon_weeks, metadata.start_date, scenario.run.warm_up_weeks,
                       here.describe());
  }
  out << fmt::format("{:.2f} s, {:.1f} million events/s\n\n", seconds,
                     seconds > 0 ? static_cast<double>(events) / seconds / 1e6 : 0.0);
  out << format_summary_table(rows, recording.completed_count());
  out << settling_warnings(recording);
  if (start) {
    const auto& overdue = layout.child_overdue_at_start;
    const auto already = static_cast<std::size_t>(std::count(overdue.begin(), overdue.end(), 1));
    out << fmt::format("\nChildren with a statutory visit already overdue on {}: {} (late in every replication)\n",
                       metadata.start_date, already);
    out << "Of the others, those most likely to have a visit go late (pseudonymous ids):\n";
    std::size_t shown = 0;
    for (const auto& [share, c] : children_most_at_risk(late_counts, replications)) {
      if (share <= 0.0 || shown == 10) break;
      if (overdue[c]) continue;
      out << fmt::format("  {}  {:<18} {:5.1f}% of replications\n", layout.children[c], layout.child_stages[c],
                         100.0 * share);
      ++shown;
    }
    if (shown == 0) out << "  none in any replication\n";
  }
  out << fmt::format("\nresults: {}\n", output);
}

}  // namespace casesim::cli
