#pragma once
// Threads are settled before the run. GCC's OpenMP runtime (libgomp) has no
// way to go on with fewer threads than asked: when it cannot create one
// (under a memory limit, ulimit -v on a shared login node, each thread's stack
// and malloc arena are address space) it prints "Thread creation failed" and
// ends the program with status 1, part-way through a run. So, under a limit
// on this process's memory (ulimit -v or -d), the number that can start is
// found first by trying, in a child process (fork) that shares this one's
// memory and limits, the very parallel region the run will open; then that
// many are started here at once, and the run reuses them (libgomp keeps its
// threads between parallel regions): the run itself never creates a thread.
// Without such a limit the threads are started here at once, without the
// child (its fork and wait cost tens of milliseconds, a tenth of a short
// two-thread run); should they not start, libgomp ends the program before
// any replication has run. The results are the same with any number of threads.
#include <ostream>

namespace casesim::cli {

// `requested` threads (0: every core, as OpenMP counts them) when that many
// can be started now; otherwise half the most that could (at least 1), leaving
// room for the replications' memory, with a note saying so on `err`. Either way the threads are running when it
// returns. Where no child process can be made to try in, `requested` as it is.
int startable_threads(int requested, std::ostream& err);

}  // namespace casesim::cli
