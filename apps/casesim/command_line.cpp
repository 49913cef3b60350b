#include "apps/casesim/command_line.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <regex>

#include <fmt/format.h>

namespace casesim::cli {

namespace {

// What each option's value is, by the option's name, whichever command has it.
const std::map<std::string, std::string, std::less<>>& value_types() {
  static const std::map<std::string, std::string, std::less<>> types{
      {"replications", "N"},     {"seed", "N"},       {"threads", "N"},      {"replication", "N"},
      {"max-replications", "N"}, {"output", "FILE"},  {"salt-file", "FILE"}, {"start-from", "DIR"},
      {"precision", "FRACTION"}, {"metric", "NAME"},  {"scenario", "FILE"},  {"experiment", "FILE"},
      {"optimise_file", "FILE"}, {"results", "FILE"}, {"directory", "DIR"},  {"files", "FILE"},
      {"team", "NAME"},          {"names", "DIR"},    {"snapshot", "DIR"}};
  return types;
}

std::string option_key(const CLI::Option& option) {
  if (!option.get_lnames().empty()) return option.get_lnames().front();
  return option.get_name();
}

std::vector<CLI::App*> commands_of(CLI::App& app) {
  return app.get_subcommands([](CLI::App*) { return true; });
}

std::string command_list(CLI::App& app) {
  std::string list;
  for (const CLI::App* command : commands_of(app)) list += (list.empty() ? "" : ", ") + command->get_name();
  return list;
}

// Optimal string alignment distance: edits, a swap of neighbours counting one.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

bool is_number(const std::string& word) {
  double value = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  return error == std::errc() && end == word.data() + word.size();
}

std::optional<std::string> unknown_option(CLI::App& command, const std::string& word) {
  const std::string name = word.substr(0, word.find('='));
  if (name.rfind("--", 0) == 0) {
    if (command.get_option_no_throw(name) != nullptr || name == "--help") return std::nullopt;
    std::vector<std::string> known;
    for (const CLI::Option* option : command.get_options())
      for (const std::string& l : option->get_lnames()) known.push_back("--" + l);
    const std::string nearest = nearest_word(name, known);
    if (!nearest.empty()) return fmt::format("unknown option {}; did you mean {}?", name, nearest);
    return fmt::format("unknown option {}; see 'casesim {} --help'", name, command.get_name());
  }
  // A short option, or several flags together (-fv): each letter must be one.
  if (name.size() < 2 || is_number(name)) return std::nullopt;
  const std::string letter = name.substr(0, 2);
  if (command.get_option_no_throw(letter) != nullptr || letter == "-h") return std::nullopt;
  return fmt::format("unknown option {}; see 'casesim {} --help'", letter, command.get_name());
}

// CLI11's messages, as one line that starts with "casesim:" and says where to
// look; a missing value is said in words.
std::string failure_line(const CLI::App* app, const CLI::Error& error) {
  std::string message = error.what();
  static const std::regex missing_value(R"(^(\S+): 1 required (\S+) missing$)");
  std::smatch m;
  static const std::regex missing_file(R"(^(\S+): File does not exist: (.*)$)");
  static const std::regex directory_given(R"(^(\S+): File is actually a directory: (.*)$)");
  if (std::regex_match(message, m, missing_value))
    message = fmt::format("{} needs a value: {} {}", m[1].str(), m[1].str(), m[2].str());
  else if (std::regex_match(message, m, missing_file))
    message = fmt::format("{}: no such file (the {} to read)", m[2].str(), m[1].str());
  else if (std::regex_match(message, m, directory_given))
    message = fmt::format("{}: it is a directory; give the {} file", m[2].str(), m[1].str());
  if (message == "A subcommand is required")
    message = fmt::format("no command given; the commands are {}", command_list(const_cast<CLI::App&>(*app)));
  std::replace(message.begin(), message.end(), '\n', ' ');
  const std::vector<CLI::App*> chosen = app->get_subcommands();
  const std::string help = chosen.empty() ? "casesim --help" : "casesim " + chosen.front()->get_name() + " --help";
  return fmt::format("casesim: {}; see '{}'\n", message, help);
}

}  // namespace

const std::vector<CommandExample>& command_examples() {
  static const std::vector<CommandExample> examples{
      {"run", "casesim run scenarios/baseline.yaml --replications 200 --output baseline.h5"},
      {"experiment", "casesim experiment scenarios/experiments/caseload-caps.yaml --output caps.h5"},
      {"summary", "casesim summary baseline.h5 --csv > baseline.csv"},
      {"export", "casesim export baseline.h5 --long --output baseline-long.csv"},
      {"report", "casesim report baseline.h5 --output baseline.html"},
      {"trace", "casesim trace scenarios/baseline.yaml --replication 3 --output trace.csv"},
      {"optimise", "casesim optimise scenarios/optimise/staffing.yaml --output staffing.h5"},
      {"snapshot", "casesim snapshot scenarios/snapshots/example"},
      {"whatif", "casesim whatif init scenarios/snapshots/example --output my-what-if.yaml"},
      {"init", "casesim whatif init scenarios/snapshots/example --output my-what-if.yaml"},
      {"check", "casesim check scenarios/baseline.yaml scenarios/experiments/*.yaml scenarios/snapshots/example"},
  };
  return examples;
}

std::string nearest_word(const std::string& word, const std::vector<std::string>& known) {
  std::string nearest;
  std::size_t best = 3;
  for (const std::string& candidate : known) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best && 2 * distance < word.size()) {
      best = distance;
      nearest = candidate;
    }
  }
  return nearest;
}

