// casesim: the command-line program. Parses arguments, calls the libraries,
// and maps failures to exit codes: 0 success, 2 bad input, 3 runtime failure.
#include <csignal>
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "apps/casesim/commands.hpp"
#include "apps/casesim/usage_error.hpp"
#include "engine/input/input_error.hpp"
#include "engine/results/results_file.hpp"
#include "engine/runner/version.hpp"

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
  app.set_version_flag("--version", casesim::runner::casesim_version());
  app.require_subcommand(1);
  const std::string command_line = joined(argc, argv);
  casesim::cli::add_run_command(app, command_line);
  casesim::cli::add_experiment_command(app, command_line);
  casesim::cli::add_summary_command(app);
  casesim::cli::add_report_command(app);
  casesim::cli::add_trace_command(app);
  casesim::cli::add_optimise_command(app, command_line);
  casesim::cli::add_snapshot_command(app);
  casesim::cli::add_whatif_command(app);

  // A file-size limit (ulimit -f) would otherwise kill the program silently
  // mid-write; ignored, the write fails with EFBIG and is reported like any
  // other failed write, and the finished batches stay in the .partial file.
  std::signal(SIGXFSZ, SIG_IGN);

  try {
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kBadInput;
  } catch (const casesim::input::InputError& e) {
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
