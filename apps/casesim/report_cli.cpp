#include <iostream>
#include <memory>

#include "apps/casesim/commands.hpp"
#include "apps/casesim/report_command.hpp"

namespace casesim::cli {

void add_report_command(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report = app.add_subcommand("report", "Write a self-contained HTML report of a results file");
  report->add_option("results", options->results_path, "Results file (.h5) written by casesim run")
      ->required()
      ->check(CLI::ExistingFile);
  report->add_option("-o,--output", options->output, "HTML file (default: the results file's name with .html)");
  report->add_flag("-f,--force", options->force, "Replace an existing report");
  report->callback([options] { report_command(*options, std::cout); });
}

}  // namespace casesim::cli