CLI::Validator existing_file() {
  return CLI::Validator(CLI::ExistingFile).description("");
}

CLI::Validator existing_directory() {
  return CLI::Validator(CLI::ExistingDirectory).description("");
}

void describe_commands(CLI::App& app) {
  app.failure_message(failure_line);
  // The program's own footer shows on its help page only, not under each command's.
  app.footer([&app] {
    return app.get_subcommands().empty()
               ? fmt::format("Example:\n  {}\n\nEach command's options: casesim COMMAND --help",
                             command_examples().front().example)
               : std::string();
  });
  const CLI::Validator not_empty(
      [](const std::string& value) {
        return value.empty() ? std::string("an empty file name; name the file to write") : std::string();
      },
      "", "not empty");
  std::vector<CLI::App*> commands = commands_of(app);
  for (std::size_t c = 0; c < commands.size(); ++c)  // and their own commands (whatif init)
    for (CLI::App* sub : commands_of(*commands[c])) commands.push_back(sub);
  for (CLI::App* command : commands) {
    for (CLI::Option* option : command->get_options()) {
      const std::string key = option_key(*option);
      if (const auto type = value_types().find(key); type != value_types().end() && option->get_type_size() != 0) {
        option->type_name(type->second);
      }
      if (key == "output") option->check(not_empty);
    }
    for (const CommandExample& e : command_examples())
      if (e.command == command->get_name()) command->footer(fmt::format("Example:\n  {}", e.example));
  }
}

std::optional<std::string> unknown_word(CLI::App& app, const std::vector<std::string>& arguments) {
  const auto first =
      std::find_if(arguments.begin(), arguments.end(), [](const std::string& a) { return a.empty() || a[0] != '-'; });
  if (first == arguments.end()) return std::nullopt;
  const std::vector<CLI::App*> commands = commands_of(app);
  const auto named =
      std::find_if(commands.begin(), commands.end(), [&](const CLI::App* c) { return c->check_name(*first); });
  CLI::App* command = named == commands.end() ? nullptr : *named;
  if (command == nullptr) {
    std::vector<std::string> names;
    for (const CLI::App* c : commands_of(app)) names.push_back(c->get_name());
    const std::string nearest = nearest_word(*first, names);
    if (!nearest.empty()) return fmt::format("unknown command '{}'; did you mean '{}'?", *first, nearest);
    return fmt::format("unknown command '{}'; the commands are {}", *first, command_list(app));
  }
  for (auto word = first + 1; word != arguments.end() && *word != "--"; ++word) {
    // A command's own commands (casesim whatif init): their options are theirs.
    if (!word->empty() && (*word)[0] != '-')
      if (const auto subs = command->get_subcommands([&](CLI::App* c) { return c->check_name(*word); });
          !subs.empty()) {
        command = subs.front();
        continue;
      }
    if (word->size() > 1 && (*word)[0] == '-')
      if (auto unknown = unknown_option(*command, *word)) return unknown;
  }
  return std::nullopt;
}

}  // namespace casesim::cli
