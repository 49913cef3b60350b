#include <iostream>
#include <memory>

#include "apps/casesim/command_line.hpp"
#include "apps/casesim/commands.hpp"
#include "apps/casesim/run_command.hpp"
#include "apps/casesim/startable_threads.hpp"
#include "apps/casesim/stop_signals.hpp"
#include "apps/casesim/whole_number_option.hpp"

namespace casesim::cli {

void add_run_command(CLI::App& app, const std::string& command_line) {
  struct Parsed {
    RunOptions options;
    std::string replications, seed, threads = "0";
  };
  auto parsed = std::make_shared<Parsed>();
  parsed->options.command_line = command_line;
  CLI::App* run = app.add_subcommand("run", "Run replications of a scenario (default: the shipped baseline)");
  run->add_option("scenario", parsed->options.scenario_path, "Scenario YAML file")->check(existing_file());
  auto* replications =
      run->add_option("-r,--replications", parsed->replications, "Replications (overrides the scenario)");
  auto* seed = run->add_option("-s,--seed", parsed->seed, "Seed (overrides the scenario)");
  run->add_option("-t,--threads", parsed->threads, "Threads (0: all cores)")->capture_default_str();
  run->add_option("-o,--output", parsed->options.output, "Results file (default: SCENARIO_NAME.h5)");
  run->add_flag("-f,--force", parsed->options.force, "Replace an existing results file or unfinished run");
  run->add_flag("--resume", parsed->options.resume,
                "Continue the unfinished run in OUTPUT.partial (stopped by Ctrl-C, SIGTERM or SIGHUP)");
  run->add_option("--start-from", parsed->options.start_from,
                  "Start from a team's snapshot: a directory of Annex A lists, workers.csv and snapshot.yaml");
  run->add_flag("--lenient", parsed->options.lenient,
                "With --start-from: report every bad row, count them in the results, and go on");
  run->add_option("--salt-file", parsed->options.salt_file,
                  "With --start-from: the pseudonyms' key (default: derived from the snapshot's files)");
  run->add_option("--team", parsed->options.team,
                  "With --start-from: take one team (workers.csv's Team) from an authority-wide extract");
  run->add_flag("--no-comparison", parsed->options.no_comparison,
                "A scenario with a timeline: do not also run the team without its dated changes");
  run->callback([parsed, replications, seed] {
    if (*replications)
      parsed->options.replications = whole_number_option("--replications", parsed->replications, 1, kMaxReplications);
    if (*seed) parsed->options.seed = whole_number_option("--seed", parsed->seed, 0, UINT64_MAX);
    parsed->options.threads = startable_threads(
        static_cast<int>(whole_number_option("--threads", parsed->threads, 0, kMaxThreads)), std::cerr);
    parsed->options.progress = runner::standard_error_progress_style();
    bool interrupted = false;
    {
      const StopOnSignals signals;
      parsed->options.stop = signals.requested();
      interrupted = run_command(parsed->options, std::cout, std::cerr).interrupted;
    }
    if (interrupted) StopOnSignals::end_as_signalled();  // the work so far is saved
  });
}

}  // namespace casesim::cli
