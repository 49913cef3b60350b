#include "apps/casesim/continue_command.hpp"

#include <fmt/format.h>

namespace casesim::cli {

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
  const auto add = [&command](const std::string& option, const std::string& value) {
    command += " " + option + " " + shell_word(value);
  };
  if (options.replications) add("--replications", std::to_string(*options.replications));
  if (options.seed) add("--seed", std::to_string(*options.seed));
  if (options.precision) add("--precision", fmt::format("{}", *options.precision));
  if (!options.precision_metric.empty()) add("--metric", options.precision_metric);
  if (options.max_replications) add("--max-replications", std::to_string(*options.max_replications));
  if (!options.start_from.empty()) add("--start-from", options.start_from);
  if (options.lenient) command += " --lenient";
  if (!options.salt_file.empty()) add("--salt-file", options.salt_file);
  return command;
}

}  // namespace casesim::cli
