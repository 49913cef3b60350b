#include "apps/casesim/startable_threads.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <omp.h>

namespace casesim::cli {

int startable_threads(int requested, std::ostream& err) {
  const int wanted = requested > 0 ? requested : omp_get_max_threads();
  if (wanted <= 1) return requested;
  // Each waits until all are tried, so that they are alive at once as the
  // run's threads will be (with the same default stack as OpenMP's).
  std::mutex mutex;
  std::condition_variable released;
  bool release = false;
  std::vector<std::thread> started;
  started.reserve(static_cast<std::size_t>(wanted - 1));
  try {
    for (int t = 1; t < wanted; ++t)
      started.emplace_back([&] {
        std::unique_lock lock(mutex);
        released.wait(lock, [&] { return release; });
      });
  } catch (const std::system_error&) {
  }
  {
    const std::lock_guard lock(mutex);
    release = true;
  }
  released.notify_all();
  for (std::thread& t : started) t.join();
  const int started_count = static_cast<int>(started.size()) + 1;
  if (started_count == wanted) return requested;
  // Half of what started: the run's own memory (each thread's replication)
  // comes out of the same limit once the threads are there.
  const int could = std::max(1, started_count / 2);
  err << fmt::format(
      "casesim: only {} of {} threads could be started here (a memory limit, such as ulimit -v, leaves no room for "
      "more); running with {}, leaving room for their work (the results do not depend on it)\n",
      started_count, wanted, could);
  return could;
}

}  // namespace casesim::cli
