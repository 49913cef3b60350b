#include <unistd.h>

#include <iostream>
#include <memory>

#include "apps/casesim/commands.hpp"
#include "apps/casesim/snapshot_command.hpp"
#include "apps/casesim/usage_error.hpp"

namespace casesim::cli {

void add_snapshot_command(CLI::App& app) {
  auto options = std::make_shared<SnapshotOptions>();
  CLI::App* command = app.add_subcommand(
      "snapshot", "Check a team snapshot (Annex A lists, workers.csv, snapshot.yaml) and summarise what was read");
  command->add_option("directory", options->directory, "Snapshot directory (docs/snapshot-format.md)")->required();
  command->add_flag("--lenient", options->lenient,
                    "Report every row problem and carry on (rows skipped or degraded as documented)");
  command->add_option("--salt-file", options->salt_file,
                      "File holding the pseudonyms' salt (default: derived from the snapshot's files)");
  command->add_flag("--show-names", options->show_names,
                    "Print each worker's name beside the pseudonym (terminal only; never written to a file)");
  command->add_option("--team", options->team,
                      "Take one team (workers.csv's Team) from an authority-wide extract; children go with their "
                      "allocated worker, and what is left out is listed per team");
  command->callback([options] {
    // Names are personal data: shown to the person at the terminal, never
    // written where they would stay (a file, a pipe, a batch log).
    if (options->show_names && isatty(STDOUT_FILENO) != 1)
      throw UsageError(
          "--show-names: prints workers' names, so only to a terminal, and standard output is not one (a file or a "
          "pipe); run it without redirecting, or without --show-names");
    snapshot_command(*options, std::cout);
  });
}

}  // namespace casesim::cli
