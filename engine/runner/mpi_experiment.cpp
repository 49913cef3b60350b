#include "engine/runner/mpi_experiment.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "engine/runner/rank_message.hpp"
#include "engine/runner/run_replications.hpp"

namespace casesim::runner {

namespace {

// Worker to rank 0: the results of the last chunk (none at first), which also
// asks for the next. Rank 0 to worker: the next chunk (no pairs: no more work).
constexpr int kResultsTag = 1;
constexpr int kWorkTag = 2;
constexpr int kFailureTag = 3;

// Waiting ranks poll rather than block: a blocking MPI receive spins on its
// core, and rank 0 (and a worker between rounds) would take that core from
// the simulations sharing the node. A millisecond is nothing beside a chunk.
constexpr auto kPollInterval = std::chrono::milliseconds(1);

RankChannel::Arrival wait_for_message(RankChannel& ranks, int source, int tag) {
  while (true) {
    if (const std::optional<RankChannel::Arrival> arrival = ranks.arrived(source, tag)) return *arrival;
    std::this_thread::sleep_for(kPollInterval);
  }
}

void send_results(RankChannel& ranks, int threads, std::span<const ExperimentPair> chunk,
                  std::span<const model::ReplicationResult> results) {
  OutgoingMessage message;
  message.add(static_cast<std::uint64_t>(threads));
  message.add(static_cast<std::uint64_t>(chunk.size()));
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const model::ReplicationResult& result = results[i];
    message.add(static_cast<std::uint64_t>(chunk[i].variant));
    message.add(static_cast<std::uint64_t>(chunk[i].replication));
    message.add(static_cast<std::uint64_t>(result.weekly.size()));
    message.add(static_cast<std::uint64_t>(result.child_visit_late.size()));
    message.add(result.summary);
    message.add(result.weekly);
    message.add(result.durations);
    message.add(result.child_visit_late);
  }
  ranks.send(0, kResultsTag, message.bytes());
}

void send_chunk(RankChannel& ranks, int rank, std::span<const ExperimentPair> chunk) {
  OutgoingMessage message;
  message.add(static_cast<std::uint64_t>(chunk.size()));
  for (const ExperimentPair& pair : chunk) {
    message.add(static_cast<std::uint64_t>(pair.variant));
    message.add(static_cast<std::uint64_t>(pair.replication));
  }
  ranks.send(rank, kWorkTag, message.bytes());
}

std::string failure_text(std::span<const std::byte> bytes) {
  std::string text(bytes.size(), ' ');
  std::transform(bytes.begin(), bytes.end(), text.begin(), [](std::byte b) { return static_cast<char>(b); });
  return text;
}

std::vector<ExperimentPair> receive_chunk(RankChannel& ranks) {
  IncomingMessage message(ranks.receive(wait_for_message(ranks, 0, kWorkTag)));
  std::vector<ExperimentPair> chunk(message.take());
  for (ExperimentPair& pair : chunk) {
    pair.variant = message.take();
    pair.replication = message.take();
  }
  return chunk;
}

}  // namespace

MpiCoordinator::MpiCoordinator(RankChannel& ranks)
    : ranks_(ranks), workers_(static_cast<std::size_t>(std::max(0, ranks.size() - 1))) {
  if (ranks.rank() != 0) throw std::logic_error("MpiCoordinator: only rank 0 coordinates");
}

MpiCoordinator::~MpiCoordinator() {
  try {
    release();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor cannot report; MPI errors abort the job anyway
  }
}

int MpiCoordinator::threads_in_all() const {
  int threads = 0;
  for (const Worker& worker : workers_) threads += worker.threads;
  return threads;
}

void MpiCoordinator::hand_out(int rank, std::span<const ExperimentPair> pairs, std::size_t& next, bool stoppable,
                              std::int64_t days_per_pair) {
  Worker& worker = workers_[static_cast<std::size_t>(rank - 1)];
  // Big chunks while much is left (one process's batch: every thread busy,
  // few messages and flushes, and short replications not written a few at a
  // time), then smaller ones so the workers finish together: about half of
  // what would be each worker's share of the rest, but never fewer pairs
  // than the worker has threads.
  const std::size_t threads = static_cast<std::size_t>(std::max(1, worker.threads));
  const std::size_t batch = batch_size(static_cast<int>(threads), stoppable, days_per_pair);
  const std::size_t remaining = pairs.size() - next;
  const std::size_t share = (remaining + 2 * workers_.size() - 1) / (2 * workers_.size());
  const std::size_t size = std::min(remaining, std::clamp(share, threads, batch));
  worker.chunk.assign(pairs.begin() + static_cast<std::ptrdiff_t>(next),
                      pairs.begin() + static_cast<std::ptrdiff_t>(next + size));
  next += size;
  worker.state = State::Working;
  send_chunk(ranks_, rank, worker.chunk);
}

