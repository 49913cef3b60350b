#include "apps/casesim/run_command.hpp"

#include <chrono>
#include <algorithm>
#include <filesystem>
#include <vector>

#include <boost/version.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "analysis/statistics.hpp"
#include "apps/casesim/results_destination.hpp"
#include "apps/casesim/results_metadata.hpp"
#include "apps/casesim/shipped_files.hpp"
#include "apps/casesim/summary_table.hpp"
#include "engine/kernel/random_streams.hpp"
#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/start_from_snapshot.hpp"
#include "engine/snapshot/load_snapshot.hpp"
#include "engine/snapshot/pseudonymiser.hpp"

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

std::shared_ptr<const snapshot::Snapshot> load_start_snapshot(const std::string& directory, bool lenient,
                                                              const std::string& salt_file) {
  if (directory.empty()) {
    if (lenient) throw UsageError("--lenient: only with --start-from");
    if (!salt_file.empty()) throw UsageError("--salt-file: only with --start-from");
    return nullptr;
  }
  snapshot::LoadOptions load;
  load.lenient = lenient;
  if (!salt_file.empty()) load.salt = snapshot::read_salt_file(salt_file);
  return std::make_shared<const snapshot::Snapshot>(snapshot::load_snapshot(directory, load));
}

std::string casesim_version() { return CASESIM_VERSION; }

void run_command(const RunOptions& options, std::ostream& out) {
  namespace fs = std::filesystem;
  const std::string scenario_path = options.scenario_path.empty() ? baseline_scenario_path() : options.scenario_path;
  const scenario::ScenarioSource source = scenario::read_scenario_source(scenario_path);
  scenario::Scenario scenario = scenario::parse_scenario(source);

  if (options.replications) {
    if (*options.replications < 1 || *options.replications > kMaxReplications)
      throw UsageError(fmt::format("--replications: must be between 1 and {}, got {}", kMaxReplications,
                                   *options.replications));
    scenario.run.replications = static_cast<int>(*options.replications);
  }
  if (options.seed) scenario.run.seed = *options.seed;
  if (options.threads < 0) throw UsageError(fmt::format("--threads: must be 0 (all cores) or more, got {}", options.threads));

  const std::string output = options.output.empty() ? scenario.name + ".h5" : options.output;
  check_results_destination(output, options.force);

  const auto start = load_start_snapshot(options.start_from, options.lenient, options.salt_file);
  if (start) scenario = scenario::start_from_snapshot(std::move(scenario), *start, source.path);
  const model::ModelSetup setup(scenario, start);
  const auto replications = static_cast<std::size_t>(scenario.run.replications);
  const std::size_t weeks = static_cast<std::size_t>(scenario.run.horizon_weeks);

  results::Metadata metadata = results_metadata(scenario, source, scenario.run.seed, options.command_line);

  results::Layout layout;
  layout.variants = {scenario.name};
  layout.replications = replications;
  layout.metrics = metric_quantities();
  layout.series = series_quantities();
  for (std::size_t w = 0; w < weeks; ++w)
    layout.week_start_dates.push_back(kernel::format_iso_date(kernel::Date(
        std::chrono::sys_days(scenario.run.start_date) + std::chrono::days(7 * static_cast<int>(w)))));
  if (start) {
    metadata.snapshot_extract_date = kernel::format_iso_date(start->extract_date);
    metadata.snapshot_problems = start->problems.size();
    for (const auto& child : start->children) {
      layout.children.push_back(child.pseudonym);
      layout.child_stages.push_back(snapshot::stage_name(child.stage));
    }
    layout.child_overdue_at_start = model::snapshot_visits_overdue_at_start(setup);
  }

  // Written under a temporary name and moved into place when complete, so a
  // file under the final name is always a finished one. Created before the
  // run, so an unwritable destination is reported at once, not after it.
  const std::string partial = output + ".partial";
  results::ResultsWriter writer = results::ResultsWriter::create(partial, metadata, layout);

  // Replications run in batches, each written and flushed as it completes, so
  // a run that is stopped keeps what it finished (in the .partial file) and
  // memory holds one batch, not the whole run.
  runner::RunPlan plan;
  plan.seed = scenario.run.seed;
  plan.threads = options.threads;
  const std::size_t batch = static_cast<std::size_t>(std::max(32, 8 * runner::thread_count(plan)));
  std::vector<std::vector<double>> metric_values(model::kMetricCount, std::vector<double>(replications));
  std::vector<std::uint32_t> late_counts(layout.children.size(), 0);
  std::uint64_t events = 0;
  const auto started = std::chrono::steady_clock::now();
  for (std::size_t first = 0; first < replications; first += batch) {
    plan.first_replication = first;
    plan.replications = std::min(batch, replications - first);
    const std::vector<model::ReplicationResult> results = runner::run_replications(setup, plan);
    for (std::size_t i = 0; i < results.size(); ++i) {
      writer.write_replication(0, first + i, results[i].summary, results[i].weekly, results[i].child_visit_late);
      for (std::size_t c = 0; c < late_counts.size(); ++c) late_counts[c] += results[i].child_visit_late[c];
      for (std::size_t m = 0; m < model::kMetricCount; ++m) metric_values[m][first + i] = results[i].summary[m];
      events += results[i].events;
    }
    writer.flush();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  writer.close();
  fs::rename(partial, output);

  std::vector<TableRow> rows;
  const auto& definitions = model::metric_definitions();
  for (std::size_t m = 0; m < model::kMetricCount; ++m)
    rows.push_back({std::string(definitions[m].name), std::string(definitions[m].unit),
                    analysis::summarise(metric_values[m])});

  out << fmt::format("casesim {} | scenario {} ({})\n", casesim_version(), scenario.name, scenario_path);
  if (start) {
    out << fmt::format("{} replications, seed {}, {} weeks from the snapshot of {} ({} workers, {} open children{}), {} threads\n",
                       replications, scenario.run.seed, scenario.run.horizon_weeks, metadata.start_date,
                       start->workers.size(), start->children.size(),
                       start->problems.empty() ? "" : fmt::format(", {} bad rows let through", start->problems.size()),
                       runner::thread_count(plan));
  } else {
    out << fmt::format("{} replications, seed {}, {} weeks from {} ({} weeks warm-up, not counted), {} threads\n",
                       replications, scenario.run.seed, scenario.run.horizon_weeks, metadata.start_date,
                       scenario.run.warm_up_weeks, runner::thread_count(plan));
  }
  out << fmt::format("{:.2f} s, {:.1f} million events/s\n\n", seconds,
                     seconds > 0 ? static_cast<double>(events) / seconds / 1e6 : 0.0);
  out << format_summary_table(rows);
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
