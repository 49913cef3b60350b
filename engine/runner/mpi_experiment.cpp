#include "engine/runner/mpi_experiment.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

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

MPI_Status wait_for_message(int source, int tag) {
  MPI_Status status;
  int arrived = 0;
  while (true) {
    MPI_Iprobe(source, tag, MPI_COMM_WORLD, &arrived, &status);
    if (arrived != 0) return status;
    std::this_thread::sleep_for(kPollInterval);
  }
}

std::vector<char> receive_bytes(const MPI_Status& status) {
  int size = 0;
  MPI_Get_count(&status, MPI_BYTE, &size);
  std::vector<char> bytes(static_cast<std::size_t>(size));
  MPI_Recv(bytes.data(), size, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return bytes;
}

// MPI_Pack rather than raw bytes, so numbers arrive right even between
// machines that store them differently.
class Packer {
 public:
  void add(const std::uint64_t* values, int count) { add(values, count, MPI_UINT64_T); }
  void add(const double* values, int count) { add(values, count, MPI_DOUBLE); }
  void add(const std::uint8_t* values, int count) { add(values, count, MPI_UINT8_T); }
  void add(const std::uint32_t* values, int count) { add(values, count, MPI_UINT32_T); }
  void add(std::uint64_t value) { add(&value, 1); }
  void send(int destination, int tag) {
    MPI_Send(bytes_.data(), position_, MPI_PACKED, destination, tag, MPI_COMM_WORLD);
  }

 private:
  void add(const void* values, int count, MPI_Datatype type) {
    int most = 0;
    MPI_Pack_size(count, type, MPI_COMM_WORLD, &most);
    bytes_.resize(static_cast<std::size_t>(position_ + most));
    MPI_Pack(values, count, type, bytes_.data(), static_cast<int>(bytes_.size()), &position_, MPI_COMM_WORLD);
  }
  std::vector<char> bytes_;
  int position_ = 0;
};

class Unpacker {
 public:
  explicit Unpacker(std::vector<char> bytes) : bytes_(std::move(bytes)) {}
  void take(std::uint64_t* values, int count) { take(values, count, MPI_UINT64_T); }
  void take(double* values, int count) { take(values, count, MPI_DOUBLE); }
  void take(std::uint8_t* values, int count) { take(values, count, MPI_UINT8_T); }
  void take(std::uint32_t* values, int count) { take(values, count, MPI_UINT32_T); }
  std::uint64_t take() {
    std::uint64_t value = 0;
    take(&value, 1);
    return value;
  }

 private:
  void take(void* values, int count, MPI_Datatype type) {
    MPI_Unpack(bytes_.data(), static_cast<int>(bytes_.size()), &position_, values, count, type, MPI_COMM_WORLD);
  }
  std::vector<char> bytes_;
  int position_ = 0;
};

void send_results(int threads, std::span<const ExperimentPair> chunk,
                  std::span<const model::ReplicationResult> results) {
  Packer message;
  message.add(static_cast<std::uint64_t>(threads));
  message.add(static_cast<std::uint64_t>(chunk.size()));
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const model::ReplicationResult& result = results[i];
    message.add(static_cast<std::uint64_t>(chunk[i].variant));
    message.add(static_cast<std::uint64_t>(chunk[i].replication));
    message.add(static_cast<std::uint64_t>(result.weekly.size()));
    message.add(static_cast<std::uint64_t>(result.child_visit_late.size()));
    message.add(result.summary.data(), static_cast<int>(result.summary.size()));
    message.add(result.weekly.data(), static_cast<int>(result.weekly.size()));
    message.add(result.durations.data(), static_cast<int>(result.durations.size()));
    message.add(result.child_visit_late.data(), static_cast<int>(result.child_visit_late.size()));
  }
  message.send(0, kResultsTag);
}

void send_chunk(int rank, std::span<const ExperimentPair> chunk) {
  std::vector<std::uint64_t> message{chunk.size()};
  for (const ExperimentPair& pair : chunk) {
    message.push_back(pair.variant);
    message.push_back(pair.replication);
  }
  MPI_Send(message.data(), static_cast<int>(message.size()), MPI_UINT64_T, rank, kWorkTag, MPI_COMM_WORLD);
}

std::vector<ExperimentPair> receive_chunk() {
  const MPI_Status status = wait_for_message(0, kWorkTag);
  int count = 0;
  MPI_Get_count(&status, MPI_UINT64_T, &count);
  std::vector<std::uint64_t> message(static_cast<std::size_t>(count));
  MPI_Recv(message.data(), count, MPI_UINT64_T, 0, kWorkTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  std::vector<ExperimentPair> chunk(message.at(0));
  for (std::size_t i = 0; i < chunk.size(); ++i) chunk[i] = {message.at(1 + 2 * i), message.at(2 + 2 * i)};
  return chunk;
}

}  // namespace

MpiCoordinator::MpiCoordinator(const MpiSession& session)
    : workers_(static_cast<std::size_t>(std::max(0, session.size() - 1))) {
  if (session.rank() != 0) throw std::logic_error("MpiCoordinator: only rank 0 coordinates");
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
  send_chunk(rank, worker.chunk);
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
    const MPI_Status status = wait_for_message(MPI_ANY_SOURCE, MPI_ANY_TAG);
    std::vector<char> bytes = receive_bytes(status);
    const int rank = status.MPI_SOURCE;
    Worker& worker = workers_.at(static_cast<std::size_t>(rank - 1));
    if (status.MPI_TAG == kFailureTag) {
      if (failure.empty()) failure = "rank " + std::to_string(rank) + ": " + std::string(bytes.begin(), bytes.end());
      worker.state = State::Done;
      worker.chunk.clear();
      continue;
    }
    const auto taking_in = std::chrono::steady_clock::now();
    Unpacker message(std::move(bytes));
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
      message.take(results[i].summary.data(), static_cast<int>(results[i].summary.size()));
      message.take(results[i].weekly.data(), static_cast<int>(weekly_values));
      message.take(results[i].durations.data(), static_cast<int>(results[i].durations.size()));
      message.take(results[i].child_visit_late.data(), static_cast<int>(children));
    }
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
      const MPI_Status status = wait_for_message(rank, MPI_ANY_TAG);
      receive_bytes(status);
      worker.state = status.MPI_TAG == kFailureTag ? State::Done : State::Waiting;
    }
    if (worker.state == State::Waiting) {
      send_chunk(rank, {});
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

void serve_pairs(const MpiSession& session, std::span<const model::ModelSetup> setups, std::uint64_t seed,
                 int threads) {
  RunPlan plan;
  plan.threads = threads;
  const int thread_total = thread_count(plan);
  std::vector<ExperimentPair> chunk;
  std::vector<model::ReplicationResult> results;
  while (true) {
    send_results(thread_total, chunk, results);
    chunk = receive_chunk();
    if (chunk.empty()) return;
    try {
      results = run_pairs(setups, seed, chunk, threads);
    } catch (const std::exception& e) {
      report_worker_failure(session, e.what());
      return;
    }
  }
}

void report_worker_failure(const MpiSession& session, const std::string& what) {
  (void)session;  // the session must exist: MPI is running
  MPI_Send(what.data(), static_cast<int>(what.size()), MPI_CHAR, 0, kFailureTag, MPI_COMM_WORLD);
}

}  // namespace casesim::runner
