#pragma once
// The command line as a whole, the way git and cargo behave: one table of the
// commands with an example each, option values typed in the help (--output
// FILE, not TEXT), a typo answered with the nearest word ("unknown command
// 'rnu'; did you mean 'run'?"), and every mistake one line starting with
// "casesim:". Each command still registers its own options (commands.hpp);
// this only describes and checks what they registered.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace casesim::cli {

struct CommandExample {
  std::string_view command;
  std::string_view example;  // a complete command line that works from the source tree
};

// One per command, in the order `casesim --help` lists them.
const std::vector<CommandExample>& command_examples();

// CLI11's checks that a file or a folder exists, without the ":FILE" they
// would add to the value's type in the help (describe_commands gives every
// value its type, which says it).
CLI::Validator existing_file();
CLI::Validator existing_directory();

// Gives every option of every command its value's type in the help, refuses
// an empty --output (`-o ''` is a mistake, not the default name), ends each
// command's help with its example, and makes parse errors one line.
void describe_commands(CLI::App& app);

// Before parsing: an unknown command or option in `arguments` (argv without
// the program), as the message to print after "casesim: ", with the nearest
// known word when one is close. Nothing when every word is known. Found here,
// not by the parser, because the parser would first take the option's value
// for a file name ("File does not exist: 5").
std::optional<std::string> unknown_word(CLI::App& app, const std::vector<std::string>& arguments);

// The known word nearest to `word` when it is close enough to be a typo (at
// most 2 edits, a swap of neighbours counting as one, and fewer than half its
// letters); empty otherwise.
std::string nearest_word(const std::string& word, const std::vector<std::string>& known);

}  // namespace casesim::cli
