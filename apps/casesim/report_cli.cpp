#include <iostream>
#include <memory>

#include "apps/casesim/command_line.hpp"
#include "apps/casesim/commands.hpp"
#include "apps/casesim/report_command.hpp"

namespace casesim::cli {

void add_report_command(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report = app.add_subcommand("report", "Write a self-contained HTML report of a results file");
  report->add_option("results", options->results_path, "Results file (.h5) written by casesim run")
      ->required()
      ->check(existing_file());
  report->add_option("-o,--output", options->output, "HTML file (default: the results file's name with .html)");
  report->add_flag("-f,--force", options->force, "Replace an existing report");
  report->add_flag("--show-warm-up", options->show_warm_up,
                   "Draw the warm-up weeks on the weekly charts (not counted in any figure; hidden by default)");
  CLI::Option* names =
      report
          ->add_option("--names", options->names_snapshot,
                       "Write a LOCAL-ONLY report (NAME.names.html) showing the real child ids and worker names of "
                       "this snapshot beside the pseudonyms; keep it on this machine")
          ->check(existing_directory());
  report
      ->add_option("--salt-file", options->salt_file,
                   "With --names: the salt file the run was given (default: derived from the snapshot's files)")
      ->needs(names);
  report->callback([options] { report_command(*options, std::cout); });
}

}  // namespace casesim::cli
