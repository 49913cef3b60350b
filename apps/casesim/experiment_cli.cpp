#include <iostream>
#include <memory>

#include "apps/casesim/command_line.hpp"
#include "apps/casesim/commands.hpp"
#include "apps/casesim/experiment_command.hpp"
#include "apps/casesim/startable_threads.hpp"
#include "apps/casesim/stop_signals.hpp"
#include "apps/casesim/whole_number_option.hpp"
#include "engine/runner/progress.hpp"

namespace casesim::cli {

void add_experiment_command(CLI::App& app, const std::string& command_line) {
  struct Parsed {
    ExperimentOptions options;
    std::string replications, seed, threads = "0", max_replications;
    double precision = 0.0;
  };
  auto parsed = std::make_shared<Parsed>();
  parsed->options.command_line = command_line;
  CLI::App* command = app.add_subcommand(
      "experiment", "Run every variant of an experiment with common random numbers and compare them with the base");
  command->add_option("experiment", parsed->options.experiment_path, "Experiment YAML file")
      ->required()
      ->check(existing_file());
  auto* replications =
      command->add_option("-r,--replications", parsed->replications, "Replications per variant (overrides the file)");
  auto* seed = command->add_option("-s,--seed", parsed->seed, "Seed (overrides the file)");
  command->add_option("-t,--threads", parsed->threads, "Threads (0: all cores)")->capture_default_str();
  command->add_option("-o,--output", parsed->options.output, "Results file (default: EXPERIMENT_NAME.h5)");
  command->add_flag("-f,--force", parsed->options.force, "Replace an existing results file or unfinished run");
  command->add_flag("--resume", parsed->options.resume, "Continue the unfinished run in OUTPUT.partial");
  command->add_option("--start-from", parsed->options.start_from,
                      "Start every variant from a team's snapshot (a directory, docs/snapshot-format.md)");
  command->add_flag("--lenient", parsed->options.lenient,
                    "With --start-from: report every bad row, count them, and go on");
  command->add_option("--salt-file", parsed->options.salt_file,
                      "With --start-from: the pseudonyms' key (default: derived from the snapshot's files)");
  command->add_option("--team", parsed->options.team,
                      "With --start-from: take one team (workers.csv's Team) from an authority-wide extract");
  auto* precision = command->add_option(
      "--precision", parsed->precision,
      "Add replications until the 95% CI half-width of --metric is below this fraction of its mean in every variant");
  command->add_option("--metric", parsed->options.precision_metric, "The metric --precision applies to");
  auto* max_replications = command->add_option("--max-replications", parsed->max_replications,
                                               "Most replications per variant for --precision (default 10000)");
  command->callback([parsed, replications, seed, precision, max_replications] {
    ExperimentOptions& options = parsed->options;
    if (*replications)
      options.replications = whole_number_option("--replications", parsed->replications, 1, kMaxReplications);
    if (*seed) options.seed = whole_number_option("--seed", parsed->seed, 0, UINT64_MAX);
    options.threads = startable_threads(
        static_cast<int>(whole_number_option("--threads", parsed->threads, 0, kMaxThreads)), std::cerr);
    if (*precision) options.precision = parsed->precision;
    if (*max_replications)
      options.max_replications =
          whole_number_option("--max-replications", parsed->max_replications, 1, kMaxReplications);
    options.progress = runner::standard_error_progress_style();
    bool interrupted = false;
    {
      const StopOnSignals signals;
      options.stop = signals.requested();
      interrupted = experiment_command(options, std::cout, std::cerr).interrupted;
    }
    if (interrupted) StopOnSignals::end_as_signalled();  // the work so far is saved
  });
}

}  // namespace casesim::cli