bool MpiCoordinator::run(std::span<const ExperimentPair> pairs, const RecordChunk& record,
                         const std::atomic<bool>* stop, std::int64_t days_per_pair) {
  if (workers_.empty()) throw std::logic_error("MpiCoordinator::run: no worker ranks");
  std::size_t next = 0;
  std::string failure;
  const auto handing_out = [&] { return next < pairs.size() && failure.empty() && (stop == nullptr || !stop->load()); };
  const auto any_working = [&] {
    return std::any_of(workers_.begin(), workers_.end(), [](const Worker& w) { return w.state == State::Working; });
  };
  const auto any_left = [&] {
    return std::any_of(workers_.begin(), workers_.end(), [](const Worker& w) { return w.state != State::Done; });
  };
  for (std::size_t k = 0; k < workers_.size(); ++k)
    if (workers_[k].state == State::Waiting && handing_out())
      hand_out(static_cast<int>(k + 1), pairs, next, stop != nullptr, days_per_pair);

  while (any_working() || (handing_out() && any_left())) {
    const RankChannel::Arrival arrival = wait_for_message(ranks_, RankChannel::kAnyRank, RankChannel::kAnyTag);
    std::vector<std::byte> bytes = ranks_.receive(arrival);
    const int rank = arrival.source;
    Worker& worker = workers_.at(static_cast<std::size_t>(rank - 1));
    if (arrival.tag == kFailureTag) {
      if (failure.empty()) failure = "rank " + std::to_string(rank) + ": " + failure_text(bytes);
      worker.state = State::Done;
      worker.chunk.clear();
      continue;
    }
    const auto taking_in = std::chrono::steady_clock::now();
    IncomingMessage message(std::move(bytes));
    worker.threads = static_cast<int>(message.take());
    const std::uint64_t count = message.take();
    if (count != worker.chunk.size())
      throw std::logic_error("MpiCoordinator: rank " + std::to_string(rank) + " returned " + std::to_string(count) +
                             " results for " + std::to_string(worker.chunk.size()) + " pairs");
    std::vector<model::ReplicationResult> results(count);
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t variant = message.take(), replication = message.take();
      const std::uint64_t weekly_values = message.take(), children = message.take();
      if (ExperimentPair{variant, replication} != worker.chunk[i])
        throw std::logic_error("MpiCoordinator: rank " + std::to_string(rank) + " returned pairs out of order");
      results[i].weekly.resize(weekly_values);
      results[i].child_visit_late.resize(children);
      message.take(results[i].summary);
      message.take(results[i].weekly);
      message.take(results[i].durations);
      message.take(results[i].child_visit_late);
    }
    if (!message.finished())
      throw std::logic_error("MpiCoordinator: rank " + std::to_string(rank) + " sent more than its results");
    const std::vector<ExperimentPair> done = std::move(worker.chunk);
    worker.chunk.clear();
    worker.state = State::Waiting;
    // Answer first, so the worker computes while this rank writes.
    const auto answering = std::chrono::steady_clock::now();
    if (handing_out()) hand_out(rank, pairs, next, stop != nullptr, days_per_pair);
    const auto recording = std::chrono::steady_clock::now();
    if (!done.empty()) record(done, results);
    recording_seconds_ += std::chrono::duration<double>(answering - taking_in).count() +
                          std::chrono::duration<double>(std::chrono::steady_clock::now() - recording).count();
  }
  if (!failure.empty()) throw std::runtime_error(failure);
  if (next < pairs.size() && !any_left()) throw std::logic_error("MpiCoordinator::run: the workers were released");
  return next == pairs.size();
}

void MpiCoordinator::release() {
  for (std::size_t k = 0; k < workers_.size(); ++k) {
    Worker& worker = workers_[k];
    const int rank = static_cast<int>(k + 1);
    while (worker.state == State::NotHeardFrom || worker.state == State::Working) {
      const RankChannel::Arrival arrival = wait_for_message(ranks_, rank, RankChannel::kAnyTag);
      ranks_.receive(arrival);
      worker.state = arrival.tag == kFailureTag ? State::Done : State::Waiting;
    }
    if (worker.state == State::Waiting) {
      send_chunk(ranks_, rank, {});
      worker.state = State::Done;
    }
    worker.chunk.clear();
  }
}

PairRunner on_worker_ranks(MpiCoordinator& coordinator, const std::atomic<bool>* stop, std::int64_t days_per_pair) {
  PairRunner on_workers;
  // Rank 0 only records here, so what comes before recording is simply done first.
  on_workers.run_round = [&coordinator, stop, days_per_pair](std::span<const ExperimentPair> pairs,
                                                             const RecordChunk& record,
                                                             const BeforeRecording& before_recording) {
    if (before_recording) before_recording();
    return coordinator.run(pairs, record, stop, days_per_pair);
  };
  on_workers.describe = [&coordinator] {
    return fmt::format("{} worker rank{} with {} threads in all (rank 0 recording results {:.2f} s)",
                       coordinator.workers(), coordinator.workers() == 1 ? "" : "s", coordinator.threads_in_all(),
                       coordinator.recording_seconds());
  };
  return on_workers;
}

void serve_pairs(RankChannel& ranks, std::span<const model::ModelSetup> setups, std::uint64_t seed, int threads) {
  RunPlan plan;
  plan.threads = threads;
  const int thread_total = thread_count(plan);
  std::vector<ExperimentPair> chunk;
  std::vector<model::ReplicationResult> results;
  while (true) {
    send_results(ranks, thread_total, chunk, results);
    chunk = receive_chunk(ranks);
    if (chunk.empty()) return;
    try {
      results = run_pairs(setups, seed, chunk, threads);
    } catch (const std::exception& e) {
      report_worker_failure(ranks, e.what());
      return;
    }
  }
}

void report_worker_failure(RankChannel& ranks, const std::string& what) {
  ranks.send(0, kFailureTag, std::as_bytes(std::span(what)));
}

}  // namespace casesim::runner
