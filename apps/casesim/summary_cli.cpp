#include <iostream>
#include <memory>

#include "apps/casesim/command_line.hpp"
#include "apps/casesim/commands.hpp"
#include "apps/casesim/summary_command.hpp"

namespace casesim::cli {

void add_summary_command(CLI::App& app) {
  struct Parsed {
    std::string path;
    bool csv = false;
  };
  auto parsed = std::make_shared<Parsed>();
  CLI::App* summary = app.add_subcommand("summary", "Print each metric's statistics per variant from a results file");
  summary->add_option("results", parsed->path, "Results file (.h5) written by casesim run")
      ->required()
      ->check(existing_file());
  summary->add_flag("--csv", parsed->csv, "Write CSV (one row per variant and metric, full precision)");
  summary->callback([parsed] { summary_command(parsed->path, parsed->csv, std::cout, &std::cerr); });
}

}  // namespace casesim::cli
