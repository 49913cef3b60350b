#include <iostream>
#include <memory>

#include "apps/casesim/command_line.hpp"
#include "apps/casesim/commands.hpp"
#include "apps/casesim/trace_command.hpp"
#include "apps/casesim/whole_number_option.hpp"

namespace casesim::cli {

void add_trace_command(CLI::App& app) {
  struct Parsed {
    TraceOptions options;
    std::string seed, replication = "0";
  };
  auto parsed = std::make_shared<Parsed>();
  CLI::App* trace = app.add_subcommand(
      "trace", "Every event of one replication as CSV (default: the shipped baseline, replication 0)");
  trace->add_option("scenario", parsed->options.scenario_path, "Scenario YAML file")->check(existing_file());
  trace->add_option("-k,--replication", parsed->replication, "Replication number")->capture_default_str();
  auto* seed = trace->add_option("-s,--seed", parsed->seed, "Seed (overrides the scenario)");
  auto* output = trace->add_option("-o,--output", parsed->options.output, "CSV file (default: standard output)");
  trace->add_flag("-f,--force", parsed->options.force, "Replace an existing file");
  trace->add_option("--start-from", parsed->options.start_from,
                    "Start from a team's snapshot: a directory of Annex A lists, workers.csv and snapshot.yaml");
  trace->add_flag("--lenient", parsed->options.lenient,
                  "With --start-from: report every bad row, count them, and go on");
  trace->add_option("--salt-file", parsed->options.salt_file,
                    "With --start-from: the pseudonyms' key (default: derived from the snapshot's files)");
  trace->add_option("--team", parsed->options.team,
                    "With --start-from: take one team (workers.csv's Team) from an authority-wide extract");
  trace->callback([parsed, seed, output] {
    if (*seed) parsed->options.seed = whole_number_option("--seed", parsed->seed, 0, UINT64_MAX);
    parsed->options.replication = whole_number_option("--replication", parsed->replication, 0, UINT64_MAX);
    parsed->options.output_given = static_cast<bool>(*output);
    trace_command(parsed->options, std::cout);
  });
}

}  // namespace casesim::cli
