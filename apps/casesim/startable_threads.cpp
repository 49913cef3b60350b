#include "apps/casesim/startable_threads.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>
#include <omp.h>

namespace casesim::cli {

namespace {

// Opens a parallel region of `threads` threads, each allocating as a
// replication does (its first allocation makes its malloc arena).
void open_parallel_region(int threads) {
#pragma omp parallel num_threads(threads)
  {
    void* memory = std::malloc(4096);
    std::free(memory);
  }
}

// Whether `threads` threads start, tried in a child process: libgomp ends a
// child that cannot start them with status 1, and its message goes nowhere.
// Empty when no child process can be made.
std::optional<bool> start_in_a_child(int threads) {
  std::fflush(nullptr);
  const pid_t child = fork();
  if (child < 0) return std::nullopt;
  if (child == 0) {
    const int nowhere = open("/dev/null", O_WRONLY);
    if (nowhere >= 0) dup2(nowhere, STDERR_FILENO);
    open_parallel_region(threads);
    _exit(0);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) return std::nullopt;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Whether a limit on this process's memory could stop a thread starting: an
// address-space or data limit (ulimit -v, ulimit -d), which each thread's
// stack and malloc arena count against. Without one a thread fails to start
// only when the whole machine is out of memory or threads.
bool threads_memory_limited() {
  for (const int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    rlimit limit{};
    if (getrlimit(resource, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY) return true;
  }
  return false;
}

}  // namespace

int startable_threads(int requested, std::ostream& err) {
  const int wanted = requested > 0 ? requested : omp_get_max_threads();
  if (wanted <= 1) return requested;
  // The child costs a fork of the whole program, its pages' copy-on-write
  // faults after, and a wait: tens of milliseconds, a tenth of a short
  // two-thread run. Without a memory limit the threads start here directly.
  if (!threads_memory_limited()) {
    open_parallel_region(wanted);
    return requested;
  }
  const std::optional<bool> all = start_in_a_child(wanted);
  if (!all) return requested;
  if (*all) {
    open_parallel_region(wanted);
    return requested;
  }
  // The most that start: 1 always does (the program's own thread).
  int low = 1, high = wanted - 1;
  while (low < high) {
    const int middle = low + (high - low + 1) / 2;
    if (start_in_a_child(middle).value_or(false)) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  // Half of them: the replications' own memory comes out of the same limit
  // once the threads are there (with all of them, a run under 200 MB of
  // address space started 21 and then ran out of memory; with half, it finished).
  const int could = std::max(1, low / 2);
  open_parallel_region(could);
  err << fmt::format(
      "casesim: only {} of {} threads could be started here (a memory limit, such as ulimit -v, leaves no room for "
      "more); running with {}, leaving room for their work (the results do not depend on it)\n",
      low, wanted, could);
  return could;
}

}  // namespace casesim::cli
