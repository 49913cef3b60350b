#include <iostream>
#include <memory>
#include <vector>

#include "apps/casesim/check_command.hpp"
#include "apps/casesim/commands.hpp"

namespace casesim::cli {

void add_check_command(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  CLI::App* check = app.add_subcommand(
      "check", "Check scenario, experiment and optimise files and snapshot directories without running anything");
  check->add_option("files", *paths, "Scenario, experiment or optimise files (YAML), or snapshot directories")
      ->required();
  check->callback([paths] {
    // Each file is reported; a refused one makes the status 2 (bad input).
    if (check_command(*paths, std::cout, std::cerr) > 0) throw CLI::RuntimeError(2);
  });
}

}  // namespace casesim::cli
