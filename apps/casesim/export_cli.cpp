#include <iostream>
#include <memory>

#include "apps/casesim/command_line.hpp"
#include "apps/casesim/commands.hpp"
#include "apps/casesim/export_command.hpp"

namespace casesim::cli {

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command =
      app.add_subcommand("export", "Write a results file as a tidy CSV table (one value per row) for R or pandas");
  command->add_option("results", options->results_path, "Results file (.h5) written by casesim run or experiment")
      ->required()
      ->check(existing_file());
  command->add_flag("--long", options->long_table,
                    "One row per variant, replication and metric: value, unit and the variant's parameters");
  command->add_flag("--series", options->series,
                    "One row per variant, replication, weekly series and week, with week_start and warm_up");
  command->add_option("-o,--output", options->output, "CSV file (default: standard output)");
  command->add_flag("-f,--force", options->force, "Replace an existing CSV file");
  command->callback([options] { export_command(*options, std::cout); });
}

}  // namespace casesim::cli
