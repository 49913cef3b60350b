#include <iostream>
#include <memory>

#include "apps/casesim/commands.hpp"
#include "apps/casesim/run_command.hpp"

namespace casesim::cli {

void add_run_command(CLI::App& app, const std::string& command_line) {
  struct Parsed {
    RunOptions options;
    std::uint64_t replications = 0, seed = 0;
  };
  auto parsed = std::make_shared<Parsed>();
  parsed->options.command_line = command_line;
  CLI::App* run = app.add_subcommand("run", "Run replications of a scenario (default: the shipped baseline)");
  run->add_option("scenario", parsed->options.scenario_path, "Scenario YAML file")->check(CLI::ExistingFile);
  auto* replications = run->add_option("-r,--replications", parsed->replications, "Replications (overrides the scenario)");
  auto* seed = run->add_option("-s,--seed", parsed->seed, "Seed (overrides the scenario)");
  run->add_option("-t,--threads", parsed->options.threads, "Threads (0: all cores)")->capture_default_str();
  run->add_option("-o,--output", parsed->options.output, "Results file (default: SCENARIO_NAME.h5)");
  run->add_flag("-f,--force", parsed->options.force, "Replace an existing results file");
  run->callback([parsed, replications, seed] {
    if (*replications) parsed->options.replications = parsed->replications;
    if (*seed) parsed->options.seed = parsed->seed;
    run_command(parsed->options, std::cout);
  });
}

}  // namespace casesim::cli
