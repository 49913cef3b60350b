#include "apps/casesim/run_command.hpp"

#include <chrono>
#include <algorithm>
#include <filesystem>
#include <vector>

#include <boost/version.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "analysis/statistics.hpp"
#include "apps/casesim/results_metadata.hpp"
#include "apps/casesim/shipped_files.hpp"
#include "apps/casesim/summary_table.hpp"
#include "engine/kernel/random_streams.hpp"
#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim::cli {

namespace {



}  // namespace

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
  // Checked before the run, not found out after it: --force replaces a results
  // file, never a directory or a device.
  if (fs::exists(output) && !fs::is_regular_file(output))
    throw UsageError(fmt::format("{}: not a regular file; --output must name a results file", output));
  if (fs::exists(output) && !options.force)
    throw UsageError(fmt::format("{}: results file exists; use --force to replace it, or --output to choose another name",
                                 output));

  const model::ModelSetup setup(scenario);
  const auto replications = static_cast<std::size_t>(scenario.run.replications);
  const std::size_t weeks = static_cast<std::size_t>(scenario.run.horizon_weeks);

  const results::Metadata metadata = results_metadata(scenario, source, scenario.run.seed, options.command_line);

  results::Layout layout;
  layout.variants = {scenario.name};
  layout.replications = replications;
  layout.metrics = metric_quantities();
  layout.series = series_quantities();
  for (std::size_t w = 0; w < weeks; ++w)
    layout.week_start_dates.push_back(kernel::format_iso_date(kernel::Date(
        std::chrono::sys_days(scenario.run.start_date) + std::chrono::days(7 * static_cast<int>(w)))));

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
  std::uint64_t events = 0;
  const auto started = std::chrono::steady_clock::now();
  for (std::size_t first = 0; first < replications; first += batch) {
    plan.first_replication = first;
    plan.replications = std::min(batch, replications - first);
    const std::vector<model::ReplicationResult> results = runner::run_replications(setup, plan);
    for (std::size_t i = 0; i < results.size(); ++i) {
      writer.write_replication(0, first + i, results[i].summary, results[i].weekly);
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
  out << fmt::format("{} replications, seed {}, {} weeks from {} ({} weeks warm-up, not counted), {} threads\n",
                     replications, scenario.run.seed, scenario.run.horizon_weeks, metadata.start_date,
                     scenario.run.warm_up_weeks, runner::thread_count(plan));
  out << fmt::format("{:.2f} s, {:.1f} million events/s\n\n", seconds,
                     seconds > 0 ? static_cast<double>(events) / seconds / 1e6 : 0.0);
  out << format_summary_table(rows);
  out << fmt::format("\nresults: {}\n", output);
}

}  // namespace casesim::cli
