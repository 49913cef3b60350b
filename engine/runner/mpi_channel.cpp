// The MPI module (casesim_mpi.so): RankChannel over MPI. The only code that
// links MPI; casesim loads it only when an MPI launcher started it
// (mpi_session.cpp). Only the thread that joined calls MPI
// (MPI_THREAD_FUNNELED); the OpenMP threads of a replication loop never do.
#include <mpi.h>

#include <climits>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "engine/runner/rank_channel.hpp"

namespace casesim::runner {
namespace {

int message_size(std::size_t bytes) {
  if (bytes > static_cast<std::size_t>(INT_MAX))
    throw std::length_error("a message of " + std::to_string(bytes) + " bytes is more than MPI can send at once");
  return static_cast<int>(bytes);
}

class MpiChannel final : public RankChannel {
 public:
  MpiChannel() {
    int provided = 0;
    if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
      throw std::runtime_error("cannot start MPI");
    if (provided < MPI_THREAD_FUNNELED) {
      MPI_Finalize();
      throw std::runtime_error(
          "this MPI cannot be used by a program with OpenMP threads "
          "(MPI_THREAD_FUNNELED: provided " +
          std::to_string(provided) + ")");
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiChannel() override { MPI_Finalize(); }
  MpiChannel(const MpiChannel&) = delete;
  MpiChannel& operator=(const MpiChannel&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }

  void send(int destination, int tag, std::span<const std::byte> message) override {
    MPI_Send(message.data(), message_size(message.size()), MPI_BYTE, destination, tag, MPI_COMM_WORLD);
  }

  std::optional<Arrival> arrived(int source, int tag) override {
    MPI_Status status;
    int has_arrived = 0;
    MPI_Iprobe(source == kAnyRank ? MPI_ANY_SOURCE : source, tag == kAnyTag ? MPI_ANY_TAG : tag, MPI_COMM_WORLD,
               &has_arrived, &status);
    if (has_arrived == 0) return std::nullopt;
    int bytes = 0;
    MPI_Get_count(&status, MPI_BYTE, &bytes);
    return Arrival{status.MPI_SOURCE, status.MPI_TAG, static_cast<std::size_t>(bytes)};
  }

  // Messages from one rank with one tag arrive in the order sent, so this
  // takes the very message arrived() saw.
  std::vector<std::byte> receive(const Arrival& arrival) override {
    std::vector<std::byte> message(arrival.bytes);
    MPI_Recv(message.data(), message_size(message.size()), MPI_BYTE, arrival.source, arrival.tag, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    return message;
  }

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace
}  // namespace casesim::runner

// The name is kMpiModuleEntry's.
extern "C" __attribute__((visibility("default"))) casesim::runner::RankChannel* casesim_join_mpi_ranks_v1() {
  return new casesim::runner::MpiChannel();
}
static_assert(std::is_same_v<decltype(casesim_join_mpi_ranks_v1), casesim::runner::JoinMpiRanks>);
