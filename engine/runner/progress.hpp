#pragma once
// Progress of a long run (`run`, `experiment`, `optimise`) on standard error:
// done/total, replications a second and time left. On a terminal, rewritten
// in place on one line; in a log (a Slurm job's standard error), a plain line
// at the start, at most one a minute after, and one at the end, so the log
// shows how far a job got without filling up with carriage returns.
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace casesim::runner {

// "  120/600 replications (20.0%)  35.2/s  14s left": `done` of `total`
// overall, the rate from the `done_this_run` finished in `elapsed_seconds`
// (a resumed run does not count what it found done). The rate and time left
// are left out until this run has finished something. Pure, for tests.
// An optimiser's search stops when its plans are decided, so it knows only
// the most it may run: with `at_most`, "120 of at most 600" and the time left
// is at most as long.
std::string format_progress(std::size_t done, std::size_t total, std::size_t done_this_run, double elapsed_seconds,
                            bool at_most = false);

// Whether standard error is a terminal.
bool stderr_is_terminal();

enum class ProgressStyle { none, rewritten_line, plain_lines };

// A rewritten line on a terminal, plain lines in a log (standard error is a
// file or a pipe, as a batch job's is): the program's choice for every command.
ProgressStyle standard_error_progress_style();

class Progress {
 public:
  // `already_done` counts work finished before this run (a resumed run): it
  // is in done/total but not in the rate. Plain lines come at most once per
  // `every`, besides the first and the last.
  Progress(std::ostream& out, ProgressStyle style, std::size_t total, std::size_t already_done = 0,
           std::chrono::seconds every = std::chrono::seconds(60));
  // The same for a run that may stop before `most` (format_progress's at_most).
  static Progress at_most(std::ostream& out, ProgressStyle style, std::size_t most, std::size_t already_done = 0);
  // Shows nothing when `enabled` is false, a rewritten line otherwise.
  Progress(std::ostream& out, bool enabled, std::size_t total, std::size_t already_done = 0);
  void set_total(std::size_t total);  // a precision run adds replications
  void advance(std::size_t newly_done);
  // Ends the line so later output starts on its own.
  void finish();

 private:
  void start();  // the first line
  void plain_line();

  std::ostream& out_;
  ProgressStyle style_;
  bool enabled_;
  std::chrono::seconds every_{60};
  std::chrono::steady_clock::time_point last_line_;
  std::size_t total_;
  std::size_t already_done_;
  std::size_t done_ = 0;
  bool at_most_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  bool shown_ = false;
};

}  // namespace casesim::runner
