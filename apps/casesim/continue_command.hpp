#pragma once
// The command that continues a stopped experiment, printed when it stops: it
// must give every option that shaped the run (the resume refuses any other
// run, runner::what_differs), so copying it as printed works.
#include <string>

#include "apps/casesim/experiment_command.hpp"

namespace casesim::cli {

// "casesim experiment FILE --resume --output OUT" and every option of
// `options` that shapes the numbers (replications, seed, precision target,
// snapshot, --lenient, --salt-file), each quoted for a POSIX shell when needed.
std::string continue_command(const ExperimentOptions& options, const std::string& output);

// `word` as one word for a POSIX shell: as it is when it is plain, otherwise in single quotes.
std::string shell_word(const std::string& word);

}  // namespace casesim::cli
