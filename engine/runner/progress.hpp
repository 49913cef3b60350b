#pragma once
// Progress of a long run on standard error: done/total, replications a second
// and time left, rewritten in place on one line. Shown only on a terminal, so
// logs and batch jobs stay clean.
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace casesim::runner {

// "  120/600 replications (20.0%)  35.2/s  14s left": `done` of `total`
// overall, the rate from the `done_this_run` finished in `elapsed_seconds`
// (a resumed run does not count what it found done). The rate and time left
// are left out until this run has finished something. Pure, for tests.
std::string format_progress(std::size_t done, std::size_t total, std::size_t done_this_run, double elapsed_seconds);

// Whether standard error is a terminal.
bool stderr_is_terminal();

class Progress {
 public:
  // Shows nothing when `enabled` is false. `already_done` counts work finished
  // before this run (a resumed run): it is in done/total but not in the rate.
  Progress(std::ostream& out, bool enabled, std::size_t total, std::size_t already_done = 0);
  void set_total(std::size_t total);  // a precision run adds replications
  void advance(std::size_t newly_done);
  // Ends the line so later output starts on its own.
  void finish();

 private:
  std::ostream& out_;
  bool enabled_;
  std::size_t total_;
  std::size_t already_done_;
  std::size_t done_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  bool shown_ = false;
};

}  // namespace casesim::runner
