#include "engine/runner/batch_pipeline.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/runner/run_replications.hpp"

namespace casesim::runner {

namespace {

// The team's first thread is the one that called (without OpenMP, the only one).
bool calling_thread() {
#ifdef _OPENMP
  return omp_get_thread_num() == 0;
#else
  return true;
#endif
}

// A thread waiting for room looks at the stop flag this often: a stop is a
// plain flag (set from a signal handler), which cannot wake anyone.
constexpr std::chrono::milliseconds kStopPoll{50};

class BatchPipeline {
 public:
  BatchPipeline(std::span<const ExperimentPair> pairs, std::size_t batch, const std::atomic<bool>* stop,
                const RecordChunk& record, bool prepared)
      : pairs_(pairs),
        batch_(batch),
        batches_((pairs.size() + batch - 1) / batch),
        window_((kBatchesAhead + 1) * batch),
        stop_(stop),
        record_(record),
        held_(std::min(window_, pairs.size())),
        finished_(batches_, 0),
        prepared_(prepared) {}

  // Runs `before_recording` (on the calling thread, without the lock); then
  // records what finished meanwhile.
  void prepare(const BeforeRecording& before_recording) {
    std::exception_ptr failed;
    try {
      before_recording();
    } catch (...) {
      failed = std::current_exception();
    }
    std::unique_lock lock(mutex_);
    prepared_ = true;
    if (failed) {
      record_failure_ = std::move(failed);
      room_.notify_all();
      return;
    }
    record_ready(lock);
  }

  // Waits until pair `i` is within kBatchesAhead batches of the oldest
  // unrecorded one; then whether it is to run: every pair of a batch that
  // has started runs, and no batch starts once the pipeline is halted.
  bool admit(std::size_t i) {
    std::unique_lock lock(mutex_);
    const std::size_t batch = i / batch_;
    while (batch > recorded_ + kBatchesAhead && !halted()) room_.wait_for(lock, kStopPoll);
    if (halted() && batch >= started_) return false;
    started_ = std::max(started_, batch + 1);
    return true;
  }

  // Where pair `i`'s result goes: a slot no other running pair uses, as
  // pairs more than a window apart never run at the same time.
  model::ReplicationResult& slot(std::size_t i) { return held_[i % window_]; }

  // Pair `i` has finished (`failure`: with an exception); records what is ready.
  void finished(std::size_t i, std::exception_ptr failure) {
    std::unique_lock lock(mutex_);
    ++finished_[i / batch_];
    if (failure) {
      if (!failure_ || i < failing_pair_) {
        failure_ = std::move(failure);
        failing_pair_ = i;
      }
      room_.notify_all();
    }
    record_ready(lock);
  }

  // After the team has stopped: rethrows a failure, else whether every batch was recorded.
  bool outcome() const {
    if (record_failure_) std::rethrow_exception(record_failure_);
    if (failure_) std::rethrow_exception(failure_);
    return recorded_ == batches_;
  }

 private:
  bool halted() const { return failure_ || record_failure_ || (stop_ != nullptr && stop_->load()); }
  std::size_t first_pair(std::size_t batch) const { return std::min(batch * batch_, pairs_.size()); }
  bool complete(std::size_t batch) const {
    return finished_[batch] == first_pair(batch + 1) - first_pair(batch) &&
           !(failure_ && failing_pair_ < first_pair(batch + 1));
  }

  // Records every complete batch from the oldest unrecorded one, as one
  // chunk, unless another thread is recording (that one looks again before
  // it stops, so no complete batch is left behind) or the work before
  // recording is not done (prepare() looks when it is).
  void record_ready(std::unique_lock<std::mutex>& lock) {
    if (recording_ || !prepared_) return;
    while (!record_failure_) {
      std::size_t end = recorded_;
      while (end < batches_ && complete(end)) ++end;
      if (end == recorded_) return;
      recording_ = true;
      const std::size_t first = first_pair(recorded_), last = first_pair(end);
      lock.unlock();
      std::exception_ptr failed;
      try {
        std::vector<model::ReplicationResult> results;
        results.reserve(last - first);
        for (std::size_t i = first; i < last; ++i) results.push_back(std::move(slot(i)));
        record_(pairs_.subspan(first, last - first), results);
      } catch (...) {
        failed = std::current_exception();
      }
      lock.lock();
      recording_ = false;
      if (failed) {
        record_failure_ = std::move(failed);
      } else {
        recorded_ = end;
      }
      room_.notify_all();
    }
  }

  const std::span<const ExperimentPair> pairs_;
  const std::size_t batch_;
  const std::size_t batches_;
  const std::size_t window_;  // pairs: the oldest unrecorded batch and kBatchesAhead after it
  const std::atomic<bool>* const stop_;
  const RecordChunk& record_;
  std::vector<model::ReplicationResult> held_;

  std::mutex mutex_;  // guards everything below
  std::condition_variable room_;
  std::vector<std::size_t> finished_;  // pairs finished, per batch
  std::size_t started_ = 0;            // batches with a pair admitted
  std::size_t recorded_ = 0;           // batches recorded
  bool recording_ = false;             // a thread is recording (with the mutex released)
  bool prepared_;                      // the work before recording is done
  std::exception_ptr failure_;         // the lowest-numbered failing pair's
  std::size_t failing_pair_ = 0;
  std::exception_ptr record_failure_;
};

}  // namespace

bool run_batch_pipeline(std::span<const model::ModelSetup> setups, std::uint64_t seed,
                        std::span<const ExperimentPair> pairs, std::size_t batch, int threads,
                        const std::atomic<bool>* stop, const RecordChunk& record,
                        const BeforeRecording& before_recording) {
  for (const ExperimentPair& pair : pairs)
    if (pair.variant >= setups.size())
      throw std::invalid_argument("run_pairs: variant " + std::to_string(pair.variant) + " of " +
                                  std::to_string(setups.size()));
  if (batch == 0) throw std::invalid_argument("run_batch_pipeline: batches of 0 pairs");
  BatchPipeline pipeline(pairs, batch, stop, record, !before_recording);
  RunPlan plan;
  plan.threads = threads;
  const auto n = static_cast<std::int64_t>(pairs.size());
  // The calling thread is the team's first: the work before recording (HDF5's)
  // stays on it, and a one-thread run does it before its first pair. Dynamic
  // scheduling: replications differ in length, so threads take the next pair
  // as they finish; pairs are handed out in order.
#pragma omp parallel num_threads(thread_count(plan))
  {
    if (before_recording && calling_thread()) pipeline.prepare(before_recording);
#pragma omp for schedule(dynamic, 1)
    for (std::int64_t i = 0; i < n; ++i) {
      const auto pair = static_cast<std::size_t>(i);
      // An exception must not escape a parallel region.
      std::exception_ptr failure;
      try {
        if (!pipeline.admit(pair)) continue;
        pipeline.slot(pair) = model::run_replication(setups[pairs[pair].variant], seed, pairs[pair].replication);
      } catch (...) {
        failure = std::current_exception();
      }
      pipeline.finished(pair, failure);
    }
  }
  return pipeline.outcome();
}

}  // namespace casesim::runner
