#include <iostream>
#include <memory>

#include "apps/casesim/command_line.hpp"
#include "apps/casesim/commands.hpp"
#include "apps/casesim/optimise_command.hpp"
#include "apps/casesim/startable_threads.hpp"
#include "apps/casesim/stop_signals.hpp"
#include "apps/casesim/whole_number_option.hpp"

namespace casesim::cli {

void add_optimise_command(CLI::App& app, const std::string& command_line) {
  struct Parsed {
    OptimiseOptions options;
    std::string seed, threads = "0";
  };
  auto parsed = std::make_shared<Parsed>();
  parsed->options.command_line = command_line;
  CLI::App* command = app.add_subcommand(
      "optimise", "Find the cheapest staffing plan that meets the safety targets of an optimise file");
  command->add_option("optimise_file", parsed->options.optimise_path, "Optimise YAML file")
      ->required()
      ->check(existing_file());
  auto* seed = command->add_option("-s,--seed", parsed->seed, "Seed (overrides the file)");
  command->add_option("-t,--threads", parsed->threads, "Threads (0: all cores)")->capture_default_str();
  command->add_option("-o,--output", parsed->options.output, "Results file (default: NAME.h5)");
  command->add_flag("-f,--force", parsed->options.force, "Replace an existing results file");
  command->add_flag("--resume", parsed->options.resume,
                    "Continue the unfinished search in OUTPUT.partial (stopped by Ctrl-C, SIGTERM or SIGHUP)");
  command->add_option("--start-from", parsed->options.start_from,
                      "Start every plan from a team's snapshot (a directory, docs/snapshot-format.md)");
  command->add_flag("--lenient", parsed->options.lenient,
                    "With --start-from: report every bad row, count them, and go on");
  command->add_option("--salt-file", parsed->options.salt_file,
                      "With --start-from: the pseudonyms' key (default: derived from the snapshot's files)");
  command->add_option("--team", parsed->options.team,
                      "With --start-from: take one team (workers.csv's Team) from an authority-wide extract");
  command->callback([parsed, seed] {
    if (*seed) parsed->options.seed = whole_number_option("--seed", parsed->seed, 0, UINT64_MAX);
    parsed->options.threads = startable_threads(
        static_cast<int>(whole_number_option("--threads", parsed->threads, 0, kMaxThreads)), std::cerr);
    parsed->options.progress = runner::standard_error_progress_style();
    bool interrupted = false;
    {
      const StopOnSignals signals;
      parsed->options.stop = signals.requested();
      interrupted = optimise_command(parsed->options, std::cout, std::cerr).interrupted;
    }
    if (interrupted) StopOnSignals::end_as_signalled();  // the search so far is saved
  });
}

}  // namespace casesim::cli
