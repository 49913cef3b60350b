// The MPI module (casesim_mpi.so): RankChannel over MPI. The only code that
// links MPI; casesim loads it only when an MPI launcher started it
// (mpi_session.cpp). Only the thread that joined calls MPI
// (MPI_THREAD_FUNNELED); the OpenMP threads of a replication loop never do.
#include <mpi.h>

#include <cstdio>
#include <new>
#include <type_traits>

#include "engine/runner/rank_channel.hpp"

namespace casesim::runner {
namespace {

class MpiChannel final : public RankChannel {
 public:
  MpiChannel(int rank, int size) : rank_(rank), size_(size) {}
  ~MpiChannel() override { MPI_Finalize(); }
  MpiChannel(const MpiChannel&) = delete;
  MpiChannel& operator=(const MpiChannel&) = delete;

  int rank() const noexcept override { return rank_; }
  int size() const noexcept override { return size_; }

  std::optional<Arrival> arrived(int source, int tag) noexcept override {
    MPI_Status status;
    int has_arrived = 0;
    MPI_Iprobe(source == kAnyRank ? MPI_ANY_SOURCE : source, tag == kAnyTag ? MPI_ANY_TAG : tag, MPI_COMM_WORLD,
               &has_arrived, &status);
    if (has_arrived == 0) return std::nullopt;
    int bytes = 0;
    MPI_Get_count(&status, MPI_BYTE, &bytes);
    return Arrival{status.MPI_SOURCE, status.MPI_TAG, static_cast<std::size_t>(bytes)};
  }

 private:
  // RankChannel has checked the lengths against kMaxMessageBytes.
  void send_bytes(int destination, int tag, std::span<const std::byte> message) noexcept override {
    MPI_Send(message.data(), static_cast<int>(message.size()), MPI_BYTE, destination, tag, MPI_COMM_WORLD);
  }

  // Messages from one rank with one tag arrive in the order sent, so this
  // takes the very message arrived() saw.
  void receive_into(const Arrival& arrival, std::span<std::byte> message) noexcept override {
    MPI_Recv(message.data(), static_cast<int>(message.size()), MPI_BYTE, arrival.source, arrival.tag, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
  }

  int rank_ = 0;
  int size_ = 1;
};

// Joins the job, or says why not in `why` and returns nothing.
RankChannel* join(char* why, std::size_t why_size) noexcept {
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    std::snprintf(why, why_size, "cannot start MPI");
    return nullptr;
  }
  if (provided < MPI_THREAD_FUNNELED) {
    MPI_Finalize();
    std::snprintf(why, why_size,
                  "this MPI cannot be used by a program with OpenMP threads (MPI_THREAD_FUNNELED: provided %d)",
                  provided);
    return nullptr;
  }
  int rank = 0;
  int size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  RankChannel* channel = new (std::nothrow) MpiChannel(rank, size);
  if (channel == nullptr) {
    MPI_Finalize();
    std::snprintf(why, why_size, "out of memory");
  }
  return channel;
}

}  // namespace
}  // namespace casesim::runner

// The name is kMpiModuleEntry's.
extern "C" __attribute__((visibility("default"))) casesim::runner::RankChannel* casesim_join_mpi_ranks_v2(
    char* why, std::size_t why_size) noexcept {
  return casesim::runner::join(why, why_size);
}
static_assert(std::is_same_v<decltype(casesim_join_mpi_ranks_v2), casesim::runner::JoinMpiRanks>);
