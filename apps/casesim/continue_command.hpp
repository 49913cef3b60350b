#pragma once
// A run, an experiment or a search (optimise) stopped part-way (Ctrl-C, SIGTERM, SIGHUP) and how
// it continues: `--resume` takes up OUTPUT.partial only if it holds the same
// run (runner::what_differs), and the command printed when it stops gives
// every option that shaped the run, so copying it as printed works.
#include <string>

#include "apps/casesim/experiment_command.hpp"
#include "apps/casesim/optimise_command.hpp"
#include "apps/casesim/run_command.hpp"
#include "engine/runner/recording.hpp"

namespace casesim::cli {

// "casesim experiment FILE --resume --output OUT" and every option of
// `options` that shapes the numbers (replications, seed, precision target,
// snapshot, --lenient, --salt-file, --team), each quoted for a POSIX shell when needed.
std::string continue_command(const ExperimentOptions& options, const std::string& output);
// "casesim run [SCENARIO] --resume --output OUT" and the same for a run
// (replications, seed, snapshot options, --no-comparison).
std::string continue_command(const RunOptions& options, const std::string& output);
// "casesim optimise FILE --resume --output OUT" and the same for a search
// (seed, snapshot options).
std::string continue_command(const OptimiseOptions& options, const std::string& output);

// `word` as one word for a POSIX shell: as it is when it is plain, otherwise in single quotes.
std::string shell_word(const std::string& word);

// A new OUTPUT.partial (begun: laid out as the run starts, see
// runner::Recording::begin), or with `resume` the one there, continued; a resume
// of another run is a UsageError saying what differs, of `whose` unfinished
// run it is not ("search's"; empty: "experiment's" or "run's", from `metadata`).
runner::Recording start_or_resume(const std::string& output, const results::Metadata& metadata,
                                  const results::Layout& layout, bool resume, const std::string& whose = "");

// What a stopped run prints on standard error: what is saved where, and the
// command that continues it.
std::string stopped_note(const runner::Recording& recording, const std::string& continue_command);

}  // namespace casesim::cli
