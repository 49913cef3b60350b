#include <iostream>
#include <memory>

#include "apps/casesim/commands.hpp"
#include "apps/casesim/whatif_command.hpp"

namespace casesim::cli {

void add_whatif_command(CLI::App& app) {
  CLI::App* whatif = app.add_subcommand("whatif", "Write what-if scenarios for a team");
  whatif->require_subcommand(1);
  auto options = std::make_shared<WhatIfInitOptions>();
  CLI::App* init = whatif->add_subcommand(
      "init", "Write a short, commented what-if for the team in a snapshot (workers listed by pseudonym)");
  init->add_option("snapshot", options->snapshot_directory, "Snapshot directory (docs/snapshot-format.md)")->required();
  init->add_option("-o,--output", options->output, "The what-if file to write (default: standard output)");
  init->add_flag("-f,--force", options->force, "Replace an existing file");
  init->add_flag("--lenient", options->lenient, "Report every bad snapshot row and go on");
  init->add_option("--salt-file", options->salt_file,
                   "The pseudonyms' key (default: derived from the snapshot's files)");
  init->add_option("--team", options->team, "One team (workers.csv's Team) of an authority-wide extract");
  init->callback([options] { whatif_init_command(*options, std::cout); });
}

}  // namespace casesim::cli
