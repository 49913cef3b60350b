#include "apps/casesim/run_command.hpp"

#include <chrono>
#include <iostream>
#include <optional>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "analysis/statistics.hpp"
#include "apps/casesim/children_list.hpp"
#include "apps/casesim/continue_command.hpp"
#include "apps/casesim/mechanism_warnings.hpp"
#include "apps/casesim/results_destination.hpp"
#include "apps/casesim/settling_warnings.hpp"
#include "apps/casesim/shipped_files.hpp"
#include "apps/casesim/start_options.hpp"
#include "apps/casesim/summary_table.hpp"
#include "apps/casesim/usage_error.hpp"
#include "apps/casesim/what_if_text.hpp"
#include "apps/casesim/whole_number_option.hpp"
#include "engine/model/metrics.hpp"
#include "engine/runner/pair_runner.hpp"
#include "engine/runner/recording.hpp"
#include "engine/runner/run_and_record.hpp"
#include "engine/runner/scenario_run.hpp"
#include "engine/runner/version.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/start_from_snapshot.hpp"

namespace casesim::cli {

RunOutcome run_command(const RunOptions& options, std::ostream& out, std::ostream& err) {
  const std::string scenario_path = options.scenario_path.empty() ? baseline_scenario_path() : options.scenario_path;
  const scenario::ScenarioSource source = scenario::read_scenario_source(scenario_path);
  scenario::Scenario scenario = scenario::parse_scenario(
      source, {}, options.start_from.empty() ? scenario::TeamSource::scenario_file : scenario::TeamSource::snapshot);
  warn_mechanisms_off(scenario, scenario_path, std::cerr);

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
  const OutputLock lock =
      claim_results_destination({output,
                                 options.force,
                                 {{"the scenario", scenario_path}, {"the --salt-file", options.salt_file}},
                                 options.resume});

  const auto start = start_snapshot(options.start_from, options.lenient, options.salt_file, options.team);
  if (start) scenario = scenario::start_from_snapshot(std::move(scenario), *start, source.path);
  // A what-if also runs the team without its dated changes, paired, so that
  // it can say what happens because of them (engine/runner/what_if_comparison.hpp).
  const runner::ScenarioRun plan =
      runner::plan_scenario_run(scenario, source, start, !options.no_comparison, options.command_line);
  const bool what_if = plan.what_if;
  const std::size_t answered = plan.answered;
  const auto replications = static_cast<std::size_t>(scenario.run.replications);
  runner::Recording recording = start_or_resume(output, plan.metadata, plan.layout, options.resume);
  const runner::PairRunner here = runner::run_here(plan.setups, scenario.run.seed, options.threads, options.stop);

  // What runs, before the progress and the wait (in a batch job's log too).
  out << fmt::format("casesim {} | scenario {} ({})\n", runner::casesim_version(), scenario.name, scenario_path);
  if (start) {
    out << fmt::format(
        "{} replications, seed {}, {} weeks from the snapshot of {} ({} workers, {} open children{}), {}\n",
        replications, scenario.run.seed, scenario.run.horizon_weeks, plan.metadata.start_date, start->workers.size(),
        start->children.size(),
        start->problems.empty() ? "" : fmt::format(", {} bad rows let through", start->problems.size()),
        here.describe());
  } else {
    out << fmt::format("{} replications, seed {}, {} weeks from {} ({} weeks warm-up, not counted), {}\n", replications,
                       scenario.run.seed, scenario.run.horizon_weeks, plan.metadata.start_date,
                       scenario.run.warm_up_weeks, here.describe());
  }
  out << std::flush;

  // Beside what the file records: the events, for the speed.
  std::uint64_t events = 0;
  runner::RecordSettings tallies;
  tallies.also = [&](std::span<const runner::ExperimentPair>, std::span<const model::ReplicationResult> results) {
    for (const model::ReplicationResult& result : results) events += result.events;
  };
  runner::Progress progress(err, options.progress, plan.layout.variants.size() * recording.replications(),
                            recording.completed_count());
  tallies.progress = &progress;
  const auto started = std::chrono::steady_clock::now();
  if (runner::run_and_record(recording, here, tallies).stopped) {
    err << stopped_note(recording, continue_command(options, output));
    return RunOutcome{true};
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // The answer and the children's list are read from the file, by the same
  // functions as `casesim summary` and the report, so all three agree.
  std::optional<results::ResultsData> recorded;
  if (what_if || start) recorded = results::read_results(output);

  std::vector<TableRow> rows;
  const auto& definitions = model::metric_definitions();
  for (std::size_t m = 0; m < model::kMetricCount; ++m)
    rows.push_back({std::string(definitions[m].name), std::string(definitions[m].unit),
                    analysis::summarise(recording.metric_values(m)[answered])});

  out << fmt::format("{:.2f} s, {:.1f} million events/s\n\n", seconds,
                     seconds > 0 ? static_cast<double>(events) / seconds / 1e6 : 0.0);
  if (what_if) {
    out << what_if_answer_text(*recorded) << '\n';
    out << "With the changes:\n";
  }
  out << format_summary_table(rows, recording.completed_count() / plan.layout.variants.size());
  out << settling_warnings(recording);
  if (recorded) out << children_list_text(*recorded, answered);
  out << fmt::format("\nresults: {}\n", output);
  return RunOutcome{};
}

}  // namespace casesim::cli
