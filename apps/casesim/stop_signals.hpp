#pragma once
// Ctrl-C (SIGINT), SIGTERM (Slurm's scancel or time limit) and SIGHUP (a
// closed terminal or ssh session) ask a run to stop after the batch it is
// running, so the replications it finished are saved and it can be resumed.
// A second signal of the kind is no kinder: the run still ends after its batch.
#include <atomic>

namespace casesim::cli {

class StopOnSignals {
 public:
  // Catches the three signals until destroyed, when their handlers are put back.
  StopOnSignals();
  ~StopOnSignals();
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

  // Set once one of the signals came; for runner::run_here.
  const std::atomic<bool>* requested() const;

  // Ends the program as that signal would have (after the handlers are put
  // back), so shells and job schedulers see the interruption.
  [[noreturn]] static void end_as_signalled();
};

}  // namespace casesim::cli
