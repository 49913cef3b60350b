#pragma once
// Each command registers itself on the program's CLI11 app: its options, and a
// callback that does the work. Adding a command is one file and one line in
// main.cpp. Callbacks throw on failure; main.cpp maps exceptions to exit codes.
#include <string>

#include <CLI/CLI.hpp>

namespace casesim::cli {

void add_run_command(CLI::App& app, const std::string& command_line);
void add_experiment_command(CLI::App& app, const std::string& command_line);
void add_summary_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_trace_command(CLI::App& app);
void add_optimise_command(CLI::App& app, const std::string& command_line);
void add_snapshot_command(CLI::App& app);
void add_whatif_command(CLI::App& app);
void add_check_command(CLI::App& app);

}  // namespace casesim::cli
