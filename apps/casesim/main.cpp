// casesim: the command-line program. Parses arguments, calls the libraries,
// and maps failures to exit codes: 0 success, 2 bad input, 3 runtime failure.
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "apps/casesim/run_command.hpp"
#include "engine/results/results_file.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace {

constexpr int kBadInput = 2;
constexpr int kRuntimeFailure = 3;

std::string joined(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"casesim: simulate a children's social care team and estimate the risk of missed safeguarding actions"};
  app.set_version_flag("--version", casesim::cli::casesim_version());
  app.require_subcommand(1);

  casesim::cli::RunOptions run;
  run.command_line = joined(argc, argv);
  std::uint64_t replications = 0, seed = 0;
  CLI::App* run_app = app.add_subcommand("run", "Run replications of a scenario (default: the shipped baseline)");
  run_app->add_option("scenario", run.scenario_path, "Scenario YAML file")->check(CLI::ExistingFile);
  auto* replications_option = run_app->add_option("-r,--replications", replications, "Replications (overrides the scenario)");
  auto* seed_option = run_app->add_option("-s,--seed", seed, "Seed (overrides the scenario)");
  run_app->add_option("-t,--threads", run.threads, "Threads (0: all cores)")->capture_default_str();
  run_app->add_option("-o,--output", run.output, "Results file (default: SCENARIO_NAME.h5)");
  run_app->add_flag("-f,--force", run.force, "Replace an existing results file");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kBadInput;
  }

  try {
    if (*run_app) {
      if (*replications_option) run.replications = replications;
      if (*seed_option) run.seed = seed;
      casesim::cli::run_command(run, std::cout);
    }
    return 0;
  } catch (const casesim::scenario::ScenarioError& e) {
    std::cerr << "casesim: " << e.what() << '\n';
    return kBadInput;
  } catch (const casesim::cli::UsageError& e) {
    std::cerr << "casesim: " << e.what() << '\n';
    return kBadInput;
  } catch (const casesim::results::ResultsError& e) {
    std::cerr << "casesim: " << e.what() << '\n';
    return kRuntimeFailure;
  } catch (const std::exception& e) {
    std::cerr << "casesim: internal error: " << e.what() << '\n';
    return kRuntimeFailure;
  }
}
