#include "apps/casesim/continue_command.hpp"

#include <fmt/format.h>

#include "apps/casesim/usage_error.hpp"

namespace casesim::cli {

namespace {

// The options `run` and `experiment` share that shape the numbers.
struct SharedShaping {
  const std::optional<std::uint64_t>& replications;
  const std::optional<std::uint64_t>& seed;
  const std::string& start_from;
  bool lenient;
  const std::string& salt_file;
  const std::string& team;
};

void add_option(std::string& command, const std::string& option, const std::string& value) {
  command += " " + option + " " + shell_word(value);
}

void add_shared(std::string& command, const SharedShaping& shaping) {
  if (shaping.replications) add_option(command, "--replications", std::to_string(*shaping.replications));
  if (shaping.seed) add_option(command, "--seed", std::to_string(*shaping.seed));
  if (!shaping.start_from.empty()) add_option(command, "--start-from", shaping.start_from);
  if (shaping.lenient) command += " --lenient";
  if (!shaping.salt_file.empty()) add_option(command, "--salt-file", shaping.salt_file);
  if (!shaping.team.empty()) add_option(command, "--team", shaping.team);
}

}  // namespace

std::string shell_word(const std::string& word) {
  const bool plain = !word.empty() && word.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789_-./=:,+@%") == std::string::npos;
  if (plain) return word;
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string continue_command(const ExperimentOptions& options, const std::string& output) {
  std::string command = fmt::format("casesim experiment {} --resume --output {}", shell_word(options.experiment_path),
                                    shell_word(output));
  add_shared(command, {options.replications, options.seed, options.start_from, options.lenient, options.salt_file,
                       options.team});
  if (options.precision) add_option(command, "--precision", fmt::format("{}", *options.precision));
  if (!options.precision_metric.empty()) add_option(command, "--metric", options.precision_metric);
  if (options.max_replications) add_option(command, "--max-replications", std::to_string(*options.max_replications));
  return command;
}

std::string continue_command(const RunOptions& options, const std::string& output) {
  // Without a scenario, `run` runs the shipped baseline, as it will again.
  const std::string scenario =
      options.scenario_path.empty() ? std::string() : fmt::format(" {}", shell_word(options.scenario_path));
  std::string command = fmt::format("casesim run{} --resume --output {}", scenario, shell_word(output));
  add_shared(command, {options.replications, options.seed, options.start_from, options.lenient, options.salt_file,
                       options.team});
  if (options.no_comparison) command += " --no-comparison";
  return command;
}

std::string continue_command(const OptimiseOptions& options, const std::string& output) {
  std::string command =
      fmt::format("casesim optimise {} --resume --output {}", shell_word(options.optimise_path), shell_word(output));
  add_shared(command,
             {std::nullopt, options.seed, options.start_from, options.lenient, options.salt_file, options.team});
  return command;
}

runner::Recording start_or_resume(const std::string& output, const results::Metadata& metadata,
                                  const results::Layout& layout, bool resume, const std::string& whose) {
  // Laid out by run_and_record beside the first replications; every check is made here.
  if (!resume) return runner::Recording::begin(output, metadata, layout);
  try {
    return runner::Recording::resume(output, metadata, layout);
  } catch (const runner::ResumeRefused& refused) {
    throw UsageError(fmt::format("--resume: {} is not this {} unfinished run: {} differs; use --force to start again",
                                 refused.partial(),
                                 !whose.empty()        ? whose
                                 : metadata.experiment ? "experiment's"
                                                       : "run's",
                                 refused.difference()));
  }
}

std::string stopped_note(const runner::Recording& recording, const std::string& continue_command) {
  return fmt::format(
      "casesim: stopped; {} of {} replications are saved in {}\n"
      "casesim: to continue: {}\n",
      recording.completed_count(), recording.completed().size(), recording.partial(), continue_command);
}

}  // namespace casesim::cli
