#pragma once
// Threads are tried before the run: under a memory limit (ulimit -v on a
// shared login node) the OpenMP runtime cannot create its threads and aborts
// the program with status 1 and its own message, part-way through a run.
// Tried here first, the run goes on with the threads that could be started:
// the results are the same with any number of threads.
#include <ostream>

namespace casesim::cli {

// `requested` threads (0: every core, as OpenMP counts them) when that many
// can be started now; otherwise as many as could, at least 1, with a note
// saying so on `err`.
int startable_threads(int requested, std::ostream& err);

}  // namespace casesim::cli
